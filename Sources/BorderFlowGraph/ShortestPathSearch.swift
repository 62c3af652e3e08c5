import HeapModule

/// Dijkstra and exact A* over a `Graph`, with buffers reused from one query to the next.
///
/// After the first queries have grown the buffers, a query allocates nothing: distances and parents live in
/// arrays sized to the graph and validated by a generation stamp instead of being cleared, and the priority
/// queue keeps its storage. Costs are whole milliseconds, so A* and Dijkstra return identical costs.
///
/// Not thread-safe: a search holds per-query state. Make one per thread or task; they can share one `Graph`.
public final class ShortestPathSearch {
    /// A node's number in the graph, as in `Graph.NodeID`.
    public typealias NodeID = Graph.NodeID
    /// An edge's number in the graph, as in `Graph.EdgeID`.
    public typealias EdgeID = Graph.EdgeID

    /// How a search for one target finds its path.
    ///
    /// Given a valid `millisecondsPerMeter` bound, both find the same cost; A* only settles fewer nodes on the way.
    public enum Algorithm: String, Sendable, CaseIterable {
        /// Dijkstra's algorithm: settles nodes in order of cost from the source until it reaches the target.
        /// Needs no coordinates.
        case dijkstra
        /// A*: Dijkstra guided towards the target by straight-line distance. Needs node coordinates and a
        /// `millisecondsPerMeter` bound; with a bound of 0 it searches as Dijkstra does.
        case astar
    }

    /// Which way the last search ran: from a source along edges, or from a target against them.
    public enum Direction: Sendable {
        /// Along edges from the root: costs are from the root to each node.
        case forward
        /// Against edges from the root: costs are from each node to the root.
        case backward
    }

    /// The graph this search runs on.
    public let graph: Graph
    private var distance: [UInt64]
    private var parentEdge: [EdgeID]
    private var stamp: [UInt32]
    /// Marks the targets of a one-to-many search with the current generation.
    private var targetStamp: [UInt32]
    private var generation: UInt32 = 0
    private var queue = Heap<Entry>()
    private var lastDirection: Direction = .forward
    private var lastRoot: NodeID = -1
    /// Nodes settled by the last search (for measuring how much work A* saves).
    public private(set) var settledCount = 0

    /// Creates a search over a graph, with buffers sized to its nodes.
    ///
    /// - Parameter graph: the graph to search.
    public init(graph: Graph) {
        self.graph = graph
        distance = [UInt64](repeating: 0, count: graph.nodeCount)
        parentEdge = [EdgeID](repeating: -1, count: graph.nodeCount)
        stamp = [UInt32](repeating: 0, count: graph.nodeCount)
        targetStamp = [UInt32](repeating: 0, count: graph.nodeCount)
    }

    // MARK: Queries

    /// The cost in milliseconds of the cheapest path from `source` to `target` in a layer, or nil when
    /// every path is closed or impassable.
    ///
    /// - Parameters:
    ///   - source: the node the path starts from.
    ///   - target: the node the path ends at.
    ///   - layer: the cost layer (travel mode) to use, in `0..<graph.layerCount`.
    ///   - mask: nodes and edges the search must not use.
    ///   - exclusions: a second mask, for restrictions that belong to the query rather than the scenario.
    ///   - algorithm: `.astar` needs node coordinates and a lower bound on cost per metre.
    ///   - millisecondsPerMeter: for A*, a number no greater than any path's cost per metre of straight-line
    ///     distance in the graph's coordinates (for example 1000 / (largest scale factor × fastest speed)).
    /// - Returns: the path's cost in milliseconds, or nil when `target` cannot be reached.
    public func cost(
        from source: NodeID, to target: NodeID, layer: Int,
        mask: ClosureMask? = nil, exclusions: ClosureMask? = nil,
        algorithm: Algorithm = .dijkstra, millisecondsPerMeter: Double = 0
    ) -> UInt64? {
        precondition(algorithm == .dijkstra || graph.coordinates != nil, "A* needs node coordinates")
        // A node that is not in the graph is unreachable by either algorithm; A* has no position to aim at.
        let inGraph = target >= 0 && Int(target) < graph.nodeCount
        let factor = algorithm == .astar && inGraph ? millisecondsPerMeter : 0
        run(from: source, direction: .forward, layer: layer, mask: mask, exclusions: exclusions,
            stopAt: target, heuristicTarget: factor > 0 ? target : -1, millisecondsPerMeter: factor)
        return reached(target) ? distance[Int(target)] : nil
    }

