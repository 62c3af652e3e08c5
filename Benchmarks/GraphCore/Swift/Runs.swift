import BorderFlowGraph
import Foundation

/// The generator's top speed (generate_road_grid.cpp): no arc is faster, so straight-line metres at this speed
/// are a lower bound on every path's cost, which A* needs to return Dijkstra's costs.
let topSpeedKilometresPerHour = 110.0
let aStarMillisecondsPerMeter = 1000 / (topSpeedKilometresPerHour / 3.6)
let treeSourceCount = 10
let querySeed: UInt64 = 20_261_206
let closureSeed: UInt64 = 1_206
let closedArcsPerHundred: UInt64 = 1

/// One way of answering a one-to-one query. The first in `queryAlgorithms` is the reference the others must
/// match; another algorithm is one more entry there.
struct QueryAlgorithm: Sendable {
    let name: String
    let cost: @Sendable (ShortestPathSearch, Graph.NodeID, Graph.NodeID, ClosureMask?) -> UInt64?
}

let queryAlgorithms = [
    QueryAlgorithm(name: "Dijkstra") { search, source, target, mask in
        search.cost(from: source, to: target, layer: 0, mask: mask, algorithm: .dijkstra)
    },
    QueryAlgorithm(name: "A*") { search, source, target, mask in
        search.cost(from: source, to: target, layer: 0, mask: mask, algorithm: .astar,
                    millisecondsPerMeter: aStarMillisecondsPerMeter)
    },
]

/// Seconds that `Graph` stores as exactly `milliseconds`. It keeps `seconds × 1000` rounded up, and
/// `Double(ms) / 1000 × 1000` lands just above the whole number for some values (2,007 ms is the first), which
/// would add a millisecond; the next lower double then gives the whole number back.
func secondsStored(as milliseconds: UInt32) -> Double {
    var seconds = Double(milliseconds) / 1000
    while (seconds * 1000).rounded(.up) > Double(milliseconds) { seconds = seconds.nextDown }
    return seconds
}

/// Reads the files and builds a one-layer graph, one edge per arc in file order (so an edge id is the arc's
/// index in the file), checks that every arc keeps its milliseconds, and prints the graph's size and memory.
func loadGraph(graphPath: String, coordinatesPath: String?) throws -> Graph {
    let clock = ContinuousClock()
    let start = clock.now
    let arcs = try readArcs(graphPath)
    var edges: [Graph.Edge] = []
    edges.reserveCapacity(arcs.milliseconds.count)
    var steppedDown = 0
    for arc in arcs.milliseconds.indices {
        let seconds = secondsStored(as: arcs.milliseconds[arc])
        if seconds != Double(arcs.milliseconds[arc]) / 1000 { steppedDown += 1 }
        edges.append(Graph.Edge(from: arcs.tails[arc], to: arcs.heads[arc], costSeconds: seconds))
    }
    // From here the resident set grows by the coordinates and what the graph keeps (the edge list is the input).
    let residentBefore = processMemoryBytes("VmRSS")
    let coordinates = try coordinatesPath.map { try readCoordinates($0, nodeCount: arcs.nodeCount) }
    let read = clock.now
    let graph = try Graph(nodeCount: arcs.nodeCount, edges: edges, coordinates: coordinates)
    let graphBytes = processMemoryBytes("VmRSS") - residentBefore
    let built = clock.now
    for arc in arcs.milliseconds.indices where graph.costMilliseconds(of: Graph.EdgeID(arc), layer: 0) != arcs.milliseconds[arc] {
        throw DimacsError(description: "arc \(arc + 1) holds \(graph.costMilliseconds(of: Graph.EdgeID(arc), layer: 0)) ms in the graph, \(arcs.milliseconds[arc]) ms in the file")
    }
    print("graph nodes=\(graph.nodeCount) arcs=\(graph.edgeCount) read_s=\(seconds(read - start)) build_s=\(seconds(built - read)) costs_round_trip=yes stepped_down_arcs=\(steppedDown)")
    print("memory graph_mb=\(megabytes(graphBytes)) bytes_per_arc=\(graphBytes / max(1, graph.edgeCount)) peak_mb=\(megabytes(processMemoryBytes("VmHWM")))")
    return graph
}

