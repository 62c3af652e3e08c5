/// Dijkstra, exact A* and ALT over a `Graph`, with buffers reused from one query to the next.
///
/// After the first query has grown the queue, a query allocates nothing: distances and parents live in
/// buffers sized to the graph and validated by a generation stamp instead of being cleared, and the priority
/// queue keeps its storage. Costs are whole milliseconds, so A*, ALT and Dijkstra return identical costs, and
/// nodes of equal cost are settled in order of their ids, so every algorithm breaks ties the same way on
/// every run.
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
    private let nodeCount: Int
    // Per-node state, allocated once: plain memory, so the inner loop pays neither bounds checks nor
    // exclusivity checks. What a relaxation reads and writes of a node shares one 16-byte record, so that it
    // costs one cache miss, not three.
    private let state: UnsafeMutablePointer<NodeState>
    /// The lower bound on the remaining cost the search gave each node it reached, so that a stale queue
    /// entry is recognised without working the bound out again (A* and ALT only).
    private let potential: UnsafeMutablePointer<UInt64>
    /// Marks the targets of a one-to-many search with the current generation.
    private let targetStamp: UnsafeMutablePointer<UInt32>
    private var generation: UInt32 = 0
    private var packedQueue: PackedQueue
    private var wideQueue = WideQueue()
    private var lastDirection: Direction = .forward
    private var lastRoot: NodeID = -1
    /// Nodes settled by the last search (for measuring how much work A* and ALT save).
    public private(set) var settledCount = 0

    /// Creates a search over a graph, with buffers sized to its nodes.
    ///
    /// - Parameter graph: the graph to search.
    public convenience init(graph: Graph) {
        self.init(graph: graph, packedNodeCount: graph.nodeCount)
    }

    /// A search whose packed queue entries leave room for `packedNodeCount` node ids: tests ask for more than
    /// the graph has, so that small graphs reach the key limit and the wide queue.
    init(graph: Graph, packedNodeCount: Int) {
        self.graph = graph
        nodeCount = graph.nodeCount
        let count = max(graph.nodeCount, 1)
        state = .allocate(capacity: count)
        state.initialize(repeating: NodeState(distance: 0, parentPosition: -1, stamp: 0), count: count)
        potential = .allocate(capacity: count)
        targetStamp = .allocate(capacity: count)
        targetStamp.initialize(repeating: 0, count: count)
        packedQueue = PackedQueue(nodeCount: max(packedNodeCount, graph.nodeCount))
    }

    deinit {
        state.deallocate()
        potential.deallocate()
        targetStamp.deallocate()
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
        let inGraph = target >= 0 && Int(target) < nodeCount
        if algorithm == .astar, inGraph, millisecondsPerMeter > 0, let points = graph.coordinates {
            let bound = StraightLineBound(points: points, target: points[Int(target)], millisecondsPerMeter: millisecondsPerMeter)
            search(from: source, direction: .forward, layer: layer, mask: mask, exclusions: exclusions, stopAt: target, bound: bound)
        } else {
            search(from: source, direction: .forward, layer: layer, mask: mask, exclusions: exclusions, stopAt: target, bound: NoBound())
        }
        return cost(to: target)
    }

    /// The cost in milliseconds of the cheapest path from `source` to `target` by ALT: A* guided by the
    /// triangle inequality over landmark distances, in the landmark table's layer.
    ///
    /// Closures only remove edges, so distances measured on the open network never exceed those under any
    /// closure: the bounds stay admissible, and the cost equals Dijkstra's under every mask.
    ///
    /// - Parameters:
    ///   - source: the node the path starts from.
    ///   - target: the node the path ends at.
    ///   - landmarks: a table built on this graph; its layer is the layer searched.
    ///   - mask: nodes and edges the search must not use.
    ///   - exclusions: a second mask, for restrictions that belong to the query rather than the scenario.
    /// - Returns: the path's cost in milliseconds, or nil when `target` cannot be reached.
    public func cost(
        from source: NodeID, to target: NodeID, landmarks: LandmarkTable,
        mask: ClosureMask? = nil, exclusions: ClosureMask? = nil
    ) -> UInt64? {
        precondition(landmarks.nodeCount == nodeCount, "the landmark table was built for another graph")
        if target >= 0 && Int(target) < nodeCount {
            landmarks.withBound(towards: target) { bound in
                search(from: source, direction: .forward, layer: landmarks.layer, mask: mask, exclusions: exclusions,
                       stopAt: target, bound: bound)
            }
        } else {
            search(from: source, direction: .forward, layer: landmarks.layer, mask: mask, exclusions: exclusions,
                   stopAt: target, bound: NoBound())
        }
        return cost(to: target)
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
        search(from: source, direction: .forward, layer: layer, mask: mask, exclusions: exclusions,
               stopAt: -1, bound: NoBound(), remainingTargets: targets)
        if costs.count != targets.count { costs = [UInt64?](repeating: nil, count: targets.count) }
        for (index, target) in targets.enumerated() {
            costs[index] = cost(to: target)
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
        search(from: root, direction: direction, layer: layer, mask: mask, exclusions: exclusions, stopAt: -1, bound: NoBound())
    }

    // MARK: Reading the last search

    /// The cost found for a node by the last search, or nil if it was not reached.
    /// After a search that stopped early, only settled nodes and the target are final.
    ///
    /// - Parameter node: the node to read.
    /// - Returns: the cost in milliseconds between the search's root and `node`, or nil.
    public func cost(to node: NodeID) -> UInt64? {
        reached(node) ? state[Int(node)].distance : nil
    }

    /// The tree edge by which the last search reached `node` (towards the root), or nil.
    ///
    /// - Parameter node: the node to read.
    /// - Returns: the edge's id, or nil when `node` is the root or was not reached.
    public func parentEdge(of node: NodeID) -> EdgeID? {
        guard reached(node), state[Int(node)].parentPosition >= 0 else { return nil }
        return graph.edge(atPosition: Int(state[Int(node)].parentPosition))
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
        var current = Int(node)
        while current != Int(lastRoot), state[current].parentPosition >= 0 {
            let position = Int(state[current].parentPosition)
            edges.append(graph.edge(atPosition: position))
            // The tree edge's other end: its source going forward, its target going backward.
            current = lastDirection == .forward ? Int(graph.source(ofPosition: position)) : Int(graph.targets[position])
        }
        // A forward tree is walked back from the node; a backward tree already runs node → root.
        if lastDirection == .forward { edges.reverse() }
        return true
    }

    // MARK: The search

    @inline(__always)
    private func reached(_ node: NodeID) -> Bool {
        node >= 0 && Int(node) < nodeCount && state[Int(node)].stamp == generation
    }

    private func startGeneration() {
        if generation == UInt32.max {
            for node in 0..<max(nodeCount, 1) { state[node].stamp = 0 }
            targetStamp.update(repeating: 0, count: max(nodeCount, 1))
            generation = 0
        }
        generation += 1
        settledCount = 0
    }

    /// Whether a mask (if any) has a bit for every node and edge of the graph.
    private func fits(_ mask: ClosureMask?) -> Bool {
        guard let mask else { return true }
        return mask.closedNodes.capacity == nodeCount && mask.closedEdges.capacity == graph.edgeCount
    }

    /// Runs one search with the packed queue, and again with the wide one in the rare graph whose path costs
    /// outgrow the packed entries.
    private func search<Bound: SearchBound>(
        from root: NodeID, direction: Direction, layer: Int, mask: ClosureMask?, exclusions: ClosureMask?,
        stopAt target: NodeID, bound: Bound, remainingTargets: [NodeID] = []
    ) {
        precondition(layer >= 0 && layer < graph.layerCount, "layer \(layer) is not in 0..<\(graph.layerCount)")
        precondition(fits(mask) && fits(exclusions), "the closure mask was made for another graph")
        // Empty masks are dropped, so the common search checks nothing per edge.
        let masks = SearchMasks(mask: mask, exclusions: exclusions, edgeAtPosition: graph.edgeAtPosition)
        if !run(from: root, direction: direction, layer: layer, masks: masks, stopAt: target, bound: bound,
                remainingTargets: remainingTargets, queue: &packedQueue) {
            _ = run(from: root, direction: direction, layer: layer, masks: masks, stopAt: target, bound: bound,
                    remainingTargets: remainingTargets, queue: &wideQueue)
        }
        lastDirection = direction
        lastRoot = root
    }

    /// The loop for a direction, with or without masks: each a loop of its own, so that the common one (forward,
    /// nothing closed) reads no more per edge than it must.
    private func run<Bound: SearchBound, Queue: SearchQueue>(
        from root: NodeID, direction: Direction, layer: Int, masks: SearchMasks, stopAt target: NodeID, bound: Bound,
        remainingTargets: [NodeID], queue: inout Queue
    ) -> Bool {
        graph.costs.withUnsafeBufferPointer { allCosts in
            let costs = UnsafeBufferPointer(rebasing: allCosts[(layer * graph.edgeCount)...])
            switch direction {
            case .forward:
                return graph.offsets.withUnsafeBufferPointer { offsets in
                    graph.targets.withUnsafeBufferPointer { targets in
                        let arcs = ForwardArcs(offsets: offsets, targets: targets, costs: costs)
                        return masks.any
                            ? run(from: root, arcs: arcs, filter: masks, stopAt: target, bound: bound, remainingTargets: remainingTargets, queue: &queue)
                            : run(from: root, arcs: arcs, filter: OpenNetwork(), stopAt: target, bound: bound, remainingTargets: remainingTargets, queue: &queue)
                    }
                }
            case .backward:
                return graph.reverseOffsets.withUnsafeBufferPointer { offsets in
                    graph.reverseSources.withUnsafeBufferPointer { sources in
                        graph.reversePositions.withUnsafeBufferPointer { positions in
                            let arcs = BackwardArcs(offsets: offsets, sources: sources, positions: positions, costs: costs)
                            return masks.any
                                ? run(from: root, arcs: arcs, filter: masks, stopAt: target, bound: bound, remainingTargets: remainingTargets, queue: &queue)
                                : run(from: root, arcs: arcs, filter: OpenNetwork(), stopAt: target, bound: bound, remainingTargets: remainingTargets, queue: &queue)
                        }
                    }
                }
            }
        }
    }

    /// The search loop. Returns false, having stopped, when a key outgrew the queue's entries.
    private func run<Arcs: ArcList, Filter: ArcFilter, Bound: SearchBound, Queue: SearchQueue>(
        from root: NodeID, arcs: Arcs, filter: Filter, stopAt target: NodeID, bound: Bound,
        remainingTargets: [NodeID], queue: inout Queue
    ) -> Bool {
        startGeneration()
        queue.removeAll()
        let generation = self.generation
        let state = self.state, potential = self.potential
        guard root >= 0, Int(root) < nodeCount, !filter.isClosed(node: root) else { return true }
        var waiting = 0
        for target in remainingTargets where target >= 0 && Int(target) < nodeCount && targetStamp[Int(target)] != generation {
            targetStamp[Int(target)] = generation
            waiting += 1
        }
        let rootPotential = bound.estimate(Int(root))
        state[Int(root)] = NodeState(distance: 0, parentPosition: -1, stamp: generation)
        if !Bound.isZero { potential[Int(root)] = rootPotential }
        guard queue.push(key: rootPotential, node: root) else { return false }

        var settled = 0
        defer { settledCount = settled }
        while let (key, node) = queue.popMin() {
            let index = Int(node)
            let settledCost = state[index].distance
            // A stale entry: the node was reached more cheaply after this entry was queued.
            if key != (Bound.isZero ? settledCost : settledCost &+ potential[index]) { continue }
            settled &+= 1
            if node == target { return true }
            if waiting > 0, targetStamp[index] == generation {
                waiting -= 1
                if waiting == 0 { return true }
            }
            for arc in arcs.range(of: index) {
                let position = arcs.position(of: arc)
                let cost = arcs.costs[position]
                if cost == Graph.impassable { continue }
                let next = arcs.end(of: arc)
                if !Filter.opensEverything, filter.isClosed(position: position) || filter.isClosed(node: next) { continue }
                let candidate = settledCost &+ UInt64(cost)
                let nextIndex = Int(next)
                let nextPotential: UInt64
                if state[nextIndex].stamp != generation {
                    nextPotential = bound.estimate(nextIndex)
                    if !Bound.isZero { potential[nextIndex] = nextPotential }
                } else if candidate < state[nextIndex].distance {
                    nextPotential = Bound.isZero ? 0 : potential[nextIndex]
                } else {
                    continue
                }
                state[nextIndex] = NodeState(distance: candidate, parentPosition: Int32(truncatingIfNeeded: position), stamp: generation)
                guard queue.push(key: candidate &+ nextPotential, node: next) else { return false }
            }
        }
        return true
    }
}

