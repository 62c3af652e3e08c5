import Foundation
import Testing

/// What GDAL's `ogrinfo` says about a vector file: the real GIS reader our users' tools are built on.
struct OGRLayerSummary {
    var name = ""
    var geometry = ""
    var featureCount = -1
    var fields: [String: String] = [:]

    /// Runs `ogrinfo -ro -so -al FILE` and reads each layer's summary.
    static func read(_ file: URL) throws -> [OGRLayerSummary] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["ogrinfo", "-ro", "-so", "-al", file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: file.path]) }
        var layers: [OGRLayerSummary] = []
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init) {
            if line.hasPrefix("Layer name: ") {
                layers.append(OGRLayerSummary(name: String(line.dropFirst("Layer name: ".count))))
            } else if line.hasPrefix("Geometry: ") {
                layers[layers.count - 1].geometry = String(line.dropFirst("Geometry: ".count))
            } else if line.hasPrefix("Feature Count: ") {
                layers[layers.count - 1].featureCount = Int(line.dropFirst("Feature Count: ".count)) ?? -1
            } else if !layers.isEmpty, let colon = line.range(of: ": "), !line.hasPrefix(" "), line.hasSuffix(")"),
                      !line.contains("WKT"), !line.hasPrefix("Extent") {
                let type = line[colon.upperBound...].split(separator: " ").first.map(String.init) ?? ""
                layers[layers.count - 1].fields[String(line[..<colon.lowerBound])] = type
            }
        }
        return layers
    }
}

