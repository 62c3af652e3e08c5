// BorderFlow's routing benchmarks: the graph core (Dijkstra and A* on a synthetic road-like graph), the same
// searches in SwiftGraph as a named peer, and route queries on the bundled border network when it has roads.
//
// Every fixture is built from a fixed seed, outside the measured block, in a benchmark's setup. Before a
// comparison is measured, its results are checked (A* against Dijkstra, BorderFlow's trees against
// SwiftGraph's distances); a mismatch fails the benchmark run.

import Benchmark
@_spi(Internals) import BorderFlow
import BorderFlowGraph
import Foundation
import SwiftGraph

/// BorderFlow's graph (SwiftGraph also has a `Graph`).
typealias Graph = BorderFlowGraph.Graph

// MARK: Fixed inputs

enum Inputs {
    /// The synthetic graph: 10,000 nodes over a 200 km square, each joined to its 3 nearest neighbours.
    static let graphNodes = 10_000
    static let graphSeed: UInt64 = 20_260_601
    /// Seed of the 1,000 one-to-one pairs (and so of the tree sources, their first origins).
    static let pairSeed: UInt64 = 42
    static let pairCount = 1_000
    /// Full trees are grown from the first `treeSources` origins of the pairs, one tree per iteration.
    static let treeSources = 100
    /// Seed of the 1,000 Mexico-to-U.S. place pairs on the bundled network.
    static let routeSeed: UInt64 = 7
    static let routeCount = 1_000
    /// The car layer of the synthetic graph.
    static let carLayer = 0
}

/// Why a benchmark refuses to measure: its results disagree with a reference.
struct CheckFailed: Error, CustomStringConvertible {
    let description: String
}

/// Runs a benchmark's setup. A failure (a check that found a mismatch, or a fixture that could not be built)
/// ends the benchmark process with a message and a non-zero status, so that `swift package benchmark` fails:
/// a setup error alone is only printed, and the run would still exit 0.
func setUp<State>(_ benchmark: String, _ body: () throws -> State) -> State {
    do {
        return try body()
    } catch {
        FileHandle.standardError.write(Data("error: \(benchmark): setup failed, nothing measured: \(error)\n".utf8))
        exit(1)
    }
}

// MARK: Fixtures

/// The synthetic graph and the seeded pairs every synthetic benchmark uses.
struct SyntheticFixture {
    let graph: Graph
    let millisecondsPerMeter: Double
    let pairs: [(source: Graph.NodeID, target: Graph.NodeID)]
    /// Distinct origins of the pairs, in order, `Inputs.treeSources` of them.
    let treeSources: [Graph.NodeID]

    init() throws {
        (graph, millisecondsPerMeter) = try SyntheticGraph.roadLike(nodes: Inputs.graphNodes, seed: Inputs.graphSeed)
        var random = SplitMix64(seed: Inputs.pairSeed)
        let nodeRange = 0..<Graph.NodeID(graph.nodeCount)
        pairs = (0..<Inputs.pairCount).map { _ in
            (Graph.NodeID.random(in: nodeRange, using: &random), Graph.NodeID.random(in: nodeRange, using: &random))
        }
        var sources: [Graph.NodeID] = []
        var seen = Set<Graph.NodeID>()
        for pair in pairs where sources.count < Inputs.treeSources && seen.insert(pair.source).inserted {
            sources.append(pair.source)
        }
        treeSources = sources
    }

    /// The same graph as a SwiftGraph `WeightedGraph`: the same directed edges, each weighted with its
    /// car-layer cost in whole milliseconds (held as `Double`, so sums stay exact).
    func swiftGraph() -> WeightedGraph<Graph.NodeID, Double> {
        let peer = WeightedGraph<Graph.NodeID, Double>(vertices: Array(0..<Graph.NodeID(graph.nodeCount)))
        for edge in 0..<Graph.EdgeID(graph.edgeCount) {
            let cost = graph.costMilliseconds(of: edge, layer: Inputs.carLayer)
            guard cost != Graph.impassable else { continue }
            peer.addEdge(fromIndex: Int(graph.source(of: edge)), toIndex: Int(graph.target(of: edge)),
                         weight: Double(cost), directed: true)
        }
        return peer
    }

