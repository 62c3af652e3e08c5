import BorderFlow
import BorderFlowOutput
import BorderFlowSpatial
import BorderFlowTestSupport
import Foundation
import Testing

/// `borderflow scenarios`: each scenario's id, date, closures, capacity changes, title and sources.
@Suite("Scenarios report")
struct ScenariosReportTests {
    @Test func theEverythingFixtureIsListedWithItsCountsInEveryForm() throws {
        let directory = try Fixtures.network()
        defer { try? FileManager.default.removeItem(at: directory) }
        let scenario = try Scenario.load(contentsOf: Fixtures.scenario("everything.json"), dataset: Dataset.load(from: directory))
        let report = ScenariosReport(scenarios: [scenario])
        // The fixture: four closures (crossing, port, sector, polygon), two capacity changes, one source with a URL.
        let json = try #require(report.json().arrayValue?.first)
        #expect(json.keys == DocumentedJSON.of("scenarios"))
        #expect(json["id"]?.stringValue == "everything")
        #expect(json["title"]?.stringValue == "Every kind of closure, written as JSON")
        // ISO 8601, with whether it is local time at each crossing in a field of its own.
        #expect(json["date"]?.stringValue == "2023-12-20T12:00")
        #expect(json["dateIsLocalTime"] == .bool(true))
        #expect(json["closures"]?.numberValue == 4 && json["capacityChanges"]?.numberValue == 2)
        #expect(json["sources"] == .array([.object(JSONObject([("title", .string("hand-made fixture")), ("url", .string("https://example.org/fixture"))]))]))

        // The title has a comma: the CSV quotes it and reads back whole.
        let csv = try CSVReader.table(report.csv())
        #expect(csv.header == ["id", "date", "dateIsLocalTime", "closures", "capacityChanges", "title"])
        #expect(csv.records == [["everything", "2023-12-20T12:00", "true", "4", "2", "Every kind of closure, written as JSON"]])
        #expect(report.csv().contains("\"Every kind of closure, written as JSON\""))

        let table = try PrintedTable(report.table())
        #expect(table.header == ["ID", "DATE", "CLOSURES", "CAPACITY", "TITLE"])
        #expect(table.rows == [["everything", scenario.date?.description ?? "?", "4", "2", "Every kind of closure, written as JSON"]])
    }

    @Test func theBundledScenariosAgreeAcrossTableJSONAndCSV() throws {
        let dataset = try BundledData.network.get().dataset
        let scenarios = try Scenario.bundledNames().map { try Scenario.find($0, dataset: dataset) }
        #expect(scenarios.count == Scenario.bundledNames().count && !scenarios.isEmpty)
        let report = ScenariosReport(scenarios: scenarios)
        let json = try #require(report.json().arrayValue)
        let csv = try CSVReader.table(report.csv())
        let table = try PrintedTable(report.table())
        #expect(json.map { $0["id"]?.stringValue } == scenarios.map(\.id))
        #expect(csv.column("id") == scenarios.map(\.id) && table.column("ID") == scenarios.map(\.id))
        for (index, scenario) in scenarios.enumerated() {
            #expect(json[index]["title"]?.stringValue == scenario.title && csv.rows[index]["title"] == scenario.title && table.rows[index][4] == scenario.title)
            #expect(json[index]["date"]?.stringValue == scenario.date?.iso8601)
            #expect(json[index]["dateIsLocalTime"] == scenario.date.map { .bool($0.isLocalTime) } ?? .null)
            #expect(csv.rows[index]["date"] == scenario.date?.iso8601 ?? "")
            #expect(table.rows[index][1] == scenario.date?.description ?? "-")
            #expect(json[index]["closures"]?.numberValue == Double(scenario.closureEntries.count))
            #expect(csv.rows[index]["closures"] == "\(scenario.closureEntries.count)" && table.rows[index][2] == "\(scenario.closureEntries.count)")
            #expect(csv.rows[index]["capacityChanges"] == "\(scenario.capacityChanges.count)" && table.rows[index][3] == "\(scenario.capacityChanges.count)")
            #expect(json[index]["sources"]?.arrayValue?.map { $0["title"]?.stringValue } == scenario.sources.map(\.title))
            #expect(json[index]["sources"]?.arrayValue?.map { $0["url"]?.stringValue } == scenario.sources.map(\.url))
        }
        _ = try report.json().printedAndReadBack()
    }
}
