import BorderFlow
import BorderFlowOutput
import BorderFlowSpatial
import BorderFlowTestSupport
import Foundation
import Testing

/// `borderflow route`: a route, its detour and alternatives, in three forms.
@Suite("Route report")
struct RouteReportTests {
    static let tinyNetwork = Result { () throws -> BorderNetwork in
        let directory = try Fixtures.network()
        defer { try? FileManager.default.removeItem(at: directory) }
        return try BorderNetwork(contentsOf: directory)
    }

    static func names(_ network: BorderNetwork) -> [String: String] {
        Dictionary(uniqueKeysWithValues: network.dataset.crossings.map { ($0.id, $0.name) })
    }

    @Test(arguments: [
        (0.0, "0 min"), (29, "0 min"), (30, "1 min"), (35 * 60, "35 min"), (59 * 60 + 29, "59 min"), (59 * 60 + 30, "1 h 00 min"),
        (3_600, "1 h 00 min"), (3 * 3_600 + 28 * 60, "3 h 28 min"), (10 * 3_600 + 5 * 60, "10 h 05 min"), (26 * 3_600, "26 h 00 min"),
    ] as [(Double, String)])
    func durationsAreWholeMinutesWithHoursFromSixtyOn(_ seconds: Double, _ expected: String) {
        #expect(RouteReport.duration(seconds) == expected)
    }

