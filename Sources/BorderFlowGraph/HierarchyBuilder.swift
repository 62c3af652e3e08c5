/// Contracts a graph's nodes one by one into a `ContractionHierarchy`.
///
/// The order is chosen on the way, with lazy updates: the node popped from the queue has its priority worked
/// out again (by simulating its contraction), and is contracted only when it is still the least; otherwise it
/// goes back in. The priority is the classic one: twice the edge difference (shortcuts added less arcs
/// removed), plus the neighbours already contracted (which spreads contraction evenly over the graph), plus
/// the node's level (one above its highest contracted neighbour's, which keeps the hierarchy shallow).
final class HierarchyBuilder {
    struct Arc {
        var node: Int32
        var cost: UInt32
        var arc: Int32
    }

    let graph: Graph
    let layer: Int
    let outside: BitSet
    let nodeCount: Int
    /// The arcs of each node among the nodes not yet contracted; a contracted node's lists are frozen as they
    /// were when it was contracted, and become its upward and downward arcs.
    private var outArcs: [[Arc]]
    private var inArcs: [[Arc]]
    private var rank: [Int32]
    private var contractedNeighbours: [Int32]
    private var level: [Int32]
    private var shortcutFirst: [Int32] = []
    private var shortcutSecond: [Int32] = []
    // The witness search's buffers: costs stamped by generation, so that nothing is cleared between searches.
    private var witnessCost: [UInt64]
    private var witnessStamp: [UInt32]
    private var generation: UInt32 = 0
    private let queue = QuaternaryHeap<WideEntry>()
    /// The out-neighbours of the node being contracted, with the cost through it from the current in-neighbour.
    private var targets: [(node: Int32, cost: UInt64)] = []
    private var pending: [(from: Int32, to: Int32, cost: UInt32, first: Int32, second: Int32)] = []

    /// Nodes settled at most by one witness search: a search that gives up adds a shortcut that is not needed,
    /// which costs space, never correctness.
    static let witnessLimit = 120

    init(graph: Graph, layer: Int, outside: BitSet) {
        self.graph = graph
        self.layer = layer
        self.outside = outside
        nodeCount = graph.nodeCount
        outArcs = [[Arc]](repeating: [], count: nodeCount)
        inArcs = [[Arc]](repeating: [], count: nodeCount)
        rank = [Int32](repeating: -1, count: nodeCount)
        contractedNeighbours = [Int32](repeating: 0, count: nodeCount)
        level = [Int32](repeating: 0, count: nodeCount)
        witnessCost = [UInt64](repeating: 0, count: nodeCount)
        witnessStamp = [UInt32](repeating: 0, count: nodeCount)
        let edgeCount = graph.edgeCount
        for node in 0..<nodeCount {
            for position in Int(graph.offsets[node])..<Int(graph.offsets[node + 1]) {
                let edge = graph.edge(atPosition: position)
                let cost = graph.costs[layer * edgeCount + position]
                let target = graph.targets[position]
                guard cost != Graph.impassable, Int(target) != node, !outside.contains(Int(edge)) else { continue }
                // Of parallel edges only the cheapest matters, the first among equals.
                add(from: Int32(node), to: target, cost: cost, arc: -1 - edge)
            }
        }
    }

    /// Adds an arc, or lowers the cost of the one already between the two nodes.
    private func add(from: Int32, to: Int32, cost: UInt32, arc: Int32) {
        if let index = outArcs[Int(from)].firstIndex(where: { $0.node == to }) {
            guard cost < outArcs[Int(from)][index].cost else { return }
            outArcs[Int(from)][index] = Arc(node: to, cost: cost, arc: arc)
            if let back = inArcs[Int(to)].firstIndex(where: { $0.node == from }) {
                inArcs[Int(to)][back] = Arc(node: from, cost: cost, arc: arc)
            }
            return
        }
        outArcs[Int(from)].append(Arc(node: to, cost: cost, arc: arc))
        inArcs[Int(to)].append(Arc(node: from, cost: cost, arc: arc))
    }

    /// Contracts every node but the core: the ends of outside edges, and what is left once the next node has more
    /// than `largestDegree` arcs.
    func contract(largestDegree: Int) {
        var isCore = [Bool](repeating: false, count: nodeCount)
        for node in 0..<nodeCount {
            for position in Int(graph.offsets[node])..<Int(graph.offsets[node + 1])
            where outside.contains(Int(graph.edge(atPosition: position))) {
                isCore[node] = true
                isCore[Int(graph.targets[position])] = true
            }
        }
        let order = QuaternaryHeap<WideEntry>()
        for node in 0..<nodeCount where !isCore[node] {
            order.insert(WideEntry(key: priority(of: Int32(node)), node: Int32(node)))
        }
        var next: Int32 = 0
        while let entry = order.popMin() {
            let node = entry.node
            guard rank[Int(node)] < 0 else { continue }
            let current = priority(of: node)
            if let following = order.min, current > following.key {
                order.insert(WideEntry(key: current, node: node))
                continue
            }
            if outArcs[Int(node)].count + inArcs[Int(node)].count > largestDegree { break }
            contract(node)
            rank[Int(node)] = next
            next += 1
        }
    }

    /// The priority of contracting a node now, offset so that it is never negative.
    private func priority(of node: Int32) -> UInt64 {
        let shortcuts = shortcutsNeeded(by: node, adding: false)
        let removed = outArcs[Int(node)].count + inArcs[Int(node)].count
        let value = 2 * (shortcuts - removed) + Int(contractedNeighbours[Int(node)]) + Int(level[Int(node)])
        return UInt64(value + (1 << 30))
    }

