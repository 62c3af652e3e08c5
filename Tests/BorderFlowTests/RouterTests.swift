import BorderFlowGraph
import BorderFlowSpatial
import Foundation
import Testing
import BorderFlowTestSupport
@_spi(Internals) @testable import BorderFlow

/// The closure states the router is checked under on the bundled network: nothing closed, a crossing, a
/// port, one mode at a port, a sector, and the December 2023 scenario read at moments in and out of its
/// windows (with and without opening hours).
enum RouterStates {
    static func all(_ network: BorderNetwork) throws -> [(name: String, closures: Closures, moment: Moment?, hours: Bool)] {
        var crossing = Closures()
        try crossing.close(crossing: "lukeville")
        var port = Closures()
        try port.close(port: "2304")
        var modeAtPort = Closures()
        try modeAtPort.close(mode: .rail, atPort: "2303")
        var sector = Closures()
        try sector.close(sector: "del-rio")
        let december = try Scenario.find("dec-2023", dataset: network.dataset).closures
        return [
            ("all open", Closures(), nil, false),
            ("lukeville closed", crossing, nil, false),
            ("port 2304 closed", port, nil, false),
            ("rail closed at port 2303", modeAtPort, nil, false),
            ("del-rio sector closed", sector, nil, false),
            ("dec-2023 on 2023-12-20 noon", december, try Moment(parsing: "2023-12-20T12:00", dateAlone: .noon), false),
            ("dec-2023 on 2024-01-08, windows over", december, try Moment(parsing: "2024-01-08T12:00", dateAlone: .noon), false),
            ("dec-2023 at 2023-12-19T03:00 with opening hours", december, try Moment(parsing: "2023-12-19T03:00", dateAlone: .noon), true),
        ]
    }
}

@Suite("Router on the bundled network")
struct RouterTests {
    let network: BorderNetwork

    init() throws {
        network = try BundledRoutingTests.loaded.get()
    }

    /// The crossing on the last forward tree's path to each node, if any, worked out once per node: a node's
    /// crossing is its tree edge's, when that is a crossing edge, or else its parent's.
    private struct TreeCrossings {
        static let unknown = -2
        var crossing: [Int]

        init(nodeCount: Int) {
            crossing = [Int](repeating: Self.unknown, count: nodeCount)
        }

        mutating func reset() {
            for index in crossing.indices { crossing[index] = Self.unknown }
        }

        mutating func crossing(to node: Graph.NodeID, in search: ShortestPathSearch, network: BorderNetwork) -> Int? {
            if crossing[Int(node)] == Self.unknown {
                if let edge = search.parentEdge(of: node) {
                    if case let .crossing(index, _, _) = network.edges[Int(edge)].kind {
                        crossing[Int(node)] = index
                    } else {
                        crossing[Int(node)] = self.crossing(to: network.graph.source(of: edge), in: search, network: network) ?? -1
                    }
                } else {
                    crossing[Int(node)] = -1
                }
            }
            return crossing[Int(node)] >= 0 ? crossing[Int(node)] : nil
        }
    }

    @Test func everyQueryEqualsAGraphSearchUnderEveryClosureState() throws {
        let search = ShortestPathSearch(graph: network.graph)
        var treeCrossings = TreeCrossings(nodeCount: network.graph.nodeCount)
        let places = network.places
        let nodes = places.map { network.node(id: $0.id)! }
        var compared = 0, crossingTies = 0
        for state in try RouterStates.all(network) {
            let router = try network.router(closures: state.closures, at: state.moment, applyingOpeningHours: state.hours)
            for (origin, place) in places.enumerated() {
                // One tree per origin and mode answers every destination: a trip from Mexico may use only
                // northbound crossing edges, one from the U.S. only southbound ones (so within a country none).
                let exclusions = place.country == .mx ? network.southboundEdges : network.northboundEdges
                for mode in Mode.allCases {
                    let layer = mode.index
                    search.tree(from: nodes[origin], layer: layer, mask: router.mask, exclusions: exclusions)
                    treeCrossings.reset()
                    for (destination, other) in places.enumerated() {
                        let target = nodes[destination]
                        let answer = router.route(Trip(origin: PlaceIndex(origin), destination: PlaceIndex(destination), mode: mode))
                        let expected = search.cost(to: target)
                        // Issues are recorded only on a mismatch: there are over a million comparisons.
                        if answer?.travelMilliseconds != expected {
                            Issue.record("\(state.name): \(place.id) → \(other.id) by \(mode): router \(String(describing: answer)), search \(String(describing: expected))")
                        }
                        guard let answer, expected != nil else { continue }
                        compared += 1
                        let searched = treeCrossings.crossing(to: target, in: search, network: network)
                        if answer.crossing?.rawValue != searched {
                            // Two crossings of exactly equal cost: either is right.
                            crossingTies += 1
                            if answer.crossing == nil || searched == nil {
                                Issue.record("\(state.name): \(place.id) → \(other.id) by \(mode): crossing \(String(describing: answer.crossing)) against \(String(describing: searched))")
                            }
                        }
                        if let chosen = answer.crossing, !router.isOpen(crossing: chosen, mode: mode, northbound: place.country == .mx) {
                            Issue.record("\(state.name): \(place.id) → \(other.id) by \(mode) uses closed crossing \(chosen)")
                        }
                    }
                }
            }
        }
        #expect(compared > 100_000)
        #expect(crossingTies < compared / 1000, "ties are rare")
    }

