/// Which nodes and edges of a graph are closed. Closing or reopening is one bit: the graph itself is never
/// rebuilt, and searches skip closed elements as they go.
public struct ClosureMask: Hashable, Sendable {
    public private(set) var closedNodes: BitSet
    public private(set) var closedEdges: BitSet

    public init(nodeCount: Int, edgeCount: Int) {
        closedNodes = BitSet(capacity: nodeCount)
        closedEdges = BitSet(capacity: edgeCount)
    }

    /// An all-open mask sized for a graph.
    public init(for graph: Graph) {
        self.init(nodeCount: graph.nodeCount, edgeCount: graph.edgeCount)
    }

    public mutating func close(edge: Graph.EdgeID) { closedEdges.insert(Int(edge)) }
    public mutating func reopen(edge: Graph.EdgeID) { closedEdges.remove(Int(edge)) }
    public mutating func close(node: Graph.NodeID) { closedNodes.insert(Int(node)) }
    public mutating func reopen(node: Graph.NodeID) { closedNodes.remove(Int(node)) }

    /// Closes everything `other` closes.
    public mutating func formUnion(_ other: ClosureMask) {
        closedNodes.formUnion(other.closedNodes)
        closedEdges.formUnion(other.closedEdges)
    }

    @inlinable
    public func isClosed(edge: Graph.EdgeID) -> Bool { closedEdges.contains(Int(edge)) }

    @inlinable
    public func isClosed(node: Graph.NodeID) -> Bool { closedNodes.contains(Int(node)) }

    public var isEmpty: Bool { closedNodes.isEmpty && closedEdges.isEmpty }
}
