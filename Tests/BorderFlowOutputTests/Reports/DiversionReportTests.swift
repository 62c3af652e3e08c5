import BorderFlow
import BorderFlowOutput
import BorderFlowSpatial
import BorderFlowTestSupport
import Foundation
import Testing

/// `borderflow divert`: baseline against scenario in three forms.
@Suite("Diversion report")
struct DiversionReportTests {
    /// The tiny network (`tiny` + `network`) and the demand fitted to its crossings' volumes.
    static let tinyNetwork = Result { () throws -> (network: BorderNetwork, fit: DemandFit) in
        let directory = try Fixtures.network()
        defer { try? FileManager.default.removeItem(at: directory) }
        let network = try BorderNetwork(contentsOf: directory)
        return (network, GravityDemand.fit(network: network))
    }

    /// The tiny network with Gate A closed. Gate B takes no pedestrians, so every pedestrian trip has no open
    /// crossing and is forgone; its cars go to Gate B, half an hour's drive at most away.
    static let gateAClosed = Result { () throws -> (network: BorderNetwork, diversion: Diversion) in
        let (network, fit) = try tinyNetwork.get()
        var closures = Closures()
        try closures.close(crossing: "gate-a")
        return (network, try network.divert(demand: fit.demand, constants: fit.constants, behaviour: try FittedBehaviour.load(), closures: closures, at: nil))
    }

    /// The JSON rounds to a tenth, as the CSV writes with one decimal.
    static func tenth(_ value: Double) -> Double { (value * 10).rounded() / 10 }

