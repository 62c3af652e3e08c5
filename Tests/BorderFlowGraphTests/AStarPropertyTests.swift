import Testing
@testable import BorderFlowGraph

@Suite("A* equals Dijkstra")
struct AStarPropertyTests {
    @Test func onTenThousandRandomQueriesWithRandomClosures() throws {
        let seed = UInt64(20_231_204)
        var random = SplitMix64(seed: seed)
        var checked = 0
        for round in 0..<20 {
            let (graph, factor) = try SyntheticGraph.roadLike(nodes: 300, seed: seed + UInt64(round))
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
                let dijkstra = search.cost(from: from, to: to, layer: layer, mask: closures)
                let astar = search.cost(from: from, to: to, layer: layer, mask: closures, algorithm: .astar, millisecondsPerMeter: factor)
                #expect(astar == dijkstra, "seed \(seed) round \(round), query \(checked): \(from) → \(to) layer \(layer)")
                checked += 1
            }
        }
        #expect(checked == 10_000)
    }

    @Test func aLargeSyntheticGraphBuildsAndIsMostlyConnected() throws {
        let (graph, factor) = try SyntheticGraph.roadLike(nodes: 20_000, seed: 1)
        #expect(graph.nodeCount == 20_000)
        #expect(graph.edgeCount > 40_000)
        let search = ShortestPathSearch(graph: graph)
        search.tree(from: 0, layer: 0)
        let reached = (0..<Int32(graph.nodeCount)).filter { search.cost(to: $0) != nil }.count
        #expect(reached > 19_000)
        #expect(search.cost(from: 0, to: 19_999, layer: 0, algorithm: .astar, millisecondsPerMeter: factor) ==
                search.cost(from: 0, to: 19_999, layer: 0))
    }

    @Test func resultsAreIdenticalRunToRun() throws {
        let (graphA, _) = try SyntheticGraph.roadLike(nodes: 200, seed: 7)
        let (graphB, _) = try SyntheticGraph.roadLike(nodes: 200, seed: 7)
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
