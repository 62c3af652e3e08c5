/// Costs between every node and a few landmark nodes in one layer, for ALT searches (A*, landmarks and the
/// triangle inequality): for any nodes v and t and landmark L, cost(v → t) ≥ cost(L → t) − cost(L → v) and
/// cost(v → t) ≥ cost(v → L) − cost(t → L), so the largest of these over the landmarks is a lower bound that
/// steers the search far better than straight-line distance on a road network.
///
/// The table is measured on the open network. Closing a node or an edge only takes paths away, so no cost
/// under any closure is below its open-network cost, and neither are the bounds: they stay admissible (and
/// consistent) under every `ClosureMask`, and an ALT search returns Dijkstra's cost whatever is closed.
///
/// Landmarks are chosen by farthest selection on travel cost: the first is the node farthest from node 0,
/// each next one the node farthest from every landmark chosen so far (ties to the lowest id), among the nodes
/// reachable from them. Landmarks so chosen sit on the network's edges, where their bounds are tightest for
/// the most queries.
public struct LandmarkTable: Sendable {
    /// The stored cost where a node and a landmark are not connected; such entries give no bound.
    public static let unknown = UInt32.max

    /// The cost layer the table measures, and so the layer ALT searches with it use.
    public let layer: Int
    /// The landmark nodes, in the order they were chosen.
    public let landmarks: [Graph.NodeID]
    /// The number of nodes of the graph the table was built on.
    public let nodeCount: Int
    /// Node-major, so that a node's bounds are one run of memory: `fromLandmark[node * landmarks.count + i]`
    /// is the cost from landmark `i` to `node`, in milliseconds.
    let fromLandmark: [UInt32]
    /// `toLandmark[node * landmarks.count + i]` is the cost from `node` to landmark `i`, in milliseconds.
    let toLandmark: [UInt32]

    /// Chooses landmarks and measures the costs between them and every node: two full searches per landmark,
    /// and one to find the first.
    ///
    /// - Parameters:
    ///   - graph: the graph, open (the table is for any closures of it).
    ///   - layer: the cost layer, in `0..<graph.layerCount`.
    ///   - count: how many landmarks, from 1 to 64; fewer are chosen when fewer nodes are reachable.
    public init(graph: Graph, layer: Int, count: Int = 16) {
        precondition(layer >= 0 && layer < graph.layerCount, "layer \(layer) is not in 0..<\(graph.layerCount)")
        precondition((1...64).contains(count), "choose from 1 to 64 landmarks, not \(count)")
        let nodes = graph.nodeCount
        let search = ShortestPathSearch(graph: graph)
        var chosen: [Graph.NodeID] = []
        var fromColumns: [[UInt32]] = []
        var toColumns: [[UInt32]] = []
        if nodes > 0 {
            // The cost from the nearest landmark chosen so far; .max where none reaches.
            var nearest = [UInt64](repeating: .max, count: nodes)
            search.tree(from: 0, direction: .forward, layer: layer)
            var next = Self.farthest(nodes) { search.cost(to: Graph.NodeID($0)) }
            while let landmark = next, chosen.count < count {
                chosen.append(landmark)
                search.tree(from: landmark, direction: .forward, layer: layer)
                fromColumns.append(Self.column(nodes, search))
                for node in 0..<nodes {
                    if let cost = search.cost(to: Graph.NodeID(node)) { nearest[node] = min(nearest[node], cost) }
                }
                search.tree(from: landmark, direction: .backward, layer: layer)
                toColumns.append(Self.column(nodes, search))
                next = Self.farthest(nodes) { nearest[$0] == .max ? nil : nearest[$0] }
                // Every reachable node is already a landmark.
                if let candidate = next, nearest[Int(candidate)] == 0 { next = nil }
            }
        }
        let width = chosen.count
        var from = [UInt32](repeating: Self.unknown, count: nodes * width)
        var to = [UInt32](repeating: Self.unknown, count: nodes * width)
        for landmark in 0..<width {
            for node in 0..<nodes {
                from[node * width + landmark] = fromColumns[landmark][node]
                to[node * width + landmark] = toColumns[landmark][node]
            }
        }
        self.init(layer: layer, landmarks: chosen, nodeCount: nodes, fromLandmark: from, toLandmark: to)
    }

    /// A table from its parts, as a network file stores them.
    init(layer: Int, landmarks: [Graph.NodeID], nodeCount: Int, fromLandmark: [UInt32], toLandmark: [UInt32]) {
        self.layer = layer
        self.landmarks = landmarks
        self.nodeCount = nodeCount
        self.fromLandmark = fromLandmark
        self.toLandmark = toLandmark
    }

    /// The bytes the table's costs hold.
    public var memoryBytes: Int { 4 * (fromLandmark.count + toLandmark.count) }

    /// The reachable node of largest cost, lowest id among equals; nil when none is reachable.
    private static func farthest(_ nodes: Int, _ cost: (Int) -> UInt64?) -> Graph.NodeID? {
        var best: Int?
        var bestCost: UInt64 = 0
        for node in 0..<nodes {
            guard let value = cost(node), best == nil || value > bestCost else { continue }
            best = node
            bestCost = value
        }
        return best.map { Graph.NodeID($0) }
    }

    /// The last search's cost to every node, `unknown` where it did not reach. A cost past 32 bits is stored
    /// as the largest below `unknown`: lowering costs past a ceiling keeps them consistent along every edge,
    /// so the bounds stay lower bounds.
    private static func column(_ nodes: Int, _ search: ShortestPathSearch) -> [UInt32] {
        (0..<nodes).map { node in
            guard let cost = search.cost(to: Graph.NodeID(node)) else { return unknown }
            return UInt32(min(cost, UInt64(unknown - 1)))
        }
    }

    /// Calls `body` with the bound on the cost from any node to `target`.
    func withBound<Result>(towards target: Graph.NodeID, _ body: (LandmarkBound) -> Result) -> Result {
        fromLandmark.withUnsafeBufferPointer { from in
            toLandmark.withUnsafeBufferPointer { to in
                body(LandmarkBound(from: from, to: to, count: landmarks.count, targetBase: Int(target) * landmarks.count))
            }
        }
    }
}

/// The ALT lower bound towards one target: the largest triangle-inequality bound over the landmarks.
struct LandmarkBound: SearchBound {
    let from: UnsafeBufferPointer<UInt32>
    let to: UnsafeBufferPointer<UInt32>
    let count: Int
    let targetBase: Int

    @inline(__always)
    func estimate(_ node: Int) -> UInt64 {
        let base = node * count
        var best: Int64 = 0
        for landmark in 0..<count {
            let fromNode = from[base + landmark], fromTarget = from[targetBase + landmark]
            if fromNode != LandmarkTable.unknown, fromTarget != LandmarkTable.unknown {
                best = max(best, Int64(fromTarget) - Int64(fromNode))
            }
            let toNode = to[base + landmark], toTarget = to[targetBase + landmark]
            if toNode != LandmarkTable.unknown, toTarget != LandmarkTable.unknown {
                best = max(best, Int64(toNode) - Int64(toTarget))
            }
        }
        return UInt64(best)
    }
}
