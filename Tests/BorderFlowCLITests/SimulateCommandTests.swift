import Foundation
import Testing

@Suite("borderflow simulate")
struct SimulateCommandTests {
    /// CSV rows by date and port code.
    private func rows(_ csv: String) -> [String: [String: String]] {
        let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { return [:] }
        var result: [String: [String: String]] = [:]
        for fields in lines.dropFirst() {
            result["\(fields[0]) \(fields[1])"] = Dictionary(uniqueKeysWithValues: zip(header, fields))
        }
        return result
    }

    @Test func theSameSeedGivesTheSameOutputWhateverTheThreadCount() throws {
        let arguments = ["simulate", "--scenario", "dec-2023", "--from", "2023-12-17", "--to", "2023-12-19",
                         "--crossers-per-day", "5000", "--format", "csv"]
        let one = try BorderFlowRun(arguments + ["--seed", "11", "--threads", "1"])
        let three = try BorderFlowRun(arguments + ["--seed", "11", "--threads", "3"])
        let otherSeed = try BorderFlowRun(arguments + ["--seed", "12", "--threads", "3"])
        #expect(one.status == 0, "\(one.standardError)")
        #expect(one.standardOutput == three.standardOutput)
        #expect(one.standardOutput != otherSeed.standardOutput)
        // Piped, so no progress bar.
        #expect(one.standardError.isEmpty)
        let crossers = rows(one.standardOutput).values.filter { $0["date"] == "2023-12-18" }
            .reduce(0) { $0 + Int($1["crossings"]!)! + Int($1["forgone"]!)! + Int($1["deferred"]!)! }
        #expect(crossers == 5000, "every crosser is counted once")
    }

    @Test func lukevilleClosesOnTheFourthOfDecemberAndItsTravellersDivertOrStayHome() throws {
        let run = try BorderFlowRun("simulate", "--scenario", "dec-2023", "--from", "2023-12-03", "--to", "2023-12-04",
                                    "--crossers-per-day", "40000", "--format", "csv")
        #expect(run.status == 0, "\(run.standardError)")
        let table = rows(run.standardOutput)
        let before = try #require(table["2023-12-03 2602"])
        let after = try #require(table["2023-12-04 2602"])
        #expect(Int(before["crossings"]!)! > 0)
        #expect(before["forgone"] == "0")
        #expect(after["crossings"] == "0")
        #expect(Int(after["forgone"]!)! > 0)
        // Some of Lukeville's travellers go round by Sasabe, Nogales or San Luis, and their trips get longer.
        let diverted = ["2606", "2604", "2608"].compactMap { table["2023-12-04 \($0)"] }
        #expect(diverted.contains { Int($0["diverted"]!)! > 0 && Double($0["meanDetourMinutes"]!)! > 5 })
    }

    @Test func trainsGoRoundByLaredoWhileTheEaglePassRailBridgeIsShut() throws {
        let run = try BorderFlowRun("simulate", "--scenario", "dec-2023", "--from", "2023-12-20", "--to", "2023-12-20",
                                    "--crossers-per-day", "20000", "--format", "json")
        #expect(run.status == 0, "\(run.standardError)")
        let json = try #require(try run.json() as? [String: Any])
        #expect(json["scenario"] as? String == "dec-2023")
        let days = try #require(json["days"] as? [[String: Any]])
        #expect(days.count == 1)
        let ports = try #require(days[0]["ports"] as? [[String: Any]])
        let laredo = try #require(ports.first { $0["portCode"] as? String == "2304" })
        #expect((laredo["diverted"] as? Double ?? 0) > 0)
        #expect((laredo["meanDetourMinutes"] as? Double ?? 0) > 60)
    }

    @Test func thePortTheTrainsLeaveShowsThemDivertedAwayAsLaredoShowsThemDivertedIn() throws {
        let run = try BorderFlowRun("simulate", "--scenario", "dec-2023", "--from", "2023-12-18", "--to", "2023-12-18",
                                    "--crossers-per-day", "20000", "--format", "csv")
        #expect(run.status == 0, "\(run.standardError)")
        let table = rows(run.standardOutput)
        let eaglePass = try #require(table["2023-12-18 2303"])
        #expect(Int(eaglePass["divertedAway"]!)! > 0)
        // Every crosser diverted to one facility was diverted away from another.
        let diverted = table.values.reduce(0) { $0 + Int($1["diverted"]!)! }
        #expect(diverted > 0 && diverted == table.values.reduce(0) { $0 + Int($1["divertedAway"]!)! })
        // The table shows the port that lost them, and says why divert may send them elsewhere.
        let text = try BorderFlowRun("simulate", "--scenario", "dec-2023", "--from", "2023-12-18", "--to", "2023-12-18",
                                     "--crossers-per-day", "20000").standardOutput
        #expect(text.split(separator: "\n").contains { $0.hasPrefix("2023-12-18  Eagle Pass") })
        #expect(text.contains("`divert` assigns every trip together"))
    }

    @Test func theSeedIsAJSONNumberAndOnlySeedsJSONKeepsExactlyAreTaken() throws {
        let arguments = ["simulate", "--from", "2023-12-18", "--to", "2023-12-18", "--crossers-per-day", "100", "--format", "json"]
        let run = try BorderFlowRun(arguments + ["--seed", "9007199254740991"])
        #expect(run.status == 0, "\(run.standardError)")
        let json = try #require(try run.json() as? [String: Any])
        #expect((json["seed"] as? NSNumber)?.uint64Value == 9_007_199_254_740_991)
        #expect(!(json["seed"] is String))
        let tooLarge = try BorderFlowRun(arguments + ["--seed", "9007199254740992"])
        #expect(tooLarge.status != 0)
        #expect(tooLarge.standardError.contains("2^53"))
    }

    @Test func demandThatCannotCrossIsAnErrorNotDroppedCrossers() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("borderflow-demand-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        try "origin,destination,mode,dailyTrips\nsonoyta,phoenix,pov,10\ntucson,phoenix,pov,5\n".write(to: file, atomically: true, encoding: .utf8)
        let run = try BorderFlowRun("simulate", "--from", "2023-12-01", "--to", "2023-12-01", "--demand", file.path)
        // A domestic trip never crosses: the demand reader refuses its row before any crosser is drawn.
        #expect(run.status == 1)
        #expect(run.standardError.contains(".csv:3: column \"origin\": tucson is in the U.S.; demand is northbound trips"), "\(run.standardError)")
        #expect(run.standardOutput.isEmpty)
    }

    @Test func badDaysAndUnknownScenariosSayWhatIsWrong() throws {
        let reversed = try BorderFlowRun("simulate", "--from", "2024-01-10", "--to", "2023-11-20")
        #expect(reversed.status != 0)
        #expect(reversed.standardError.contains("before --from"))
        let notADay = try BorderFlowRun("simulate", "--from", "December", "--to", "2023-11-20")
        #expect(notADay.status != 0)
        #expect(notADay.standardError.contains("--from \"December\" is not a day; write YYYY-MM-DD, such as 2023-12-18"))
        let unknown = try BorderFlowRun("simulate", "--scenario", "dec-2032", "--from", "2023-11-20", "--to", "2023-11-20")
        #expect(unknown.status == 1)
        #expect(unknown.standardError.contains("dec-2023"))
    }
}