    @Test func sampledQueriesEqualRouteSearchWithAStar() throws {
        var random = SplitMix64(seed: 6)
        let places = network.places.map(\.id)
        for state in try RouterStates.all(network) {
            let router = try network.router(closures: state.closures, at: state.moment, applyingOpeningHours: state.hours)
            let reference = RouteSearch(network: network, mask: router.mask)
            for _ in 0..<300 {
                let origin = places.randomElement(using: &random)!, destination = places.randomElement(using: &random)!
                let mode = Mode.allCases.randomElement(using: &random)!
                let expected = try reference.route(from: origin, to: destination, mode: mode, algorithm: .astar)
                let fast = router.route(try network.trip(from: origin, to: destination, mode: mode))
                #expect(fast?.travelSeconds == expected?.travelSeconds, "\(state.name): \(origin) → \(destination) by \(mode)")
                let detailed = try router.route(from: origin, to: destination, mode: mode)
                #expect(detailed?.travelSeconds == expected?.travelSeconds)
                #expect(detailed?.crossing == fast?.crossing.map { network.crossings[$0].id })
                if let detailed, let fast {
                    #expect(abs(detailed.lengthMeters - fast.lengthMeters) < 0.01)
                    #expect(detailed.path.first == origin && detailed.path.last == destination)
                }
            }
        }
    }

    @Test func aRouterMadeForNewClosuresNeverUsesAClosedCrossing() throws {
        let scenario = try Scenario.find("dec-2023", dataset: network.dataset)
        let demand = try network.baselineDemand().demand
        let sonoytaToPhoenix = try network.trip(from: "sonoyta", to: "phoenix", mode: .pov)
        let lukeville = try #require(network.dataset.crossingIndex(id: "lukeville"))
        var day = try #require(Moment(parsing: "2023-11-20T12:00", dateAlone: .noon).date(in: "UTC"))
        var sawLukevilleClosed = false, sawLukevilleOpen = false
        for _ in 0..<52 {
            let moment = Moment.instant(day)
            let router = try network.router(closures: scenario.closures, at: moment, applyingOpeningHours: false)
            let mask = try network.mask(for: scenario.closures, at: moment, applyingOpeningHours: false)
            #expect(router.mask == mask)
            for trip in demand.trips {
                guard let crossing = router.route(trip)?.crossing else { continue }
                let northbound = network.places[trip.origin].country == .mx
                if !network.isOpen(crossing: crossing, mode: trip.mode, northbound: northbound, mask: mask) {
                    Issue.record("\(moment): \(network.crossings[crossing].id) is closed to \(trip.mode)")
                }
            }
            let crossing = router.route(sonoytaToPhoenix)?.crossing
            if network.isOpen(crossing: lukeville, mode: .pov, northbound: true, mask: mask) {
                sawLukevilleOpen = true
                #expect(crossing == lukeville)
            } else {
                sawLukevilleClosed = true
                #expect(crossing != nil && crossing != lukeville)
            }
            day += 86_400
        }
        #expect(sawLukevilleClosed && sawLukevilleOpen, "Lukeville closed on 4 December and reopened on 4 January")
    }

