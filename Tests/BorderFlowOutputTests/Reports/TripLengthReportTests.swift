import BorderFlow
import BorderFlowOutput
import BorderFlowSpatial
import BorderFlowTestSupport
import Foundation
import Testing

/// `borderflow demand`: per mode, the shares of daily trips by cost across, by distance and between twin cities.
@Suite("Trip-length report")
struct TripLengthReportTests {
    static let fitted = Result { () throws -> TripLengths in
        let directory = try Fixtures.demand()
        defer { try? FileManager.default.removeItem(at: directory) }
        let network = try BorderNetwork(contentsOf: directory)
        let fit = GravityDemand.fit(network: network, freightOrigins: try network.freightOrigins())
        return TripLengths(demand: fit.demand, network: network)
    }

    @Test func everyModeAddsUpToAHundredPercentInEveryForm() throws {
        let lengths = try Self.fitted.get()
        let report = TripLengthReport(lengths: lengths)
        #expect(lengths.modes.map(\.mode) == [.pedestrian, .pov, .truck])

        let json = try #require(report.json().arrayValue)
        #expect(json.count == 3)
        for (row, mode) in zip(json, lengths.modes) {
            #expect(row.keys == DocumentedJSON.of("demand"))
            #expect(row["mode"]?.stringValue == mode.mode.rawValue)
            #expect(row["dailyTrips"]?.numberValue == (mode.dailyTrips * 10).rounded() / 10)
            for (key, bands) in [("costBands", TripLengths.costBands), ("distanceBands", TripLengths.distanceBands)] {
                let entries = try #require(row[key]?.arrayValue)
                #expect(entries.map { $0["band"]?.stringValue ?? "" } == bands.map(\.label))
                #expect(entries.allSatisfy { $0.keys == DocumentedJSON.of("demand bands") })
                let total = entries.reduce(0) { $0 + ($1["percent"]?.numberValue ?? 0) }
                #expect(abs(total - 100) <= 0.005 * Double(bands.count), "\(mode.mode) \(key): \(total)")
            }
        }
        _ = try report.json().printedAndReadBack()

        let csv = try CSVReader.table(report.csv())
        #expect(csv.header == ["mode", "measure", "band", "dailyTrips", "percent"])
        #expect(csv.records.count == 3 * (5 + 6 + 1))
        for mode in lengths.modes {
            for measure in ["cost", "distance"] {
                let rows = csv.rows.filter { $0["mode"] == mode.mode.rawValue && $0["measure"] == measure }
                #expect(abs(rows.reduce(0) { $0 + Double($1["percent"]!)! } - 100) <= 0.03)
                #expect(abs(rows.reduce(0) { $0 + Double($1["dailyTrips"]!)! } - mode.dailyTrips) <= 0.3)
            }
        }

        let text = report.table()
        let costs = try PrintedTable(text)
        #expect(costs.header == ["MODE", "TRIPS/DAY", "<30 MIN", "30–60 MIN", "1–2 H", "2–4 H", "≥4 H", "TWIN-CITY"])
        #expect(costs.column("MODE") == ["pedestrian", "pov", "truck"])
        let distances = try PrintedTable(text, after: costs.rows.count + 4)
        #expect(distances.header == ["MODE", "TRIPS/DAY", "<25 KM", "25–50 KM", "50–100 KM", "100–250 KM", "250–500 KM", "≥500 KM"])
        for (rows, bands) in [(costs.rows, 2..<7), (distances.rows, 2..<8)] {
            for row in rows {
                // One decimal each: the printed percents add up to 100 within their rounding.
                #expect(abs(row[bands].reduce(0) { $0 + Double($1)! } - 100) <= 0.3, "\(row)")
            }
        }
        #expect(text.hasSuffix("Twin-city trips have both ends within 25 km of one crossing.\n"))
    }
}