    /// A* must give Dijkstra's cost for every pair (both are exact on integer milliseconds).
    func checkAStarAgainstDijkstra(_ search: ShortestPathSearch) throws {
        var reachable = 0, dijkstraSettled = 0, astarSettled = 0
        for (index, pair) in pairs.enumerated() {
            let dijkstra = search.cost(from: pair.source, to: pair.target, layer: Inputs.carLayer, algorithm: .dijkstra)
            dijkstraSettled += search.settledCount
            let astar = search.cost(from: pair.source, to: pair.target, layer: Inputs.carLayer, algorithm: .astar,
                                    millisecondsPerMeter: millisecondsPerMeter)
            astarSettled += search.settledCount
            guard dijkstra == astar else {
                throw CheckFailed(description: "pair \(index) (\(pair.source) → \(pair.target)): A* cost \(astar.map(String.init) ?? "none") ms, Dijkstra \(dijkstra.map(String.init) ?? "none") ms")
            }
            if dijkstra != nil { reachable += 1 }
        }
        print("Checked: A* and Dijkstra agree on all \(pairs.count) pairs (\(reachable) reachable); nodes settled per query: Dijkstra \(dijkstraSettled / pairs.count), A* \(astarSettled / pairs.count).")
    }

    /// ALT must give Dijkstra's cost for every pair, with its landmark table built on the open graph.
    func checkALTAgainstDijkstra(_ search: ShortestPathSearch, _ landmarks: LandmarkTable) throws {
        var dijkstraSettled = 0, altSettled = 0
        for (index, pair) in pairs.enumerated() {
            let dijkstra = search.cost(from: pair.source, to: pair.target, layer: Inputs.carLayer, algorithm: .dijkstra)
            dijkstraSettled += search.settledCount
            let alt = search.cost(from: pair.source, to: pair.target, landmarks: landmarks)
            altSettled += search.settledCount
            guard dijkstra == alt else {
                throw CheckFailed(description: "pair \(index) (\(pair.source) → \(pair.target)): ALT cost \(alt.map(String.init) ?? "none") ms, Dijkstra \(dijkstra.map(String.init) ?? "none") ms")
            }
        }
        print("Checked: ALT and Dijkstra agree on all \(pairs.count) pairs; nodes settled per query: Dijkstra \(dijkstraSettled / pairs.count), ALT (\(landmarks.landmarks.count) landmarks) \(altSettled / pairs.count).")
    }

    /// BorderFlow's tree from each source must give SwiftGraph's distance to every node, within 1 ms
    /// (they are expected to be equal: the weights are the same whole milliseconds), and the same nodes
    /// must be reachable.
    func checkTreesAgainstSwiftGraph(_ search: ShortestPathSearch, _ peer: WeightedGraph<Graph.NodeID, Double>) throws {
        var compared = 0
        for source in treeSources {
            search.tree(from: source, layer: Inputs.carLayer)
            let (distances, _) = peer.dijkstra(root: Int(source), startDistance: 0)
            guard distances.count == graph.nodeCount else {
                throw CheckFailed(description: "SwiftGraph returned \(distances.count) distances for \(graph.nodeCount) nodes")
            }
            for node in 0..<graph.nodeCount {
                let ours = search.cost(to: Graph.NodeID(node))
                let theirs = distances[node]
                switch (ours, theirs) {
                case (nil, nil):
                    continue
                case let (ours?, theirs?) where abs(Double(ours) - theirs) <= 1:
                    compared += 1
                default:
                    throw CheckFailed(description: "from node \(source) to node \(node): BorderFlow tree cost \(ours.map { "\($0) ms" } ?? "unreachable"), SwiftGraph \(theirs.map { "\($0) ms" } ?? "unreachable")")
                }
            }
        }
        print("Checked: BorderFlow trees equal SwiftGraph's distances from \(treeSources.count) sources (\(compared) reachable nodes; graph of \(graph.nodeCount) nodes, \(graph.edgeCount) directed edges).")
    }
}

