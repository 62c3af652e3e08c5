import BorderFlow
import BorderFlowOutput
import BorderFlowSpatial
import BorderFlowTestSupport
import Foundation
import Testing

/// `borderflow calibrate`: observed against modelled volume per crossing and mode.
@Suite("Calibration report")
struct CalibrationReportTests {
    static let fitted = Result { () throws -> (dataset: Dataset, fit: DemandFit) in
        let directory = try Fixtures.network()
        defer { try? FileManager.default.removeItem(at: directory) }
        let network = try BorderNetwork(contentsOf: directory)
        return (network.dataset, GravityDemand.fit(network: network))
    }

    @Test func theTinyNetworksFitReadsTheSameInEveryFormAndObservesTheFixturesVolumes() throws {
        let (dataset, fit) = try Self.fitted.get()
        let report = CalibrationReport(fit: fit, dataset: dataset)
        // The fixture's observed volumes: Gate A 500 pedestrians and 1,200 cars, Gate B 2,000 cars and 150 trucks.
        let expected: [(String, Mode, Double)] = [("gate-a", .pedestrian, 500), ("gate-a", .pov, 1_200), ("gate-b", .pov, 2_000), ("gate-b", .truck, 150)]
        #expect(fit.fit.map { "\(dataset.crossings[$0.crossing].id) \($0.mode)" } == expected.map { "\($0.0) \($0.1)" })
        #expect(fit.fit.map(\.observed) == expected.map(\.2))

        let json = report.json()
        #expect(json.keys == DocumentedJSON.of("calibrate"))
        #expect(json["trips"]?.numberValue == Double(fit.demand.trips.count) && json["rounds"]?.numberValue == Double(fit.rounds))
        #expect(json["worstErrorPercent"]?.numberValue == (fit.worstRelativeError * 10_000).rounded() / 100)
        #expect((json["worstErrorPercent"]?.numberValue ?? 100) <= 5, "the default tolerance")
        #expect(json["relativeGap"]?.numberValue == fit.assignment.relativeGap)
        let rows = try #require(json["crossings"]?.arrayValue)
        let csv = try CSVReader.table(report.csv())
        #expect(csv.header == ["crossing", "mode", "observed", "modelled", "errorPercent"])
        let table = try PrintedTable(report.table())
        #expect(table.header == ["CROSSING", "MODE", "OBSERVED/DAY", "MODELLED/DAY", "ERROR %"])
        #expect(rows.count == 4 && csv.records.count == 4 && table.rows.count == 4)
        for (index, (id, mode, observed)) in expected.enumerated() {
            let modelled = fit.fit[index].modelled
            let error = 100 * (modelled - observed) / observed
            #expect(rows[index].keys == DocumentedJSON.of("calibrate crossings"))
            #expect(rows[index]["id"]?.stringValue == id && rows[index]["mode"]?.stringValue == mode.rawValue)
            #expect(rows[index]["observed"]?.numberValue == observed)
            #expect(rows[index]["modelled"]?.numberValue == (modelled * 10).rounded() / 10)
            #expect(rows[index]["errorPercent"]?.numberValue == (error * 100).rounded() / 100)
            #expect(abs(error) <= 5)
            #expect(csv.records[index] == [id, mode.rawValue, formatFixed(observed, decimals: 1), formatFixed(modelled, decimals: 1), formatFixed(error, decimals: 2)])
            #expect(Double(csv.records[index][4]) == rows[index]["errorPercent"]?.numberValue)
            #expect(table.rows[index] == [id, mode.rawValue, formatCount(observed), formatCount(modelled), formatFixed(error, decimals: 2)])
        }
        #expect(report.table().hasSuffix("\n\(formatCount(Double(fit.demand.trips.count), "trip", "trips")) fitted in \(formatCount(Double(fit.rounds), "round", "rounds")); worst error \(formatFixed(fit.worstRelativeError * 100, decimals: 2))%; equilibrium relative gap \(String(format: "%.1e", fit.assignment.relativeGap)).\n"))
        _ = try json.printedAndReadBack()
    }

    @Test func aCrossingObservedWithNoTrafficHasNoErrorPercent() throws {
        let directory = try Fixtures.network()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("crossings.geojson")
        let text = try String(contentsOf: file, encoding: .utf8)
        let original = #""dailyVolume":{"pov":2000,"truck":150}"#
        try #require(text.contains(original))
        try text.replacingOccurrences(of: original, with: #""dailyVolume":{"pov":2000,"truck":0}"#).write(to: file, atomically: true, encoding: .utf8)
        let network = try BorderNetwork(contentsOf: directory)
        let report = CalibrationReport(fit: GravityDemand.fit(network: network), dataset: network.dataset)
        let row = try #require(report.json()["crossings"]?.arrayValue?.first { $0["id"]?.stringValue == "gate-b" && $0["mode"]?.stringValue == "truck" })
        #expect(row["observed"]?.numberValue == 0 && row["errorPercent"]?.isNull == true)
        #expect(try CSVReader.table(report.csv()).rows.first { $0["crossing"] == "gate-b" && $0["mode"] == "truck" }?["errorPercent"] == "")
        #expect(try PrintedTable(report.table()).rows.first { $0[0] == "gate-b" && $0[1] == "truck" }?[4] == "-")
    }
}