/// What a search knows of a node: its cost from the root, the forward position of the tree edge that reached
/// it (-1 for the root), and the generation in which both were written (older ones mean "not reached").
struct NodeState {
    var distance: UInt64
    var parentPosition: Int32
    var stamp: UInt32
}

/// One direction's adjacency as plain memory: the arcs of node n are a range of indexes, each with the node at
/// its far end and the forward position that holds its cost (in the layer's run of `costs`) and its id.
protocol ArcList {
    var costs: UnsafeBufferPointer<UInt32> { get }
    func range(of node: Int) -> Range<Int>
    func position(of arc: Int) -> Int
    func end(of arc: Int) -> Int32
}

/// Out-edges: an arc's index is its position.
struct ForwardArcs: ArcList {
    let offsets: UnsafeBufferPointer<Int32>
    let targets: UnsafeBufferPointer<Int32>
    let costs: UnsafeBufferPointer<UInt32>

    @inline(__always) func range(of node: Int) -> Range<Int> { Int(offsets[node])..<Int(offsets[node &+ 1]) }
    @inline(__always) func position(of arc: Int) -> Int { arc }
    @inline(__always) func end(of arc: Int) -> Int32 { targets[arc] }
}

/// In-edges, each naming its source and its forward position.
struct BackwardArcs: ArcList {
    let offsets: UnsafeBufferPointer<Int32>
    let sources: UnsafeBufferPointer<Int32>
    let positions: UnsafeBufferPointer<Int32>
    let costs: UnsafeBufferPointer<UInt32>

