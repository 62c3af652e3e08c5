/// Searches a `ContractionHierarchy`: a route between two nodes by one search up from each end, or the costs
/// between one node and every core node.
///
/// Both return the costs Dijkstra finds on the graph, under closure masks that close only edges outside the
/// hierarchy. What a search has reached is kept in small tables that grow with the search, not in arrays over
/// every node, so a search is cheap to make and, once its tables have grown, a query allocates nothing.
///
/// Not thread-safe: a search holds per-query state. Make one per task; they can share one hierarchy and graph.
public final class HierarchySearch {
    /// The hierarchy searched.
    public let hierarchy: ContractionHierarchy
    /// The graph it was built on, whose outside edges the search takes at core nodes.
    public let graph: Graph
    private var forward = SearchLabels()
    private var backward = SearchLabels()
    private let forwardQueue = QuaternaryHeap<WideEntry>()
    private let backwardQueue = QuaternaryHeap<WideEntry>()
    private var meeting: Int32 = -1
    private var stack: [Int32] = []
    private var chain: [Int32] = []
    /// Nodes settled by the last search, both directions together.
    public private(set) var settledCount = 0

    /// A search over a hierarchy and the graph it was built on.
    ///
    /// - Parameters:
    ///   - hierarchy: the hierarchy.
    ///   - graph: the graph it was built on.
    public init(hierarchy: ContractionHierarchy, graph: Graph) {
        precondition(hierarchy.nodeCount == graph.nodeCount && hierarchy.edgeCount == graph.edgeCount,
                     "the hierarchy was built on another graph")
        self.hierarchy = hierarchy
        self.graph = graph
    }

    // MARK: Between two nodes

    /// The cost in milliseconds of the cheapest path from `source` to `target` in the hierarchy's layer, or nil
    /// when every path is closed or impassable: Dijkstra's cost, found by a search up from each end.
    ///
    /// - Parameters:
    ///   - source: the node the path starts from.
    ///   - target: the node the path ends at.
    ///   - mask: edges the search must not use; it may close only edges outside the hierarchy.
    ///   - exclusions: a second mask, for restrictions of the query, under the same rule.
    ///   - outsideLayer: the layer whose costs the outside edges take: another layer than the hierarchy's may
    ///     share its costs on every other edge (BorderFlow's modes share road costs but not crossing times).
    /// - Returns: the cost, or nil when `target` cannot be reached.
    public func cost(from source: Graph.NodeID, to target: Graph.NodeID, mask: ClosureMask? = nil,
                     exclusions: ClosureMask? = nil, outsideLayer: Int? = nil) -> UInt64? {
        self.outsideLayer = outsideLayer ?? hierarchy.layer
        precondition(mask.map(hierarchy.canApply) ?? true, "a hierarchy search applies masks that close only outside edges")
        precondition(exclusions.map(hierarchy.canApply) ?? true, "a hierarchy search applies masks that close only outside edges")
        let closures = SearchMasks(mask: mask, exclusions: exclusions, edgeAtPosition: nil)
        forward.reset()
        backward.reset()
        forwardQueue.removeAll()
        backwardQueue.removeAll()
        meeting = -1
        settledCount = 0
        guard source >= 0, Int(source) < hierarchy.nodeCount, target >= 0, Int(target) < hierarchy.nodeCount else { return nil }
        forwardQueue.insert(WideEntry(key: 0, node: Int32(forward.label(source, cost: 0, arc: 0, parent: -1))))
        backwardQueue.insert(WideEntry(key: 0, node: Int32(backward.label(target, cost: 0, arc: 0, parent: -1))))
        var best = UInt64.max
        while true {
            let forwardNext = forwardQueue.min.map(\.key) ?? .max, backwardNext = backwardQueue.min.map(\.key) ?? .max
            // Each side has settled everything cheaper than the best meeting: nothing cheaper is left to find.
            guard min(forwardNext, backwardNext) < best else { break }
            let isForward = forwardNext <= backwardNext
            guard let entry = (isForward ? forwardQueue : backwardQueue).popMin() else { break }
            let slot = Int(entry.node)
            if isForward {
                guard !forward.settled[slot], entry.key == forward.cost[slot] else { continue }
                forward.settled[slot] = true
                settledCount += 1
                let node = forward.nodes[slot]
                if let other = backward.slot(of: node), backward.cost[other] &+ entry.key < best {
                    best = backward.cost[other] + entry.key
                    meeting = node
                }
                relax(slot, forwardDirection: true, closures: closures, useOutside: true)
            } else {
                guard !backward.settled[slot], entry.key == backward.cost[slot] else { continue }
                backward.settled[slot] = true
                settledCount += 1
                let node = backward.nodes[slot]
                if let other = forward.slot(of: node), forward.cost[other] &+ entry.key < best {
                    best = forward.cost[other] + entry.key
                    meeting = node
                }
                relax(slot, forwardDirection: false, closures: closures, useOutside: true)
            }
        }
        return meeting >= 0 ? best : nil
    }

