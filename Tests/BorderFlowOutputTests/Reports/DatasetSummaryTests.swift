import BorderFlow
import BorderFlowOutput
import BorderFlowSpatial
import BorderFlowTestSupport
import Foundation
import Testing

/// `borderflow info`: what a dataset holds and how much the working CRS distorts it.
@Suite("Dataset summary")
struct DatasetSummaryTests {
    func summary(of directory: URL, crs: CoordinateReferenceSystem = WorkingCRS.borderStrip) throws -> (Dataset, DatasetSummary) {
        let dataset = try Dataset.load(from: directory, workingCRS: crs)
        return (dataset, try DatasetSummary(dataset: dataset, region: BorderRegion(sectors: dataset.sectors, boundary: dataset.boundary, workingCRS: crs)))
    }

    @Test func theTinyNetworkIsCountedAndMeasuredAsItsFilesSayInEveryForm() throws {
        let directory = try Fixtures.network()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (dataset, summary) = try summary(of: directory)
        // Two crossings at ports 2701 and 2702 in Arizona, two sectors, two places a side, one junction and
        // seven roads: four north–south between 31.1°N, the gates at 31.3005°N and 31.5°N, MEX 3 by 31.12°N
        // from Sur to Este, and I-9 along 31.5°N. No rail.
        let mex3 = 2 * (pow(WGS84.parallelKm(longitudes: 0.2, at: 31.11), 2) + pow(WGS84.meridianKm(from: 31.1, to: 31.12), 2)).squareRoot()
        let roadKm = 2 * WGS84.meridianKm(from: 31.1, to: 31.3005) + 2 * WGS84.meridianKm(from: 31.3005, to: 31.5) + mex3
            + WGS84.parallelKm(longitudes: 0.4, at: 31.5)
        let boundaryKm = WGS84.parallelKm(longitudes: 1, at: 31.3)
        #expect(summary.crossingCount == 2 && summary.portCount == 2 && summary.sectorCount == 2)
        #expect(summary.crossingsByState.map(\.state) == ["CA", "AZ", "NM", "TX"] && summary.crossingsByState.map(\.count) == [0, 2, 0, 0])
        #expect(summary.placeCount.map(\.country) == ["US", "MX"] && summary.placeCount.map(\.count) == [2, 2])
        #expect(summary.roadCount == 7 && summary.junctionCount == 1 && summary.railKm == 0)
        #expect(abs(summary.roadKm - roadKm) < 0.002 * roadKm, "\(summary.roadKm) km against \(roadKm)")
        #expect(abs(summary.boundaryKm - boundaryKm) < 0.002 * boundaryKm, "\(summary.boundaryKm) km against \(boundaryKm)")
        // Gate A: 500 pedestrians and 1,200 cars; Gate B: 2,000 cars and 150 trucks.
        #expect(summary.dailyVolume.map(\.mode) == Mode.allCases && summary.dailyVolume.map(\.volume) == [500, 3_200, 0, 150, 0])
        #expect(summary.workingCRSName == WorkingCRS.borderStripName)
        #expect(summary.scale.pointCount == dataset.allCoordinates.count)
        #expect(summary.scale.smallestScaleFactor <= summary.scale.largestScaleFactor)

        let json = summary.json()
        #expect(DocumentedJSON.documentedKeys("info", areIn: json), "\(json.keys)")
        #expect(json["dataset"]?.stringValue == directory.path)
        #expect(json["crossings"]?.numberValue == 2 && json["ports"]?.numberValue == 2 && json["sectors"]?.numberValue == 2)
        #expect(json["crossingsByState"] == .object(JSONObject([("CA", .number(0)), ("AZ", .number(2)), ("NM", .number(0)), ("TX", .number(0))])))
        #expect(json["places"] == .object(JSONObject([("US", .number(2)), ("MX", .number(2))])))
        #expect(json["roadSegments"]?.numberValue == 7 && json["junctions"]?.numberValue == 1 && json["railKm"]?.numberValue == 0)
        #expect(json["roadKm"]?.numberValue == summary.roadKm.rounded())
        #expect(json["boundaryKm"]?.numberValue == (summary.boundaryKm * 10).rounded() / 10)
        #expect(json["dailyVolume"] == .object(JSONObject([("pedestrian", .number(500)), ("pov", .number(3_200)), ("bus", .number(0)),
                                                           ("truck", .number(150)), ("rail", .number(0))])))
        let crs = try #require(json["workingCRS"])
        #expect(crs["name"]?.stringValue == WorkingCRS.borderStripName)
        #expect(crs["definition"]?.stringValue == WorkingCRS.borderStrip.definition)
        #expect(crs["pointsMeasured"]?.numberValue == Double(dataset.allCoordinates.count))
        #expect(crs["largestScaleFactor"]?.numberValue == summary.scale.largestScaleFactor)

        let csv = try CSVReader.table(summary.csv())
        #expect(csv.header == ["key", "value"])
        let values = Dictionary(uniqueKeysWithValues: csv.records.map { ($0[0], $0[1]) })
        #expect(csv.records.count == values.count, "each key once")
        #expect(values["dataset"] == directory.path && values["crossings"] == "2" && values["ports"] == "2" && values["sectors"] == "2")
        #expect(values["crossings_AZ"] == "2" && values["crossings_TX"] == "0" && values["places_US"] == "2" && values["places_MX"] == "2")
        #expect(values["roadSegments"] == "7" && values["junctions"] == "1" && values["railKm"] == "0")
        #expect(Double(values["roadKm"] ?? "") == json["roadKm"]?.numberValue)
        #expect(Double(values["boundaryKm"] ?? "") == json["boundaryKm"]?.numberValue)
        #expect(values["dailyVolume_pov"] == "3200" && values["dailyVolume_truck"] == "150" && values["dailyVolume_bus"] == "0")
        // A PROJ string begins with "+", which a spreadsheet would run as a formula: the CSV neutralises it.
        #expect(values["workingCRS"] == "'" + WorkingCRS.borderStrip.definition)
        #expect(Double(values["worstScaleErrorPercent"] ?? "") == crs["worstScaleErrorPercent"]?.numberValue)

        let lines = summary.table().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Dataset      \(directory.path)")
        #expect(lines[1] == "Crossings    2 facilities at 2 CBP ports (CA 0, AZ 2, NM 0, TX 0)")
        #expect(lines[2] == "Sectors      2 Border Patrol sectors")
        #expect(lines[3] == "Places       2 US, 2 MX")
        #expect(lines[4] == "Boundary     \(formatCount(boundaryKm)) km (geodesic, WGS 84) " + DatasetSummary.boundaryNote(lengthKm: boundaryKm))
        #expect(lines[5] == "Network      7 segments: \(formatCount(roadKm)) km of road, 0 km of rail, 1 junction")
        #expect(lines[6] == "Daily volume 500 persons (pedestrian), 3,200 vehicles (pov), 0 buses (bus), 150 trucks (truck), 0 railcars (rail)")
        #expect(lines[8] == "Working CRS  \(WorkingCRS.borderStripName)")
        #expect(lines[10].hasPrefix("Scale error  worst \(formatFixed(summary.scale.worstScaleError * 100, decimals: 3))% at "))
        #expect(lines[10].hasSuffix("measured with proj_factors at all \(dataset.allCoordinates.count) dataset coordinates"))
    }

    @Test func aDatasetWithoutRoadsSaysSoAndAnotherCRSIsUserSupplied() throws {
        let utm = CoordinateReferenceSystem(parsing: "32612")
        let (_, summary) = try summary(of: Fixtures.tiny, crs: utm)
        #expect(summary.roadCount == 0 && summary.roadKm == 0)
        #expect(summary.table().contains("\nNetwork      none (no roads.geojson)\n"))
        #expect(summary.workingCRSName == "user-supplied")
        #expect(summary.json()["workingCRS"]?["name"]?.stringValue == "user-supplied")
        #expect(summary.json()["workingCRS"]?["definition"]?.stringValue == utm.definition)
        #expect(try CSVReader.table(summary.csv()).rows.first { $0["key"] == "workingCRS" }?["value"] == utm.definition)
    }

    @Test func theBundledSummaryAgreesAcrossTableJSONAndCSVAndWithTheDataset() throws {
        let (dataset, summary) = try summary(of: DatasetFiles.bundledDirectory)
        #expect(summary.crossingCount == dataset.crossings.count && summary.portCount == Set(dataset.crossings.map(\.portCode)).count)
        #expect(summary.crossingsByState.reduce(0) { $0 + $1.count } == dataset.crossings.count, "every crossing is in one of the four states")
        #expect(summary.placeCount.reduce(0) { $0 + $1.count } == dataset.places.count)
        for (mode, volume) in summary.dailyVolume {
            #expect(volume == dataset.crossings.reduce(0) { $0 + ($1.dailyVolume[mode] ?? 0) }, "\(mode)")
        }
        let json = summary.json()
        let values = Dictionary(uniqueKeysWithValues: try CSVReader.table(summary.csv()).records.map { ($0[0], $0[1]) })
        for key in ["crossings", "ports", "sectors", "roadSegments", "junctions", "roadKm", "railKm", "boundaryKm"] {
            #expect(Double(values[key] ?? "") == json[key]?.numberValue, "\(key)")
        }
        for (mode, volume) in summary.dailyVolume {
            #expect(json["dailyVolume"]?[mode.rawValue]?.numberValue == volume.rounded() && values["dailyVolume_\(mode.rawValue)"] == formatFixed(volume, decimals: 0))
        }
        let text = summary.table()
        #expect(text.contains("\nCrossings    \(dataset.crossings.count) facilities at \(summary.portCount) CBP ports ("))
        #expect(text.contains("\nNetwork      \(formatCount(Double(dataset.roads.count))) segments: \(formatCount(summary.roadKm)) km of road, \(formatCount(summary.railKm)) km of rail, \(dataset.junctions.count) junctions\n"))
        _ = try json.printedAndReadBack()
    }

    @Test func theBoundaryLengthIsSetAgainstTheOfficialOne() {
        // The bundled line measures 2,754 km: 12 % short of the IBWC's 3,145 km.
        #expect(DatasetSummary.boundaryNote(lengthKm: 2_754) == "along the line as drawn, 12% short of the official 3,145 km (IBWC): a generalised line (the bundled one is Natural Earth 1:10m) cuts the Rio Grande's bends")
        #expect(DatasetSummary.boundaryNote(lengthKm: 3_150) == "along the line as drawn; the official length is 3,145 km (IBWC)")
    }
}
