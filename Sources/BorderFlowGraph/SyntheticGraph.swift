/// Road-like graphs made from a seed, for tests and benchmarks: nodes scattered over a square, each joined
/// by two-way edges to its nearest neighbours, with costs no less than straight-line distance over the
/// fastest speed, so that A* with `millisecondsPerMeter` is exact. The same seed gives the same graph.
public enum SyntheticGraph {
    /// Builds a road-like graph with node coordinates and two cost layers from a seed.
    ///
    /// - Parameters:
    ///   - nodes: how many nodes.
    ///   - neighbours: how many nearest neighbours each node is joined to.
    ///   - sideMeters: the side of the square the nodes are scattered over, in metres.
    ///   - seed: the random seed.
    /// - Returns: the graph (two layers: cars, and trucks that may use about half the edges) and the A* bound.
    /// - Throws: `GraphError` when the graph cannot be built: `tooManyNodes` for a negative count, or
    ///   `badCost` when `sideMeters` is so large that an edge's cost passes `Graph.maximumEdgeSeconds`.
    ///   `sideMeters` must be a positive number of metres.
    public static func roadLike(nodes: Int, neighbours: Int = 3, sideMeters: Double = 200_000, seed: UInt64)
        throws -> (graph: Graph, millisecondsPerMeter: Double) {
        guard nodes >= 0 else { throw GraphError.tooManyNodes(nodes) }
        precondition(sideMeters > 0 && sideMeters.isFinite, "the square's side must be a positive number of metres")
        var random = SplitMix64(seed: seed)
        let points = (0..<nodes).map { _ in
            Graph.Point(x: Double.random(in: 0..<sideMeters, using: &random), y: Double.random(in: 0..<sideMeters, using: &random))
        }
        let fastest = 30.0 // metres per second
        // Nearest neighbours by a uniform grid, so large graphs build in near-linear time.
        let cellSize = max(sideMeters / (Double(nodes).squareRoot() / 2).rounded(.up), 1)
        let cellsPerSide = Int((sideMeters / cellSize).rounded(.up)) + 1
        var cells = [[Int]](repeating: [], count: cellsPerSide * cellsPerSide)
        func cell(_ p: Graph.Point) -> (Int, Int) { (min(Int(p.x / cellSize), cellsPerSide - 1), min(Int(p.y / cellSize), cellsPerSide - 1)) }
        for (index, point) in points.enumerated() {
            let (cx, cy) = cell(point)
            cells[cy * cellsPerSide + cx].append(index)
        }
        func distance(_ a: Int, _ b: Int) -> Double {
            let dx = points[a].x - points[b].x, dy = points[a].y - points[b].y
            return (dx * dx + dy * dy).squareRoot()
        }
        var edges: [Graph.Edge] = []
        var joined = Set<UInt64>()
        for a in 0..<nodes {
            let (cx, cy) = cell(points[a])
            var radius = 1
            var candidates: [Int] = []
            while candidates.count <= neighbours, radius <= cellsPerSide {
                candidates = []
                for y in max(0, cy - radius)...min(cellsPerSide - 1, cy + radius) {
                    for x in max(0, cx - radius)...min(cellsPerSide - 1, cx + radius) {
                        candidates += cells[y * cellsPerSide + x].filter { $0 != a }
                    }
                }
                radius += 1
            }
            candidates.sort { (distance(a, $0), $0) < (distance(a, $1), $1) }
            for b in candidates.prefix(neighbours) {
                let key = UInt64(min(a, b)) << 32 | UInt64(max(a, b))
                guard joined.insert(key).inserted else { continue }
                let meters = distance(a, b) * Double.random(in: 1.0...1.6, using: &random)
                let carSeconds = meters / Double.random(in: 15...fastest, using: &random)
                let truckSeconds = Bool.random(using: &random) ? carSeconds * 1.3 : Double.infinity
                edges.append(Graph.Edge(from: Int32(a), to: Int32(b), costSeconds: [carSeconds, truckSeconds]))
                edges.append(Graph.Edge(from: Int32(b), to: Int32(a), costSeconds: [carSeconds, truckSeconds]))
            }
        }
        return (try Graph(nodeCount: nodes, edges: edges, coordinates: points), 1000 / fastest)
    }
}

