/// How the nodes of a graph are split for contraction, the same for every layer: the parts that only edges
/// outside the hierarchy join (the two countries) never meet in a contraction, so they go into two groups of
/// about equal size, contracted at once on two threads. Within a group, nodes are numbered along a Hilbert
/// curve. Worked out once per graph and shared by its layers' hierarchies.
struct HierarchyPartition: Sendable {
    /// Each group's graph nodes, in the order its builder numbers them.
    let groups: [[Int32]]
    /// Every graph node's index within its group.
    let localIndex: [Int32]
    /// Whether a node is an end of an outside edge, and so stays in the core.
    let core: [Bool]

    /// The partition of a graph with some edges left outside the hierarchy.
    ///
    /// - Parameters:
    ///   - graph: the graph.
    ///   - outside: the edges left out of the hierarchy.
    init(graph: Graph, outside: BitSet) {
        let nodeCount = graph.nodeCount
        // The parts the hierarchy's edges join, whatever their costs, so that every layer splits alike.
        var parent = (0..<Int32(nodeCount)).map { $0 }
        func root(_ node: Int32) -> Int32 {
            var node = node
            while parent[Int(node)] != node {
                parent[Int(node)] = parent[Int(parent[Int(node)])]
                node = parent[Int(node)]
            }
            return node
        }
        var core = [Bool](repeating: false, count: nodeCount)
        for node in 0..<nodeCount {
            for position in Int(graph.offsets[node])..<Int(graph.offsets[node + 1]) {
                let target = graph.targets[position]
                if outside.contains(Int(graph.edge(atPosition: position))) {
                    core[node] = true
                    core[Int(target)] = true
                    continue
                }
                let a = root(Int32(node)), b = root(target)
                if a != b { parent[Int(max(a, b))] = min(a, b) }
            }
        }
        var size = [Int](repeating: 0, count: nodeCount)
        for node in 0..<Int32(nodeCount) { size[Int(root(node))] += 1 }
        // The largest parts first, each to the lighter group.
        let roots = (0..<nodeCount).filter { size[$0] > 0 }.sorted { (size[$0], -$0) > (size[$1], -$1) }
        var groupOfRoot = [Int32](repeating: 0, count: nodeCount), load = [0, 0]
        for part in roots {
            let group = load[0] <= load[1] ? 0 : 1
            groupOfRoot[part] = Int32(group)
            load[group] += size[part]
        }
        var groups: [[Int32]] = [[], []]
        for node in Self.spatialOrder(of: graph) { groups[Int(groupOfRoot[Int(root(node))])].append(node) }
        var localIndex = [Int32](repeating: 0, count: nodeCount)
        for group in groups { for (index, node) in group.enumerated() { localIndex[Int(node)] = Int32(index) } }
        self.groups = groups
        self.localIndex = localIndex
        self.core = core
    }

    /// The graph's nodes along a Hilbert curve through their coordinates (in id order without coordinates):
    /// neighbours then sit near each other in memory, and the witness searches, which touch a few dozen
    /// nodes each, millions of times, find them in cache.
    static func spatialOrder(of graph: Graph) -> [Int32] {
        let nodes = (0..<Int32(graph.nodeCount))
        guard let points = graph.coordinates, !points.isEmpty else { return Array(nodes) }
        let minX = points.map(\.x).min()!, maxX = points.map(\.x).max()!
        let minY = points.map(\.y).min()!, maxY = points.map(\.y).max()!
        let side = max(maxX - minX, maxY - minY, 1)
        let cells = Double(1 << 16 - 1)
        let keys = points.map { point in
            hilbertIndex(x: UInt32((point.x - minX) / side * cells), y: UInt32((point.y - minY) / side * cells))
        }
        return nodes.sorted { keys[Int($0)] != keys[Int($1)] ? keys[Int($0)] < keys[Int($1)] : $0 < $1 }
    }

    /// The position of a cell along the Hilbert curve over a 2^16 × 2^16 grid.
    static func hilbertIndex(x: UInt32, y: UInt32) -> UInt64 {
        var x = x, y = y, index: UInt64 = 0
        var half: UInt32 = 1 << 15
        while half > 0 {
            let right: UInt32 = x & half != 0 ? 1 : 0, up: UInt32 = y & half != 0 ? 1 : 0
            index += UInt64(half) * UInt64(half) * UInt64((3 * right) ^ up)
            // Turn the quadrant so that the curve inside it runs the right way.
            if up == 0 {
                if right == 1 {
                    x = half &* 2 &- 1 &- x
                    y = half &* 2 &- 1 &- y
                }
                swap(&x, &y)
            }
            x &= half &- 1
            y &= half &- 1
            half >>= 1
        }
        return index
    }
}