    /// The graph edges of the path the last `cost(from:to:mask:exclusions:)` found, in travel order, written
    /// into `edges` (cleared first). Returns false when it found none.
    ///
    /// - Parameter edges: receives the edge ids.
    /// - Returns: true when the last query found a path.
    @discardableResult
    public func path(into edges: inout [Graph.EdgeID]) -> Bool {
        edges.removeAll(keepingCapacity: true)
        guard meeting >= 0, let up = forward.slot(of: meeting), let down = backward.slot(of: meeting) else { return false }
        chain.removeAll(keepingCapacity: true)
        var slot = up
        while forward.parent[slot] >= 0 {
            chain.append(forward.arc[slot])
            slot = Int(forward.parent[slot])
        }
        for arc in chain.reversed() { hierarchy.unpack(arc, into: &edges, stack: &stack) }
        slot = down
        while backward.parent[slot] >= 0 {
            hierarchy.unpack(backward.arc[slot], into: &edges, stack: &stack)
            slot = Int(backward.parent[slot])
        }
        return true
    }

    // MARK: From one node to the core

    /// Searches up from one node, forward or backward, until nothing is left to settle: afterwards the cost
    /// between the root and every core node it can reach is known (`coreCost(of:)`), by paths that keep off the
    /// edges outside the hierarchy.
    ///
    /// - Parameters:
    ///   - root: the node searched from.
    ///   - direction: `.forward` for costs from the root, `.backward` for costs to it.
    public func searchToCore(from root: Graph.NodeID, direction: ShortestPathSearch.Direction) {
        let isForward = direction == .forward
        backward.reset()
        forward.reset()
        meeting = -1
        settledCount = 0
        guard root >= 0, Int(root) < hierarchy.nodeCount else { return }
        let queue = isForward ? forwardQueue : backwardQueue
        queue.removeAll()
        let closures = SearchMasks(mask: nil, exclusions: nil, edgeAtPosition: nil)
        if isForward {
            queue.insert(WideEntry(key: 0, node: Int32(forward.label(root, cost: 0, arc: 0, parent: -1))))
        } else {
            queue.insert(WideEntry(key: 0, node: Int32(backward.label(root, cost: 0, arc: 0, parent: -1))))
        }
        while let entry = queue.popMin() {
            let slot = Int(entry.node)
            if isForward {
                guard !forward.settled[slot], entry.key == forward.cost[slot] else { continue }
                forward.settled[slot] = true
            } else {
                guard !backward.settled[slot], entry.key == backward.cost[slot] else { continue }
                backward.settled[slot] = true
            }
            settledCount += 1
            relax(slot, forwardDirection: isForward, closures: closures, useOutside: false)
        }
        lastTreeIsForward = isForward
    }

    private var lastTreeIsForward = true
    private var outsideLayer = 0

    /// The cost between the last `searchToCore` root and a core node, nil when it did not reach it or the node
    /// is not in the core (the search's costs elsewhere are not the graph's).
    ///
    /// - Parameter node: a core node.
    /// - Returns: the cost in milliseconds.
    public func coreCost(of node: Graph.NodeID) -> UInt64? {
        guard node >= 0, Int(node) < hierarchy.nodeCount, hierarchy.rank[Int(node)] == ContractionHierarchy.coreRank else { return nil }
        let labels = lastTreeIsForward ? forward : backward
        guard let slot = labels.slot(of: node), labels.settled[slot] else { return nil }
        return labels.cost[slot]
    }

