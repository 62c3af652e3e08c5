import Foundation
import Testing

/// Arguments as people type them: names for codes, ids in any case, comma lists, negative numbers, a
/// mistyped command, options a command has no use for.
@Suite("Command line arguments")
struct ArgumentTests {
    @Test func aStateIsTakenByCodeOrNameInAnyCaseAndAnUnknownOneIsRefused() throws {
        let byName = try BorderFlowRun("crossings", "--state", "Arizona", "--format", "json")
        #expect(byName.status == 0, "\(byName.standardError)")
        let byCode = try BorderFlowRun("crossings", "--state", "az", "--format", "json")
        let names = try #require(try byName.json() as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(names.contains("lukeville") && !names.isEmpty)
        #expect(names == (try #require(try byCode.json() as? [[String: Any]])).compactMap { $0["id"] as? String })
        let unknown = try BorderFlowRun("crossings", "--state", "Sonora")
        #expect(unknown.status == 1)
        #expect(unknown.standardError.contains("no crossing is in the state \"Sonora\"; give one of AZ (Arizona), CA (California), NM (New Mexico), TX (Texas)"), "\(unknown.standardError)")
    }

    @Test func idsAreMatchedInAnyCaseAndClosureOptionsTakeCommaLists() throws {
        let typed = try BorderFlowRun("divert", "--close", "Lukeville,EAGLE-PASS-BRIDGE-1", "--close-sector", "Big-Bend", "--scenario", "DEC-2023", "--format", "json")
        #expect(typed.status == 0, "\(typed.standardError)")
        let answer = try #require(try typed.json() as? [String: Any])
        let crossings = try #require(answer["crossings"] as? [[String: Any]])
        let closed = Set(crossings.filter { $0["status"] as? String == "closed" }.compactMap { $0["id"] as? String })
        #expect(closed.isSuperset(of: ["lukeville", "eagle-pass-bridge-1", "presidio", "san-ysidro-pedwest"]), "\(closed.sorted())")
        let sector = try BorderFlowRun("crossings", "--sector", "Laredo", "--format", "json")
        #expect(sector.status == 0, "\(sector.standardError)")
        #expect((try sector.json() as? [[String: Any]])?.isEmpty == false)
    }

    @Test func aNegativeCountIsRefusedByItsOwnRuleNotAsAMissingValue() throws {
        let run = try BorderFlowRun("route", "sonoyta", "ajo", "--alternatives", "-2")
        #expect(run.status == 64)
        #expect(run.standardError.contains("--alternatives -2 is out of range; list from 0 to 100 alternatives"), "\(run.standardError)")
        let threads = try BorderFlowRun("simulate", "--from", "2023-12-01", "--to", "2023-12-01", "--threads", "-1")
        #expect(threads.standardError.contains("--threads -1 is out of range; use from 1 to 1024 threads"), "\(threads.standardError)")
    }

    @Test func aMistypedCommandGetsTheNearestCommands() throws {
        let run = try BorderFlowRun("routes", "sonoyta", "ajo")
        #expect(run.status == 64)
        #expect(run.standardError.hasPrefix("borderflow: error: no command 'routes'; did you mean 'route'"), "\(run.standardError)")
    }

    @Test func versionPrintsTheReleaseOnStandardOutput() throws {
        let run = try BorderFlowRun("--version")
        #expect(run.status == 0)
        #expect(run.standardOutput.wholeMatch(of: /borderflow \d+\.\d+\.\d+\n/) != nil, "\(run.standardOutput)")
    }

    @Test func escapeSequencesInArgumentsReachTheTerminalWrittenOut() throws {
        // A place name and an option value holding ESC [31m (red) and a bell: both messages show them as text.
        let place = try BorderFlowRun("route", "\u{1B}[31mred", "phoenix")
        #expect(place.status == 1)
        #expect(place.standardError.contains("no place is called \"\\u{1B}[31mred\""), "\(place.standardError)")
        let option = try BorderFlowRun("route", "tucson", "phoenix", "--mode", "car\u{7}")
        #expect(option.status == 64)
        #expect(option.standardError.contains("car\\u{7}"), "\(option.standardError)")
        for message in [place.standardError, option.standardError] {
            #expect(!message.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" })
        }
    }

    @Test func mapRefusesAFormatItWouldIgnore() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("borderflow-map-\(UUID().uuidString).svg")
        let run = try BorderFlowRun("map", "--format", "json", "--out", out.path)
        #expect(run.status == 64)
        #expect(run.standardError.contains("map draws a picture and takes no --format (json)"), "\(run.standardError)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func theFileExtensionDecidesBetweenASequenceAndAFeatureCollection() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("borderflow-seq-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sequence = folder.appendingPathComponent("network.geojsons")
        let run = try BorderFlowRun("export", "--layers", "crossings", "--out", sequence.path)
        #expect(run.status == 0, "\(run.standardError)")
        // RFC 8142: every record starts with the record separator.
        #expect(try Data(contentsOf: sequence).first == 0x1E)
        let mismatch = folder.appendingPathComponent("network.geojson")
        let refused = try BorderFlowRun("export", "--layers", "crossings", "--out", mismatch.path, "--seq")
        #expect(refused.status == 64)
        #expect(refused.standardError.contains("name it .geojsons, or leave out --seq"), "\(refused.standardError)")
        #expect(!FileManager.default.fileExists(atPath: mismatch.path))
    }

    @Test func simulateHelpGivesTheThreadsDefaultOnce() throws {
        let help = try BorderFlowRun("simulate", "--help").standardOutput
        let start = try #require(help.range(of: "--threads"))
        let rest = help[start.upperBound...]
        let entry = rest.range(of: "\n  -").map { rest[..<$0.lowerBound] } ?? rest
        #expect(entry.components(separatedBy: "default").count == 2, "\(entry)")
    }
}
