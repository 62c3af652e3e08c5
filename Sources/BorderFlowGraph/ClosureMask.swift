/// Which nodes and edges of a graph are closed. Closing or reopening is one bit: the graph itself is never
/// rebuilt, and searches skip closed elements as they go.
public struct ClosureMask: Hashable, Sendable {
    /// The closed nodes, by node id.
    public private(set) var closedNodes: BitSet
    /// The closed edges, by edge id (the edge's index in the list the graph was built from).
    public private(set) var closedEdges: BitSet

    /// Creates a mask with every node and edge open.
    ///
    /// - Parameters:
    ///   - nodeCount: the number of nodes in the graph the mask is for.
    ///   - edgeCount: the number of edges in that graph.
    public init(nodeCount: Int, edgeCount: Int) {
        closedNodes = BitSet(capacity: nodeCount)
        closedEdges = BitSet(capacity: edgeCount)
    }

    /// An all-open mask sized for a graph.
    ///
    /// - Parameter graph: the graph whose nodes and edges the mask will close.
    public init(for graph: Graph) {
        self.init(nodeCount: graph.nodeCount, edgeCount: graph.edgeCount)
    }

    /// Closes an edge in every layer, so searches do not travel along it.
    ///
    /// - Parameter edge: the edge's id in the graph.
    public mutating func close(edge: Graph.EdgeID) { closedEdges.insert(Int(edge)) }
    /// Reopens an edge; reopening an open edge changes nothing.
    ///
    /// - Parameter edge: the edge's id in the graph.
    public mutating func reopen(edge: Graph.EdgeID) { closedEdges.remove(Int(edge)) }
    /// Closes a node, so searches never reach it or pass through it; a search from or to it finds no path.
    ///
    /// - Parameter node: the node's id in the graph.
    public mutating func close(node: Graph.NodeID) { closedNodes.insert(Int(node)) }
    /// Reopens a node; reopening an open node changes nothing.
    ///
    /// - Parameter node: the node's id in the graph.
    public mutating func reopen(node: Graph.NodeID) { closedNodes.remove(Int(node)) }

    /// Closes everything `other` closes.
    ///
    /// - Parameter other: a mask for the same graph (same node and edge counts).
    public mutating func formUnion(_ other: ClosureMask) {
        closedNodes.formUnion(other.closedNodes)
        closedEdges.formUnion(other.closedEdges)
    }

    /// Whether this mask closes an edge. An edge that is open here may still be impassable in some layers.
    ///
    /// - Parameter edge: the edge's id in the graph.
    /// - Returns: `true` when the edge is closed.
    @inlinable
    public func isClosed(edge: Graph.EdgeID) -> Bool { closedEdges.contains(Int(edge)) }

    /// Whether this mask closes a node.
    ///
    /// - Parameter node: the node's id in the graph.
    /// - Returns: `true` when the node is closed.
    @inlinable
    public func isClosed(node: Graph.NodeID) -> Bool { closedNodes.contains(Int(node)) }

    /// Whether nothing is closed, so the mask does not restrict a search.
    public var isEmpty: Bool { closedNodes.isEmpty && closedEdges.isEmpty }
}