func seconds(_ duration: Duration) -> String { String(format: "%.2f", milliseconds(duration) / 1000) }
func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

func runTrees(graphPath: String) throws {
    let graph = try loadGraph(graphPath: graphPath, coordinatesPath: nil)
    let search = ShortestPathSearch(graph: graph)
    let clock = ContinuousClock()
    var times: [Double] = []
    for k in 0..<treeSourceCount {
        let source = Graph.NodeID((2 * k + 1) * graph.nodeCount / (2 * treeSourceCount))
        let start = clock.now
        search.tree(from: source, direction: .forward, layer: 0)
        times.append(milliseconds(clock.now - start))
        var reached = 0
        var costSum: UInt64 = 0
        for node in 0..<Graph.NodeID(graph.nodeCount) {
            guard let cost = search.cost(to: node) else { continue }
            reached += 1
            costSum += cost
        }
        print("tree source=\(source + 1) reached=\(reached) distance_sum=\(costSum) ms=\(String(format: "%.3f", times.last!))")
    }
    print("median_ms=\(String(format: "%.3f", median(times)))")
    print("memory with_search_peak_mb=\(megabytes(processMemoryBytes("VmHWM")))")
}

func runQueries(graphPath: String, coordinatesPath: String, count: Int, closures: Bool) throws {
    let graph = try loadGraph(graphPath: graphPath, coordinatesPath: coordinatesPath)
    var mask: ClosureMask?
    if closures {
        var closed = ClosureMask(for: graph)
        var random = SplitMix64Generator(seed: closureSeed)
        var closedCount = 0
        for arc in 0..<Graph.EdgeID(graph.edgeCount) where random.next() % 100 < closedArcsPerHundred {
            closed.close(edge: arc)
            closedCount += 1
        }
        print("closures closed_arcs=\(closedCount)")
        mask = closed
    }
    var random = SplitMix64Generator(seed: querySeed)
    let pairs = (0..<count).map { _ in
        (Graph.NodeID(random.next() % UInt64(graph.nodeCount)), Graph.NodeID(random.next() % UInt64(graph.nodeCount)))
    }
    let search = ShortestPathSearch(graph: graph)
    let clock = ContinuousClock()
    var referenceCosts: [UInt64?] = []
    var referenceSettled = 0.0, referenceMicroseconds = 0.0
    for algorithm in queryAlgorithms {
        var costs: [UInt64?] = []
        costs.reserveCapacity(count)
        var settled = 0
        let start = clock.now
        for (source, target) in pairs {
            costs.append(algorithm.cost(search, source, target, mask))
            settled += search.settledCount
        }
        let meanMicroseconds = milliseconds(clock.now - start) * 1000 / Double(count)
        let meanSettled = Double(settled) / Double(count)
        if referenceCosts.isEmpty {
            referenceCosts = costs
            referenceSettled = meanSettled
            referenceMicroseconds = meanMicroseconds
        } else if let differing = costs.indices.first(where: { costs[$0] != referenceCosts[$0] }) {
            let (source, target) = pairs[differing]
            throw DimacsError(description: "\(algorithm.name) gives \(costs[differing].map(String.init) ?? "no path") from node \(source + 1) to \(target + 1), \(queryAlgorithms[0].name) \(referenceCosts[differing].map(String.init) ?? "no path")")
        }
        print("query algorithm=\(algorithm.name) closures=\(closures ? "yes" : "no") count=\(count) reachable=\(costs.count { $0 != nil }) same_costs=yes mean_settled=\(Int(meanSettled.rounded())) mean_us=\(String(format: "%.1f", meanMicroseconds)) settled_ratio=\(String(format: "%.3f", meanSettled / referenceSettled)) time_ratio=\(String(format: "%.3f", meanMicroseconds / referenceMicroseconds))")
    }
}

/// SplitMix64, written out here so that the pairs and closures stay the same whatever the graph core provides.
struct SplitMix64Generator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
