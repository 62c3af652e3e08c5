/// A directed graph in compressed sparse row form, with one cost per edge in each of several layers
/// (BorderFlow uses one layer per travel mode), and optional planar node coordinates for A*.
///
/// Costs are held as whole milliseconds (`UInt32`), so path costs are exact integer sums: A* and Dijkstra
/// give identical costs, and ties break the same way on every run. `Graph.impassable` in a layer means the
/// edge cannot be used in that layer.
///
/// Edges keep the index they were given in (`EdgeID`); closure masks and results speak of those indexes.
public struct Graph: Sendable {
    /// A node's number, in `0..<nodeCount`.
    public typealias NodeID = Int32
    /// An edge's number: its index in the edge list the graph was built from, in `0..<edgeCount`.
    public typealias EdgeID = Int32

    /// One edge as given to the builder: its end nodes and its cost in seconds in each layer
    /// (`.infinity` where it cannot be used).
    public struct Edge: Sendable, Equatable {
        /// The node the edge leaves.
        public var from: NodeID
        /// The node the edge enters.
        public var to: NodeID
        /// The edge's cost in seconds in each layer, indexed by layer; `.infinity` where it cannot be used.
        ///
        /// The graph stores each cost rounded up to whole milliseconds.
        public var costSeconds: [Double]

        /// Creates an edge with a cost in each layer.
        ///
        /// - Parameters:
        ///   - from: the node the edge leaves.
        ///   - to: the node the edge enters.
        ///   - costSeconds: the cost in seconds in each layer, `.infinity` where the edge cannot be used;
        ///     every edge of a graph needs the same number of layers.
        public init(from: NodeID, to: NodeID, costSeconds: [Double]) {
            self.from = from
            self.to = to
            self.costSeconds = costSeconds
        }

        /// A single-layer edge.
        ///
        /// - Parameters:
        ///   - from: the node the edge leaves.
        ///   - to: the node the edge enters.
        ///   - costSeconds: the cost in seconds, or `.infinity` if the edge cannot be used.
        public init(from: NodeID, to: NodeID, costSeconds: Double) {
            self.init(from: from, to: to, costSeconds: [costSeconds])
        }
    }

    /// A node position in a projected CRS, in metres.
    public struct Point: Sendable, Equatable {
        /// The easting, in metres.
        public var x: Double
        /// The northing, in metres.
        public var y: Double

        /// Creates a point from projected coordinates.
        ///
        /// - Parameters:
        ///   - x: the easting, in metres.
        ///   - y: the northing, in metres.
        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    /// The stored cost of an edge that cannot be used in a layer: an edge given `.infinity` seconds there.
    /// Searches skip it in that layer.
    public static let impassable = UInt32.max
    /// The largest cost one edge may carry: about 49 days.
    public static let maximumEdgeSeconds = Double(UInt32.max - 1) / 1000

    /// The number of nodes; node ids run `0..<nodeCount`.
    public let nodeCount: Int
    /// The number of edges; edge ids run `0..<edgeCount`.
    public let edgeCount: Int
    /// The number of cost layers every edge has (in BorderFlow, one per travel mode).
    ///
    /// A graph built with no edges has one layer.
    public let layerCount: Int
    /// Node coordinates (metres in a projected CRS), when given; A* needs them.
    public let coordinates: [Point]?

    // Forward adjacency: the out-edges of node n are positions offsets[n]..<offsets[n+1].
    @usableFromInline let offsets: [Int32]
    @usableFromInline let targets: [NodeID]
    @usableFromInline let edgeAtPosition: [EdgeID]
    // Reverse adjacency, for searches towards a destination.
    @usableFromInline let reverseOffsets: [Int32]
    @usableFromInline let reverseSources: [NodeID]
    @usableFromInline let reverseEdgeAtPosition: [EdgeID]
    /// costs[layer * edgeCount + edge], milliseconds.
    @usableFromInline let costs: [UInt32]
    @usableFromInline let edgeSources: [NodeID]
    @usableFromInline let edgeTargets: [NodeID]