    @inline(__always) func range(of node: Int) -> Range<Int> { Int(offsets[node])..<Int(offsets[node &+ 1]) }
    @inline(__always) func position(of arc: Int) -> Int { Int(positions[arc]) }
    @inline(__always) func end(of arc: Int) -> Int32 { sources[arc] }
}

/// Which edges and nodes a search may not use.
protocol ArcFilter {
    /// True when the filter closes nothing, so the loop need not ask.
    static var opensEverything: Bool { get }
    func isClosed(position: Int) -> Bool
    func isClosed(node: Int32) -> Bool
}

/// Nothing closed.
struct OpenNetwork: ArcFilter {
    static var opensEverything: Bool { true }
    @inline(__always) func isClosed(position: Int) -> Bool { false }
    @inline(__always) func isClosed(node: Int32) -> Bool { false }
}

/// The closure masks of one search, the empty ones left out.
struct SearchMasks: ArcFilter {
    static var opensEverything: Bool { false }
    let first: ClosureMask?
    let second: ClosureMask?
    let edgeAtPosition: [Int32]?
    /// Whether any mask closes anything; when none does, the search checks nothing per edge.
    let any: Bool

    init(mask: ClosureMask?, exclusions: ClosureMask?, edgeAtPosition: [Int32]?) {
        first = mask.flatMap { $0.isEmpty ? nil : $0 }
        second = exclusions.flatMap { $0.isEmpty ? nil : $0 }
        self.edgeAtPosition = edgeAtPosition
        any = first != nil || second != nil
    }

