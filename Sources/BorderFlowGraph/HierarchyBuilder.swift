#if canImport(Dispatch)
import Dispatch
#endif

/// Contracts a graph's nodes one by one into a `ContractionHierarchy`.
///
/// The order is chosen on the way, with lazy updates: the node popped from the queue has its priority worked
/// out again (by simulating its contraction) when its neighbourhood has changed, and is contracted only when it
/// is still the least; otherwise it goes back in. The priority is the classic one: twice the edge difference
/// (shortcuts added less arcs removed), plus the neighbours already contracted (which spreads contraction
/// evenly over the graph), plus the node's level (one above its highest contracted neighbour's, which keeps the
/// hierarchy shallow).
///
/// A hierarchy of another layer can give the order instead, which saves the simulations. It is followed while
/// the nodes it gives have few arcs; where the two layers' costs part ways (a truck's or a bus's best roads are
/// not a car's) its top would grow dense with shortcuts, so the rest is ordered afresh as above.
///
/// The parts of the graph that only outside edges join (the two countries) never meet in a contraction, so
/// they are contracted at once, in two groups on two threads, and merged.
final class HierarchyBuilder: @unchecked Sendable { // each builder is used by one thread at a time
    struct Arc {
        var node: Int32
        var cost: UInt32
        var arc: Int32
    }

    let graph: Graph
    let layer: Int
    let outside: BitSet
    /// This builder's nodes, numbered along a space-filling curve: `graphNode[i]` is node i's graph id.
    let graphNode: [Int32]
    let nodeCount: Int
    /// The arcs of each node among the nodes not yet contracted; a contracted node's lists are frozen as they
    /// were when it was contracted, and become its upward and downward arcs.
    @exclusivity(unchecked) private(set) var outArcs: [[Arc]]
    @exclusivity(unchecked) private(set) var inArcs: [[Arc]]
    @exclusivity(unchecked) private(set) var rank: [Int32]
    @exclusivity(unchecked) private var contractedNeighbours: [Int32]
    @exclusivity(unchecked) private var level: [Int32]
    /// Whether a node's neighbourhood has changed since its priority was last worked out.
    @exclusivity(unchecked) private var changed: [Bool]
    private(set) var shortcutFirst: [Int32] = []
    private(set) var shortcutSecond: [Int32] = []
    // The witness search's buffers: costs stamped by generation, so that nothing is cleared between searches.
    /// Per node: the witness search's cost, the generation that wrote it, and the generation that made the node a
    /// target. One record, so that a search touches one cache line per node.
    private let witness: UnsafeMutablePointer<WitnessLabel>
    @exclusivity(unchecked) private var generation: UInt32 = 0
    /// Entries of cost above node, compared as one word.
    private let queue = QuaternaryHeap<UInt64>()
    private let nodeBits: UInt64
    private let largestKey: UInt64

    struct WitnessLabel {
        var cost: UInt64
        var stamp: UInt32
        var target: UInt32
    }
    /// The out-neighbours of the node being contracted, with the cost through it from the current in-neighbour.
    @exclusivity(unchecked) private var targets: [(node: Int32, cost: UInt64)] = []
    @exclusivity(unchecked) private var pending: [(from: Int32, to: Int32, cost: UInt32, first: Int32, second: Int32)] = []
    /// The node whose shortcuts `pending` holds, -1 for none.
    @exclusivity(unchecked) private var pendingNode: Int32 = -1

    /// Nodes settled at most by one witness search: a search that gives up adds a shortcut that is not needed,
    /// which costs space, never correctness.
    static let witnessLimit = 120
    /// The same for the searches that only estimate a node's priority.
    static let simulationLimit = 30

    /// Nodes a followed order may give with at most this many arcs; past it the rest is ordered afresh.
    static let followedDegree = 40

    /// A builder for some of the graph's nodes, which no edge of the hierarchy joins to any other node, with
    /// their arcs in the layer.
    ///
    /// - Parameters:
    ///   - graph: the graph.
    ///   - layer: the cost layer.
    ///   - outside: the edges left out of the hierarchy.
    ///   - nodes: this builder's nodes, in the order to number them.
    ///   - localIndex: every graph node's index among its builder's nodes.
    init(graph: Graph, layer: Int, outside: BitSet, nodes: [Int32], localIndex: [Int32]) {
        self.graph = graph
        self.layer = layer
        self.outside = outside
        graphNode = nodes
        let count = nodes.count
        nodeCount = count
        outArcs = [[Arc]](repeating: [], count: count)
        inArcs = [[Arc]](repeating: [], count: count)
        rank = [Int32](repeating: -1, count: count)
        contractedNeighbours = [Int32](repeating: 0, count: count)
        level = [Int32](repeating: 0, count: count)
        changed = [Bool](repeating: false, count: count)
        witness = .allocate(capacity: max(count, 1))
        witness.initialize(repeating: WitnessLabel(cost: 0, stamp: 0, target: 0), count: max(count, 1))
        nodeBits = UInt64(max(1, Int.bitWidth - max(count - 1, 1).leadingZeroBitCount))
        largestKey = UInt64.max >> nodeBits
    }