/// The bundled border network, or why it cannot be routed on.
enum BundledNetwork {
    static func load() -> Result<BorderNetwork, any Error> {
        Result { try BorderNetwork(dataset: Dataset.load()) }
    }

    /// `Inputs.routeCount` seeded pairs of a Mexican place and a U.S. place.
    static func pairs(in network: BorderNetwork) -> [(origin: String, destination: String)] {
        let places = network.dataset.places
        let mexico = places.filter { $0.country == .mx }.map(\.id)
        let us = places.filter { $0.country == .us }.map(\.id)
        guard !mexico.isEmpty, !us.isEmpty else { return [] }
        var random = SplitMix64(seed: Inputs.routeSeed)
        return (0..<Inputs.routeCount).map { _ in
            (mexico.randomElement(using: &random)!, us.randomElement(using: &random)!)
        }
    }

    /// A* must find Dijkstra's route time for every pair.
    static func check(_ search: RouteSearch, _ pairs: [(origin: String, destination: String)]) throws {
        var found = 0
        for pair in pairs {
            let astar = try search.route(from: pair.origin, to: pair.destination, mode: .pov, algorithm: .astar)
            let dijkstra = try search.route(from: pair.origin, to: pair.destination, mode: .pov, algorithm: .dijkstra)
            guard astar?.travelSeconds == dijkstra?.travelSeconds else {
                throw CheckFailed(description: "\(pair.origin) → \(pair.destination): A* \(astar.map { "\($0.travelSeconds) s" } ?? "no route"), Dijkstra \(dijkstra.map { "\($0.travelSeconds) s" } ?? "no route")")
            }
            if astar != nil { found += 1 }
        }
        print("Checked: A* and Dijkstra agree on all \(pairs.count) Mexico-to-U.S. place pairs (\(found) routed).")
    }
}

// MARK: Benchmarks

/// The item an iteration works on: the warm-up iteration takes item 0, measured iteration n takes item n + 1,
/// so `count` measured iterations cover every item once.
func item<Item>(_ items: [Item], for benchmark: Benchmark) -> Item {
    items[benchmark.currentIteration % items.count]
}

