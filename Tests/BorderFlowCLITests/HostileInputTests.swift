import BorderFlowTestSupport
import Foundation
import Testing

/// A copy of the hand-made network fixture (tiny + network) in a temporary folder, broken in one way.
struct HostileDataset {
    let directory: URL

    init(_ name: String, _ breakIt: (URL) throws -> Void = { _ in }) throws {
        directory = try Fixtures.copy(["tiny", "network"], label: "hostile-\(name)")
        try breakIt(directory)
    }

    func file(_ name: String) -> URL { directory.appendingPathComponent(name) }

    func text(_ name: String) throws -> String { try String(contentsOf: file(name), encoding: .utf8) }

    func write(_ name: String, _ text: String) throws { try Data(text.utf8).write(to: file(name)) }

    /// Replaces the first occurrence of `target` in a file.
    func replace(in name: String, _ target: String, with replacement: String) throws {
        let original = try text(name)
        let range = try #require(original.range(of: target), "\(target) is in \(name)")
        try write(name, original.replacingCharacters(in: range, with: replacement))
    }
}

/// Broken and hostile input: every case gets a clear message naming file, feature and field, a non-zero exit,
/// and no output file, whole or partial.
@Suite("Hostile input")
struct HostileInputTests {
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("borderflow-hostile-out-\(UUID().uuidString)", isDirectory: true)

    /// Exports the dataset and expects a refusal that says `expected`, with nothing written.
    func expectRefusal(_ dataset: HostileDataset, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let run = try BorderFlowRun("export", "--data", dataset.directory.path, "--out", output.path)
        #expect(run.status == 1, "exit status", sourceLocation: sourceLocation)
        for part in expected {
            #expect(run.standardError.contains(part), "\(part) in: \(run.standardError)", sourceLocation: sourceLocation)
        }
        #expect(!run.standardError.contains("Fatal error"), sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: output.path), "nothing written", sourceLocation: sourceLocation)
    }

    @Test func truncatedJSON() throws {
        let dataset = try HostileDataset("truncated") { _ in }
        try dataset.write("crossings.geojson", String(try dataset.text("crossings.geojson").prefix(300)))
        try expectRefusal(dataset, ["crossings.geojson: not valid JSON: Unexpected end of file"])
    }

    @Test func deeplyNestedJSON() throws {
        let dataset = try HostileDataset("nested")
        try dataset.write("places.geojson", "{\"type\":\"FeatureCollection\",\"features\":" + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}")
        try expectRefusal(dataset, ["places.geojson: not valid JSON: Too many nested arrays or dictionaries", "(line 1, column"])
    }

    @Test func hugeCoordinateValues() throws {
        let dataset = try HostileDataset("huge")
        try dataset.replace(in: "places.geojson", "[-111.2,31.1]", with: "[-1.0e300,31.1]")
        try expectRefusal(dataset, ["places.geojson: feature 0 (id \"sur\"), field \"geometry.coordinates\"", "is not a valid longitude/latitude"])
    }

    @Test func numbersBeyondADouble() throws {
        let dataset = try HostileDataset("overflow")
        try dataset.replace(in: "places.geojson", "[-111.2,31.1]", with: "[-111.2,1e999]")
        try expectRefusal(dataset, ["places.geojson: not valid JSON at features[0].geometry.coordinates[1]: a number too large to represent"])
    }

    @Test func notANumberAndInfinity() throws {
        for literal in ["NaN", "Infinity", "-Infinity"] {
            let dataset = try HostileDataset("nan")
            try dataset.replace(in: "places.geojson", "[-111.2,31.1]", with: "[\(literal),31.1]")
            try expectRefusal(dataset, ["places.geojson: not valid JSON: Invalid value around character", "(line 2, column"])
        }
    }

    @Test func anEmptyFile() throws {
        let dataset = try HostileDataset("zero-bytes")
        try dataset.write("sectors.geojson", "")
        try expectRefusal(dataset, ["sectors.geojson: the file is empty; expected a GeoJSON FeatureCollection"])
    }

    @Test func emptyCollections() throws {
        let dataset = try HostileDataset("empty")
        try dataset.write("crossings.geojson", "{\"type\":\"FeatureCollection\",\"features\":[]}")
        try expectRefusal(dataset, ["crossings.geojson: field \"features\": the collection is empty; a dataset needs at least one crossing"])
    }

