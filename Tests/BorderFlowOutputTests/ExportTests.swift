import BorderFlow
import BorderFlowOutput
import BorderFlowSpatial
import Foundation
import Testing

/// GeoJSON layers and the map of a diversion on the bundled data, and the network's layers.
@Suite("Export of diversions and the network")
struct ExportTests {
    let network: BorderNetwork
    let diversion: Diversion

    init() throws {
        network = try BundledData.network.get()
        diversion = try BundledData.lukevilleAndEaglePassRail.get()
    }

    @Test func crossingLayerMarksClosedPartialAndOutOfServiceCrossings() throws {
        let layers = DiversionLayers(diversion: diversion, network: network)
        func status(_ id: String) -> String? { layers.crossings.features.first { $0.id == id }?.properties["status"]?.stringValue }
        #expect(status("lukeville") == "closed")
        #expect(status("presidio-rail") == "out-of-service")
        #expect(status("nogales-deconcini") == "open")
        #expect(layers.crossings.features.first { $0.id == "lukeville" }?.properties["marker-color"]?.stringValue == SimpleStyle.closed)
        let eaglePassRail = network.dataset.crossings.filter { $0.portCode == "2303" && $0.serves(.rail) }
        for crossing in eaglePassRail {
            let expected = crossing.modes == [.rail] ? "closed" : "partial"
            #expect(status(crossing.id) == expected, "\(crossing.id)")
        }
    }

    @Test func smallStreamsAreLeftOutOnlyBelowTheMinimumVolume() throws {
        let all = DiversionLayers(diversion: diversion, network: network, minimumVolume: 0)
        let some = DiversionLayers(diversion: diversion, network: network, minimumVolume: 10)
        #expect(some.streams.count < all.streams.count)
        #expect(some.streams.allSatisfy { max($0.stream.baseline, $0.stream.scenario) >= 10 })
        let kept = all.streams.filter { max($0.stream.baseline, $0.stream.scenario) >= 10 }.map(\.stream)
        #expect(kept == some.streams.map(\.stream))
    }

    @Test func polygonsAreWrittenCounterClockwiseWithSixDecimalsAndNoCRSMember() throws {
        let text = try GeoJSONWriter().featureCollection(DatasetLayers.layers([.sectors], of: network.dataset)[0].features, name: "sectors")
        #expect(!text.contains("\"crs\""))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let features = try #require(object["features"] as? [[String: Any]])
        #expect(features.count == network.dataset.sectors.count)
        var rings = 0
        for feature in features {
            let geometry = try #require(feature["geometry"] as? [String: Any])
            let polygons: [[[[Double]]]]
            if geometry["type"] as? String == "Polygon" {
                polygons = [try #require(geometry["coordinates"] as? [[[Double]]])]
            } else {
                polygons = try #require(geometry["coordinates"] as? [[[[Double]]]])
            }
            for polygon in polygons {
                for (index, ring) in polygon.enumerated() {
                    // Shoelace: positive for counter-clockwise in longitude/latitude.
                    let area = zip(ring, ring.dropFirst()).reduce(0.0) { $0 + ($1.0[0] * $1.1[1] - $1.1[0] * $1.0[1]) } / 2
                    #expect(index == 0 ? area > 0 : area < 0, "\(feature["id"] ?? "") ring \(index)")
                    #expect(ring.first == ring.last)
                    rings += 1
                }
            }
        }
        #expect(rings >= network.dataset.sectors.count)
        // Every number in the file, coordinates included, has at most six decimals.
        let coordinates = try NSRegularExpression(pattern: "-?[0-9]+\\.([0-9]+)")
        for match in coordinates.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            #expect(match.range(at: 1).length <= 6)
        }
    }

