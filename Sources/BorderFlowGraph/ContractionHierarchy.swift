/// A contraction hierarchy of one cost layer of a `Graph`: the graph's nodes in an order of importance, with
/// shortcut arcs that stand for paths through less important nodes, so that a search from any node need only
/// climb to more important ones. A route query over millions of nodes then settles a few thousand.
///
/// Nodes are contracted least important first. Contracting a node removes it and adds a shortcut between
/// each pair of its remaining neighbours whose cheapest path runs through it; a *witness* search that finds a
/// path at least as cheap around it saves the shortcut. What is left when contraction stops (the nodes whose
/// contraction would add too many shortcuts, and every end of an edge kept outside the hierarchy) is the
/// *core*: searches run plain Dijkstra there. For any two nodes, some cheapest path then climbs (each arc to a
/// more important node or within the core) and descends, with the cost of the cheapest path in the graph, so a
/// search from each end along upward arcs meets on it: `HierarchySearch`.
///
/// Edges *outside* the hierarchy (BorderFlow's crossing edges) take no part in contraction: their ends are
/// core nodes, and searches use them from the graph as they reach those nodes, under the query's closure
/// masks. Closures of those edges are therefore answered exactly; a mask may close nothing else.
///
/// Arcs are referred to by one number: `r ≥ 0` is shortcut `r`, `r < 0` the graph's edge `−1 − r`. A shortcut
/// joins two arcs made before it, so unpacking one into graph edges always ends.
public struct ContractionHierarchy: Sendable {
    /// The rank given to every core node: above every contracted node.
    public static let coreRank = Int32.max

    /// The cost layer the hierarchy was built on.
    public let layer: Int
    /// The graph's node count.
    public let nodeCount: Int
    /// The graph's edge count.
    public let edgeCount: Int
    /// Each node's place in the contraction order, `coreRank` for a core node.
    let rank: [Int32]
    // Upward arcs, stored at their lower end: a node's arcs to more important nodes (and, for a core node, to
    // every core neighbour) are `upOffsets[n]..<upOffsets[n + 1]`; a downward arc (from a more important node
    // into n) is stored in the `down` arrays of n, naming the node it comes from.
    let upOffsets: [Int32]
    let upNode: [Int32]
    let upCost: [UInt32]
    let upArc: [Int32]
    let downOffsets: [Int32]
    let downNode: [Int32]
    let downCost: [UInt32]
    let downArc: [Int32]
    /// Shortcut `s` stands for arc `shortcutFirst[s]` followed by arc `shortcutSecond[s]`.
    let shortcutFirst: [Int32]
    let shortcutSecond: [Int32]
    /// The edges the hierarchy leaves out, used from the graph at core nodes.
    let outside: BitSet

    /// The number of shortcuts added.
    public var shortcutCount: Int { shortcutFirst.count }
    /// The number of core nodes.
    public var coreCount: Int { rank.reduce(0) { $0 + ($1 == Self.coreRank ? 1 : 0) } }
    /// The number of upward and downward arcs stored.
    public var arcCount: Int { upNode.count + downNode.count }
    /// The bytes the hierarchy's arrays hold.
    public var memoryBytes: Int {
        4 * (rank.count + upOffsets.count + downOffsets.count + 3 * (upNode.count + downNode.count) + 2 * shortcutFirst.count)
            + outside.capacity / 8
    }

    /// Builds the hierarchy of one layer.
    ///
    /// - Parameters:
    ///   - graph: the graph.
    ///   - layer: the cost layer, in `0..<graph.layerCount`.
    ///   - outside: edges to leave out of the hierarchy (their ends become core nodes); searches take them from the
    ///     graph, under their masks. Nil for none.
    ///   - largestDegree: contraction stops, leaving the rest as the core, when the next node has more arcs than
    ///     this: the top of a road hierarchy is dense, and Dijkstra there is cheaper than the shortcuts.
    ///   - order: a hierarchy of another layer of the same graph, with the same outside edges, whose order of
    ///     contraction to follow as far as it suits this layer (see `build(graph:layers:outside:largestDegree:)`).
    ///     Nil to work one out.
    public init(graph: Graph, layer: Int, outside: ClosureMask? = nil, largestDegree: Int = 80, order: ContractionHierarchy? = nil) {
        precondition(layer >= 0 && layer < graph.layerCount, "layer \(layer) is not in 0..<\(graph.layerCount)")
        let outsideEdges = outside?.closedEdges ?? BitSet(capacity: graph.edgeCount)
        precondition(order.map { $0.nodeCount == graph.nodeCount && $0.outside == outsideEdges } ?? true,
                     "the order comes from a hierarchy of another graph or other outside edges")
        self = HierarchyBuilder.build(graph: graph, layer: layer, outside: outsideEdges, largestDegree: largestDegree,
                                      order: order?.rank, partition: HierarchyPartition(graph: graph, outside: outsideEdges))
    }

    /// Builds the hierarchies of several layers of one graph, sharing what they can: the split of the nodes
    /// into groups, and the first layer's order of contraction, which the others follow through their sparse
    /// lower levels (most of the nodes, and of the time an order takes to work out) and order afresh above.
    ///
    /// - Parameters:
    ///   - graph: the graph.
    ///   - layers: the cost layers, each in `0..<graph.layerCount`.
    ///   - outside: edges to leave out of every hierarchy, as for `init(graph:layer:outside:largestDegree:order:)`.
    ///   - largestDegree: the degree at which contraction stops, as there.
    /// - Returns: one hierarchy per layer, in the order given.
    public static func build(graph: Graph, layers: [Int], outside: ClosureMask? = nil, largestDegree: Int = 80) -> [ContractionHierarchy] {
        var built: [ContractionHierarchy] = []
        build(graph: graph, layers: layers, outside: outside, largestDegree: largestDegree) { built.append($0) }
        return built
    }