    @Test func aHoleOutsideItsShell() throws {
        let dataset = try HostileDataset("hole")
        try dataset.replace(in: "sectors.geojson", "[-111.5,31.3]]]", with: "[-111.5,31.3]],[[-115,20],[-114,20],[-114,21],[-115,21],[-115,20]]]")
        try expectRefusal(dataset, ["sectors.geojson: feature 0 (id \"west\"), field \"geometry\"", "Hole lies outside shell"])
    }

    @Test func aSelfIntersectingRing() throws {
        let dataset = try HostileDataset("bowtie")
        try dataset.replace(in: "sectors.geojson", "[[-111.5,31.3],[-111.0,31.3],[-111.0,31.8],[-111.5,31.8],[-111.5,31.3]]",
                            with: "[[-111.5,31.3],[-111.0,31.8],[-111.0,31.3],[-111.5,31.8],[-111.5,31.3]]")
        try expectRefusal(dataset, ["sectors.geojson: feature 0 (id \"west\"), field \"geometry\"", "Self-intersection"])
    }

    @Test func aRingWithFewerThanFourPositions() throws {
        let dataset = try HostileDataset("short")
        try dataset.replace(in: "sectors.geojson", "[[-111.5,31.3],[-111.0,31.3],[-111.0,31.8],[-111.5,31.8],[-111.5,31.3]]",
                            with: "[[-111.5,31.3],[-111.0,31.3],[-111.5,31.3]]")
        try expectRefusal(dataset, ["sectors.geojson: feature 0 (id \"west\"), field \"geometry.coordinates[0]\": a linear ring needs at least 4 positions, found 3"])
    }

    @Test func duplicateIDs() throws {
        let dataset = try HostileDataset("duplicate")
        try dataset.replace(in: "crossings.geojson", "\"id\":\"gate-b\",\"geometry\"", with: "\"id\":\"gate-a\",\"geometry\"")
        try dataset.replace(in: "crossings.geojson", "\"properties\":{\"id\":\"gate-b\"", with: "\"properties\":{\"id\":\"gate-a\"")
        try expectRefusal(dataset, ["crossings.geojson: feature 1 (id \"gate-a\"), field \"id\"", "duplicate"])
    }

    @Test func aRoadToAMissingNode() throws {
        let dataset = try HostileDataset("dangling")
        try dataset.replace(in: "roads.geojson", "\"to\":\"gate-a\"", with: "\"to\":\"gate-z\"")
        try expectRefusal(dataset, ["roads.geojson: feature 0 (id \"mx-sur-gate-a\"), field \"to\": no place, junction or crossing has the id \"gate-z\""])
    }

