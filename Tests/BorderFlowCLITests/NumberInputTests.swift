import Foundation
import Testing

/// Numbers users type: each is range-checked, with a message naming the option and its limits; none traps.
@Suite("borderflow numbers")
struct NumberInputTests {
    @Test(arguments: [
        (["simulate", "--from", "2023-12-01", "--to", "2023-12-01", "--crossers-per-day", "9223372036854775807"], "--crossers-per-day 9223372036854775807 is out of range; draw from 1 to 1,000,000 crossers a day"),
        (["simulate", "--from", "2023-12-01", "--to", "2023-12-01", "--crossers-per-day", "4000000000000000000"], "--crossers-per-day 4000000000000000000 is out of range"),
        (["simulate", "--from", "2023-12-01", "--to", "2023-12-01", "--crossers-per-day", "0"], "--crossers-per-day 0 is out of range"),
        (["simulate", "--from", "2023-12-01", "--to", "2023-12-01", "--threads", "9223372036854775807"], "--threads 9223372036854775807 is out of range; use from 1 to 1024 threads"),
        (["route", "sonoyta", "phoenix", "--alternatives", "9223372036854775807"], "--alternatives 9223372036854775807 is out of range; list from 0 to 100 alternatives"),
        (["route", "sonoyta", "phoenix", "--alternatives=-1"], "--alternatives -1 is out of range"),
        (["locate", "--count", "9223372036854775807", "--", "-110.94", "31.33"], "--count 9223372036854775807 is out of range; list from 0 to 1000 crossings"),
        (["calibrate", "--tolerance", "nan"], "--tolerance nan is out of range; give a share above 0 and at most 1"),
        (["calibrate", "--tolerance", "0"], "--tolerance 0.0 is out of range"),
    ])
    func outOfRangeNumbersAreRefusedWithTheirLimits(arguments: [String], expected: String) throws {
        let run = try BorderFlowRun(arguments)
        #expect(run.status != 0 && run.status != 132 && run.status != 133, "exit status \(run.status)")
        #expect(run.standardError.contains(expected), "\(run.standardError)")
        #expect(run.standardOutput.isEmpty)
    }

    @Test func aScenarioLaneChangeOfTheLargestIntegerIsRefusedNotATrap() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lanes-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        for lanes in ["+9223372036854775807", "-9223372036854775807", "+-5"] {
            try Data("title: t\nsources: [s]\ncapacity:\n  - crossing: lukeville\n    mode: pov\n    lanes: \"\(lanes)\"\n".utf8).write(to: file)
            let run = try BorderFlowRun("divert", "--scenario", file.path, "--model", "aon")
            #expect(run.status == 1, "\(lanes): exit status \(run.status)")
            #expect(run.standardError.contains("field \"capacity[0].lanes\""), "\(run.standardError)")
            #expect(run.standardError.contains("from -500 to +500"))
        }
    }
}