    /// Calls `body` with each arc of the path between the last `searchToCore` root and a core node, from that
    /// node towards the root; does nothing when `coreCost(of:)` is nil.
    ///
    /// - Parameters:
    ///   - node: a core node.
    ///   - body: receives each arc reference (`r ≥ 0` a shortcut, `r < 0` the graph edge `−1 − r`).
    public func forEachArc(towards node: Graph.NodeID, _ body: (Int32) -> Void) {
        guard coreCost(of: node) != nil else { return }
        let labels = lastTreeIsForward ? forward : backward
        guard var slot = labels.slot(of: node) else { return }
        while labels.parent[slot] >= 0 {
            body(labels.arc[slot])
            slot = Int(labels.parent[slot])
        }
    }

    /// Appends the graph edges of the path between the last `searchToCore` root and a core node to `edges`, in
    /// travel order (from the root going forward, to it going backward); appends nothing and returns false when
    /// `coreCost(of:)` is nil. Allocates nothing once its buffers have grown.
    ///
    /// - Parameters:
    ///   - node: a core node.
    ///   - edges: receives the edge ids.
    /// - Returns: true when there is such a path.
    @discardableResult
    public func appendCorePath(to node: Graph.NodeID, into edges: inout [Graph.EdgeID]) -> Bool {
        guard coreCost(of: node) != nil else { return false }
        chain.removeAll(keepingCapacity: true)
        forEachArc(towards: node) { chain.append($0) }
        // The arcs come from the node towards the root: against travel going forward, with it going backward.
        if lastTreeIsForward { chain.reverse() }
        for arc in chain { hierarchy.unpack(arc, into: &edges, stack: &stack) }
        return true
    }

    // MARK: The search

    /// Relaxes the arcs of a settled node: upward arcs going forward, downward arcs (against their direction)
    /// going backward, and at a core node the outside edges the masks leave open.
    @inline(__always)
    private func relax(_ slot: Int, forwardDirection: Bool, closures: SearchMasks, useOutside: Bool) {
        let hierarchy = self.hierarchy
        let node = Int(forwardDirection ? forward.nodes[slot] : backward.nodes[slot])
        let settledCost = forwardDirection ? forward.cost[slot] : backward.cost[slot]
        let offsets = forwardDirection ? hierarchy.upOffsets : hierarchy.downOffsets
        let others = forwardDirection ? hierarchy.upNode : hierarchy.downNode
        let costs = forwardDirection ? hierarchy.upCost : hierarchy.downCost
        let arcs = forwardDirection ? hierarchy.upArc : hierarchy.downArc
        for index in Int(offsets[node])..<Int(offsets[node + 1]) {
            reach(others[index], cost: settledCost + UInt64(costs[index]), arc: arcs[index], parent: slot, forwardDirection: forwardDirection)
        }
        guard useOutside, hierarchy.rank[node] == ContractionHierarchy.coreRank else { return }
        let graph = self.graph, layerBase = outsideLayer * graph.edgeCount
        if forwardDirection {
            for position in Int(graph.offsets[node])..<Int(graph.offsets[node + 1]) {
                let edge = graph.edge(atPosition: position)
                guard hierarchy.outside.contains(Int(edge)), !closures.isClosed(position: Int(edge)) else { continue }
                let cost = graph.costs[layerBase + position]
                guard cost != Graph.impassable else { continue }
                reach(graph.targets[position], cost: settledCost + UInt64(cost), arc: -1 - edge, parent: slot, forwardDirection: true)
            }
        } else {
            for index in Int(graph.reverseOffsets[node])..<Int(graph.reverseOffsets[node + 1]) {
                let position = Int(graph.reversePositions[index])
                let edge = graph.edge(atPosition: position)
                guard hierarchy.outside.contains(Int(edge)), !closures.isClosed(position: Int(edge)) else { continue }
                let cost = graph.costs[layerBase + position]
                guard cost != Graph.impassable else { continue }
                reach(graph.reverseSources[index], cost: settledCost + UInt64(cost), arc: -1 - edge, parent: slot, forwardDirection: false)
            }
        }
    }