    @Test func aTripNorthThroughGateAReadsTheSameInEveryFormAndTakesItsRoadsAndInspectionTime() throws {
        let network = try Self.tinyNetwork.get()
        let answer = try network.compareRoutes(from: "sur", to: "north", mode: .pov, alternatives: 2)
        let route = try #require(answer.route)
        #expect(route.crossing == "gate-a" && route.path == ["sur", "gate-a", "north"])
        // MEX 1 at 80 km/h from 31.1°N to the gate at 31.3005°N, AZ 1 at 90 km/h on to 31.5°N, and half an hour's inspection.
        let south = WGS84.meridianKm(from: 31.1, to: 31.3005), north = WGS84.meridianKm(from: 31.3005, to: 31.5)
        #expect(abs(route.lengthMeters / 1000 - (south + north)) < 0.001 * (south + north))
        let seconds = south / 80 * 3600 + north / 90 * 3600 + 30 * 60
        #expect(abs(route.travelSeconds - seconds) < 1, "\(route.travelSeconds) s against \(seconds)")

        let report = RouteReport(comparison: answer)
        let json = report.json()
        #expect(json.keys == ["origin", "destination", "mode"] + DocumentedJSON.of("route") + DocumentedJSON.of("route with alternatives"))
        #expect(json["origin"]?.stringValue == "sur" && json["destination"]?.stringValue == "north" && json["mode"]?.stringValue == "pov")
        #expect(json["crossing"]?.stringValue == "gate-a")
        #expect(json["travelSeconds"]?.numberValue == (route.travelSeconds * 1000).rounded() / 1000)
        #expect(json["lengthMeters"]?.numberValue == route.lengthMeters.rounded())
        #expect(json["path"]?.strings == route.path && json["roads"]?.strings == route.roads)
        let alternatives = try #require(json["alternatives"]?.arrayValue)
        #expect(alternatives.map { $0["crossing"]?.stringValue } == ["gate-a", "gate-b"])

        let csv = try CSVReader.table(report.csv())
        #expect(csv.header == ["rank", "origin", "destination", "mode", "crossing", "travelSeconds", "lengthMeters", "path", "roads",
                               "detourSeconds", "allOpenCrossing"])
        #expect(csv.records.map { [$0[0], $0[1], $0[2], $0[3], $0[4]] } == [["1", "sur", "north", "pov", "gate-a"], ["2", "sur", "north", "pov", "gate-b"]])
        for (row, alternative) in zip(csv.rows, answer.alternatives) {
            #expect(abs((Double(row["travelSeconds"] ?? "") ?? .nan) - alternative.travelSeconds) <= 0.0005)
            #expect(abs((Double(row["lengthMeters"] ?? "") ?? .nan) - alternative.lengthMeters) <= 0.5)
            #expect(row["path"] == alternative.path.joined(separator: ";"))
            #expect(row["roads"] == alternative.roads.joined(separator: ";"))
            #expect(row["detourSeconds"] == "" && row["allOpenCrossing"] == "", "no closures, no detour")
        }

        let text = report.table(crossingNames: Self.names(network))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "Pueblo Sur, SON (MX) → North Town, AZ (US) by personal vehicle")
        #expect(lines[1] == "Crossing  Gate A (gate-a)")
        #expect(lines[2] == "Time      \(RouteReport.duration(seconds))")
        #expect(lines[3] == "Distance  \(formatFixed(route.lengthMeters / 1000, decimals: 1)) km")
        #expect(lines[4] == "Via       " + route.roads.joined(separator: " → "))
        #expect(lines[5] == "Path      sur → gate-a → north")
        let table = try PrintedTable(text)
        #expect(table.header == ["#", "CROSSING", "TIME", "EXTRA", "KM"])
        #expect(table.rows.map { [$0[0], $0[1]] } == [["1", "gate-a"], ["2", "gate-b"]])
        #expect(table.rows[0][3] == "+0 min")
        #expect(table.rows[1][3] == "+" + RouteReport.duration(answer.alternatives[1].travelSeconds - route.travelSeconds))
    }

    @Test func withNoCrossingOpenToPedestriansThereIsNoRouteAndTheReasonIsGiven() throws {
        let network = try Self.tinyNetwork.get()
        var closures = Closures()
        try closures.close(crossing: "gate-a")
        let answer = try network.compareRoutes(from: "sur", to: "north", mode: .pedestrian, closures: closures)
        #expect(answer.route == nil)
        let reason = try #require(answer.reason)
        let report = RouteReport(comparison: answer)
        let json = report.json()
        #expect(json["crossing"]?.isNull == true && json["travelSeconds"]?.isNull == true && json["lengthMeters"]?.isNull == true)
        #expect(json["path"] == .array([]) && json["roads"] == .array([]))
        #expect(DocumentedJSON.documentedKeys("route", areIn: json), "\(json.keys)")
        #expect(json["reason"]?.stringValue == reason)
        #expect(json["detourSeconds"]?.isNull == true)
        #expect(json["allOpenCrossing"]?.stringValue == "gate-a")
        #expect(DocumentedJSON.documentedKeys("route with closures", areIn: json) && DocumentedJSON.documentedKeys("route without a route", areIn: json))
        #expect(try CSVReader.table(report.csv()).records.isEmpty)
        let text = report.table(crossingNames: Self.names(network))
        #expect(text == "Pueblo Sur, SON (MX) → North Town, AZ (US) by pedestrian\n" + reason.prefix(1).uppercased() + reason.dropFirst() + "\n")
    }

    @Test func aTripThatStaysOnOneSideCrossesNothing() throws {
        let network = try Self.tinyNetwork.get()
        let answer = try network.compareRoutes(from: "north", to: "east", mode: .pov)
        let report = RouteReport(comparison: answer)
        #expect(report.json()["crossing"]?.isNull == true)
        #expect(try CSVReader.table(report.csv()).column("crossing") == [""])
        #expect(report.table(crossingNames: Self.names(network)).contains("\nCrossing  none (the trip stays on one side)\n"))
        #expect(report.json()["detourSeconds"] == nil, "no closures, no detour")
    }

    @Test func aDetourOnTheBundledNetworkAgreesAcrossTableJSONAndCSV() throws {
        let network = try BundledData.network.get()
        var closures = Closures()
        try closures.close(crossing: "lukeville")
        let answer = try network.compareRoutes(from: "Sonoyta", to: "Phoenix", mode: .pov, closures: closures, alternatives: 3)
        let route = try #require(answer.route)
        let detour = try #require(answer.detourSeconds)
        let report = RouteReport(comparison: answer)

        let json = report.json()
        for part in ["route", "route with closures", "route with alternatives"] {
            #expect(DocumentedJSON.documentedKeys(part, areIn: json), "\(part): \(json.keys)")
        }
        #expect(json["crossing"]?.stringValue == route.crossing && json["allOpenCrossing"]?.stringValue == "lukeville")
        #expect(abs((json["detourSeconds"]?.numberValue ?? .nan) - detour) <= 0.0005)
        let alternatives = try #require(json["alternatives"]?.arrayValue)
        #expect(alternatives.map { $0["crossing"]?.stringValue } == answer.alternatives.map(\.crossing))
        #expect(alternatives.map { $0["path"]?.strings } == answer.alternatives.map(\.path))

        let csv = try CSVReader.table(report.csv())
        #expect(csv.column("rank") == ["1", "2", "3"])
        #expect(csv.column("crossing") == answer.alternatives.map { $0.crossing ?? "" })
        #expect(csv.column("crossing")?.first == route.crossing, "the best alternative is the route")
        #expect(csv.column("allOpenCrossing") == ["lukeville", "lukeville", "lukeville"])
        let detours = try #require(csv.column("detourSeconds")).map { Double($0) ?? .nan }
        #expect(abs(detours[0] - detour) <= 0.0005)
        for (csvDetour, alternative) in zip(detours, answer.alternatives) {
            #expect(abs(csvDetour - (alternative.travelSeconds - (answer.allOpen?.travelSeconds ?? .nan))) <= 0.0005)
        }

        let text = report.table(crossingNames: Self.names(network))
        let name = try #require(network.dataset.crossing(id: route.crossing ?? "")?.name)
        #expect(text.contains("\nCrossing  \(name) (\(route.crossing ?? ""))\n"))
        #expect(text.contains("\nTime      \(RouteReport.duration(route.travelSeconds)), \(RouteReport.duration(detour)) longer than with every crossing open (via lukeville)\n"))
        let table = try PrintedTable(text)
        #expect(table.column("CROSSING") == csv.column("crossing"))
        #expect(table.column("TIME") == answer.alternatives.map { RouteReport.duration($0.travelSeconds) })
        #expect(table.column("KM") == answer.alternatives.map { formatFixed($0.lengthMeters / 1000, decimals: 1) })
    }
}
