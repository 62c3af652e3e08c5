import Testing
@testable import BorderFlowGraph

/// A small deterministic random number generator (SplitMix64), so a failing seed can be replayed.
struct SplitMix64: RandomNumberGenerator {
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

/// A random road-like graph: nodes scattered in a square, each joined to a few near neighbours by two-way
/// edges whose cost is at least their straight length over the fastest speed, with two layers.
func randomRoadGraph(nodes: Int, using random: inout SplitMix64) throws -> (Graph, millisecondsPerMeter: Double) {
    let side = 200_000.0
    let points = (0..<nodes).map { _ in Graph.Point(x: Double.random(in: 0..<side, using: &random), y: Double.random(in: 0..<side, using: &random)) }
    let fastest = 30.0 // m/s
    var edges: [Graph.Edge] = []
    for a in 0..<nodes {
        let nearest = (0..<nodes).filter { $0 != a }.sorted {
            let da = hypot(points[$0].x - points[a].x, points[$0].y - points[a].y)
            let db = hypot(points[$1].x - points[a].x, points[$1].y - points[a].y)
            return (da, $0) < (db, $1)
        }.prefix(3)
        for b in nearest where b > a {
            let meters = hypot(points[b].x - points[a].x, points[b].y - points[a].y)
            let detour = Double.random(in: 1.0...1.6, using: &random)
            let carSeconds = meters * detour / Double.random(in: 15...fastest, using: &random)
            let truckSeconds = Bool.random(using: &random) ? carSeconds * 1.3 : Double.infinity
            edges.append(Graph.Edge(from: Int32(a), to: Int32(b), costSeconds: [carSeconds, truckSeconds]))
            edges.append(Graph.Edge(from: Int32(b), to: Int32(a), costSeconds: [carSeconds, truckSeconds]))
        }
    }
    return (try Graph(nodeCount: nodes, edges: edges, coordinates: points), 1000 / fastest)
}

@Suite("A* equals Dijkstra")
struct AStarPropertyTests {
    @Test func onTenThousandRandomQueriesWithRandomClosures() throws {
        let seed = UInt64(20_231_204)
        var random = SplitMix64(seed: seed)
        var checked = 0
        for _ in 0..<20 {
            let (graph, factor) = try randomRoadGraph(nodes: 300, using: &random)
            let search = ShortestPathSearch(graph: graph)
            for _ in 0..<500 {
                var closures = ClosureMask(for: graph)
                for _ in 0..<Int.random(in: 0...40, using: &random) {
                    closures.close(edge: Int32.random(in: 0..<Int32(graph.edgeCount), using: &random))
                }
                for _ in 0..<Int.random(in: 0...5, using: &random) {
                    closures.close(node: Int32.random(in: 0..<Int32(graph.nodeCount), using: &random))
                }
                let from = Int32.random(in: 0..<Int32(graph.nodeCount), using: &random)
                let to = Int32.random(in: 0..<Int32(graph.nodeCount), using: &random)
                let layer = Int.random(in: 0..<2, using: &random)
                let dijkstra = search.cost(from: from, to: to, layer: layer, closures: closures)
                let astar = search.cost(from: from, to: to, layer: layer, closures: closures, algorithm: .astar, millisecondsPerMeter: factor)
                #expect(astar == dijkstra, "seed \(seed), query \(checked): \(from) → \(to) layer \(layer)")
                checked += 1
            }
        }
        #expect(checked == 10_000)
    }

    @Test func resultsAreIdenticalRunToRun() throws {
        var first = SplitMix64(seed: 7)
        var second = SplitMix64(seed: 7)
        let (graphA, _) = try randomRoadGraph(nodes: 200, using: &first)
        let (graphB, _) = try randomRoadGraph(nodes: 200, using: &second)
        let a = ShortestPathSearch(graph: graphA), b = ShortestPathSearch(graph: graphB)
        var pathA: [Graph.EdgeID] = [], pathB: [Graph.EdgeID] = []
        for target in stride(from: Int32(1), to: 200, by: 7) {
            #expect(a.cost(from: 0, to: target, layer: 0) == b.cost(from: 0, to: target, layer: 0))
            a.path(to: target, into: &pathA)
            b.path(to: target, into: &pathB)
            #expect(pathA == pathB)
        }
    }
}

private func hypot(_ x: Double, _ y: Double) -> Double { (x * x + y * y).squareRoot() }