    @inline(__always)
    private func reach(_ node: Int32, cost: UInt64, arc: Int32, parent: Int, forwardDirection: Bool) {
        if forwardDirection {
            if let slot = forward.slot(of: node) {
                guard cost < forward.cost[slot], !forward.settled[slot] else { return }
                forward.cost[slot] = cost
                forward.arc[slot] = arc
                forward.parent[slot] = Int32(parent)
                forwardQueue.insert(WideEntry(key: cost, node: Int32(slot)))
            } else {
                let slot = forward.label(node, cost: cost, arc: arc, parent: Int32(parent))
                forwardQueue.insert(WideEntry(key: cost, node: Int32(slot)))
            }
        } else {
            if let slot = backward.slot(of: node) {
                guard cost < backward.cost[slot], !backward.settled[slot] else { return }
                backward.cost[slot] = cost
                backward.arc[slot] = arc
                backward.parent[slot] = Int32(parent)
                backwardQueue.insert(WideEntry(key: cost, node: Int32(slot)))
            } else {
                let slot = backward.label(node, cost: cost, arc: arc, parent: Int32(parent))
                backwardQueue.insert(WideEntry(key: cost, node: Int32(slot)))
            }
        }
    }
}

/// What one direction of a hierarchy search has reached: a label per node (cost, the arc it came by, the slot
/// of the node it came from, whether settled) in slots handed out in order, found by an open-addressing table
/// from node to slot. It grows with the search, and `reset` clears only what the last search used.
struct SearchLabels {
    private var buckets = [Int32](repeating: -1, count: 1024)
    private var bucketMask = 1023
    /// The buckets in use, so that a reset after a small search clears only those.
    private var used: [Int32] = []
    private(set) var nodes: [Int32] = []
    var cost: [UInt64] = []
    var arc: [Int32] = []
    var parent: [Int32] = []
    var settled: [Bool] = []

    @inline(__always)
    private func bucket(of node: Int32) -> Int {
        Int(truncatingIfNeeded: (UInt64(UInt32(bitPattern: node)) &* 0x9E37_79B9_7F4A_7C15) >> 20) & bucketMask
    }

    /// The slot of a node's label, nil when the search has not reached it.
    @inline(__always)
    func slot(of node: Int32) -> Int? {
        var index = bucket(of: node)
        while true {
            let slot = buckets[index]
            if slot < 0 { return nil }
            if nodes[Int(slot)] == node { return Int(slot) }
            index = (index + 1) & bucketMask
        }
    }

    /// Gives a node not yet reached a label, and returns its slot.
    mutating func label(_ node: Int32, cost: UInt64, arc: Int32, parent: Int32) -> Int {
        if 2 * (nodes.count + 1) > buckets.count { grow() }
        let slot = nodes.count
        nodes.append(node)
        self.cost.append(cost)
        self.arc.append(arc)
        self.parent.append(parent)
        settled.append(false)
        var index = bucket(of: node)
        while buckets[index] >= 0 { index = (index + 1) & bucketMask }
        buckets[index] = Int32(slot)
        used.append(Int32(index))
        return slot
    }

    /// Forgets every label, keeping the storage.
    mutating func reset() {
        // Few labels against a large table: clear their buckets one by one; otherwise the whole table.
        if used.count * 8 < buckets.count {
            for index in used { buckets[Int(index)] = -1 }
        } else {
            for index in buckets.indices { buckets[index] = -1 }
        }
        used.removeAll(keepingCapacity: true)
        nodes.removeAll(keepingCapacity: true)
        cost.removeAll(keepingCapacity: true)
        arc.removeAll(keepingCapacity: true)
        parent.removeAll(keepingCapacity: true)
        settled.removeAll(keepingCapacity: true)
    }

    private mutating func grow() {
        buckets = [Int32](repeating: -1, count: 2 * buckets.count)
        bucketMask = buckets.count - 1
        used.removeAll(keepingCapacity: true)
        for (slot, node) in nodes.enumerated() {
            var index = bucket(of: node)
            while buckets[index] >= 0 { index = (index + 1) & bucketMask }
            buckets[index] = Int32(slot)
            used.append(Int32(index))
        }
    }
}