    /// Costs from `source` to each of `targets` (nil where unreachable), with one Dijkstra search that stops
    /// once every target is settled. Writes into `costs`, which it resizes to `targets.count`.
    ///
    /// - Parameters:
    ///   - source: the node the paths start from.
    ///   - targets: the nodes the paths end at.
    ///   - layer: the cost layer (travel mode) to use, in `0..<graph.layerCount`.
    ///   - mask: nodes and edges the search must not use.
    ///   - exclusions: a second mask, for restrictions that belong to the query rather than the scenario.
    ///   - costs: receives the cost in milliseconds to each target, in the order of `targets`.
    public func costs(
        from source: NodeID, to targets: [NodeID], layer: Int,
        mask: ClosureMask? = nil, exclusions: ClosureMask? = nil, into costs: inout [UInt64?]
    ) {
        run(from: source, direction: .forward, layer: layer, mask: mask, exclusions: exclusions,
            stopAt: -1, heuristicTarget: -1, millisecondsPerMeter: 0, remainingTargets: targets)
        if costs.count != targets.count { costs = [UInt64?](repeating: nil, count: targets.count) }
        for (index, target) in targets.enumerated() {
            costs[index] = reached(target) ? distance[Int(target)] : nil
        }
    }

    /// Grows a full shortest-path tree from `root`: forward (costs from the root) or backward (costs to it).
    /// Read it with `cost(to:)`, `parentEdge(of:)` and `path(to:into:)`.
    ///
    /// - Parameters:
    ///   - root: the node the tree grows from.
    ///   - direction: `.forward` for costs from `root`, `.backward` for costs to it.
    ///   - layer: the cost layer (travel mode) to use, in `0..<graph.layerCount`.
    ///   - mask: nodes and edges the search must not use.
    ///   - exclusions: a second mask, for restrictions that belong to the query rather than the scenario.
    public func tree(
        from root: NodeID, direction: Direction = .forward, layer: Int,
        mask: ClosureMask? = nil, exclusions: ClosureMask? = nil
    ) {
        run(from: root, direction: direction, layer: layer, mask: mask, exclusions: exclusions,
            stopAt: -1, heuristicTarget: -1, millisecondsPerMeter: 0)
    }

    // MARK: Reading the last search

    /// The cost found for a node by the last search, or nil if it was not reached.
    /// After a search that stopped early, only settled nodes and the target are final.
    ///
    /// - Parameter node: the node to read.
    /// - Returns: the cost in milliseconds between the search's root and `node`, or nil.
    public func cost(to node: NodeID) -> UInt64? {
        reached(node) ? distance[Int(node)] : nil
    }

    /// The tree edge by which the last search reached `node` (towards the root), or nil.
    ///
    /// - Parameter node: the node to read.
    /// - Returns: the edge's id, or nil when `node` is the root or was not reached.
    public func parentEdge(of node: NodeID) -> EdgeID? {
        guard reached(node), parentEdge[Int(node)] >= 0 else { return nil }
        return parentEdge[Int(node)]
    }

    /// The edges of the path between the last search's root and `node`, in travel order, written into
    /// `edges` (cleared first, capacity kept). Returns false when `node` was not reached.
    ///
    /// - Parameters:
    ///   - node: the node at the other end of the path from the root.
    ///   - edges: receives the path's edge ids; left empty when `node` is the root or was not reached.
    /// - Returns: `true` when `node` was reached.
    @discardableResult
    public func path(to node: NodeID, into edges: inout [EdgeID]) -> Bool {
        edges.removeAll(keepingCapacity: true)
        guard reached(node) else { return false }
        var current = node
        while current != lastRoot, let edge = parentEdge(of: current) {
            edges.append(edge)
            current = lastDirection == .forward ? graph.source(of: edge) : graph.target(of: edge)
        }
        // A forward tree is walked back from the node; a backward tree already runs node → root.
        if lastDirection == .forward { edges.reverse() }
        return true
    }