    /// Adds the layer's arcs among this builder's nodes: on the builder's own thread, as it takes a while.
    ///
    /// - Parameter localIndex: every graph node's index among its builder's nodes.
    func addGraphArcs(localIndex: [Int32]) {
        let edgeCount = graph.edgeCount
        for index in 0..<nodeCount {
            let node = Int(graphNode[index])
            for position in Int(graph.offsets[node])..<Int(graph.offsets[node + 1]) {
                let edge = graph.edge(atPosition: position)
                let cost = graph.costs[layer * edgeCount + position]
                let target = graph.targets[position]
                guard cost != Graph.impassable, Int(target) != node, !outside.contains(Int(edge)) else { continue }
                // Of parallel edges only the cheapest matters, the first among equals.
                add(from: Int32(index), to: localIndex[Int(target)], cost: cost, arc: -1 - edge)
            }
        }
    }

    deinit {
        witness.deallocate()
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

    /// Contracts every node but the core: `core` (the ends of outside edges), and what is left once the next
    /// node has more than `largestDegree` arcs. With `order` (ranks by graph node, from a hierarchy of another
    /// layer), nodes go in that order while they have at most `followedDegree` arcs, and the rest in an order of
    /// their own.
    func contract(core: [Bool], largestDegree: Int, order: [Int32]?, followedDegree: Int) {
        var next: Int32 = 0
        var rest: [Int32]
        if let order {
            let sequence = (0..<Int32(nodeCount)).filter { !core[Int($0)] }
                .sorted { (order[Int(graphNode[Int($0)])], $0) < (order[Int(graphNode[Int($1)])], $1) }
            var position = 0
            while position < sequence.count, order[Int(graphNode[Int(sequence[position])])] != ContractionHierarchy.coreRank {
                let node = sequence[position]
                guard outArcs[Int(node)].count + inArcs[Int(node)].count <= followedDegree else { break }
                contract(node)
                rank[Int(node)] = next
                next += 1
                position += 1
            }
            rest = Array(sequence[position...])
        } else {
            rest = (0..<Int32(nodeCount)).filter { !core[Int($0)] }
        }
        let queue = QuaternaryHeap<WideEntry>()
        for node in rest {
            queue.insert(WideEntry(key: priority(of: node), node: node))
            changed[Int(node)] = false
        }
        rest = []
        while let entry = queue.popMin() {
            let node = entry.node
            guard rank[Int(node)] < 0 else { continue }
            // A node whose neighbourhood has not changed since its priority was worked out keeps it.
            let current = changed[Int(node)] ? priority(of: node, keeping: true) : entry.key
            changed[Int(node)] = false
            if let following = queue.min, current > following.key {
                queue.insert(WideEntry(key: current, node: node))
                continue
            }
            if outArcs[Int(node)].count + inArcs[Int(node)].count > largestDegree { break }
            contract(node)
            rank[Int(node)] = next
            next += 1
        }
    }

    /// The priority of contracting a node now, offset so that it is never negative.
    /// With `keeping`, the shortcuts are worked out as contraction needs them and kept in `pending`, so that
    /// contracting the node next needs no second search.
    private func priority(of node: Int32, keeping: Bool = false) -> UInt64 {
        pending.removeAll(keepingCapacity: true)
        pendingNode = keeping ? node : -1
        let shortcuts = shortcutsNeeded(by: node, adding: keeping)
        let removed = outArcs[Int(node)].count + inArcs[Int(node)].count
        let value = 2 * (shortcuts - removed) + Int(contractedNeighbours[Int(node)]) + Int(level[Int(node)])
        return UInt64(value + (1 << 30))
    }

    /// Contracts a node: adds the shortcuts its neighbours need, and takes it out of their lists.
    private func contract(_ node: Int32) {
        if pendingNode != node {
            pending.removeAll(keepingCapacity: true)
            _ = shortcutsNeeded(by: node, adding: true)
        }
        pendingNode = -1
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
            changed[Int(neighbour)] = true
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
            witnessSearch(from: incoming.node, avoiding: node, limit: largest, settling: adding ? Self.witnessLimit : Self.simulationLimit)
            for (index, arc) in outgoing.enumerated() where arc.node != incoming.node {
                let through = UInt64(incoming.cost) + UInt64(arc.cost)
                if witness[Int(arc.node)].stamp == generation, witness[Int(arc.node)].cost <= through { continue }
                count += 1
                if adding {
                    // A path of several edges costs at most the sum of their costs: within 32 bits while the sum is.
                    pending.append((incoming.node, arc.node, UInt32(clamping: through), incoming.arc, outgoing[index].arc))
                }
            }
        }
        return count
    }