    @Test func everyRouterSharesOneTableOfRoadCosts() throws {
        var closures = Closures()
        try closures.close(crossing: "lukeville")
        let a = try network.router(), b = try network.router(closures: closures)
        #expect(a.access === b.access)
        #expect(a.route(try network.trip(from: "sonoyta", to: "phoenix", mode: .pov))?.crossing
                != b.route(try network.trip(from: "sonoyta", to: "phoenix", mode: .pov))?.crossing)
    }

    @Test func unknownNamesAreErrorsWithSuggestions() throws {
        let router = try network.router()
        #expect(throws: LookupError.self) { _ = try router.route(from: "Sonoyt", to: "Phoenix", mode: .pov) }
        do {
            _ = try network.trip(from: "Sonoyt", to: "Phoenix", mode: .pov)
            Issue.record("an unknown place must throw")
        } catch let error as LookupError {
            #expect("\(error)".contains("sonoyta"))
        }
        var closures = Closures()
        try closures.close(crossing: "lukevile")
        do {
            _ = try network.router(closures: closures)
            Issue.record("an unknown crossing must throw")
        } catch let ClosureError.unknownCrossing(id, suggestions) {
            #expect(id == "lukevile")
            #expect(suggestions.first == "lukeville")
        }
        var sector = Closures()
        try sector.close(sector: "delrio")
        #expect(throws: ClosureError.self) { _ = try network.router(closures: sector) }
    }

    @Test func aTripWithinOneCountryCrossesNowhere() throws {
        let router = try network.router()
        let route = try #require(router.route(try network.trip(from: "tucson", to: "phoenix", mode: .pov)))
        #expect(route.crossing == nil)
        #expect(route.travelSeconds > 3600 && route.travelSeconds < 3 * 3600)
        #expect(route.lengthMeters > 150_000 && route.lengthMeters < 250_000)
    }

    @Test func theGettingStartedArticleGivesWhatItSays() throws {
        var closures = Closures()
        try closures.close(crossing: "lukeville")
        try closures.close(mode: .rail, atPort: "2303", from: try Moment(parsing: "2023-12-18T08:00-05:00", dateAlone: .startOfDay),
                           to: try Moment(parsing: "2023-12-22T14:00-05:00", dateAlone: .startOfDay))
        try closures.close(sector: "del-rio")
        let router = try network.router(closures: closures, at: try Moment(parsing: "2023-12-20T12:00", dateAlone: .noon))
        let trip = try network.trip(from: "Sonoyta", to: "Phoenix", mode: .pov)
        let cost = try #require(router.route(trip))
        #expect(cost.crossing.map { network.crossings[$0].id } == "san-luis-1")
        #expect(cost.travelSeconds.rounded() == 21_800)
        #expect((cost.lengthMeters / 100).rounded() == 5_888)
        let route = try router.route(from: "Sonoyta", to: "Phoenix", mode: .pov)
        #expect(route?.path.prefix(3) == ["sonoyta", "san-luis-rio-colorado", "san-luis-1"])
        #expect(network.sectors.first?.id == "san-diego")
    }

    @Test func conveniencesLoadAndLocate() throws {
        let network = try BorderNetwork.bundled()
        #expect(network.crossings.count == 60)
        #expect(network.sectors.count == 9)
        #expect(network.places.count == self.network.places.count)
        let nogales = try network.locate(Coordinate(longitude: -110.94, latitude: 31.36))
        #expect(nogales.country == .us)
        #expect(nogales.sector?.id == "tucson")
        #expect(nogales.nearestCrossings.first?.id.hasPrefix("nogales") == true)
        #expect(throws: LocateError.self) { _ = try network.locate(Coordinate(longitude: 31.33, latitude: -110.94)) }
    }
}

@Suite("Router on a hand-made network")
struct HandMadeRouterTests {
    @Test func everyPairAndModeEqualsRouteSearchUnderEveryClosure() throws {
        let directory = try Fixtures.network()
        defer { try? FileManager.default.removeItem(at: directory) }
        let network = try BorderNetwork(contentsOf: directory)
        var states: [(Closures, Moment?)] = [(Closures(), nil)]
        for build in [
            { (c: inout Closures) in try c.close(crossing: "gate-a") },
            { (c: inout Closures) in try c.close(port: "2702") },
            { (c: inout Closures) in try c.close(mode: .pov, atCrossing: "gate-a") },
            { (c: inout Closures) in try c.close(sector: "west") },
        ] {
            var closures = Closures()
            try build(&closures)
            states.append((closures, nil))
        }
        // Gate A closes at 22:00 and trucks use Gate B only 08:00–18:00.
        states.append((Closures(), try Moment(parsing: "2024-03-01T23:00", dateAlone: .noon)))
        var windowed = Closures()
        try windowed.close(crossing: "gate-b", from: try Moment(parsing: "2024-03-01", dateAlone: .startOfDay), to: try Moment(parsing: "2024-03-02", dateAlone: .startOfDay))
        states.append((windowed, try Moment(parsing: "2024-03-01T12:00", dateAlone: .noon)))
        states.append((windowed, try Moment(parsing: "2024-03-05T12:00", dateAlone: .noon)))
        let places = network.places.map(\.id)
        var routed = 0
        for (closures, moment) in states {
            let router = try network.router(closures: closures, at: moment)
            let reference = RouteSearch(network: network, mask: router.mask)
            for origin in places {
                for destination in places {
                    for mode in Mode.allCases {
                        let expected = try reference.route(from: origin, to: destination, mode: mode)
                        let fast = router.route(try network.trip(from: origin, to: destination, mode: mode))
                        #expect(fast?.travelSeconds == expected?.travelSeconds, "\(origin) → \(destination) by \(mode)")
                        #expect(fast?.crossing.map { network.crossings[$0].id } == expected?.crossing)
                        if let fast, let expected {
                            routed += 1
                            #expect(abs(fast.lengthMeters - expected.lengthMeters) < 0.01)
                        }
                    }
                }
            }
        }
        #expect(routed > 50)
    }
}