let benchmarks: @Sendable () -> Void = {
    // One query (or one tree) per iteration, each pair (or source) once, in a fixed order. Each setup first
    // runs every query once outside the measurement (its check), so the figures are for warm buffers.
    let metrics: [BenchmarkMetric] = [.throughput, .wallClock, .mallocCountTotal]
    func configuration(iterations: Int) -> Benchmark.Configuration {
        .init(metrics: metrics, timeUnits: .microseconds, units: [.throughput: .count, .mallocCountTotal: .count],
              warmupIterations: 1, scalingFactor: .one, maxDuration: .seconds(120), maxIterations: iterations)
    }
    let perPair = configuration(iterations: Inputs.pairCount)
    // Two passes over the sources, so that BorderFlow and SwiftGraph grow exactly the same trees.
    let perTree = configuration(iterations: 2 * Inputs.treeSources)

    let dijkstra = "Dijkstra one-to-one, synthetic 10k nodes"
    Benchmark(dijkstra, configuration: perPair) { benchmark, state in
        let (fixture, search) = state
        let pair = item(fixture.pairs, for: benchmark)
        blackHole(search.cost(from: pair.source, to: pair.target, layer: Inputs.carLayer, algorithm: .dijkstra))
    } setup: {
        setUp(dijkstra) { () throws -> (SyntheticFixture, ShortestPathSearch) in
            let fixture = try SyntheticFixture()
            let search = ShortestPathSearch(graph: fixture.graph)
            try fixture.checkAStarAgainstDijkstra(search)
            return (fixture, search)
        }
    }

    let astar = "A* one-to-one, synthetic 10k nodes"
    Benchmark(astar, configuration: perPair) { benchmark, state in
        let (fixture, search) = state
        let pair = item(fixture.pairs, for: benchmark)
        blackHole(search.cost(from: pair.source, to: pair.target, layer: Inputs.carLayer, algorithm: .astar,
                              millisecondsPerMeter: fixture.millisecondsPerMeter))
    } setup: {
        setUp(astar) { () throws -> (SyntheticFixture, ShortestPathSearch) in
            let fixture = try SyntheticFixture()
            let search = ShortestPathSearch(graph: fixture.graph)
            try fixture.checkAStarAgainstDijkstra(search)
            return (fixture, search)
        }
    }

    let alt = "ALT one-to-one, synthetic 10k nodes"
    Benchmark(alt, configuration: perPair) { benchmark, state in
        let (fixture, search, landmarks) = state
        let pair = item(fixture.pairs, for: benchmark)
        blackHole(search.cost(from: pair.source, to: pair.target, landmarks: landmarks))
    } setup: {
        setUp(alt) { () throws -> (SyntheticFixture, ShortestPathSearch, LandmarkTable) in
            let fixture = try SyntheticFixture()
            let search = ShortestPathSearch(graph: fixture.graph)
            let landmarks = LandmarkTable(graph: fixture.graph, layer: Inputs.carLayer, count: 16)
            try fixture.checkALTAgainstDijkstra(search, landmarks)
            return (fixture, search, landmarks)
        }
    }

    let tree = "Dijkstra full tree, synthetic 10k nodes"
    Benchmark(tree, configuration: perTree) { benchmark, state in
        let (fixture, search) = state
        search.tree(from: item(fixture.treeSources, for: benchmark), layer: Inputs.carLayer)
        blackHole(search.settledCount)
    } setup: {
        setUp(tree) { () throws -> (SyntheticFixture, ShortestPathSearch) in
            let fixture = try SyntheticFixture()
            let search = ShortestPathSearch(graph: fixture.graph)
            try fixture.checkTreesAgainstSwiftGraph(search, fixture.swiftGraph())
            return (fixture, search)
        }
    }

    let swiftGraph = "SwiftGraph Dijkstra, synthetic 10k nodes"
    Benchmark(swiftGraph, configuration: perTree) { benchmark, state in
        let (fixture, peer) = state
        blackHole(peer.dijkstra(root: Int(item(fixture.treeSources, for: benchmark)), startDistance: 0))
    } setup: {
        setUp(swiftGraph) { () throws -> (SyntheticFixture, WeightedGraph<Graph.NodeID, Double>) in
            let fixture = try SyntheticFixture()
            let peer = fixture.swiftGraph()
            try fixture.checkTreesAgainstSwiftGraph(ShortestPathSearch(graph: fixture.graph), peer)
            return (fixture, peer)
        }
    }

    // Route queries need the bundled road network: register them only when it builds.
    let routes = "Route queries, bundled network"
    switch BundledNetwork.load() {
    case let .success(network):
        registerDiversionBenchmarks(network: network)
        registerSimulationBenchmarks(network: network)
        Benchmark(routes, configuration: configuration(iterations: Inputs.routeCount)) { benchmark, state in
            let (search, pairs) = state
            let pair = item(pairs, for: benchmark)
            blackHole(try search.route(from: pair.origin, to: pair.destination, mode: .pov, algorithm: .astar))
        } setup: {
            setUp(routes) { () throws -> (RouteSearch, [(origin: String, destination: String)]) in
                let pairs = BundledNetwork.pairs(in: network)
                guard pairs.count == Inputs.routeCount else {
                    throw CheckFailed(description: "the bundled dataset needs places on both sides of the border")
                }
                let search = RouteSearch(network: network)
                try BundledNetwork.check(search, pairs)
                return (search, pairs)
            }
        }
    case let .failure(error as NetworkError):
        if case .noRoads = error {
            print("Note: \"\(routes)\" is skipped: the bundled dataset has no road network yet.")
        } else {
            print("Note: \"\(routes)\" is skipped: \(error)")
        }
    case let .failure(error):
        print("Note: \"\(routes)\" is skipped: the bundled dataset did not load: \(error)")
    }
}