    /// The same, handing each hierarchy on as it is built, so that a caller writing them out need hold only one.
    ///
    /// - Parameters:
    ///   - graph: the graph.
    ///   - layers: the cost layers, each in `0..<graph.layerCount`.
    ///   - outside: edges to leave out of every hierarchy.
    ///   - largestDegree: the degree at which contraction stops.
    ///   - each: receives the hierarchies in the order of `layers`; an error it throws ends the building.
    public static func build(graph: Graph, layers: [Int], outside: ClosureMask? = nil, largestDegree: Int = 80,
                             each: (ContractionHierarchy) throws -> Void) rethrows {
        try build(graph: graph, layers: layers, outside: outside, largestDegree: largestDegree,
                  followedDegree: HierarchyBuilder.followedDegree, each: each)
    }

    /// The same, with the degree up to which the later layers follow the first one's order.
    static func build(graph: Graph, layers: [Int], outside: ClosureMask?, largestDegree: Int, followedDegree: Int,
                      each: (ContractionHierarchy) throws -> Void) rethrows {
        for layer in layers { precondition(layer >= 0 && layer < graph.layerCount, "layer \(layer) is not in 0..<\(graph.layerCount)") }
        let outsideEdges = outside?.closedEdges ?? BitSet(capacity: graph.edgeCount)
        let partition = HierarchyPartition(graph: graph, outside: outsideEdges)
        var order: [Int32]?
        for layer in layers {
            let hierarchy = HierarchyBuilder.build(graph: graph, layer: layer, outside: outsideEdges, largestDegree: largestDegree,
                                                   order: order, followedDegree: followedDegree, partition: partition)
            if order == nil { order = hierarchy.rank }
            try each(hierarchy)
        }
    }

    /// A hierarchy from its arrays, as the builder or a file gives them.
    init(layer: Int, nodeCount: Int, edgeCount: Int, rank: [Int32], upOffsets: [Int32], upNode: [Int32], upCost: [UInt32],
         upArc: [Int32], downOffsets: [Int32], downNode: [Int32], downCost: [UInt32], downArc: [Int32],
         shortcutFirst: [Int32], shortcutSecond: [Int32], outside: BitSet) {
        self.layer = layer
        self.nodeCount = nodeCount
        self.edgeCount = edgeCount
        self.rank = rank
        self.upOffsets = upOffsets
        self.upNode = upNode
        self.upCost = upCost
        self.upArc = upArc
        self.downOffsets = downOffsets
        self.downNode = downNode
        self.downCost = downCost
        self.downArc = downArc
        self.shortcutFirst = shortcutFirst
        self.shortcutSecond = shortcutSecond
        self.outside = outside
    }

    /// Whether the hierarchy leaves an edge out.
    ///
    /// - Parameter edge: the edge's id.
    /// - Returns: true for an edge searches take from the graph at core nodes.
    public func isOutside(_ edge: Graph.EdgeID) -> Bool { outside.contains(Int(edge)) }

    /// Whether a mask closes only edges outside the hierarchy, and no node: the masks a search can apply.
    ///
    /// - Parameter mask: the mask.
    /// - Returns: true when `HierarchySearch` answers exactly under it.
    public func canApply(_ mask: ClosureMask) -> Bool {
        guard mask.closedEdges.capacity == edgeCount, mask.closedNodes.capacity == nodeCount, mask.closedNodes.isEmpty else { return false }
        return mask.closedEdges.isSubset(of: outside)
    }

    /// Sums a value of the graph's edges (a length, say) over each shortcut's edges: entry `s` is shortcut
    /// `s`'s total, each found from the two arcs it joins, which come before it.
    ///
    /// - Parameter value: the value of each graph edge, by id.
    /// - Returns: one total per shortcut.
    public func shortcutTotals(of value: (Graph.EdgeID) -> Double) -> [Double] {
        var totals = [Double](repeating: 0, count: shortcutFirst.count)
        func total(_ arc: Int32) -> Double { arc < 0 ? value(-1 - arc) : totals[Int(arc)] }
        for shortcut in 0..<shortcutFirst.count {
            totals[shortcut] = total(shortcutFirst[shortcut]) + total(shortcutSecond[shortcut])
        }
        return totals
    }

    /// Appends the graph edges an arc stands for to `edges`, in travel order.
    ///
    /// - Parameters:
    ///   - arc: an arc reference: a shortcut (≥ 0) or a graph edge (−1 − id).
    ///   - edges: receives the edge ids.
    ///   - stack: scratch space, kept between calls so that unpacking allocates nothing once it has grown.
    public func unpack(_ arc: Int32, into edges: inout [Graph.EdgeID], stack: inout [Int32]) {
        stack.removeAll(keepingCapacity: true)
        stack.append(arc)
        while let next = stack.popLast() {
            if next < 0 {
                edges.append(-1 - next)
            } else {
                stack.append(shortcutSecond[Int(next)])
                stack.append(shortcutFirst[Int(next)])
            }
        }
    }
}

extension BitSet {
    /// Whether every member of this set is a member of `other`.
    ///
    /// - Parameter other: a set of the same capacity.
    /// - Returns: true when no member is missing from `other`.
    public func isSubset(of other: BitSet) -> Bool {
        guard other.capacity == capacity else { return false }
        for index in words.indices where words[index] & ~other.words[index] != 0 { return false }
        return true
    }
}