extension SyntheticGraph {
    /// The fastest speed on a jittered grid, 110 km/h in metres per second: its A* bound is 1000 / this.
    public static let gridFastestMetersPerSecond = 110 / 3.6

    /// A road-like jittered grid built straight into flat arrays, with one layer: `side` × `side` nodes, each
    /// moved at random within its 200 m cell and joined both ways to its right and lower neighbours, each link
    /// with its own speed from 50 to 110 km/h. Edges are listed in order of their source node, as the flat
    /// builder stores them without a map between ids and positions, so building it takes little more memory
    /// than the graph itself.
    ///
    /// - Parameters:
    ///   - side: nodes per row and per column.
    ///   - seed: the random seed; the same seed gives the same graph.
    /// - Returns: the graph (about 4 edges per node) and the A* bound in milliseconds per metre.
    /// - Throws: `GraphError.tooManyNodes` when `side` × `side` is more than a graph holds.
    public static func jitteredGrid(side: Int, seed: UInt64) throws -> (graph: Graph, millisecondsPerMeter: Double) {
        guard side >= 0, side.multipliedReportingOverflow(by: side).partialValue < Int(Int32.max),
              !side.multipliedReportingOverflow(by: side).overflow else { throw GraphError.tooManyNodes(side) }
        let nodes = side * side
        let cell = 200.0
        var random = SplitMix64(seed: seed)
        let points = (0..<nodes).map { index in
            Graph.Point(x: (Double(index % side) + Double.random(in: 0.1..<0.9, using: &random)) * cell,
                        y: (Double(index / side) + Double.random(in: 0.1..<0.9, using: &random)) * cell)
        }
        // One speed per link, the same both ways, drawn from the link's own number so that nothing is stored:
        // link 2n runs right from node n, link 2n + 1 down from it.
        func cost(_ a: Int, _ b: Int, link: Int) -> UInt32 {
            var draw = SplitMix64(seed: seed ^ (UInt64(link) &* 0x9E37_79B9_7F4A_7C15))
            let speed = Double.random(in: 50...110, using: &draw) / 3.6
            let dx = points[a].x - points[b].x, dy = points[a].y - points[b].y
            return UInt32(((dx * dx + dy * dy).squareRoot() / speed * 1000).rounded(.up))
        }
        var sources: [Graph.NodeID] = [], targets: [Graph.NodeID] = [], costs: [UInt32] = []
        let edgeCount = 4 * nodes - 4 * side
        sources.reserveCapacity(edgeCount)
        targets.reserveCapacity(edgeCount)
        costs.reserveCapacity(edgeCount)
        for node in 0..<nodes {
            let column = node % side, row = node / side
            // Neighbours in order of id (up, left, right, down), each with its link's number.
            let up = row > 0 ? (node - side, 2 * (node - side) + 1) : nil
            let left = column > 0 ? (node - 1, 2 * (node - 1)) : nil
            let right = column + 1 < side ? (node + 1, 2 * node) : nil
            let down = row + 1 < side ? (node + side, 2 * node + 1) : nil
            for case let (neighbour, link)? in [up, left, right, down] {
                sources.append(Graph.NodeID(node))
                targets.append(Graph.NodeID(neighbour))
                costs.append(cost(node, neighbour, link: link))
            }
        }
        let graph = try Graph(nodeCount: nodes, sources: consume sources, targets: consume targets,
                              costMilliseconds: consume costs, coordinates: points)
        return (graph, 1000 / gridFastestMetersPerSecond)
    }
}

/// SplitMix64: a small, fast, seedable random number generator, so results replay from a printed seed.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator whose sequence is fixed by `seed`.
    ///
    /// - Parameter seed: any value, zero included.
    public init(seed: UInt64) {
        state = seed
    }

    /// Advances the generator and returns its next 64 random bits.
    ///
    /// - Returns: the next value in the sequence.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