    @inline(__always)
    func isClosed(position: Int) -> Bool {
        let edge = edgeAtPosition.map { $0[position] } ?? Int32(position)
        return first?.isClosed(edge: edge) == true || second?.isClosed(edge: edge) == true
    }

    @inline(__always)
    func isClosed(node: Int32) -> Bool {
        first?.isClosed(node: node) == true || second?.isClosed(node: node) == true
    }
}

/// A lower bound on the cost from a node to the search's target.
protocol SearchBound {
    /// True for the bound that is always zero (Dijkstra), so the loop keeps no potentials.
    static var isZero: Bool { get }
    func estimate(_ node: Int) -> UInt64
}

extension SearchBound {
    static var isZero: Bool { false }
}

/// No bound: Dijkstra.
struct NoBound: SearchBound {
    static var isZero: Bool { true }
    @inline(__always) func estimate(_ node: Int) -> UInt64 { 0 }
}

/// Straight-line distance times the least cost per metre: A*.
struct StraightLineBound: SearchBound {
    let points: [Graph.Point]
    let target: Graph.Point
    let millisecondsPerMeter: Double

    @inline(__always)
    func estimate(_ node: Int) -> UInt64 {
        let point = points[node]
        let dx = point.x - target.x, dy = point.y - target.y
        // Rounded down so the estimate never exceeds the true integer cost.
        return UInt64(((dx * dx + dy * dy).squareRoot() * millisecondsPerMeter).rounded(.down))
    }
}