    /// Contracts a node: adds the shortcuts its neighbours need, and takes it out of their lists.
    private func contract(_ node: Int32) {
        _ = shortcutsNeeded(by: node, adding: true)
        for arc in inArcs[Int(node)] { outArcs[Int(arc.node)].removeAll { $0.node == node } }
        for arc in outArcs[Int(node)] { inArcs[Int(arc.node)].removeAll { $0.node == node } }
        for shortcut in pending {
            add(from: shortcut.from, to: shortcut.to, cost: shortcut.cost, arc: Int32(shortcutFirst.count))
            shortcutFirst.append(shortcut.first)
            shortcutSecond.append(shortcut.second)
        }
        pending.removeAll(keepingCapacity: true)
        for neighbour in inArcs[Int(node)].map(\.node) + outArcs[Int(node)].map(\.node) {
            contractedNeighbours[Int(neighbour)] += 1
            level[Int(neighbour)] = max(level[Int(neighbour)], level[Int(node)] + 1)
        }
    }

    /// The shortcuts contracting `node` needs: for each in-neighbour, one witness search towards the
    /// out-neighbours. With `adding`, they are kept in `pending`.
    private func shortcutsNeeded(by node: Int32, adding: Bool) -> Int {
        var count = 0
        let outgoing = outArcs[Int(node)]
        for incoming in inArcs[Int(node)] {
            targets.removeAll(keepingCapacity: true)
            var largest: UInt64 = 0
            for arc in outgoing where arc.node != incoming.node {
                let through = UInt64(incoming.cost) + UInt64(arc.cost)
                targets.append((arc.node, through))
                largest = max(largest, through)
            }
            guard !targets.isEmpty else { continue }
            witnessSearch(from: incoming.node, avoiding: node, limit: largest)
            for (index, arc) in outgoing.enumerated() where arc.node != incoming.node {
                let through = UInt64(incoming.cost) + UInt64(arc.cost)
                if witnessStamp[Int(arc.node)] == generation, witnessCost[Int(arc.node)] <= through { continue }
                count += 1
                if adding {
                    // A path of several edges costs at most the sum of their costs: within 32 bits while the sum is.
                    pending.append((incoming.node, arc.node, UInt32(clamping: through), incoming.arc, outgoing[index].arc))
                }
            }
        }
        return count
    }

    /// Dijkstra from `source` among the uncontracted nodes, never through `avoided`, up to cost `limit` or
    /// `witnessLimit` settled nodes.
    private func witnessSearch(from source: Int32, avoiding avoided: Int32, limit: UInt64) {
        generation &+= 1
        if generation == 0 {
            for index in witnessStamp.indices { witnessStamp[index] = 0 }
            generation = 1
        }
        queue.removeAll()
        witnessCost[Int(source)] = 0
        witnessStamp[Int(source)] = generation
        queue.insert(WideEntry(key: 0, node: source))
        var settled = 0
        while let entry = queue.popMin() {
            let node = Int(entry.node)
            guard entry.key == witnessCost[node] else { continue }
            if entry.key > limit { break }
            settled += 1
            if settled > Self.witnessLimit { break }
            for arc in outArcs[node] where arc.node != avoided {
                let candidate = entry.key + UInt64(arc.cost)
                let next = Int(arc.node)
                if witnessStamp[next] != generation || candidate < witnessCost[next] {
                    witnessStamp[next] = generation
                    witnessCost[next] = candidate
                    queue.insert(WideEntry(key: candidate, node: arc.node))
                }
            }
        }
    }

    /// The hierarchy: each contracted node's lists as they were when it went, and the core's as they are now.
    func hierarchy() -> ContractionHierarchy {
        var upOffsets = [Int32](repeating: 0, count: nodeCount + 1), downOffsets = upOffsets
        for node in 0..<nodeCount {
            upOffsets[node + 1] = upOffsets[node] + Int32(outArcs[node].count)
            downOffsets[node + 1] = downOffsets[node] + Int32(inArcs[node].count)
        }
        var upNode: [Int32] = [], upCost: [UInt32] = [], upArc: [Int32] = []
        var downNode: [Int32] = [], downCost: [UInt32] = [], downArc: [Int32] = []
        upNode.reserveCapacity(Int(upOffsets[nodeCount]))
        upCost.reserveCapacity(Int(upOffsets[nodeCount]))
        upArc.reserveCapacity(Int(upOffsets[nodeCount]))
        downNode.reserveCapacity(Int(downOffsets[nodeCount]))
        downCost.reserveCapacity(Int(downOffsets[nodeCount]))
        downArc.reserveCapacity(Int(downOffsets[nodeCount]))
        for node in 0..<nodeCount {
            for arc in outArcs[node] {
                upNode.append(arc.node)
                upCost.append(arc.cost)
                upArc.append(arc.arc)
            }
            for arc in inArcs[node] {
                downNode.append(arc.node)
                downCost.append(arc.cost)
                downArc.append(arc.arc)
            }
            outArcs[node] = []
            inArcs[node] = []
        }
        let ranks = rank.map { $0 < 0 ? ContractionHierarchy.coreRank : $0 }
        return ContractionHierarchy(layer: layer, nodeCount: nodeCount, edgeCount: graph.edgeCount, rank: ranks,
                                    upOffsets: upOffsets, upNode: upNode, upCost: upCost, upArc: upArc,
                                    downOffsets: downOffsets, downNode: downNode, downCost: downCost, downArc: downArc,
                                    shortcutFirst: shortcutFirst, shortcutSecond: shortcutSecond, outside: outside)
    }
}
