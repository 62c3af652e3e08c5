import Testing
@testable import BorderFlowGraph

/// The graph's layout, its flat builder, the packed queue and ALT: each checked against the plain definition.
@Suite("Graph core")
struct GraphCoreTests {
    /// Every edge keeps its id, ends and costs whichever builder made the graph and in whatever order.
    @Test func theFlatBuilderKeepsEveryEdgeAsGiven() throws {
        let (built, _) = try SyntheticGraph.roadLike(nodes: 400, seed: 3)
        var random = SplitMix64(seed: 11)
        let order = (0..<built.edgeCount).shuffled(using: &random)
        let sources = order.map { built.source(of: Int32($0)) }
        let targets = order.map { built.target(of: Int32($0)) }
        let costs = (0..<built.layerCount).flatMap { layer in order.map { built.costMilliseconds(of: Int32($0), layer: layer) } }
        let graph = try Graph(nodeCount: built.nodeCount, sources: sources, targets: targets, costMilliseconds: costs)
        #expect(graph.layerCount == 2)
        #expect(graph.edgeAtPosition != nil, "shuffled edges need the map between ids and positions")
        for edge in 0..<Int32(graph.edgeCount) {
            #expect(graph.source(of: edge) == sources[Int(edge)])
            #expect(graph.target(of: edge) == targets[Int(edge)])
            for layer in 0..<2 { #expect(graph.costMilliseconds(of: edge, layer: layer) == costs[layer * graph.edgeCount + Int(edge)]) }
        }
        for node in 0..<Int32(graph.nodeCount) {
            #expect(graph.outgoingEdges(of: node) == (0..<Int32(graph.edgeCount)).filter { sources[Int($0)] == node })
            #expect(graph.incomingEdges(of: node) == (0..<Int32(graph.edgeCount)).filter { targets[Int($0)] == node })
        }
    }

    /// Edges listed by source node are stored as given: 16 bytes an edge and 4 a layer, and no map of ids.
    @Test func edgesInSourceOrderNeedNoMapOfIds() throws {
        let (graph, _) = try SyntheticGraph.jitteredGrid(side: 30, seed: 5)
        #expect(graph.nodeCount == 900)
        #expect(graph.edgeCount == 4 * 900 - 4 * 30)
        #expect(graph.edgeAtPosition == nil && graph.positionOfEdge == nil)
        let edges = graph.edgeCount, nodes = graph.nodeCount
        #expect(graph.memoryBytes == 12 * edges + 4 * edges * graph.layerCount + 8 * (nodes + 1) + 16 * nodes)
        for edge in 0..<Int32(edges) {
            #expect(graph.source(of: edge) <= graph.source(of: min(edge + 1, Int32(edges - 1))), "ids in source order")
        }
    }

    @Test func flatArraysOfTheWrongSizeAreErrors() {
        #expect(throws: GraphError.arrayLength(name: "targets", expected: 2, found: 1)) {
            try Graph(nodeCount: 3, sources: [0, 1], targets: [1], costMilliseconds: [1, 1])
        }
        #expect(throws: GraphError.arrayLength(name: "costMilliseconds", expected: 4, found: 5)) {
            try Graph(nodeCount: 3, sources: [0, 1], targets: [1, 2], costMilliseconds: [1, 1, 1, 1, 1])
        }
        #expect(throws: GraphError.missingNode(edge: 1, from: 1, to: 3, nodeCount: 3)) {
            try Graph(nodeCount: 3, sources: [0, 1], targets: [1, 3], costMilliseconds: [1, 1])
        }
    }

    /// Paths whose costs outgrow the packed entries are searched again with wide ones, to the same answer.
    @Test func costsBeyondThePackedKeysGiveTheSameAnswer() throws {
        // A chain of five 40-day edges: 200 days, past the 2^33 ms (99 days) left beside 31-bit node ids.
        let days40: UInt32 = 40 * 86_400_000
        let graph = try Graph(nodeCount: 6, sources: [0, 1, 2, 3, 4], targets: [1, 2, 3, 4, 5], costMilliseconds: [UInt32](repeating: days40, count: 5))
        let roomy = ShortestPathSearch(graph: graph)
        let tight = ShortestPathSearch(graph: graph, packedNodeCount: Int(Int32.max))
        #expect(roomy.cost(from: 0, to: 5, layer: 0) == 5 * UInt64(days40))
        #expect(tight.cost(from: 0, to: 5, layer: 0) == 5 * UInt64(days40))
        var edges: [Graph.EdgeID] = []
        #expect(tight.path(to: 5, into: &edges) && edges == [0, 1, 2, 3, 4])
        tight.tree(from: 5, direction: .backward, layer: 0)
        #expect(tight.cost(to: 0) == 5 * UInt64(days40))
    }

    /// ALT is exact: the same cost as Dijkstra on every query, with and without closures, on graphs built both
    /// ways, while settling fewer nodes.
    @Test func altEqualsDijkstraOnTenThousandQueriesWithAndWithoutClosures() throws {
        var random = SplitMix64(seed: 20_231_206)
        var settledDijkstra = 0, settledALT = 0, checked = 0
        for round in 0..<10 {
            let graph = round.isMultiple(of: 2)
                ? try SyntheticGraph.jitteredGrid(side: 24, seed: UInt64(round)).graph
                : try SyntheticGraph.roadLike(nodes: 500, seed: UInt64(round)).graph
            let search = ShortestPathSearch(graph: graph)
            let tables = (0..<graph.layerCount).map { LandmarkTable(graph: graph, layer: $0, count: 8) }
            for query in 0..<1_000 {
                var closures = ClosureMask(for: graph)
                if query.isMultiple(of: 2) {
                    for _ in 0..<Int.random(in: 1...60, using: &random) {
                        closures.close(edge: Int32.random(in: 0..<Int32(graph.edgeCount), using: &random))
                    }
                    for _ in 0..<Int.random(in: 0...5, using: &random) {
                        closures.close(node: Int32.random(in: 0..<Int32(graph.nodeCount), using: &random))
                    }
                }
                let from = Int32.random(in: 0..<Int32(graph.nodeCount), using: &random)
                let to = Int32.random(in: 0..<Int32(graph.nodeCount), using: &random)
                let table = tables[Int.random(in: 0..<tables.count, using: &random)]
                let dijkstra = search.cost(from: from, to: to, layer: table.layer, mask: closures)
                settledDijkstra += search.settledCount
                let alt = search.cost(from: from, to: to, landmarks: table, mask: closures)
                settledALT += search.settledCount
                #expect(alt == dijkstra, "round \(round), query \(query): \(from) → \(to) in layer \(table.layer)")
                checked += 1
            }
        }
        #expect(checked == 10_000)
        #expect(settledALT * 2 < settledDijkstra, "ALT settled \(settledALT) nodes, Dijkstra \(settledDijkstra)")
    }

    /// The bounds hold for every pair: no landmark bound exceeds the true cost.
    @Test func landmarkBoundsNeverExceedTheTrueCost() throws {
        let (graph, _) = try SyntheticGraph.roadLike(nodes: 150, seed: 9)
        let table = LandmarkTable(graph: graph, layer: 1, count: 6)
        #expect(table.landmarks.count == 6)
        #expect(Set(table.landmarks).count == 6, "distinct landmarks")
        let search = ShortestPathSearch(graph: graph)
        for target in Int32(0)..<Int32(graph.nodeCount) {
            search.tree(from: target, direction: .backward, layer: 1)
            table.withBound(towards: target) { bound in
                for node in 0..<graph.nodeCount {
                    guard let cost = search.cost(to: Int32(node)) else { continue }
                    #expect(bound.estimate(node) <= cost, "\(node) → \(target)")
                }
            }
        }
    }

    /// Landmarks come from the nodes reachable from node 0, farthest first, and stop when none is left.
    @Test func landmarksAreChosenFarthestFirstAmongReachableNodes() throws {
        // A line 0 - 1 - 2 - 3 both ways, and node 4 on its own.
        let sources: [Int32] = [0, 1, 1, 2, 2, 3], targets: [Int32] = [1, 0, 2, 1, 3, 2]
        let graph = try Graph(nodeCount: 5, sources: sources, targets: targets, costMilliseconds: [UInt32](repeating: 1000, count: 6))
        let table = LandmarkTable(graph: graph, layer: 0, count: 8)
        #expect(table.landmarks == [3, 0, 1, 2], "the far end, the other end, then the middle, lowest id first; never node 4")
        #expect(LandmarkTable(graph: graph, layer: 0, count: 8).landmarks == table.landmarks, "the same every time")
        let search = ShortestPathSearch(graph: graph)
        #expect(search.cost(from: 0, to: 4, landmarks: table) == nil)
        #expect(search.cost(from: 4, to: 3, landmarks: table) == nil)
        #expect(search.cost(from: 3, to: 0, landmarks: table) == 3000)
    }
}