    /// Dijkstra from `source` among the uncontracted nodes, never through `avoided`, until every target is
    /// settled, or past cost `limit`, or after `witnessLimit` settled nodes.
    private func witnessSearch(from source: Int32, avoiding avoided: Int32, limit: UInt64, settling settledLimit: Int) {
        generation &+= 1
        if generation == 0 {
            for node in 0..<nodeCount { witness[node] = WitnessLabel(cost: 0, stamp: 0, target: 0) }
            generation = 1
        }
        let generation = self.generation, witness = self.witness, queue = self.queue, nodeBits = self.nodeBits
        var waiting = 0
        for target in targets where witness[Int(target.node)].target != generation {
            witness[Int(target.node)].target = generation
            waiting += 1
        }
        queue.removeAll()
        witness[Int(source)].cost = 0
        witness[Int(source)].stamp = generation
        queue.insert(UInt64(UInt32(bitPattern: source)))
        var settled = 0
        let nodeMask: UInt64 = (1 << nodeBits) - 1
        while let entry = queue.popMin() {
            let key = entry >> nodeBits, node = Int(entry & nodeMask)
            guard key == witness[node].cost else { continue }
            if key > limit { break }
            if witness[node].target == generation {
                waiting -= 1
                if waiting == 0 { break }
            }
            settled += 1
            if settled > settledLimit { break }
            outArcs[node].withUnsafeBufferPointer { arcs in
                for arc in arcs where arc.node != avoided {
                    let candidate = key + UInt64(arc.cost)
                    let next = Int(arc.node)
                    // A key too large for the entries ends nothing but this step: the witness is only not found.
                    if candidate <= largestKey, witness[next].stamp != generation || candidate < witness[next].cost {
                        witness[next].stamp = generation
                        witness[next].cost = candidate
                        queue.insert(candidate << nodeBits | UInt64(next))
                    }
                }
            }
        }
    }

    /// Builds the hierarchy of one layer: the parts only outside edges join, in two groups contracted at once.
    static func build(graph: Graph, layer: Int, outside: BitSet, largestDegree: Int, order: [Int32]?,
                      followedDegree: Int = HierarchyBuilder.followedDegree, partition: HierarchyPartition) -> ContractionHierarchy {
        let builders = partition.groups.map { nodes in
            HierarchyBuilder(graph: graph, layer: layer, outside: outside, nodes: nodes, localIndex: partition.localIndex)
        }
        DispatchQueue.concurrentPerform(iterations: builders.count) { index in
            let builder = builders[index]
            builder.addGraphArcs(localIndex: partition.localIndex)
            builder.contract(core: builder.graphNode.map { partition.core[Int($0)] }, largestDegree: largestDegree, order: order,
                             followedDegree: followedDegree)
        }
        return merge(builders, graph: graph, layer: layer, outside: outside, localIndex: partition.localIndex)
    }

