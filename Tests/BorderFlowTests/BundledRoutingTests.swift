import BorderFlowGraph
import Foundation
import Testing
@_spi(Internals) @testable import BorderFlow

/// Routing on the bundled network, checked against the real closures of 2023.
@Suite("Routing on the bundled network")
struct BundledRoutingTests {
    static let loaded = Result { try BorderNetwork(dataset: Dataset.load()) }
    let network: BorderNetwork

    init() throws {
        network = try Self.loaded.get()
    }

    @Test func sonoytaToPhoenixByCarCrossesAtLukeville() throws {
        let answer = try network.compareRoutes(from: "Sonoyta", to: "Phoenix", mode: .pov)
        #expect(answer.route?.crossing == "lukeville")
    }

    @Test func withLukevilleClosedSonoytaTrafficGoesToSanLuisOrNogales() throws {
        var closures = Closures()
        try closures.close(crossing: "lukeville")
        let answer = try network.compareRoutes(from: "sonoyta", to: "phoenix", mode: .pov, closures: closures)
        let crossing = try #require(answer.route?.crossing)
        #expect(crossing.hasPrefix("san-luis") || crossing.hasPrefix("nogales") || crossing == "sasabe", "\(crossing)")
        #expect((answer.detourSeconds ?? 0) > 3600, "a detour of more than an hour")
    }

    @Test func closingACrossingNoRouteUsesChangesNothing() throws {
        let before = try network.compareRoutes(from: "sonoyta", to: "phoenix", mode: .pov)
        var closures = Closures()
        try closures.close(crossing: "brownsville-gateway")
        try closures.close(port: "2304")
        let after = try network.compareRoutes(from: "sonoyta", to: "phoenix", mode: .pov, closures: closures)
        #expect(after.route == before.route)
        #expect(after.detourSeconds == 0)
    }

    @Test func closingEveryCrossingGivesNoRouteAndSaysWhy() throws {
        var closures = Closures()
        for sector in network.dataset.sectors { try closures.close(sector: sector.id) }
        let answer = try network.compareRoutes(from: "sonoyta", to: "phoenix", mode: .pov, closures: closures)
        #expect(answer.route == nil)
        let reason = try #require(answer.reason)
        #expect(reason.contains("lukeville"))
        #expect(reason.contains("are closed"))
    }

    @Test func eaglePassRailClosedSendsTrainsToAnotherRailBridge() throws {
        let open = try network.compareRoutes(from: "piedras-negras", to: "san-antonio", mode: .rail)
        #expect(open.route?.crossing == "eagle-pass-rail")
        var closures = Closures()
        try closures.close(mode: .rail, atPort: "2303")
        let closed = try network.compareRoutes(from: "piedras-negras", to: "san-antonio", mode: .rail, closures: closures)
        let crossing = try #require(closed.route?.crossing)
        #expect(crossing != "eagle-pass-rail")
        #expect(network.dataset.crossing(id: crossing)?.modes == [.rail])
    }

    @Test func everyPlaceReachesEveryOtherByCar() throws {
        let search = RouteSearch(network: network)
        let places = network.dataset.places
        let hubs = ["tijuana", "nogales-son", "ciudad-juarez", "nuevo-laredo", "heroica-matamoros", "san-diego", "tucson", "el-paso", "laredo", "brownsville"]
        for hub in hubs {
            for place in places {
                #expect(try search.route(from: hub, to: place.id, mode: .pov) != nil, "\(hub) → \(place.id)")
            }
        }
    }

    @Test func alternativesStartWithTheRouteAndNameDistinctCrossings() throws {
        let answer = try network.compareRoutes(from: "ciudad-juarez", to: "el-paso", mode: .pov, alternatives: 4)
        #expect(answer.alternatives.count == 4)
        #expect(answer.alternatives.first?.travelSeconds == answer.route?.travelSeconds)
        #expect(Set(answer.alternatives.compactMap(\.crossing)).count == 4)
        #expect(answer.alternatives.map(\.travelSeconds) == answer.alternatives.map(\.travelSeconds).sorted())
    }

    @Test func aStarEqualsDijkstraOnTenThousandRandomQueriesWithRandomClosures() throws {
        let seed: UInt64 = 2023_12_04
        var random = SplitMix64(seed: seed)
        let graph = network.graph
        let search = ShortestPathSearch(graph: graph)
        let places = network.dataset.places.compactMap { network.node(id: $0.id) }
        let crossingEdges = network.edges.indices.filter { if case .crossing = network.edges[$0].kind { return true } else { return false } }
        var checked = 0
        while checked < 10_000 {
            var closures = ClosureMask(for: graph)
            for _ in 0..<Int.random(in: 0...30, using: &random) {
                closures.close(edge: Int32(crossingEdges[Int.random(in: 0..<crossingEdges.count, using: &random)]))
            }
            for _ in 0..<50 {
                let from = places[Int.random(in: 0..<places.count, using: &random)]
                let to = places[Int.random(in: 0..<places.count, using: &random)]
                let mode = Mode.allCases[Int.random(in: 0..<Mode.allCases.count, using: &random)]
                let layer = mode.index
                let dijkstra = search.cost(from: from, to: to, layer: layer, mask: closures)
                let astar = search.cost(from: from, to: to, layer: layer, mask: closures, algorithm: .astar,
                                        millisecondsPerMeter: network.millisecondsPerMeter[layer])
                #expect(astar == dijkstra, "seed \(seed), query \(checked): \(network.nodes[Int(from)].id) → \(network.nodes[Int(to)].id) by \(mode)")
                checked += 1
            }
        }
    }
}