    @Test func closingGateASendsItsCarsToGateBAndItsPedestriansHomeInEveryForm() throws {
        let (network, diversion) = try Self.gateAClosed.get()
        let report = DiversionReport(diversion: diversion, dataset: network.dataset, title: "Gate A closed")
        let rows = diversion.crossings
        #expect(rows.map { "\(network.dataset.crossings[$0.crossing].id) \($0.mode)" } == ["gate-a pedestrian", "gate-a pov", "gate-b pov", "gate-b truck"])
        let pedestrians = rows[0], gateACars = rows[1], gateBCars = rows[2], trucks = rows[3]
        #expect(pedestrians.baseline > 0 && gateACars.baseline > 0)
        #expect(abs((diversion.forgone[.pedestrian] ?? 0) - pedestrians.baseline) < 1e-6 * pedestrians.baseline)
        // Gate A's cars go to Gate B or are given up, as the fitted behaviour has it.
        #expect(gateBCars.change > 0)
        #expect(abs((diversion.forgone[.pov] ?? 0) + gateBCars.change - gateACars.baseline) < 1e-6 * gateACars.baseline)
        #expect(abs(trucks.change) < 1e-6)

        let csv = try CSVReader.table(report.csv())
        #expect(csv.header == ["crossing", "name", "mode", "status", "baseline", "scenario", "change", "waitMinutesBaseline", "waitMinutesScenario",
                               "capacityScenario", "volumeCapacityRatio", "peakQueueScenario", "unservedScenario", "walkedInstead"])
        #expect(csv.records.map { Array($0.prefix(4)) } == [["gate-a", "Gate A", "pedestrian", "closed"], ["gate-a", "Gate A", "pov", "closed"],
                                                             ["gate-b", "Gate B", "pov", "open"], ["gate-b", "Gate B", "truck", "open"]])
        #expect(csv.records[0][5] == "0" && csv.records[0][8] == "", "a closed crossing carries nothing and has no wait")
        #expect(Double(csv.records[0][6]) == Self.tenth(-pedestrians.baseline))
        #expect(Double(csv.records[2][5]) == Self.tenth(gateBCars.scenario))

        let json = report.json()
        #expect(json["title"]?.stringValue == "Gate A closed")
        let crossings = try #require(json["crossings"]?.arrayValue)
        #expect(crossings[1]["status"]?.stringValue == "closed" && crossings[1]["waitMinutesScenario"]?.isNull == true)
        #expect(crossings.map { $0["name"]?.stringValue } == ["Gate A", "Gate A", "Gate B", "Gate B"])
        #expect(crossings[1]["percentChange"]?.numberValue == -100)
        #expect(json["forgone"]?["pedestrian"]?.numberValue == Self.tenth(pedestrians.baseline))
        // Sector totals: Gate A is the west sector's only crossing, Gate B the east's.
        let sectors = try #require(json["sectors"]?.arrayValue)
        #expect(sectors.map { "\($0["id"]?.stringValue ?? "?") \($0["mode"]?.stringValue ?? "?")" } == ["west pedestrian", "west pov", "east pov", "east truck"])
        #expect(sectors.map { $0["scenario"]?.numberValue } == rows.map { Self.tenth($0.scenario) })
        let ports = try #require(json["ports"]?.arrayValue)
        #expect(ports.map { $0["portCode"]?.stringValue } == ["2701", "2701", "2702", "2702"])

        // The table leads with what changed most and leaves out what did not change: the trucks.
        let text = report.table()
        #expect(text.hasPrefix("Gate A closed\nClosed: gate-a\n\n"))
        let table = try PrintedTable(text)
        #expect(table.header == ["CROSSING", "MODE", "BASELINE/DAY", "SCENARIO/DAY", "CHANGE", "%", "WAIT MIN", "V/C", "PEAK QUEUE", "UNIT"])
        let ranked = rows.filter { abs($0.change) >= 0.5 }.sorted { abs($0.change) > abs($1.change) }
        #expect(table.rows.map { "\($0[0]) \($0[1])" } == ranked.map { "\(network.dataset.crossings[$0.crossing].id) \($0.mode)" })
        for (line, row) in zip(table.rows, ranked) {
            #expect(line[2] == formatCount(row.baseline) && line[3] == formatCount(row.scenario))
            #expect(line[4] == (row.change > 0 ? "+" : "") + formatCount(row.change))
            #expect(line[6] == (row.closed ? "closed" : "\(formatFixed(row.waitMinutesBaseline, decimals: 0)) → \(formatFixed(row.waitMinutesScenario, decimals: 0))"))
            #expect(line[7] == (row.volumeCapacityRatio.map { formatFixed($0, decimals: 2) } ?? "-"))
            #expect(line[9] == row.mode.unit)
        }
        let hours = formatCount(diversion.extraHours[.pedestrian] ?? 0, "extra person-hour", "extra person-hours")
        #expect(text.contains("\n  pedestrian: \(hours), \(formatCount(pedestrians.baseline, "person", "persons")) forgone"))
        #expect(text.contains("\n\nModel: equilibrium, relative gap \(String(format: "%.1e", diversion.scenario.relativeGap)) after "
                              + formatCount(Double(diversion.scenario.iterations), "iteration", "iterations") + "; "
                              + formatCount(Double(diversion.reachedTrips), "trip", "trips") + " reached by the scenario"))
    }

    @Test func aDiversionOfTheBundledDataAgreesAcrossTableJSONAndCSVAndWithTheModel() throws {
        let network = try BundledData.network.get(), dataset = network.dataset
        let diversion = try BundledData.lukevilleAndEaglePassRail.get()
        let report = DiversionReport(diversion: diversion, dataset: dataset, title: "Lukeville and Eagle Pass rail closed")
        let json = report.json()
        #expect(DocumentedJSON.documentedKeys("divert", areIn: json), "\(json.keys)")
        let crossings = try #require(json["crossings"]?.arrayValue)
        let csv = try CSVReader.table(report.csv())
        #expect(crossings.count == diversion.crossings.count && csv.records.count == diversion.crossings.count)
        for (index, change) in diversion.crossings.enumerated() {
            let id = dataset.crossings[change.crossing].id
            let object = crossings[index], row = csv.rows[index]
            #expect(object.keys == DocumentedJSON.of("divert crossings"))
            #expect(object["id"]?.stringValue == id && row["crossing"] == id)
            let name = dataset.crossings[change.crossing].name
            #expect(object["name"]?.stringValue == name && row["name"] == name)
            #expect(object["mode"]?.stringValue == change.mode.rawValue && row["mode"] == change.mode.rawValue)
            let status = change.closed ? "closed" : "open"
            #expect(object["status"]?.stringValue == status && row["status"] == status, "\(id) \(change.mode)")
            for (key, value) in [("baseline", change.baseline), ("scenario", change.scenario), ("change", change.change),
                                 ("waitMinutesBaseline", change.waitMinutesBaseline)] {
                #expect(object[key]?.numberValue == Self.tenth(value), "\(id) \(change.mode) \(key)")
                #expect(Double(row[key] ?? "") == Self.tenth(value), "\(id) \(change.mode) \(key): \(row[key] ?? "")")
            }
            if change.closed {
                #expect(object["waitMinutesScenario"]?.isNull == true && row["waitMinutesScenario"] == "")
            } else {
                #expect(Double(row["waitMinutesScenario"] ?? "") == object["waitMinutesScenario"]?.numberValue)
            }
        }
        let lukeville = try #require(csv.rows.first { $0["crossing"] == "lukeville" && $0["mode"] == "pov" })
        #expect(lukeville["status"] == "closed" && lukeville["scenario"] == "0")

        for (key, values) in [("forgone", diversion.forgone), ("deferred", diversion.deferred), ("extraHours", diversion.extraHours)] {
            #expect(json[key]?.keys == Mode.allCases.map(\.rawValue))
            for mode in Mode.allCases {
                #expect(json[key]?[mode.rawValue]?.numberValue == Self.tenth(values[mode] ?? 0), "\(key) \(mode)")
            }
        }
        for (key, totals, keyName) in [("sectors", diversion.sectors, "id"), ("ports", diversion.ports, "portCode")] {
            let objects = try #require(json[key]?.arrayValue)
            #expect(objects.map { $0[keyName]?.stringValue } == totals.map(\.key), "\(key)")
            #expect(objects.map { $0["scenario"]?.numberValue } == totals.map { Self.tenth($0.scenario) }, "\(key)")
            #expect(objects.map { $0["change"]?.numberValue } == totals.map { Self.tenth($0.change) }, "\(key)")
        }
        let detours = try #require(json["largestDetours"]?.arrayValue)
        #expect(detours.count == min(10, diversion.detours.count))
        #expect(detours.map { $0["origin"]?.stringValue } == diversion.detours.prefix(10).map(\.origin))
        #expect(detours.map { $0["scenarioCrossing"]?.stringValue } == diversion.detours.prefix(10).map(\.scenarioCrossing))
        let model = try #require(json["model"])
        #expect(model.keys == DocumentedJSON.of("divert model"))
        #expect(model["name"]?.stringValue == diversion.scenario.method.name)
        #expect(model["relativeGap"]?.numberValue == diversion.scenario.relativeGap)
        #expect(model["iterations"]?.numberValue == Double(diversion.scenario.iterations))
        _ = try json.printedAndReadBack()

        // The table: every closed crossing-mode and the open ones that changed most, as many rows in all as
        // asked for, with a line that says how many changed; then the sectors that changed.
        let closed = diversion.crossings.filter(\.closed)
        let open = diversion.crossings.filter { !$0.closed && abs($0.change) >= 0.5 }.sorted { abs($0.change) > abs($1.change) }
        let limit = closed.count + 3
        #expect(open.count > 3, "some open crossing-modes are left out")
        let text = report.table(rows: limit)
        let table = try PrintedTable(text)
        #expect(table.rows.count == limit)
        #expect(table.rows.first.map { "\($0[0]) \($0[1])" } == (closed + open).max { abs($0.change) < abs($1.change) }.map { "\(dataset.crossings[$0.crossing].id) \($0.mode)" })
        for change in closed {
            #expect(table.rows.contains { $0[0] == dataset.crossings[change.crossing].id && $0[1] == change.mode.rawValue && $0[6] == "closed" })
        }
        for line in table.rows {
            let change = try #require(diversion.crossings.first { dataset.crossings[$0.crossing].id == line[0] && $0.mode.rawValue == line[1] })
            #expect(line[2] == formatCount(change.baseline) && line[3] == formatCount(change.scenario), "\(line)")
            #expect(change.closed || abs(change.change) >= abs(open[2].change))
        }
        #expect(text.contains("\n\(limit) of the \(closed.count + open.count) crossing-modes that changed or closed: every closed one and the open ones that changed most; --format json or csv lists them all.\n"))
        #expect(report.table().contains("\nAll \(closed.count + open.count) crossing-modes that changed or closed.\n"))
        let sectorTable = try PrintedTable(text, after: table.rows.count + 6)
        #expect(sectorTable.header == ["SECTOR", "MODE", "BASELINE/DAY", "SCENARIO/DAY", "CHANGE"])
        #expect(sectorTable.rows.map { "\($0[0]) \($0[1])" } == diversion.sectors.filter { abs($0.change) >= 0.5 }.map { "\($0.name) \($0.mode)" })
    }

    @Test func aDiversionThatChangesNothingSaysSo() throws {
        let (network, fit) = try Self.tinyNetwork.get()
        let diversion = try network.divert(demand: fit.demand, constants: fit.constants, behaviour: try FittedBehaviour.load(), closures: Closures(), at: nil)
        let report = DiversionReport(diversion: diversion, dataset: network.dataset, title: "Nothing closed")
        let text = report.table()
        // No empty "Per day:" heading and no detours: nothing to put under them.
        #expect(text.hasPrefix("Nothing closed\nClosed: nothing\n\nNo crossing's volume changes.\n\nModel: equilibrium"))
        #expect(try CSVReader.table(report.csv()).column("change")?.allSatisfy { $0 == "0" } == true)
        #expect(report.json()["forgone"] == .object(JSONObject(Mode.allCases.map { ($0.rawValue, .number(0)) })))
    }

    @Test func everyClosedCrossingIsListedHoweverFewRowsAreAskedFor() throws {
        let (network, diversion) = try Self.gateAClosed.get()
        let text = DiversionReport(diversion: diversion, dataset: network.dataset, title: "Gate A closed").table(rows: 1)
        let table = try PrintedTable(text, after: 2)
        #expect(table.rows.count == 2)
        #expect(Set(table.rows.map { "\($0[0]) \($0[1]) \($0[6])" }) == ["gate-a pov closed", "gate-a pedestrian closed"])
        #expect(text.contains("\n2 of the 3 crossing-modes that changed or closed"))
    }

    @Test func theLargestDetoursAreInTheTableAsInTheJSON() throws {
        let network = try BundledData.network.get(), dataset = network.dataset
        let diversion = try BundledData.lukevilleAndEaglePassRail.get()
        let text = DiversionReport(diversion: diversion, dataset: dataset, title: "Lukeville").table()
        let start = try #require(text.range(of: "LARGEST DETOURS: FROM"))
        let detours = try PrintedTable(String(text[start.lowerBound...]))
        #expect(detours.header == ["LARGEST DETOURS: FROM", "TO", "MODE", "TRIPS/DAY", "MINUTES", "EXTRA MIN", "CROSSING"])
        let listed = Array(diversion.detours.prefix(10))
        #expect(!listed.isEmpty)
        #expect(detours.rows.map { "\($0[0]) \($0[1]) \($0[2])" } == listed.map { "\($0.origin) \($0.destination) \($0.mode)" })
        #expect(detours.rows.map { $0[3] } == listed.map { formatFixed($0.dailyTrips, decimals: 1) })
        #expect(detours.rows.map { $0[6] } == listed.map { $0.baselineCrossing == $0.scenarioCrossing ? ($0.scenarioCrossing ?? "-")
                                                                 : "\($0.baselineCrossing ?? "-") → \($0.scenarioCrossing ?? "-")" })
    }

    @Test func aTitleFromAFileReachesTheTerminalWithoutControlCharacters() throws {
        let (network, diversion) = try Self.gateAClosed.get()
        let report = DiversionReport(diversion: diversion, dataset: network.dataset, title: "\u{1B}]0;owned\u{07}Gate A\t\u{1B}[31mclosed\u{9B}2J")
        let text = try report.text(in: .table)
        #expect(text.hasPrefix("]0;ownedGate A [31mclosed2J\n"))
        #expect(!text.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" })
        // JSON escapes them instead: the title is kept whole for scripts.
        #expect(report.json()["title"]?.stringValue == report.title)
    }
}
