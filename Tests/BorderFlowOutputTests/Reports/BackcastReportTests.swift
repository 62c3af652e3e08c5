import BorderFlow
import BorderFlowOutput
import BorderFlowSpatial
import BorderFlowTestSupport
import Foundation
import Testing

/// `borderflow backcast` and `borderflow baselines`: the same answers as a table, JSON and CSV.
@Suite("Backcast and baselines reports")
struct BackcastReportTests {
    static let backcast = Result { () throws -> Backcast in
        let network = try BundledData.network.get()
        let (demand, constants) = try BundledData.baseline.get()
        let history = try PastEvents.load(dataset: network.dataset)
        let counts = try MonthlyCounts.load()
        let chosen = ["donna-2015", "staff-april-2019"].compactMap(history.event(id:))
        return try Backcast(events: chosen, counts: counts, history: history,
                            model: DiversionModel(network: network, demand: demand, constants: constants, behaviour: try FittedBehaviour.load()))
    }

    @Test func everyFormCarriesTheSameRowsSharesAndVerdicts() throws {
        let report = BackcastReport(backcast: try Self.backcast.get())
        let events = try #require(report.json().arrayValue)
        #expect(events.map { $0["id"]?.stringValue } == ["donna-2015", "staff-april-2019"])
        let csv = try CSVReader.table(report.csv())
        let text = report.table()
        for (index, result) in report.backcast.results.enumerated() {
            let json = events[index]
            #expect(json.keys == DocumentedJSON.of("backcast"))
            let rows = try #require(json["rows"]?.arrayValue)
            #expect(rows.count == result.rows.count)
            let csvRows = csv.rows.filter { $0["event"] == result.event.id }
            #expect(csvRows.count == result.rows.count)
            let table = try PrintedTable(text, after: text.split(separator: "\n", omittingEmptySubsequences: false)
                .firstIndex { $0.hasPrefix("\(result.event.id):") } ?? 0)
            #expect(table.rows.count == result.rows.count)
            for (row, (jsonRow, (csvRow, tableRow))) in zip(result.rows, zip(rows, zip(csvRows, table.rows))) {
                #expect(jsonRow.keys == DocumentedJSON.of("backcast rows"))
                #expect(jsonRow["label"]?.stringValue == row.label && csvRow["label"] == row.label && tableRow[2] == row.label)
                #expect(jsonRow["verdict"]?.stringValue == row.verdict.rawValue && csvRow["verdict"] == row.verdict.rawValue)
                #expect(jsonRow["observedShare"]?.numberValue == row.observedShare.map { $0.rounded(decimals: 3) })
                #expect(csvRow["observedShare"] == row.observedShare.map { formatFixed($0, decimals: 3) } ?? "")
                #expect(tableRow[6] == row.observedShare.map { formatFixed($0, decimals: 2) } ?? "-")
            }
        }
        _ = try report.json().printedAndReadBack()
    }

    @Test func donnaLostItsCarsAndTheModelAnswersWhileTheStaffEventHasNoModel() throws {
        let results = try Self.backcast.get().results
        let donna = try #require(results.first)
        #expect((donna.observed.loss ?? 0) > 1_000, "Donna lost most of its cars in May 2015")
        #expect(donna.modelLoss ?? 0 > 0)
        #expect(donna.rows.first?.label == "lost" && donna.rows.last?.label == "disappeared")
        #expect(donna.rows.dropFirst().dropLast().allSatisfy { $0.modelShare != nil && $0.interval != nil })
        let staff = try #require(results.last)
        // Officers taken: no shares, but the model's percent change at each watched series beside the counts'.
        #expect(staff.modelNote == nil)
        #expect(staff.rows.allSatisfy { $0.observedShare == nil })
        #expect(staff.rows.contains { $0.modelPercentChange != nil && [.within, .outside].contains($0.verdict) })
        #expect(staff.observed.placeboYears.count >= 2)
    }

    @Test func baselinesCompareWithTheDatasetInEveryForm() throws {
        let dataset = try BundledData.network.get().dataset
        let table = BaselineTable(counts: try MonthlyCounts.load(), events: try PastEvents.load(dataset: dataset))
        let report = BaselinesReport(baselines: table, dataset: dataset)
        let json = report.json()
        #expect(json.keys == DocumentedJSON.of("baselines"))
        let series = try #require(json["series"]?.arrayValue)
        #expect(series.count == table.rows.count)
        #expect(series.allSatisfy { $0.keys == DocumentedJSON.of("baselines series") })
        let csv = try CSVReader.table(report.csv())
        #expect(Array(csv.header.prefix(BaselineTable.header.count)) == BaselineTable.header)
        #expect(csv.header.suffix(2) == ["datasetDaily", "differencePercent"])
        let bundled = try String(contentsOf: DatasetFiles.bundledDirectory.appendingPathComponent(BaselineTable.fileName), encoding: .utf8)
        #expect(bundled == table.csv(), "GeoData/baselines.csv is the table of the bundled counts and events")
        // Port 2408 (Santa Teresa) trucks: a whole-port series compared with the sum over the port's crossings.
        let santaTeresa = try #require(csv.rows.first { $0["port"] == "2408" && $0["crossing"] == "" && $0["mode"] == "truck" })
        #expect(santaTeresa["datasetDaily"] == formatFixed(dataset.crossings.filter { $0.portCode == "2408" }.compactMap { $0.dailyVolume[.truck] }.reduce(0, +), decimals: 1))
        let printed = try PrintedTable(report.table())
        #expect(printed.rows.count == table.rows.count)
    }
}