/// A priority queue of (key, node), smallest key first and, among equal keys, smallest node.
protocol SearchQueue {
    mutating func removeAll()
    /// Adds an entry; false when the key is too large for the queue's entries.
    mutating func push(key: UInt64, node: Int32) -> Bool
    mutating func popMin() -> (key: UInt64, node: Int32)?
}

/// Entries packed into 64 bits, the key above the node id: comparing two words compares key, then node. The
/// node takes as many bits as the graph's ids need, the key the rest (44 bits, some 557 years of
/// milliseconds, for a million nodes).
struct PackedQueue: SearchQueue {
    private let heap = QuaternaryHeap<UInt64>()
    private let nodeBits: UInt64
    private let largestKey: UInt64

    init(nodeCount: Int) {
        nodeBits = UInt64(max(1, Int.bitWidth - max(nodeCount - 1, 1).leadingZeroBitCount))
        largestKey = UInt64.max >> nodeBits
    }

    mutating func removeAll() { heap.removeAll() }

    @inline(__always)
    mutating func push(key: UInt64, node: Int32) -> Bool {
        guard key <= largestKey else { return false }
        heap.insert(key << nodeBits | UInt64(UInt32(bitPattern: node)))
        return true
    }

    @inline(__always)
    mutating func popMin() -> (key: UInt64, node: Int32)? {
        guard let entry = heap.popMin() else { return nil }
        return (entry >> nodeBits, Int32(truncatingIfNeeded: entry & ((1 << nodeBits) - 1)))
    }
}

/// Entries of a full key and node, for paths too costly for `PackedQueue`.
struct WideQueue: SearchQueue {
    private let heap = QuaternaryHeap<WideEntry>()

    mutating func removeAll() { heap.removeAll() }

    mutating func push(key: UInt64, node: Int32) -> Bool {
        heap.insert(WideEntry(key: key, node: node))
        return true
    }

    mutating func popMin() -> (key: UInt64, node: Int32)? {
        heap.popMin().map { ($0.key, $0.node) }
    }
}