    @Test func aCrossingNoRoadReaches() throws {
        let dataset = try HostileDataset("unreachable")
        let collection = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: dataset.file("roads.geojson"))) as? [String: Any])
        let features = try #require(collection["features"] as? [[String: Any]]).filter { feature in
            let properties = feature["properties"] as? [String: Any] ?? [:]
            return properties["from"] as? String != "gate-b" && properties["to"] as? String != "gate-b"
        }
        try JSONSerialization.data(withJSONObject: ["type": "FeatureCollection", "features": features]).write(to: dataset.file("roads.geojson"))
        try expectRefusal(dataset, ["crossings.geojson: feature 1 (id \"gate-b\"), field \"id\": no road in roads.geojson reaches the", "unreachable"])
    }

    @Test func aTwoHundredMegabyteFileIsRefusedWithoutReadingIt() throws {
        let dataset = try HostileDataset("big")
        // A sparse file: 200 MB long, no disk used. Refused by its size, before a byte is read.
        let handle = try FileHandle(forWritingTo: dataset.file("places.geojson"))
        try handle.truncate(atOffset: 200_000_000)
        try handle.close()
        try expectRefusal(dataset, ["places.geojson: the file is 200 MB; BorderFlow reads GeoJSON files of up to 100 MB"])
    }

    @Test func oversizedScenarioAndDemandFilesAreRefused() throws {
        let folder = output.appendingPathComponent("inputs")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: output) }
        for (name, size) in [("huge.yaml", 20_000_000), ("demand.csv", 200_000_000)] {
            _ = FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: nil)
            let handle = try FileHandle(forWritingTo: folder.appendingPathComponent(name))
            try handle.truncate(atOffset: UInt64(size))
            try handle.close()
        }
        let scenario = try BorderFlowRun("divert", "--scenario", folder.appendingPathComponent("huge.yaml").path)
        #expect(scenario.status == 1)
        #expect(scenario.standardError.contains("huge.yaml: the file is 20 MB"), "\(scenario.standardError)")
        let demand = try BorderFlowRun("divert", "--demand", folder.appendingPathComponent("demand.csv").path)
        #expect(demand.status == 1)
        #expect(demand.standardError.contains("demand.csv: the file is 200 MB"), "\(demand.standardError)")
    }

    @Test func anUnknownCRS() throws {
        for crs in ["EPSG:999999", "+proj=bogus", "not a crs"] {
            let run = try BorderFlowRun("divert", "--scenario", "dec-2023", "--crs", crs, "--geojson", output.path)
            #expect(run.status == 1)
            #expect(run.standardError.contains("cannot use '\(crs)' as the working CRS"), "\(run.standardError)")
            #expect(!FileManager.default.fileExists(atPath: output.path))
        }
    }

    @Test func aScenarioWindowThatEndsBeforeItStarts() throws {
        let scenario = Fixtures.scenario("reversed-window.yaml")
        let dataset = try HostileDataset("window")
        let run = try BorderFlowRun("map", "--data", dataset.directory.path, "--scenario", scenario.path, "--out", output.appendingPathComponent("map.svg").path)
        #expect(run.status == 1)
        #expect(run.standardError.contains("reversed-window.yaml:"), "\(run.standardError)")
        #expect(run.standardError.contains("closures[0].to\": the closure window ends"), "\(run.standardError)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func aScenarioThatClosesEverythingIsAnAnswerNotAFailure() throws {
        let sectors = ["san-diego", "el-centro", "yuma", "tucson", "el-paso", "big-bend", "del-rio", "laredo", "rio-grande-valley"]
        let run = try BorderFlowRun(["divert", "--format", "json"] + sectors.flatMap { ["--close-sector", $0] })
        #expect(run.status == 0, "\(run.standardError)")
        let answer = try #require(try run.json() as? [String: Any])
        let crossings = try #require(answer["crossings"] as? [[String: Any]])
        #expect(crossings.allSatisfy { ($0["scenario"] as? Double) == 0 })
        let forgone = try #require(answer["forgone"] as? [String: Double]), deferred = try #require(answer["deferred"] as? [String: Double])
        #expect((forgone["pov"] ?? 0) > 100_000 && (forgone["pedestrian"] ?? 0) > 100_000)
        #expect((deferred["truck"] ?? 0) > 10_000 && (deferred["rail"] ?? 0) > 1_000)

        let route = try BorderFlowRun(["route", "Sonoyta", "Phoenix"] + sectors.flatMap { ["--close-sector", $0] })
        #expect(route.status == 0)
        #expect(route.standardOutput.contains("43 of the 43 crossings"), "\(route.standardOutput)")
    }
    @Test func aScenarioThatTakesEveryLaneOfAModeClosesItRatherThanQueueingForever() throws {
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: output) }
        let scenario = output.appendingPathComponent("no-lanes.yaml")
        try Data("""
            id: no-lanes
            title: "Otay Mesa's pedestrian lanes all shut, the mode not closed"
            sources:
              - title: hand-made
            capacity:
              - crossing: otay-mesa
                mode: pedestrian
                lanes: -100
            """.utf8).write(to: scenario)
        let divert = try BorderFlowRun("divert", "--scenario", scenario.path, "--format", "json")
        #expect(divert.status == 0, "\(divert.standardError)")
        let answer = try #require(try divert.json() as? [String: Any])
        let crossings = try #require(answer["crossings"] as? [[String: Any]])
        let otayMesa = try #require(crossings.first { $0["id"] as? String == "otay-mesa" && $0["mode"] as? String == "pedestrian" })
        #expect(otayMesa["status"] as? String == "closed")
        #expect(otayMesa["scenario"] as? Double == 0)
        let simulate = try BorderFlowRun("simulate", "--scenario", scenario.path, "--from", "2023-12-01", "--to", "2023-12-01", "--format", "csv")
        #expect(simulate.status == 0, "\(simulate.standardError)")
        // Columns: date, portCode, port, crossings, diverted, …: Otay Mesa's pedestrians are diverted elsewhere.
        let diverted = simulate.standardOutput.split(separator: "\n").dropFirst().compactMap { Int($0.split(separator: ",")[4]) }
        #expect(diverted.reduce(0, +) > 0, "\(simulate.standardOutput)")
        let map = try BorderFlowRun("map", "--scenario", scenario.path, "--out", output.appendingPathComponent("map.svg").path)
        #expect(map.status == 0, "\(map.standardError)")
    }
    @Test func anInvalidClosurePolygonIsRefusedWithGEOSReasonAndPlace() throws {
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: output) }
        let bowtie = "[[[-111,31],[-110,32],[-110,31],[-111,32],[-111,31]]]"
        let holeOutside = "[[[-111,31],[-110,31],[-110,32],[-111,32],[-111,31]],[[-100,20],[-99,20],[-99,21],[-100,21],[-100,20]]]"
        for (name, rings, reason) in [("bowtie", bowtie, "Self-intersection at (-110.5, 31.5)"), ("hole", holeOutside, "Hole lies outside shell")] {
            let file = output.appendingPathComponent("\(name).geojson")
            try Data(#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":\#(rings)}}]}"#.utf8).write(to: file)
            let route = try BorderFlowRun("route", "nogales-son", "tucson", "--close-polygon", file.path, "--geojson", output.appendingPathComponent("route.geojson").path)
            #expect(route.status == 1)
            #expect(route.standardError.contains("\(name).geojson feature 0 is not a valid polygon: \(reason)"), "\(route.standardError)")
            #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("route.geojson").path))

            let scenario = output.appendingPathComponent("\(name).yaml")
            try Data("""
                id: \(name)
                title: "An invalid polygon"
                sources:
                  - title: hand-made
                closures:
                  - polygon: {"type": "Polygon", "coordinates": \(rings)}
                """.utf8).write(to: scenario)
            let divert = try BorderFlowRun("divert", "--scenario", scenario.path)
            #expect(divert.status == 1)
            #expect(divert.standardError.contains("\(name).yaml:6: field \"closures[0].polygon\": not a valid polygon: \(reason)"), "\(divert.standardError)")
        }
    }

    @Test func aClosurePolygonMayBeABarePolygonOrFeatureAndClosesTheCrossingsInside() throws {
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: output) }
        // Around Lukeville (-112.82, 31.88), and nothing else.
        let polygon = #"{"type":"Polygon","coordinates":[[[-112.9,31.8],[-112.7,31.8],[-112.7,31.95],[-112.9,31.95],[-112.9,31.8]]]}"#
        for (name, text) in [("polygon", polygon), ("feature", #"{"type":"Feature","properties":{},"geometry":\#(polygon)}"#)] {
            let file = output.appendingPathComponent("\(name).geojson")
            try Data(text.utf8).write(to: file)
            let route = try BorderFlowRun("route", "sonoyta", "ajo", "--close-polygon", file.path, "--format", "json")
            #expect(route.status == 0, "\(route.standardError)")
            let answer = try #require(try route.json() as? [String: Any])
            #expect(answer["allOpenCrossing"] as? String == "lukeville", "\(route.standardOutput)")
            #expect(answer["crossing"] as? String != "lukeville", "\(route.standardOutput)")
        }
    }

    @Test func aClosurePolygonWithSwappedAxesOrAroundNoCrossingIsRefused() throws {
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: output) }
        let swapped = output.appendingPathComponent("swapped.geojson")
        try Data(#"{"type":"Polygon","coordinates":[[[31.8,-112.9],[31.8,-112.7],[31.95,-112.7],[31.95,-112.9],[31.8,-112.9]]]}"#.utf8).write(to: swapped)
        let swappedRun = try BorderFlowRun("divert", "--close-polygon", swapped.path)
        #expect(swappedRun.status == 1)
        #expect(swappedRun.standardError.contains("swapped.geojson feature 0 has the position (31.8, -112.9), which is not a longitude/latitude of the Southwest border region (longitude -125 to -85, latitude 10 to 45); longitude and latitude look swapped"), "\(swappedRun.standardError)")
        // In the Gulf of California, 100 km from any crossing.
        let empty = output.appendingPathComponent("empty.geojson")
        try Data(#"{"type":"Polygon","coordinates":[[[-113,30],[-112.5,30],[-112.5,30.5],[-113,30.5],[-113,30]]]}"#.utf8).write(to: empty)
        let emptyRun = try BorderFlowRun("divert", "--close-polygon", empty.path, "--geojson", output.appendingPathComponent("out.geojson").path)
        #expect(emptyRun.status == 1)
        #expect(emptyRun.standardError.contains("empty.geojson feature 0 holds no crossing of the dataset, so it would close nothing"), "\(emptyRun.standardError)")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("out.geojson").path))
    }
}
