import Testing
@testable import BorderFlowGraph

/// A hand-made graph:
///
///     0 --10s-- 1 --10s-- 2
///     |                   |
///    5s                  5s
///     |                   |
///     3 -------40s------- 4
///
/// all edges two-way; a second layer where edge 1–2 is impassable.
func diamond() throws -> Graph {
    var edges: [Graph.Edge] = []
    func both(_ a: Int32, _ b: Int32, _ first: Double, _ second: Double) {
        edges.append(Graph.Edge(from: a, to: b, costSeconds: [first, second]))
        edges.append(Graph.Edge(from: b, to: a, costSeconds: [first, second]))
    }
    both(0, 1, 10, 10)
    both(1, 2, 10, .infinity)
    both(0, 3, 5, 5)
    both(3, 4, 40, 40)
    both(2, 4, 5, 5)
    let points = [Graph.Point(x: 0, y: 0), Graph.Point(x: 100, y: 0), Graph.Point(x: 200, y: 0),
                  Graph.Point(x: 0, y: -50), Graph.Point(x: 200, y: -50)]
    return try Graph(nodeCount: 5, edges: edges, coordinates: points)
}

@Suite("Shortest paths on a hand-made graph")
struct ShortestPathSearchTests {
    @Test func dijkstraFindsTheCheapestPathAndItsEdges() throws {
        let search = ShortestPathSearch(graph: try diamond())
        #expect(search.cost(from: 0, to: 4, layer: 0) == 25_000)
        var edges: [Graph.EdgeID] = []
        #expect(search.path(to: 4, into: &edges))
        #expect(edges.map { search.graph.target(of: $0) } == [1, 2, 4])
    }

    @Test func aLayerWhereAnEdgeIsImpassableTakesTheOtherWay() throws {
        let search = ShortestPathSearch(graph: try diamond())
        #expect(search.cost(from: 0, to: 4, layer: 1) == 45_000)
    }

    @Test func closingAnEdgeOrANodeReroutesWithoutRebuilding() throws {
        let graph = try diamond()
        let search = ShortestPathSearch(graph: graph)
        var closures = ClosureMask(for: graph)
        closures.close(edge: 2) // 1 → 2
        #expect(search.cost(from: 0, to: 4, layer: 0, mask: closures) == 45_000)
        closures.reopen(edge: 2)
        closures.close(node: 2)
        #expect(search.cost(from: 0, to: 4, layer: 0, mask: closures) == 45_000)
        closures.close(node: 3)
        #expect(search.cost(from: 0, to: 4, layer: 0, mask: closures) == nil)
        closures.reopen(node: 2)
        closures.reopen(node: 3)
        #expect(closures.isEmpty)
        #expect(search.cost(from: 0, to: 4, layer: 0, mask: closures) == 25_000)
    }

    @Test func aStarAgreesAndSettlesNoMoreNodes() throws {
        let search = ShortestPathSearch(graph: try diamond())
        let dijkstra = search.cost(from: 0, to: 2, layer: 0)
        let dijkstraSettled = search.settledCount
        // Every edge costs at least 0.05 s per metre of straight line here (10 s over 100 m is 100 ms/m).
        let astar = search.cost(from: 0, to: 2, layer: 0, algorithm: .astar, millisecondsPerMeter: 100)
        #expect(astar == dijkstra)
        #expect(search.settledCount <= dijkstraSettled)
    }