    /// One hierarchy from the groups': lists by graph node, naming graph nodes, the second group's shortcuts
    /// numbered after the first's.
    private static func merge(_ builders: [HierarchyBuilder], graph: Graph, layer: Int, outside: BitSet,
                              localIndex: [Int32]) -> ContractionHierarchy {
        let nodeCount = graph.nodeCount
        var builderOf = [UInt8](repeating: 0, count: nodeCount)
        for (index, builder) in builders.enumerated() { for node in builder.graphNode { builderOf[Int(node)] = UInt8(index) } }
        var shortcutOffset = [Int32](repeating: 0, count: builders.count)
        for index in builders.indices.dropFirst() {
            shortcutOffset[index] = shortcutOffset[index - 1] + Int32(builders[index - 1].shortcutFirst.count)
        }
        var shortcutFirst: [Int32] = [], shortcutSecond: [Int32] = []
        for (index, builder) in builders.enumerated() {
            let offset = shortcutOffset[index]
            shortcutFirst += builder.shortcutFirst.map { $0 >= 0 ? $0 + offset : $0 }
            shortcutSecond += builder.shortcutSecond.map { $0 >= 0 ? $0 + offset : $0 }
        }
        var upOffsets = [Int32](repeating: 0, count: nodeCount + 1), downOffsets = upOffsets
        for node in 0..<nodeCount {
            let builder = builders[Int(builderOf[node])], index = Int(localIndex[node])
            upOffsets[node + 1] = upOffsets[node] + Int32(builder.outArcs[index].count)
            downOffsets[node + 1] = downOffsets[node] + Int32(builder.inArcs[index].count)
        }
        // Each group's lists go to their nodes' places on the group's own thread, in the group's order (where its
        // lists lie near each other in memory).
        let merged = MergedArcs(up: Int(upOffsets[nodeCount]), down: Int(downOffsets[nodeCount]), nodes: nodeCount)
        DispatchQueue.concurrentPerform(iterations: builders.count) { [upOffsets, downOffsets, shortcutOffset] which in
            let builder = builders[which], offset = shortcutOffset[which]
            for index in 0..<builder.nodeCount {
                let node = Int(builder.graphNode[index])
                merged.put(builder.outArcs[index], at: Int(upOffsets[node]), up: true, names: builder.graphNode, shortcutOffset: offset)
                merged.put(builder.inArcs[index], at: Int(downOffsets[node]), up: false, names: builder.graphNode, shortcutOffset: offset)
                merged.rank[node] = builder.rank[index] >= 0 ? builder.rank[index] : ContractionHierarchy.coreRank
            }
        }
        // Each array leaves its buffer as it is made, so that the two copies of only one are held at a time.
        let (ups, downs) = (Int(upOffsets[nodeCount]), Int(downOffsets[nodeCount]))
        let (upNode, upCost, upArc) = (merged.take(merged.upNode, ups), merged.take(merged.upCost, ups), merged.take(merged.upArc, ups))
        let (downNode, downCost, downArc) = (merged.take(merged.downNode, downs), merged.take(merged.downCost, downs),
                                             merged.take(merged.downArc, downs))
        let ranks = merged.take(merged.rank, nodeCount)
        return ContractionHierarchy(layer: layer, nodeCount: nodeCount, edgeCount: graph.edgeCount, rank: ranks,
                                    upOffsets: upOffsets, upNode: upNode, upCost: upCost, upArc: upArc,
                                    downOffsets: downOffsets, downNode: downNode, downCost: downCost, downArc: downArc,
                                    shortcutFirst: shortcutFirst, shortcutSecond: shortcutSecond, outside: outside)
    }
}

/// The merged hierarchy's arc arrays while the groups' threads fill them, each its own nodes' ranges; each is
/// then taken into an array once.
private final class MergedArcs: @unchecked Sendable { // the threads write disjoint ranges
    let upNode: UnsafeMutablePointer<Int32>, upCost: UnsafeMutablePointer<UInt32>, upArc: UnsafeMutablePointer<Int32>
    let downNode: UnsafeMutablePointer<Int32>, downCost: UnsafeMutablePointer<UInt32>, downArc: UnsafeMutablePointer<Int32>
    let rank: UnsafeMutablePointer<Int32>

    init(up: Int, down: Int, nodes: Int) {
        (upNode, upCost, upArc) = (.allocate(capacity: up), .allocate(capacity: up), .allocate(capacity: up))
        (downNode, downCost, downArc) = (.allocate(capacity: down), .allocate(capacity: down), .allocate(capacity: down))
        rank = .allocate(capacity: nodes)
    }

    /// Writes one node's list from `start` on, naming graph nodes and numbering its group's shortcuts after the
    /// earlier groups'.
    @inline(__always)
    func put(_ arcs: [HierarchyBuilder.Arc], at start: Int, up: Bool, names: [Int32], shortcutOffset: Int32) {
        let (node, cost, arc) = up ? (upNode, upCost, upArc) : (downNode, downCost, downArc)
        for (index, item) in arcs.enumerated() {
            node[start + index] = names[Int(item.node)]
            cost[start + index] = item.cost
            arc[start + index] = item.arc >= 0 ? item.arc + shortcutOffset : item.arc
        }
    }

    /// An array of the first `count` values written, freeing their buffer: each buffer is taken once.
    func take<Value>(_ pointer: UnsafeMutablePointer<Value>, _ count: Int) -> [Value] {
        defer { pointer.deallocate() }
        return Array(UnsafeBufferPointer(start: pointer, count: count))
    }
}