@Suite("GeoJSON export read back by GDAL")
struct ExportCommandTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("borderflow-cli-export-\(UUID().uuidString)", isDirectory: true)

    @Test func exportWritesEveryNetworkLayerThatOGRInfoReads() throws {
        let run = try BorderFlowRun("export", "--out", folder.path)
        #expect(run.status == 0, "\(run.standardError)")
        let expected: [(String, String, Int)] = [("crossings", "Point", 60), ("sectors", "Multi Polygon", 9), ("boundary", "Line String", 1),
                                                 ("places", "Point", 216), ("roads", "Line String", 458), ("junctions", "Point", 42)]
        for (name, geometry, count) in expected {
            let layers = try OGRLayerSummary.read(folder.appendingPathComponent("\(name).geojson"))
            let layer = try #require(layers.first)
            #expect(layers.count == 1 && layer.name == name)
            #expect(layer.featureCount == count, "\(name)")
            #expect(layer.geometry == geometry, "\(name): \(layer.geometry)")
        }
        let crossings = try OGRLayerSummary.read(folder.appendingPathComponent("crossings.geojson"))[0]
        #expect(crossings.fields["pov_daily"] == "Real")
        #expect(crossings.fields["port_code"] == "String")
        #expect(crossings.fields["marker-color"] == "String")
        let roads = try OGRLayerSummary.read(folder.appendingPathComponent("roads.geojson"))[0]
        #expect(roads.fields["length_km"] == "Real")
    }

    @Test func divertWritesCrossingsFlowsSectorsAndBoundaryWithNumericFields() throws {
        let od = folder.appendingPathComponent("od.csv")
        let run = try BorderFlowRun("divert", "--scenario", "dec-2023", "--geojson", folder.path, "--od", od.path)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("san-ysidro-pedwest"), "the report still goes to standard output")
        let crossings = try #require(try OGRLayerSummary.read(folder.appendingPathComponent("crossings.geojson")).first)
        #expect(crossings.featureCount == 60 && crossings.geometry == "Point")
        for field in ["crossings_baseline", "crossings_scenario", "crossings_change", "pov_baseline", "rail_change", "pedestrian_wait_scenario"] {
            #expect(crossings.fields[field] == "Real", "\(field): \(crossings.fields[field] ?? "missing")")
        }
        #expect(crossings.fields["status"] == "String")
        let flows = try #require(try OGRLayerSummary.read(folder.appendingPathComponent("flows.geojson")).first)
        #expect(flows.geometry == "Line String")
        #expect(flows.featureCount > 1_000)
        #expect(flows.fields["baseline"] == "Real" && flows.fields["scenario"] == "Real" && flows.fields["change"] == "Real")
        #expect(flows.fields["stroke-width"] == "Real")
        let sectors = try #require(try OGRLayerSummary.read(folder.appendingPathComponent("sectors.geojson")).first)
        #expect(sectors.featureCount == 9 && sectors.fields["crossings_percent_change"] == "Real")
        let boundary = try #require(try OGRLayerSummary.read(folder.appendingPathComponent("boundary.geojson")).first)
        #expect(boundary.featureCount == 1)

        // The kepler.gl table: a row per stream, the arc columns first.
        let rows = try String(contentsOf: od, encoding: .utf8).split(separator: "\n")
        #expect(rows.first?.hasPrefix("origin_lon,origin_lat,dest_lon,dest_lat,count,") == true)
        #expect(rows.count - 1 == flows.featureCount)
    }

    @Test func textSequencesAndSingleFilesAreReadAsWell() throws {
        let sequence = try BorderFlowRun("divert", "--scenario", "dec-2023", "--geojson", folder.path, "--seq", "--min-volume", "50", "--format", "json")
        #expect(sequence.status == 0, "\(sequence.standardError)")
        let flows = try #require(try OGRLayerSummary.read(folder.appendingPathComponent("flows.geojsons")).first)
        #expect(flows.featureCount > 10)
        #expect(flows.fields["change"] == "Real")

        let file = folder.appendingPathComponent("network.geojson")
        let export = try BorderFlowRun("export", "--layers", "crossings,places", "--out", file.path)
        #expect(export.status == 0, "\(export.standardError)")
        let layer = try #require(try OGRLayerSummary.read(file).first)
        #expect(layer.name == "network")
        #expect(layer.featureCount == 60 + 216)
        #expect(layer.fields["layer"] == "String")
    }

    @Test func routeWritesItsLinesAndEnds() throws {
        let file = folder.appendingPathComponent("route.geojson")
        let run = try BorderFlowRun("route", "Sonoyta", "Phoenix", "--close", "lukeville", "--alternatives", "3", "--geojson", file.path)
        #expect(run.status == 0, "\(run.standardError)")
        let layer = try #require(try OGRLayerSummary.read(file).first)
        // Route, two more alternatives, the all-open route; origin and destination; crossings.
        #expect(layer.featureCount >= 6)
        #expect(layer.fields["travel_minutes"] == "Real")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("\"role\":\"route\"") && text.contains("\"role\":\"all-open\"") && text.contains("\"crossing\":\"lukeville\""))
    }

    @Test func routeToAFolderGivesOneGeometryTypePerFileAndEachBecomesAShapefile() throws {
        let run = try BorderFlowRun("route", "Sonoyta", "Phoenix", "--close", "lukeville", "--alternatives", "2", "--geojson", folder.path)
        #expect(run.status == 0, "\(run.standardError)")
        for (name, geometry) in [("route", "Line String"), ("route-points", "Point")] {
            let file = folder.appendingPathComponent("\(name).geojson")
            #expect(try OGRLayerSummary.read(file).map(\.geometry) == [geometry])
            // The Shapefile driver takes one geometry type per file: a mixed file fails here.
            let shapefile = folder.appendingPathComponent("\(name).shp")
            let convert = Process()
            convert.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            convert.arguments = ["ogr2ogr", "-f", "ESRI Shapefile", shapefile.path, file.path]
            convert.standardError = Pipe()
            try convert.run()
            convert.waitUntilExit()
            #expect(convert.terminationStatus == 0 && FileManager.default.fileExists(atPath: shapefile.path), "\(name)")
        }
    }

    @Test func twoRunsWriteTheSameBytes() throws {
        let first = folder.appendingPathComponent("a"), second = folder.appendingPathComponent("b")
        for target in [first, second] {
            let run = try BorderFlowRun("divert", "--scenario", "dec-2023", "--geojson", target.path, "--min-volume", "20")
            #expect(run.status == 0, "\(run.standardError)")
            let map = try BorderFlowRun("map", "--scenario", "dec-2023", "--out", target.appendingPathComponent("map.svg").path)
            #expect(map.status == 0, "\(map.standardError)")
        }
        for name in ["crossings.geojson", "flows.geojson", "sectors.geojson", "boundary.geojson", "map.svg"] {
            let a = try Data(contentsOf: first.appendingPathComponent(name)), b = try Data(contentsOf: second.appendingPathComponent(name))
            #expect(a == b, "\(name) differs between runs")
            #expect(a.count > 100)
        }
    }

    @Test func aPathThatCannotBeWrittenFailsCleanlyAndLeavesNothing() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let blocker = folder.appendingPathComponent("blocker")
        try Data("a file, not a folder".utf8).write(to: blocker)
        let run = try BorderFlowRun("export", "--out", blocker.appendingPathComponent("layers").path)
        #expect(run.status != 0)
        #expect(run.standardError.contains("cannot write"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["blocker"])

        let map = try BorderFlowRun("map", "--out", folder.appendingPathComponent("map.gif").path)
        #expect(map.status != 0)
        #expect(map.standardError.contains(".svg or .png"))
    }

    @Test func aMapsTitleNamesTheClosuresTyped() throws {
        let file = folder.appendingPathComponent("map.svg")
        let typed = try BorderFlowRun("map", "--close", "lukeville", "--close-port", "2303", "--out", file.path)
        #expect(typed.status == 0, "\(typed.standardError)")
        #expect(try String(contentsOf: file, encoding: .utf8).contains(">With lukeville, port 2303 closed<"))
        let both = try BorderFlowRun("map", "--scenario", "dec-2023", "--close", "nogales-mariposa", "--out", file.path)
        #expect(both.status == 0, "\(both.standardError)")
        #expect(try String(contentsOf: file, encoding: .utf8).contains(" — with nogales-mariposa also closed<"))
    }

    @Test func mapWritesAPNGWhenAskedFor() throws {
        let file = folder.appendingPathComponent("map.png")
        let run = try BorderFlowRun("map", "--scenario", "dec-2023", "--out", file.path)
        #expect(run.status == 0, "\(run.standardError)")
        let data = try Data(contentsOf: file)
        #expect(data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["map.png"], "no temporary files left behind")
    }
}
