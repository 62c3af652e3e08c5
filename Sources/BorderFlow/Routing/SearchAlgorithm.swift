import BorderFlowGraph

/// How a graph search finds a route: the two give the same cost on every query, and A* settles fewer nodes.
public enum SearchAlgorithm: String, Sendable, CaseIterable {
    /// Dijkstra's algorithm: settles nodes in order of cost from the origin until it reaches the destination.
    case dijkstra
    /// A*: Dijkstra guided towards the destination by a straight-line lower bound on the remaining cost.
    case astar

    /// The graph layer's algorithm of the same name.
    var graphAlgorithm: ShortestPathSearch.Algorithm {
        switch self {
        case .dijkstra: return .dijkstra
        case .astar: return .astar
        }
    }
}
