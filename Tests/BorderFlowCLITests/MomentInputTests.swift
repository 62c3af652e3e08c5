import Foundation
import Testing

/// Dates and times users type: one rule for a date without a time, impossible dates refused, never a crash.
@Suite("borderflow dates and times")
struct MomentInputTests {
    /// The rows of a `divert --format json` run for one crossing and mode.
    func scenarioVolume(_ run: BorderFlowRun, crossing: String, mode: String) throws -> Double? {
        let result = try #require(try run.json() as? [String: Any])
        let crossings = try #require(result["crossings"] as? [[String: Any]])
        return crossings.first { $0["id"] as? String == crossing && $0["mode"] as? String == mode }?["scenario"] as? Double
    }

    @Test func divertOnADayAppliesTheClosuresInForceAtLocalNoonAsSimulateDoes() throws {
        // The rail bridges closed on 18 December 2023 from 08:00: a date alone is noon, so they are closed.
        let run = try BorderFlowRun("divert", "--scenario", "dec-2023", "--on", "2023-12-18", "--model", "aon", "--format", "json")
        #expect(run.status == 0, "\(run.standardError)")
        #expect(try scenarioVolume(run, crossing: "eagle-pass-rail", mode: "rail") == 0)
        let result = try #require(try run.json() as? [String: Any])
        #expect("\(result)".contains("2023-12-18T12:00"))
    }

    @Test func routeAtADateAloneIsLocalNoon() throws {
        // Lukeville opens 06:00–22:00: at midnight it would be shut, at noon it is the way.
        let run = try BorderFlowRun("route", "sonoyta", "phoenix", "--at", "2023-12-20", "--format", "json")
        #expect(run.status == 0, "\(run.standardError)")
        let route = try #require(try run.json() as? [String: Any])
        #expect(route["crossing"] as? String == "lukeville")
    }

    @Test func routeSaysWhenTheUsualCrossingIsOutsideItsHours() throws {
        let run = try BorderFlowRun("route", "sonoyta", "phoenix", "--at", "2023-12-20T23:00")
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("longer than with every crossing open (via lukeville)"))
        #expect(run.standardOutput.contains("Not via   lukeville: outside its opening hours at that time (open 06:00-22:00 local time)"), "\(run.standardOutput)")
    }

    @Test(arguments: [
        (["route", "sonoyta", "phoenix", "--at", "2023-02-30"], "--at \"2023-02-30\" is not a day of the calendar: 2023-02 has 28 days"),
        (["route", "sonoyta", "phoenix", "--at", "2023-12-20T12:00+9999999999999999:00"], "offsets run from -14:00 to +14:00"),
        (["route", "sonoyta", "phoenix", "--at", "2023-12-20T12:00+19:00"], "has the UTC offset +19:00"),
        (["route", "sonoyta", "phoenix", "--at", "2023-12-20T12:00+05:99"], "has the UTC offset +05:99"),
        (["divert", "--scenario", "dec-2023", "--on", "2023-12-20T12:00-9999999999999999:00"], "--on \"2023-12-20T12:00-9999999999999999:00\" has the UTC offset"),
        (["divert", "--scenario", "dec-2023", "--on", "2023-02-29"], "2023-02 has 28 days"),
        (["simulate", "--from", "2023-12-01", "--to", "2023-02-31"], "--to \"2023-02-31\" is not a day of the calendar: 2023-02 has 28 days"),
        (["simulate", "--from", "2023-02-30", "--to", "2023-03-01"], "--from \"2023-02-30\" is not a day of the calendar"),
    ])
    func impossibleDatesAndOffsetsAreRefusedWithAMessage(arguments: [String], expected: String) throws {
        let run = try BorderFlowRun(arguments)
        #expect(run.status != 0 && run.status != 132 && run.status != 133, "exit status \(run.status)")
        #expect(run.standardError.contains(expected), "\(run.standardError)")
        #expect(run.standardOutput.isEmpty)
    }

    @Test func aScenarioWithWindowsButNoDateNeedsAMomentRatherThanApplyingEveryWindowAtOnce() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("undated-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("""
            title: "Lukeville in December, no date"
            sources: [s]
            closures:
              - crossing: lukeville
                from: 2023-12-04
                to: 2024-01-04

            """.utf8).write(to: file)
        let undated = try BorderFlowRun("route", "sonoyta", "phoenix", "--scenario", file.path)
        #expect(undated.status == 1)
        #expect(undated.standardError.contains("has closures or changes with time windows but no date; give --at YYYY-MM-DD"), "\(undated.standardError)")
        #expect(undated.standardOutput.isEmpty)
        let divert = try BorderFlowRun("divert", "--scenario", file.path, "--model", "aon")
        #expect(divert.status == 1)
        #expect(divert.standardError.contains("give --on YYYY-MM-DD"), "\(divert.standardError)")
        let dated = try BorderFlowRun("route", "sonoyta", "phoenix", "--scenario", file.path, "--at", "2023-12-20", "--format", "json")
        #expect(dated.status == 0, "\(dated.standardError)")
        #expect(try #require(try dated.json() as? [String: Any])["crossing"] as? String != "lukeville")
    }

    @Test func aScenarioWithoutWindowsNeedsNoDate() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("for-good-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("title: \"Lukeville closed for good\"\nsources: [s]\nclosures:\n  - crossing: lukeville\n".utf8).write(to: file)
        let run = try BorderFlowRun("route", "sonoyta", "phoenix", "--scenario", file.path, "--format", "json")
        #expect(run.status == 0, "\(run.standardError)")
        #expect(try #require(try run.json() as? [String: Any])["crossing"] as? String != "lukeville")
    }

    @Test func helpShowsTheDateFormatAndTheNoonRule() throws {
        for (command, option) in [("route", "--at"), ("divert", "--on"), ("map", "--on")] {
            let run = try BorderFlowRun(command, "--help")
            let help = run.standardOutput.replacingOccurrences(of: "\n", with: " ").split(separator: " ").joined(separator: " ")
            #expect(help.contains(option))
            #expect(help.contains("YYYY-MM-DD is local noon that day at each crossing"), "\(command)")
        }
        let simulate = try BorderFlowRun("simulate", "--help").standardOutput.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(simulate.contains("as YYYY-MM-DD"))
    }
}