    /// Builds the graph.
    ///
    /// - Parameters:
    ///   - nodeCount: nodes are numbered 0..<nodeCount.
    ///   - edges: directed edges; each carries one cost per layer.
    ///   - coordinates: one point per node, or nil.
    /// - Throws: `GraphError` for an edge naming a missing node, a layer count that differs between edges,
    ///   a negative, NaN or too large cost, or a coordinate count that is not `nodeCount`.
    public init(nodeCount: Int, edges: [Edge], coordinates: [Point]? = nil) throws {
        guard nodeCount >= 0, nodeCount < Int(Int32.max) else { throw GraphError.tooManyNodes(nodeCount) }
        guard edges.count < Int(Int32.max) else { throw GraphError.tooManyEdges(edges.count) }
        let layers = edges.first?.costSeconds.count ?? 1
        guard layers >= 1 else { throw GraphError.noLayers }
        if let coordinates {
            guard coordinates.count == nodeCount else {
                throw GraphError.coordinateCount(expected: nodeCount, found: coordinates.count)
            }
            if let bad = coordinates.firstIndex(where: { !$0.x.isFinite || !$0.y.isFinite }) {
                throw GraphError.nonFiniteCoordinate(node: bad)
            }
        }
        var costs = [UInt32](repeating: Graph.impassable, count: layers * edges.count)
        var outDegree = [Int32](repeating: 0, count: nodeCount + 1)
        var inDegree = [Int32](repeating: 0, count: nodeCount + 1)
        for (index, edge) in edges.enumerated() {
            guard (0..<Int32(nodeCount)).contains(edge.from), (0..<Int32(nodeCount)).contains(edge.to) else {
                throw GraphError.missingNode(edge: index, from: edge.from, to: edge.to, nodeCount: nodeCount)
            }
            guard edge.costSeconds.count == layers else {
                throw GraphError.layerCount(edge: index, expected: layers, found: edge.costSeconds.count)
            }
            for (layer, seconds) in edge.costSeconds.enumerated() {
                if seconds == .infinity { continue }
                guard seconds.isFinite, seconds >= 0, seconds <= Graph.maximumEdgeSeconds else {
                    throw GraphError.badCost(edge: index, layer: layer, seconds: seconds)
                }
                costs[layer * edges.count + index] = UInt32((seconds * 1000).rounded(.up))
            }
            outDegree[Int(edge.from) + 1] += 1
            inDegree[Int(edge.to) + 1] += 1
        }
        for node in 0..<nodeCount {
            outDegree[node + 1] += outDegree[node]
            inDegree[node + 1] += inDegree[node]
        }
        var targets = [NodeID](repeating: 0, count: edges.count)
        var edgeAtPosition = [EdgeID](repeating: 0, count: edges.count)
        var reverseSources = [NodeID](repeating: 0, count: edges.count)
        var reverseEdgeAtPosition = [EdgeID](repeating: 0, count: edges.count)
        var nextOut = outDegree
        var nextIn = inDegree
        // Edges keep their given order within each node's list: the search is deterministic.
        for (index, edge) in edges.enumerated() {
            let out = Int(nextOut[Int(edge.from)])
            targets[out] = edge.to
            edgeAtPosition[out] = EdgeID(index)
            nextOut[Int(edge.from)] += 1
            let incoming = Int(nextIn[Int(edge.to)])
            reverseSources[incoming] = edge.from
            reverseEdgeAtPosition[incoming] = EdgeID(index)
            nextIn[Int(edge.to)] += 1
        }
        self.nodeCount = nodeCount
        self.edgeCount = edges.count
        self.layerCount = layers
        self.coordinates = coordinates
        self.offsets = outDegree
        self.targets = targets
        self.edgeAtPosition = edgeAtPosition
        self.reverseOffsets = inDegree
        self.reverseSources = reverseSources
        self.reverseEdgeAtPosition = reverseEdgeAtPosition
        self.costs = costs
        self.edgeSources = edges.map(\.from)
        self.edgeTargets = edges.map(\.to)
    }