    // MARK: The search

    private struct Entry: Comparable {
        var key: UInt64
        var node: NodeID

        static func < (lhs: Entry, rhs: Entry) -> Bool {
            lhs.key != rhs.key ? lhs.key < rhs.key : lhs.node < rhs.node
        }
    }

    @inline(__always)
    private func reached(_ node: NodeID) -> Bool {
        node >= 0 && Int(node) < stamp.count && stamp[Int(node)] == generation
    }

    private func startGeneration() {
        if generation == UInt32.max {
            for index in stamp.indices {
                stamp[index] = 0
                targetStamp[index] = 0
            }
            generation = 0
        }
        generation += 1
        queue.removeAll { _ in true }
        settledCount = 0
    }

    @inline(__always)
    private func heuristic(_ node: NodeID, target: NodeID, factor: Double) -> UInt64 {
        guard target >= 0, let points = graph.coordinates else { return 0 }
        let a = points[Int(node)], b = points[Int(target)]
        let dx = a.x - b.x, dy = a.y - b.y
        // Rounded down so the estimate never exceeds the true integer cost.
        return UInt64(((dx * dx + dy * dy).squareRoot() * factor).rounded(.down))
    }

    private func run(
        from root: NodeID, direction: Direction, layer: Int,
        mask: ClosureMask?, exclusions: ClosureMask?,
        stopAt target: NodeID, heuristicTarget: NodeID, millisecondsPerMeter factor: Double,
        remainingTargets: [NodeID] = []
    ) {
        precondition(layer >= 0 && layer < graph.layerCount, "layer \(layer) is not in 0..<\(graph.layerCount)")
        startGeneration()
        lastDirection = direction
        lastRoot = root
        guard root >= 0, Int(root) < graph.nodeCount else { return }
        if mask?.isClosed(node: root) == true || exclusions?.isClosed(node: root) == true { return }
        var waiting = 0
        for target in remainingTargets where target >= 0 && Int(target) < graph.nodeCount && targetStamp[Int(target)] != generation {
            targetStamp[Int(target)] = generation
            waiting += 1
        }
        distance[Int(root)] = 0
        parentEdge[Int(root)] = -1
        stamp[Int(root)] = generation
        queue.insert(Entry(key: heuristic(root, target: heuristicTarget, factor: factor), node: root))

        let edgeCount = graph.edgeCount
        let layerBase = layer * edgeCount
        while let entry = queue.popMin() {
            let node = entry.node
            let settledCost = distance[Int(node)]
            // A stale entry: the node was reached more cheaply after this entry was queued.
            if entry.key != settledCost &+ heuristic(node, target: heuristicTarget, factor: factor) { continue }
            settledCount += 1
            if node == target { return }
            if waiting > 0, targetStamp[Int(node)] == generation {
                waiting -= 1
                if waiting == 0 { return }
            }
            let range: Range<Int>
            if direction == .forward {
                range = Int(graph.offsets[Int(node)])..<Int(graph.offsets[Int(node) + 1])
            } else {
                range = Int(graph.reverseOffsets[Int(node)])..<Int(graph.reverseOffsets[Int(node) + 1])
            }
            for position in range {
                let edge = direction == .forward ? graph.edgeAtPosition[position] : graph.reverseEdgeAtPosition[position]
                let cost = graph.costs[layerBase + Int(edge)]
                if cost == Graph.impassable { continue }
                if let mask, mask.isClosed(edge: edge) { continue }
                if let exclusions, exclusions.isClosed(edge: edge) { continue }
                let next = direction == .forward ? graph.targets[position] : graph.reverseSources[position]
                if let mask, mask.isClosed(node: next) { continue }
                if let exclusions, exclusions.isClosed(node: next) { continue }
                let candidate = settledCost + UInt64(cost)
                let index = Int(next)
                if stamp[index] != generation || candidate < distance[index] {
                    stamp[index] = generation
                    distance[index] = candidate
                    parentEdge[index] = edge
                    queue.insert(Entry(key: candidate &+ heuristic(next, target: heuristicTarget, factor: factor), node: next))
                }
            }
        }
    }
}