    @Test func theSameDiversionGivesByteIdenticalLayersAndMap() throws {
        let (demand, constants) = try BundledData.baseline.get()
        let again = try network.divert(demand: demand, constants: constants, behaviour: try FittedBehaviour.load(), closures: BundledData.lukevilleAndEaglePassRailClosures(), at: nil)
        let first = DiversionLayers(diversion: diversion, network: network)
        let second = DiversionLayers(diversion: again, network: network)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("borderflow-export-\(UUID().uuidString)")
        let a = try GeoJSONLayerFiles.texts(of: first.all, at: directory, encoding: .featureCollection)
        let b = try GeoJSONLayerFiles.texts(of: second.all, at: directory, encoding: .featureCollection)
        #expect(a.map(\.url) == b.map(\.url))
        #expect(a.map(\.text) == b.map(\.text))
        let mapA = try DiversionMap(diversion: diversion, title: "t", subtitle: "s").svg()
        let mapB = try DiversionMap(diversion: again, title: "t", subtitle: "s").svg()
        #expect(mapA == mapB)
    }

    @Test func aDiversionWritesItselfAsOneFeatureCollectionOfEveryLayer() throws {
        let layers = diversion.layers(minimumVolume: 25)
        let text = try diversion.geoJSON(minimumVolume: 25)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["type"] as? String == "FeatureCollection")
        let features = try #require(object["features"] as? [[String: Any]])
        #expect(features.count == layers.all.reduce(0) { $0 + $1.features.count })
        let tags = features.compactMap { ($0["properties"] as? [String: Any])?["layer"] as? String }
        #expect(Set(tags) == ["crossings", "flows", "sectors", "boundary"] && tags.count == features.count)
        #expect(layers.streams.allSatisfy { max($0.stream.baseline, $0.stream.scenario) >= 25 })
    }

    @Test func aFailedExportWritesNothing() throws {
        var layers = DatasetLayers.layers([.crossings, .boundary], of: network.dataset)
        layers[1].features[0].properties["broken"] = .number(.nan)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("borderflow-nan-\(UUID().uuidString)")
        #expect(throws: JSONWriteError.nonFiniteNumber) { try GeoJSONLayerFiles.write(layers, to: directory) }
        #expect(!FileManager.default.fileExists(atPath: directory.path), "not even the crossings layer, which was fine")
    }

    @Test func aSingleFileTagsEveryFeatureWithItsLayerAndAFolderGetsOneFilePerLayer() throws {
        let layers = DatasetLayers.layers([.crossings, .places], of: network.dataset)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("borderflow-layers-\(UUID().uuidString)")
        let files = try GeoJSONLayerFiles.texts(of: layers, at: folder, encoding: .textSequence)
        #expect(files.map(\.url.lastPathComponent) == ["crossings.geojsons", "places.geojsons"])
        let records = files[0].text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(records.count == network.dataset.crossings.count)
        #expect(records.allSatisfy { $0.hasPrefix("\u{1E}{\"type\":\"Feature\"") })

        let single = try GeoJSONLayerFiles.texts(of: layers, at: folder.appendingPathComponent("all.geojson"), encoding: .featureCollection)
        #expect(single.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(single[0].text.utf8)) as? [String: Any])
        let features = try #require(object["features"] as? [[String: Any]])
        #expect(features.count == network.dataset.crossings.count + network.dataset.places.count)
        let tags = features.compactMap { ($0["properties"] as? [String: Any])?["layer"] as? String }
        #expect(tags.count == features.count && Set(tags) == ["crossings", "places"])
    }

    @Test func theMapDrawsEveryClosedCrossingAndATitle() throws {
        let svg = try DiversionMap(diversion: diversion, title: "Lukeville & rail", subtitle: "test").svg()
        #expect(svg.hasPrefix("<?xml"))
        #expect(svg.contains("<title>Lukeville &amp; rail</title>"))
        let closed = network.dataset.crossings.typedIndices.filter { diversion.status(ofCrossing: $0, in: network.dataset) == .closed }.count
        // Each closed crossing is a white circle with a black ring; the legend has one more.
        #expect(svg.components(separatedBy: "fill=\"#ffffff\" fill-opacity=\"0.8\" stroke=\"#000000\"").count - 1 == closed)
        #expect(svg.contains("Lukeville"))
        #expect(svg.contains("200 km"))
    }
}
