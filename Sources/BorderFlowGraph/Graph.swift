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

    // The layout is chosen for the search's inner loop: a node's out-edges are adjacent ("positions"
    // offsets[n]..<offsets[n+1]), and so are their targets and, per layer, their costs, so relaxing a node
    // reads three contiguous runs. Edges given in order of their source node keep their ids as positions and
    // need no map between the two; any other order adds `edgeAtPosition` and `positionOfEdge`.
    @usableFromInline let offsets: [Int32]
    @usableFromInline let targets: [NodeID]
    /// costs[layer * edgeCount + position], milliseconds.
    @usableFromInline let costs: [UInt32]
    /// The edge id at each position, or nil when they are equal.
    @usableFromInline let edgeAtPosition: [EdgeID]?
    /// The position of each edge id, or nil when they are equal.
    @usableFromInline let positionOfEdge: [Int32]?
    // Reverse adjacency, for searches towards a destination: the in-edges of node n are reverse positions
    // reverseOffsets[n]..<reverseOffsets[n+1], each naming its source and its forward position (for its cost).
    @usableFromInline let reverseOffsets: [Int32]
    @usableFromInline let reverseSources: [NodeID]
    @usableFromInline let reversePositions: [Int32]

    /// Builds the graph from edges that each carry their costs in seconds.
    ///
    /// - Parameters:
    ///   - nodeCount: nodes are numbered 0..<nodeCount.
    ///   - edges: directed edges; each carries one cost per layer.
    ///   - coordinates: one point per node, or nil.
    /// - Throws: `GraphError` for an edge naming a missing node, a layer count that differs between edges,
    ///   a negative, NaN or too large cost, or a coordinate count that is not `nodeCount`.
    public init(nodeCount: Int, edges: [Edge], coordinates: [Point]? = nil) throws {
        guard edges.count < Int(Int32.max) else { throw GraphError.tooManyEdges(edges.count) }
        let layers = edges.first?.costSeconds.count ?? 1
        guard layers >= 1 else { throw GraphError.noLayers }
        var costs = [UInt32](repeating: Graph.impassable, count: layers * edges.count)
        for (index, edge) in edges.enumerated() {
            guard edge.costSeconds.count == layers else {
                throw GraphError.layerCount(edge: index, expected: layers, found: edge.costSeconds.count)
            }
            for (layer, seconds) in edge.costSeconds.enumerated() {
                costs[layer * edges.count + index] = try Graph.milliseconds(seconds, edge: index, layer: layer)
            }
        }
        try self.init(nodeCount: nodeCount, sources: edges.map(\.from), targets: edges.map(\.to),
                      costMilliseconds: costs, coordinates: coordinates)
    }

    /// Builds the graph from flat arrays, with no allocation per edge: the way to build large graphs.
    ///
    /// Edges given in order of their source node (as road network files usually list them) are stored as
    /// they are; any other order costs a sort and 8 more bytes per edge for the map between ids and positions.
    ///
    /// - Parameters:
    ///   - nodeCount: nodes are numbered 0..<nodeCount.
    ///   - sources: each edge's start node; edge ids are indexes into these arrays.
    ///   - targets: each edge's end node.
    ///   - costMilliseconds: the costs, layer after layer: the cost of edge `e` in layer `l` is at
    ///     `l * edgeCount + e`; its length fixes the layer count. `Graph.impassable` where an edge cannot be used.
    ///   - coordinates: one point per node, or nil.
    /// - Throws: `GraphError` for an edge naming a missing node, arrays of different lengths, or a coordinate
    ///   count that is not `nodeCount`.
    public init(nodeCount: Int, sources: consuming [NodeID], targets: consuming [NodeID],
                costMilliseconds: consuming [UInt32], coordinates: [Point]? = nil) throws {
        var sources = sources
        guard nodeCount >= 0, nodeCount < Int(Int32.max) else { throw GraphError.tooManyNodes(nodeCount) }
        let edgeCount = sources.count
        guard edgeCount < Int(Int32.max) else { throw GraphError.tooManyEdges(edgeCount) }
        guard targets.count == edgeCount else { throw GraphError.arrayLength(name: "targets", expected: edgeCount, found: targets.count) }
        let layers = edgeCount == 0 ? 1 : costMilliseconds.count / edgeCount
        guard layers >= 1 else { throw GraphError.noLayers }
        guard costMilliseconds.count == layers * edgeCount || edgeCount == 0 else {
            throw GraphError.arrayLength(name: "costMilliseconds", expected: layers * edgeCount, found: costMilliseconds.count)
        }
        if let coordinates {
            guard coordinates.count == nodeCount else {
                throw GraphError.coordinateCount(expected: nodeCount, found: coordinates.count)
            }
            if let bad = coordinates.firstIndex(where: { !$0.x.isFinite || !$0.y.isFinite }) {
                throw GraphError.nonFiniteCoordinate(node: bad)
            }
        }
        var offsets = [Int32](repeating: 0, count: nodeCount + 1)
        var sorted = true
        for index in 0..<edgeCount {
            let from = sources[index], to = targets[index]
            guard from >= 0, Int(from) < nodeCount, to >= 0, Int(to) < nodeCount else {
                throw GraphError.missingNode(edge: index, from: from, to: to, nodeCount: nodeCount)
            }
            if index > 0, from < sources[index - 1] { sorted = false }
            offsets[Int(from) + 1] += 1
        }
        for node in 0..<nodeCount { offsets[node + 1] += offsets[node] }

        let positionOfEdge: [Int32]?, edgeAtPosition: [EdgeID]?
        if sorted {
            // The offsets say all the sources said; freed before the reverse arrays are made.
            sources = []
            positionOfEdge = nil
            edgeAtPosition = nil
        } else {
            // Edges keep their given order within each node's list: the search is deterministic.
            var next = offsets
            var positions = [Int32](repeating: 0, count: edgeCount)
            var edges = [EdgeID](repeating: 0, count: edgeCount)
            for index in 0..<edgeCount {
                let position = next[Int(sources[index])]
                next[Int(sources[index])] += 1
                positions[index] = position
                edges[Int(position)] = EdgeID(index)
            }
            var placedTargets = [NodeID](repeating: 0, count: edgeCount)
            var placedCosts = [UInt32](repeating: Graph.impassable, count: costMilliseconds.count)
            for position in 0..<edgeCount {
                let edge = Int(edges[position])
                placedTargets[position] = targets[edge]
                for layer in 0..<layers { placedCosts[layer * edgeCount + position] = costMilliseconds[layer * edgeCount + edge] }
            }
            targets = placedTargets
            costMilliseconds = placedCosts
            positionOfEdge = positions
            edgeAtPosition = edges
        }
        // In-edges in the order of their ids, as the edges were given: backward searches break ties the same
        // way on every build.
        var reverseOffsets = [Int32](repeating: 0, count: nodeCount + 1)
        for position in 0..<edgeCount { reverseOffsets[Int(targets[position]) + 1] += 1 }
        for node in 0..<nodeCount { reverseOffsets[node + 1] += reverseOffsets[node] }
        var nextIn = reverseOffsets
        var reverseSources = [NodeID](repeating: 0, count: edgeCount)
        var reversePositions = [Int32](repeating: 0, count: edgeCount)
        func addReverse(source: NodeID, position: Int32) {
            let to = Int(targets[Int(position)])
            let slot = Int(nextIn[to])
            nextIn[to] += 1
            reverseSources[slot] = source
            reversePositions[slot] = position
        }
        if let positionOfEdge {
            for index in 0..<edgeCount { addReverse(source: sources[index], position: positionOfEdge[index]) }
        } else {
            // Sorted: ids are positions, so node by node is id order.
            for node in 0..<nodeCount {
                for position in offsets[node]..<offsets[node + 1] { addReverse(source: NodeID(node), position: position) }
            }
        }
        self.nodeCount = nodeCount
        self.edgeCount = edgeCount
        self.layerCount = layers
        self.targets = targets
        self.costs = costMilliseconds
        self.edgeAtPosition = edgeAtPosition
        self.positionOfEdge = positionOfEdge
        self.coordinates = coordinates
        self.offsets = offsets
        self.reverseOffsets = reverseOffsets
        self.reverseSources = reverseSources
        self.reversePositions = reversePositions
    }

    /// A cost in seconds as the graph stores it: whole milliseconds rounded up, `impassable` for infinity.
    ///
    /// - Parameters:
    ///   - seconds: the cost; infinity where the edge cannot be used.
    ///   - edge: the edge, for the error.
    ///   - layer: the layer, for the error.
    /// - Returns: the milliseconds.
    /// - Throws: `GraphError.badCost` for a negative, NaN or too large cost.
    public static func milliseconds(seconds: Double, edge: Int, layer: Int) throws -> UInt32 {
        try milliseconds(seconds, edge: edge, layer: layer)
    }

    static func milliseconds(_ seconds: Double, edge: Int, layer: Int) throws -> UInt32 {
        if seconds == .infinity { return Graph.impassable }
        guard seconds.isFinite, seconds >= 0, seconds <= Graph.maximumEdgeSeconds else {
            throw GraphError.badCost(edge: edge, layer: layer, seconds: seconds)
        }
        return UInt32((seconds * 1000).rounded(.up))
    }

    /// The bytes the graph's arrays hold (not counting the arrays' small headers).
    public var memoryBytes: Int {
        let perEdge = targets.count + costs.count + reverseSources.count + reversePositions.count
            + (edgeAtPosition?.count ?? 0) + (positionOfEdge?.count ?? 0)
        return 4 * (perEdge + offsets.count + reverseOffsets.count) + MemoryLayout<Point>.stride * (coordinates?.count ?? 0)
    }

    /// The position of an edge in the forward adjacency.
    @inlinable
    func position(of edge: EdgeID) -> Int {
        positionOfEdge.map { Int($0[Int(edge)]) } ?? Int(edge)
    }

    /// The edge at a position of the forward adjacency.
    @inlinable
    func edge(atPosition position: Int) -> EdgeID {
        edgeAtPosition.map { $0[position] } ?? EdgeID(position)
    }

    /// The node whose out-edges hold a position: the last node whose list starts at or before it.
    @usableFromInline
    func source(ofPosition position: Int) -> NodeID {
        var low = 0, high = nodeCount - 1
        // The node n with offsets[n] <= position < offsets[n + 1]; empty lists share their offset.
        while low < high {
            let middle = (low + high + 1) / 2
            if Int(offsets[middle]) <= position { low = middle } else { high = middle - 1 }
        }
        return NodeID(low)
    }

    /// The cost of an edge in a layer, in milliseconds, or `Graph.impassable`.
    ///
    /// - Parameters:
    ///   - edge: the edge's id.
    ///   - layer: the cost layer, in `0..<layerCount`.
    /// - Returns: the cost, rounded up to whole milliseconds when the graph was built.
    @inlinable
    public func costMilliseconds(of edge: EdgeID, layer: Int) -> UInt32 {
        costs[layer * edgeCount + position(of: edge)]
    }

    /// The node an edge leaves.
    ///
    /// - Parameter edge: the edge's id.
    /// - Returns: the id of the edge's start node.
    @inlinable
    public func source(of edge: EdgeID) -> NodeID { source(ofPosition: position(of: edge)) }

    /// The node an edge enters.
    ///
    /// - Parameter edge: the edge's id.
    /// - Returns: the id of the edge's end node.
    @inlinable
    public func target(of edge: EdgeID) -> NodeID { targets[position(of: edge)] }

    /// The edges leaving a node, in the order they were given.
    ///
    /// - Parameter node: the node's id.
    /// - Returns: the ids of the edges whose `from` is `node`.
    public func outgoingEdges(of node: NodeID) -> [EdgeID] {
        (Int(offsets[Int(node)])..<Int(offsets[Int(node) + 1])).map(edge(atPosition:))
    }

    /// The edges entering a node, in the order they were given.
    ///
    /// - Parameter node: the node's id.
    /// - Returns: the ids of the edges whose `to` is `node`.
    public func incomingEdges(of node: NodeID) -> [EdgeID] {
        (Int(reverseOffsets[Int(node)])..<Int(reverseOffsets[Int(node) + 1])).map { edge(atPosition: Int(reversePositions[$0])) }
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
    /// A flat array given to the builder has the wrong length: `name` is the argument, `expected` the length
    /// the sources imply and `found` its own.
    case arrayLength(name: String, expected: Int, found: Int)

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
        case let .arrayLength(name, expected, found):
            return "\(name) has \(found) values; the edges need \(expected)"
        }
    }
}
