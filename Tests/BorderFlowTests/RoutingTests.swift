import BorderFlowGraph
import BorderFlowSpatial
import Foundation
import Testing
import BorderFlowTestSupport
@_spi(Internals) @testable import BorderFlow

/// Routing on the hand-made network: Pueblo Sur and Villa Este in Mexico, North Town and East Town in the
/// U.S., Gate A (pedestrians, cars) and Gate B (cars, trucks) between them.
@Suite("Routing on a hand-made network")
struct RoutingTests {
    let network: BorderNetwork

    init() throws {
        let directory = try Fixtures.network()
        defer { try? FileManager.default.removeItem(at: directory) }
        network = try BorderNetwork(dataset: Dataset.load(from: directory))
    }

    @Test func theNetworkLoadsWithLengthsFromGeometry() throws {
        let dataset = network.dataset
        #expect(dataset.roads.count == 7)
        let road = try #require(dataset.roads.first { $0.id == "mx-sur-gate-a" })
        // 0.2005° of latitude at 31.2°N is about 22.2 km.
        #expect(abs(road.lengthMeters - 22_230) < 100)
        #expect(network.nodes.count == 4 + 1 + 2 * 2)
    }

    @Test func aCarCrossesAtTheNearestGateAndTheRouteNamesIt() throws {
        let route = try #require(try RouteSearch(network: network).route(from: "sur", to: "north", mode: .pov))
        #expect(route.crossing == "gate-a")
        #expect(route.path == ["sur", "gate-a", "north"])
        #expect(route.roads == ["MEX 1", "AZ 1"])
        let mexicoSeconds: Double = 22_230 / (80 / 3.6)
        let usSeconds: Double = 22_000 / (90 / 3.6)
        let expected: Double = mexicoSeconds + 30 * 60 + usSeconds
        #expect(abs(route.travelSeconds - expected) < 30)
    }

    @Test func aTruckCanOnlyCrossWhereTrucksAreProcessed() throws {
        let route = try #require(try RouteSearch(network: network).route(from: "sur", to: "north", mode: .truck))
        #expect(route.crossing == "gate-b")
        #expect(route.path == ["sur", "este", "gate-b", "east", "north"])
    }

    @Test func closingTheGateReroutesWithoutRebuildingTheGraph() throws {
        var closures = Closures()
        try closures.close(crossing: "gate-a")
        let answer = try network.compareRoutes(from: "sur", to: "north", mode: .pov, closures: closures)
        #expect(answer.route?.crossing == "gate-b")
        #expect(answer.allOpen?.crossing == "gate-a")
        #expect((answer.detourSeconds ?? 0) > 0)
    }

    @Test func closingACrossingNoRouteUsesChangesNothing() throws {
        var closures = Closures()
        try closures.close(mode: .truck, atCrossing: "gate-b")
        let answer = try network.compareRoutes(from: "sur", to: "north", mode: .pov, closures: closures)
        #expect(answer.route == answer.allOpen)
        #expect(answer.detourSeconds == 0)
    }

    @Test func closingEveryCrossingGivesNoRouteWithAReason() throws {
        var closures = Closures()
        try closures.close(sector: "west")
        try closures.close(sector: "east")
        let answer = try network.compareRoutes(from: "Pueblo Sur", to: "north", mode: .pov, closures: closures)
        #expect(answer.route == nil)
        #expect(answer.reason?.contains("2 of the 2 crossings") == true)
        #expect(answer.reason?.contains("gate-a") == true)
    }

    @Test func aPolygonClosesTheCrossingsInsideIt() throws {
        var closures = Closures()
        let box = GeoJSONGeometry.polygon([[Position(x: -110.9, y: 31.2), Position(x: -110.7, y: 31.2), Position(x: -110.7, y: 31.4),
                                            Position(x: -110.9, y: 31.4), Position(x: -110.9, y: 31.2)]])
        try closures.close(polygon: box, named: "box")
        let answer = try network.compareRoutes(from: "sur", to: "north", mode: .truck, closures: closures)
        #expect(answer.route == nil)
    }

