import BorderFlowTestSupport
import Foundation
import Testing

/// `backcast`, `baselines` and `build-counts`, run as a user runs them.
@Suite("History commands")
struct HistoryCommandTests {
    @Test func backcastAllAsCSVComparesEveryBundledEvent() throws {
        let run = try BorderFlowRun("backcast", "all", "--format", "csv")
        #expect(run.status == 0, "\(run.standardError)")
        let table = try CSVReader.table(run.standardOutput)
        #expect(table.header.prefix(7) == ["event", "reliable", "from", "to", "loss", "placeboYears", "label"])
        let rows = table.rows
        #expect(Set(rows.compactMap { $0["event"] }) == ["bota-trucks-2010", "donna-2015", "laredo-bridge-1-cars-2016",
                                                          "world-trade-bridge-trucks-2017", "staff-april-2019", "bota-trucks-2022",
                                                          "eagle-pass-bridge-1-cars-2023", "staff-october-2023"])
        // Eagle Pass, September–October 2023: Bridge 1 lost cars, and Camino Real took a share of them.
        let camino = try #require(rows.first { $0["event"] == "eagle-pass-bridge-1-cars-2023" && $0["crossing"] == "eagle-pass-camino-real" })
        let share = try #require(Double(camino["observedShare"] ?? ""))
        #expect(share > 0 && share < 1)
        #expect(Double(camino["low"] ?? "") ?? 1 < share)
        #expect(Double(camino["modelShare"] ?? "") != nil, "the model answers a closure")
        #expect(["within", "outside"].contains(camino["verdict"] ?? ""))
        let lost = try #require(rows.first { $0["event"] == "eagle-pass-bridge-1-cars-2023" && $0["label"] == "lost" })
        #expect((Double(lost["observedChange"] ?? "") ?? 0) < -500)
        #expect(Int(lost["placeboYears"] ?? "") ?? 0 >= 2)
        // No facility closed in April 2019: changes, no shares; the model takes the fitted share of officers
        // from the ports named and answers in percent changes.
        let staff = rows.filter { $0["event"] == "staff-april-2019" }
        #expect(!staff.isEmpty && staff.allSatisfy { $0["observedShare"] == "" })
        #expect(staff.contains { $0["port"] == "2402" && $0["mode"] == "pov" && (Double($0["modelPercentChange"] ?? "") ?? 0) < 0 })
        #expect(staff.contains { $0["port"] == "2402" && $0["mode"] == "pov" && (Double($0["observedChange"] ?? "") ?? 0) < 0 })
    }

    @Test func bothStaffEventsFitTheThroughputAndEachIsPredictedByTheOther() throws {
        let run = try BorderFlowRun("backcast", "all", "--format", "csv")
        #expect(run.status == 0, "\(run.standardError)")
        let rows = try CSVReader.table(run.standardOutput).rows
        for id in ["staff-april-2019", "staff-october-2023"] {
            // El Paso's cars, the one port both events watch: the fitted number's change and the other event's.
            let elPaso = try #require(rows.first { $0["event"] == id && $0["port"] == "2402" && $0["crossing"] == "" && $0["mode"] == "pov" })
            let fitted = try #require(Double(elPaso["modelPercentChange"] ?? ""))
            let unseen = try #require(Double(elPaso["leaveOneOutPercentChange"] ?? ""), "\(id): fitted without it, on the other staff event")
            #expect(fitted < 0 && unseen < 0)
        }
        let data = Fixtures.packageDirectory.appendingPathComponent("GeoData")
        let behaviour = try String(contentsOf: data.appendingPathComponent("behaviour.csv"), encoding: .utf8)
        #expect(behaviour.contains("fitted on staff-april-2019 staff-october-2023"))
        let unseen = try CSVReader.table(try String(contentsOf: data.appendingPathComponent("behaviour-loo.csv"), encoding: .utf8)).rows
        #expect(Set(unseen.filter { $0["parameter"] == "officersTakenThroughput" }.compactMap { $0["event"] })
            .isSuperset(of: ["staff-april-2019", "staff-october-2023"]), "each staff event has its own fit without it")
        let table = try BorderFlowRun("backcast", "staff-october-2023")
        #expect(table.status == 0, "\(table.standardError)")
        let elPaso = try #require(table.standardOutput.split(separator: "\n").first { $0.hasPrefix("port 2402") && $0.contains(" pov ") })
        #expect(elPaso.split(separator: " ").filter { $0.hasSuffix("%") }.count == 2, "MODEL and LOO in percent: \(elPaso)")
    }

    @Test func backcastOfOneEventAndOfAnUnknownOne() throws {
        let run = try BorderFlowRun("backcast", "donna-2015")
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.hasPrefix("donna-2015: "))
        #expect(run.standardOutput.contains("placebo years"))
        let unknown = try BorderFlowRun("backcast", "donna-2016")
        #expect(unknown.status != 0)
        #expect(unknown.standardError.contains("no event \"donna-2016\"; known events:"))
    }

    @Test func baselinesAsJSONCompareWithTheDatasetsDailyVolumes() throws {
        let run = try BorderFlowRun("baselines", "--format", "json")
        #expect(run.status == 0, "\(run.standardError)")
        let object = try #require(try run.json() as? [String: Any])
        #expect(object["reference"] as? String == "2023-11")
        let series = try #require(object["series"] as? [[String: Any]])
        let juarez = try #require(series.first { $0["crossing"] as? String == "laredo-juarez-lincoln" && $0["mode"] as? String == "pov" })
        let baseline = try #require(juarez["baselineDaily"] as? Double), daily = try #require(juarez["datasetDaily"] as? Double)
        #expect(abs(baseline - daily) / daily < 0.1, "the dataset's volumes come from the same counts")
        #expect((juarez["factors"] as? [Double])?.count == 12)
    }

    @Test func buildCountsWritesBothFilesOrNothing() throws {
        let folder = try ScratchFolder("build-counts")
        let data = folder.url.appendingPathComponent("data")
        try FileManager.default.copyItem(at: Fixtures.packageDirectory.appendingPathComponent("GeoData"), to: data)
        for name in ["monthly-counts.csv", "baselines.csv"] { try FileManager.default.removeItem(at: data.appendingPathComponent(name)) }
        let inputs = Fixtures.folder("counts")

        let bad = try BorderFlowRun("build-counts", "--bts", inputs.appendingPathComponent("bts-bad-month.csv").path,
                                    "--bridges", inputs.appendingPathComponent("bridges.csv").path, "--data", data.path)
        #expect(bad.status == 1)
        #expect(bad.standardError == "borderflow: error: bts-bad-month.csv:3: column \"month\": \"2019-13\" is not a month; expected YYYY-MM, such as 2016-05\n")
        #expect(!FileManager.default.fileExists(atPath: data.appendingPathComponent("monthly-counts.csv").path))
        #expect(!FileManager.default.fileExists(atPath: data.appendingPathComponent("baselines.csv").path))

        let good = try BorderFlowRun("build-counts", "--bts", inputs.appendingPathComponent("bts.csv").path,
                                     "--bridges", inputs.appendingPathComponent("bridges.csv").path, "--data", data.path)
        #expect(good.status == 0, "\(good.standardError)")
        let counts = try String(contentsOf: data.appendingPathComponent("monthly-counts.csv"), encoding: .utf8)
        #expect(counts.split(separator: "\n").count == 1 + 7)
        let baselines = try CSVReader.table(String(contentsOf: data.appendingPathComponent("baselines.csv"), encoding: .utf8))
        #expect(baselines.records.count == 5)
    }
}
