import BorderFlowSpatial

/// The graph of the road lines: a node at every vertex where lines meet or end, an edge for each stretch of a line
/// between two nodes, with the stretch's geodesic length.
struct RoadTopology {
    struct Edge {
        /// Nodes at the stretch's first and last vertex, as drawn.
        let from: Int32, to: Int32
        /// The line it is part of, and its first and last vertex positions within the line.
        let line: Int32, first: Int32, last: Int32
        let lengthMeters: Double
    }

    /// The vertex each node stands at.
    let vertexOfNode: [Int32]
    let edges: [Edge]

    /// - Parameters:
    ///   - lines: the road lines.
    ///   - forcedNodes: vertices that must be nodes though lines do not meet there (the ends of crossings' segments).
    ///   - geodesic: measures the stretches.
    ///   - progress: called with the lines done.
    init(lines: RoadLines, forcedNodes: Set<Int32>, geodesic: Geodesic, progress: (Int) -> Void) {
        var nodeOfVertex = [Int32](repeating: -1, count: lines.vertexCount)
        var vertexOfNode: [Int32] = []
        for vertex in 0..<lines.vertexCount where lines.uses[vertex] >= 2 || lines.isEnd[vertex] || forcedNodes.contains(Int32(vertex)) {
            nodeOfVertex[vertex] = Int32(vertexOfNode.count)
            vertexOfNode.append(Int32(vertex))
        }
        var edges: [Edge] = []
        edges.reserveCapacity(lines.lineCount * 2)
        for index in 0..<lines.lineCount {
            if index % 100_000 == 0 { progress(index) }
            let line = lines.line(index)
            var first = 0
            var length = 0.0
            for offset in 1..<line.count {
                let a = lines.coordinates[Int(line[line.startIndex + offset - 1])]
                let b = lines.coordinates[Int(line[line.startIndex + offset])]
                length += geodesic.distanceMeters(from: a, to: b)
                let node = nodeOfVertex[Int(line[line.startIndex + offset])]
                guard node >= 0 else { continue }
                edges.append(Edge(from: nodeOfVertex[Int(line[line.startIndex + first])], to: node, line: Int32(index),
                                  first: Int32(first), last: Int32(offset), lengthMeters: length))
                first = offset
                length = 0
            }
        }
        self.vertexOfNode = vertexOfNode
        self.edges = edges
    }

    var nodeCount: Int { vertexOfNode.count }
}