    /// The cost of an edge in a layer, in milliseconds, or `Graph.impassable`.
    ///
    /// - Parameters:
    ///   - edge: the edge's id.
    ///   - layer: the cost layer, in `0..<layerCount`.
    /// - Returns: the cost, rounded up to whole milliseconds when the graph was built.
    @inlinable
    public func costMilliseconds(of edge: EdgeID, layer: Int) -> UInt32 {
        costs[layer * edgeCount + Int(edge)]
    }

    /// The node an edge leaves.
    ///
    /// - Parameter edge: the edge's id.
    /// - Returns: the id of the edge's start node.
    @inlinable
    public func source(of edge: EdgeID) -> NodeID { edgeSources[Int(edge)] }

    /// The node an edge enters.
    ///
    /// - Parameter edge: the edge's id.
    /// - Returns: the id of the edge's end node.
    @inlinable
    public func target(of edge: EdgeID) -> NodeID { edgeTargets[Int(edge)] }

    /// The edges leaving a node, in the order they were given.
    ///
    /// - Parameter node: the node's id.
    /// - Returns: the ids of the edges whose `from` is `node`.
    public func outgoingEdges(of node: NodeID) -> ArraySlice<EdgeID> {
        edgeAtPosition[Int(offsets[Int(node)])..<Int(offsets[Int(node) + 1])]
    }

    /// The edges entering a node, in the order they were given.
    ///
    /// - Parameter node: the node's id.
    /// - Returns: the ids of the edges whose `to` is `node`.
    public func incomingEdges(of node: NodeID) -> ArraySlice<EdgeID> {
        reverseEdgeAtPosition[Int(reverseOffsets[Int(node)])..<Int(reverseOffsets[Int(node) + 1])]
    }
}

/// Why a graph could not be built.
public enum GraphError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The node count given, which is negative or more than a `NodeID` can number (2,147,483,646).
    case tooManyNodes(Int)
    /// The number of edges given, which is more than an `EdgeID` can number (2,147,483,646).
    case tooManyEdges(Int)
    /// The first edge has no costs, so the graph would have no layers.
    case noLayers
    /// An edge runs from or to a node outside `0..<nodeCount`: `edge` is its index in the edge list, `from` and
    /// `to` its end nodes, and `nodeCount` the graph's node count.
    case missingNode(edge: Int, from: Int32, to: Int32, nodeCount: Int)
    /// An edge has a different number of cost layers from the first edge: `edge` is its index in the edge list,
    /// `expected` the first edge's layer count, and `found` its own.
    case layerCount(edge: Int, expected: Int, found: Int)
    /// An edge has a cost that is negative, NaN, `-infinity` or more than `Graph.maximumEdgeSeconds`: `edge` is
    /// its index in the edge list, `layer` the layer, and `seconds` the cost given.
    case badCost(edge: Int, layer: Int, seconds: Double)
    /// Coordinates were given, but not one per node: `expected` is the node count and `found` the number of
    /// points.
    case coordinateCount(expected: Int, found: Int)
    /// A node's x or y is infinite or NaN; `node` is the first such node.
    case nonFiniteCoordinate(node: Int)

    /// A sentence that explains the error, naming the edge, node or count at fault.
    public var description: String {
        switch self {
        case let .tooManyNodes(count):
            return count < 0 ? "a graph cannot have \(count) nodes" : "\(count) nodes is more than a graph can hold (2,147,483,646)"
        case let .tooManyEdges(count): return "\(count) edges is more than a graph can hold (2,147,483,646)"
        case .noLayers: return "edges need at least one cost layer"
        case let .missingNode(edge, from, to, nodeCount):
            return "edge \(edge) runs from node \(from) to node \(to), but nodes are numbered 0..<\(nodeCount)"
        case let .layerCount(edge, expected, found):
            return "edge \(edge) has \(found) cost layers; every edge needs \(expected)"
        case let .badCost(edge, layer, seconds):
            return "edge \(edge) has cost \(seconds) s in layer \(layer); costs must be finite, from 0 to \(Graph.maximumEdgeSeconds) s, or infinity for impassable"
        case let .coordinateCount(expected, found):
            return "\(found) coordinates for \(expected) nodes; give one per node or none"
        case let .nonFiniteCoordinate(node):
            return "node \(node) has a coordinate that is not a finite number"
        }
    }
}
