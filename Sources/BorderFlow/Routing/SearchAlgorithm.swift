import BorderFlowGraph

/// How a graph search finds a route: all give the same cost on every query; A* settles fewer nodes than
/// Dijkstra, and a contraction hierarchy far fewer again.
public enum SearchAlgorithm: String, Sendable, CaseIterable {
    /// Dijkstra's algorithm: settles nodes in order of cost from the origin until it reaches the destination.
    case dijkstra
    /// A*: Dijkstra guided towards the destination by a straight-line lower bound on the remaining cost.
    case astar
    /// A search up a contraction hierarchy from each end: what `borderflow import-roads` builds for an imported
    /// network, where a route over millions of nodes then settles a few thousand.
    case hierarchy

    /// The graph layer's algorithm of the same name; nil for the hierarchy, which has its own search.
    var graphAlgorithm: ShortestPathSearch.Algorithm? {
        switch self {
        case .dijkstra: return .dijkstra
        case .astar: return .astar
        case .hierarchy: return nil
        }
    }
}