    @Test func portAndModeClosuresAndUnknownIdsAreChecked() throws {
        var closures = Closures()
        try closures.close(port: "2701")
        #expect(try network.compareRoutes(from: "sur", to: "north", mode: .pov, closures: closures).route?.crossing == "gate-b")
        var unknown = Closures()
        try unknown.close(crossing: "gate-c")
        #expect(throws: ClosureError.unknownCrossing("gate-c", suggestions: ["gate-a", "gate-b"])) {
            _ = try network.compareRoutes(from: "sur", to: "north", mode: .pov, closures: unknown)
        }
        var wrongMode = Closures()
        try wrongMode.close(mode: .rail, atCrossing: "gate-a")
        #expect(throws: ClosureError.self) { _ = try network.compareRoutes(from: "sur", to: "north", mode: .pov, closures: wrongMode) }
        var backwards = Closures()
        #expect(throws: ClosureError.self) { try backwards.close(crossing: "gate-a", from: Date(timeIntervalSince1970: 10), to: Date(timeIntervalSince1970: 0)) }
    }

    @Test func openingHoursCloseACrossingAtNight() throws {
        // Gate A's cars are processed 06:00–22:00 (Arizona time); Gate B's around the clock.
        let night = try Moment(parsing: "2023-12-10T23:30", dateAlone: .noon)
        #expect(try network.compareRoutes(from: "sur", to: "north", mode: .pov, at: night).route?.crossing == "gate-b")
        let day = try Moment(parsing: "2023-12-10T12:00", dateAlone: .noon)
        #expect(try network.compareRoutes(from: "sur", to: "north", mode: .pov, at: day).route?.crossing == "gate-a")
        // 06:00 UTC is 23:00 the day before in Arizona (UTC−7).
        let utc = try Moment(parsing: "2023-12-11T06:00Z", dateAlone: .noon)
        #expect(try network.compareRoutes(from: "sur", to: "north", mode: .pov, at: utc).route?.crossing == "gate-b")
    }

    @Test func aRouteSaysWhyItDidNotUseTheAllOpenCrossing() throws {
        // At 23:30 Gate A's cars are outside its 06:00–22:00 hours.
        let night = try Moment(parsing: "2023-12-10T23:30", dateAlone: .noon)
        let atNight = try network.compareRoutes(from: "sur", to: "north", mode: .pov, at: night)
        #expect(atNight.allOpen?.crossing == "gate-a" && atNight.route?.crossing == "gate-b")
        #expect(atNight.allOpenCrossingClosure == .outsideOpeningHours(try #require(OpeningHours(parsing: "06:00-22:00"))))
        #expect(atNight.allOpenCrossingClosure?.description == "outside its opening hours at that time (open 06:00-22:00 local time)")
        // Closed by a closure, at a moment when its hours would have let cars through.
        var closures = Closures()
        try closures.close(crossing: "gate-a")
        let day = try Moment(parsing: "2023-12-10T12:00", dateAlone: .noon)
        #expect(try network.compareRoutes(from: "sur", to: "north", mode: .pov, closures: closures, at: day).allOpenCrossingClosure == .closed)
        // Open and used: nothing to explain.
        #expect(try network.compareRoutes(from: "sur", to: "north", mode: .pov, at: day).allOpenCrossingClosure == nil)
        // Gate A takes no trucks at all.
        #expect(try network.closureReason(crossing: "gate-a", mode: .truck, closures: Closures(), at: day) == .modeNotServed)
        #expect(throws: ClosureError.self) { try network.closureReason(crossing: "gate-z", mode: .pov, closures: Closures(), at: day) }
    }

    @Test func closureWindowsApplyOnlyInsideThem() throws {
        var closures = Closures()
        let start = try #require(Moment(parsing: "2023-12-04T00:00-07:00", dateAlone: .noon).date(in: "UTC"))
        let end = try #require(Moment(parsing: "2024-01-04T00:00-07:00", dateAlone: .noon).date(in: "UTC"))
        try closures.close(crossing: "gate-a", from: start, to: end)
        let inside = try Moment(parsing: "2023-12-20T12:00", dateAlone: .noon)
        let after = try Moment(parsing: "2024-01-10T12:00", dateAlone: .noon)
        #expect(try network.compareRoutes(from: "sur", to: "north", mode: .pov, closures: closures, at: inside).route?.crossing == "gate-b")
        #expect(try network.compareRoutes(from: "sur", to: "north", mode: .pov, closures: closures, at: after).route?.crossing == "gate-a")
    }

    @Test func aWallClockWindowIsReadInTheCrossingsOwnTimeZone() throws {
        var closures = Closures()
        try closures.close(crossing: "gate-a", from: try Moment(parsing: "2023-12-04", dateAlone: .startOfDay), to: try Moment(parsing: "2024-01-04", dateAlone: .startOfDay))
        // Gate A's cars are processed from 06:00, so ask at midday on each side of the bounds.
        func crossing(at text: String) throws -> String? {
            try network.compareRoutes(from: "sur", to: "north", mode: .pov, closures: closures, at: Moment(parsing: text, dateAlone: .noon)).route?.crossing
        }
        #expect(try crossing(at: "2023-12-03T12:00") == "gate-a")
        #expect(try crossing(at: "2023-12-04T12:00") == "gate-b")
        #expect(try crossing(at: "2024-01-03T12:00") == "gate-b")
        #expect(try crossing(at: "2024-01-04T12:00") == "gate-a")
        // An instant works too: 18:30 UTC on the 4th is 11:30 that morning in Arizona, inside the window.
        #expect(try crossing(at: "2023-12-04T18:30Z") == "gate-b")
        var reversed = Closures()
        #expect(throws: ClosureError.self) { try reversed.close(crossing: "gate-a", from: try Moment(parsing: "2024-01-04", dateAlone: .startOfDay), to: try Moment(parsing: "2023-12-04", dateAlone: .startOfDay)) }
    }

    @Test func alternativesListEachCrossingOnceBestFirstAndTheBestIsTheRoute() throws {
        let answer = try network.compareRoutes(from: "sur", to: "east", mode: .pov, alternatives: 5)
        // Through Gate A and the motorway beats the Mexican trunk road to Gate B.
        #expect(answer.alternatives.map(\.crossing) == ["gate-a", "gate-b"])
        #expect(answer.route?.crossing == "gate-a")
        #expect(answer.alternatives.first?.travelSeconds == answer.route?.travelSeconds)
        #expect(answer.alternatives.map(\.travelSeconds) == answer.alternatives.map(\.travelSeconds).sorted())
    }

    @Test func aTripWithinOneCountryUsesNoCrossing() throws {
        let route = try #require(try RouteSearch(network: network).route(from: "north", to: "east", mode: .pov))
        #expect(route.crossing == nil)
        #expect(route.path == ["north", "east"])
    }

    @Test func aSouthboundTripUsesTheSouthboundTimes() throws {
        let route = try #require(try RouteSearch(network: network).route(from: "north", to: "sur", mode: .pov))
        #expect(route.crossing == "gate-a")
        let northbound = try #require(try RouteSearch(network: network).route(from: "sur", to: "north", mode: .pov))
        #expect(abs((northbound.travelSeconds - route.travelSeconds) - 25 * 60) < 1)
    }

    @Test func placesAreFoundByNameIgnoringCaseAndAccents() throws {
        #expect(try network.dataset.place(named: "pueblo sur").id == "sur")
        #expect(try network.dataset.place(named: "EAST TOWN").id == "east")
        // Only the close name is offered: North and East are nothing like it.
        let sur = PlaceMention(try #require(network.dataset.place(id: "sur")))
        #expect(throws: LookupError.unknownPlace("Sourh", suggestions: [sur], coverage: PlaceCoverage(network.dataset.places))) {
            _ = try network.dataset.place(named: "Sourh")
        }
    }

    @Test func aStarAndDijkstraAgreeOnEveryPairAndMode() throws {
        let search = RouteSearch(network: network)
        let places = network.dataset.places.map(\.id)
        for from in places {
            for to in places {
                for mode in Mode.allCases {
                    let astar = try search.route(from: from, to: to, mode: mode, algorithm: .astar)
                    let dijkstra = try search.route(from: from, to: to, mode: mode, algorithm: .dijkstra)
                    #expect(astar?.travelSeconds == dijkstra?.travelSeconds, "\(from) → \(to) \(mode)")
                }
            }
        }
    }

    @Test func brokenRoadsAreReportedWithFileFeatureAndField() throws {
        let directory = try Fixtures.brokenNetwork("road-to-nowhere")
        defer { try? FileManager.default.removeItem(at: directory) }
        let problems = try Dataset.problems(in: directory)
        #expect(problems.contains { $0.file == "roads.geojson" && $0.featureID == "mx-sur-gate-a" && $0.field == "to" && $0.message.contains("\"gate-z\"") })
        #expect(problems.contains { $0.file == "roads.geojson" && $0.featureID == "us-gate-b-east" && $0.field == "geometry" && $0.message.contains("inside MX") })
        #expect(problems.contains { $0.file == "crossings.geojson" && $0.featureID == "gate-a" && $0.message.contains("unreachable") })
    }
}