    @Test func oneToManyAndTreesGiveTheSameCostsAsOneToOne() throws {
        let graph = try diamond()
        let search = ShortestPathSearch(graph: graph)
        var costs: [UInt64?] = []
        search.costs(from: 3, to: [0, 1, 2, 4], layer: 0, into: &costs)
        let single = try [0, 1, 2, 4].map { try #require(ShortestPathSearch(graph: graph).cost(from: 3, to: Int32($0), layer: 0)) }
        #expect(costs.compactMap { $0 } == single)
        search.tree(from: 3, layer: 0)
        #expect([0, 1, 2, 4].map { search.cost(to: Int32($0)) } == single.map { Optional($0) })
    }

    @Test func oneToManyToleratesRepeatedUnreachableAndMissingTargets() throws {
        let graph = try diamond()
        var closures = ClosureMask(for: graph)
        closures.close(node: 2)
        closures.close(node: 4)
        var costs: [UInt64?] = []
        ShortestPathSearch(graph: graph).costs(from: 0, to: [1, 1, 4, 99], layer: 0, mask: closures, into: &costs)
        #expect(costs == [10_000, 10_000, nil, nil])
    }

    @Test func backwardTreeGivesCostsToTheRootAndPathsInTravelOrder() throws {
        let search = ShortestPathSearch(graph: try diamond())
        search.tree(from: 4, direction: .backward, layer: 0)
        #expect(search.cost(to: 0) == 25_000)
        var edges: [Graph.EdgeID] = []
        search.path(to: 0, into: &edges)
        #expect(edges.first.map { search.graph.source(of: $0) } == 0)
        #expect(edges.last.map { search.graph.target(of: $0) } == 4)
    }

    @Test func aNodeOutsideTheGraphIsUnreachableByBothAlgorithms() throws {
        let search = ShortestPathSearch(graph: try diamond())
        for node: Graph.NodeID in [-1, 5, 99] {
            #expect(search.cost(from: 0, to: node, layer: 0) == nil)
            #expect(search.cost(from: 0, to: node, layer: 0, algorithm: .astar, millisecondsPerMeter: 100) == nil)
            #expect(search.cost(from: node, to: 2, layer: 0, algorithm: .astar, millisecondsPerMeter: 100) == nil)
        }
    }

    @Test func aClosedOriginHasNoRoute() throws {
        let graph = try diamond()
        var closures = ClosureMask(for: graph)
        closures.close(node: 0)
        #expect(ShortestPathSearch(graph: graph).cost(from: 0, to: 4, layer: 0, mask: closures) == nil)
    }

    @Test func badEdgesAreErrorsNotCrashes() {
        #expect(throws: GraphError.self) { _ = try Graph(nodeCount: 2, edges: [Graph.Edge(from: 0, to: 5, costSeconds: 1)]) }
        #expect(throws: GraphError.self) { _ = try Graph(nodeCount: 2, edges: [Graph.Edge(from: 0, to: 1, costSeconds: -1)]) }
        #expect(throws: GraphError.self) { _ = try Graph(nodeCount: 2, edges: [Graph.Edge(from: 0, to: 1, costSeconds: .nan)]) }
        #expect(throws: GraphError.self) {
            _ = try Graph(nodeCount: 2, edges: [Graph.Edge(from: 0, to: 1, costSeconds: [1, 2]), Graph.Edge(from: 1, to: 0, costSeconds: 1)])
        }
        #expect(throws: GraphError.self) { _ = try Graph(nodeCount: 2, edges: [], coordinates: [Graph.Point(x: 0, y: 0)]) }
        #expect(throws: GraphError.tooManyNodes(-5)) { _ = try Graph(nodeCount: -5, edges: []) }
        #expect(GraphError.tooManyNodes(-5).description == "a graph cannot have -5 nodes")
        #expect(throws: GraphError.tooManyNodes(-5)) { _ = try SyntheticGraph.roadLike(nodes: -5, seed: 1) }
    }

    @Test func costsAreExactMillisecondsRoundedUp() throws {
        let graph = try Graph(nodeCount: 3, edges: [Graph.Edge(from: 0, to: 1, costSeconds: 0.0001), Graph.Edge(from: 1, to: 2, costSeconds: 1.5)])
        #expect(ShortestPathSearch(graph: graph).cost(from: 0, to: 2, layer: 0) == 1_501)
    }
}
