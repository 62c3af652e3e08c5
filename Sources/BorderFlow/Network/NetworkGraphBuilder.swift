import BorderFlowGraph

/// Builds a network's graph from flat arrays, with what the network needs to know of its costs found on the way,
/// so that no pass over millions of edges runs twice: the fastest a mode travels any road (for A*'s bound) and
/// which layers cost the same on every road (for the access table).
struct NetworkGraphBuilder {
    let graph: Graph
    /// Per layer, metres per second on the fastest road or rail edge usable in it; 0 where none is.
    let fastestMetersPerSecond: [Double]
    /// For each layer, the first layer with the same cost on every road and rail edge.
    let roadLayer: [Int]
    /// Each listed edge's id in the graph. An imported network's edges keep their order, and each listed edge
    /// that leaves one of its nodes (a connector, a crossing's approach) is put among them in order of its
    /// source, so that the graph adopts the arrays as they are, with no sort and no map between ids and positions.
    let listedEdgeIDs: [Graph.EdgeID]

    /// - Parameters:
    ///   - imported: an imported network, whose edges come first, or nil.
    ///   - listed: the other edges: the dataset's roads and rail, and the crossings' edges.
    ///   - listedLengths: each listed edge's length; nil for a crossing edge.
    ///   - nodeCount: the nodes.
    ///   - coordinates: one point per node in the working CRS.
    init(imported: ImportedRoads?, listed: [Graph.Edge], listedLengths: [Double?], nodeCount: Int, coordinates: [Graph.Point]) throws {
        let layers = Mode.allCases.count
        let importedCount = imported?.edgeCount ?? 0
        let edgeCount = importedCount + listed.count
        // The order: listed edges by source (ties in listed order), merged into the imported ones.
        let listedOrder = listed.indices.sorted { (listed[$0].from, $0) < (listed[$1].from, $1) }
        var listedEdgeIDs = [Graph.EdgeID](repeating: 0, count: listed.count)
        var order: [Int] = [] // ≥ 0: an imported edge; < 0: listed edge −1 − value
        order.reserveCapacity(edgeCount)
        var next = 0
        let importedSources = imported?.edgeSource ?? []
        for edge in 0..<importedCount {
            let source = Graph.NodeID(importedSources[edge])
            while next < listedOrder.count, listed[listedOrder[next]].from < source {
                listedEdgeIDs[listedOrder[next]] = Graph.EdgeID(order.count)
                order.append(-1 - listedOrder[next])
                next += 1
            }
            order.append(edge)
        }
        while next < listedOrder.count {
            listedEdgeIDs[listedOrder[next]] = Graph.EdgeID(order.count)
            order.append(-1 - listedOrder[next])
            next += 1
        }
        if imported == nil {
            // Without an imported network, ids stay in listed order, as the dataset's roads give them.
            order = Array(listed.indices).map { -1 - $0 }
            listedEdgeIDs = listed.indices.map { Graph.EdgeID($0) }
        }
        self.listedEdgeIDs = listedEdgeIDs

        var sources = [Graph.NodeID](repeating: 0, count: edgeCount), targets = sources
        var costs = [UInt32](repeating: Graph.impassable, count: layers * edgeCount)
        var fastest = [Double](repeating: 0, count: layers)
        func note(_ cost: UInt32, lengthMeters: Double, layer: Int) {
            if cost != Graph.impassable, cost > 0, lengthMeters > 0 { fastest[layer] = max(fastest[layer], lengthMeters / (Double(cost) / 1000)) }
        }
        // The imported arrays as locals: read through the optional struct, each edge would retain all of them.
        let edgeSource = imported?.edgeSource ?? [], segmentOfEdge = imported?.segmentOfEdge ?? []
        let segmentFrom = imported?.segmentFrom ?? [], segmentTo = imported?.segmentTo ?? []
        let segmentFlags = imported?.segmentFlags ?? [], segmentLength = imported?.segmentLengthMeters ?? []
        let segmentClass = imported?.segmentClass ?? [], segmentSpeed = imported?.segmentSpeedKph ?? []
        let modes = Mode.allCases
        for (id, item) in order.enumerated() {
            if item >= 0 {
                let source = edgeSource[item], segment = Int(segmentOfEdge[item])
                sources[id] = Graph.NodeID(source)
                targets[id] = Graph.NodeID(segmentFrom[segment] == source ? segmentTo[segment] : segmentFrom[segment])
                let closed = segmentFlags[segment] >> 1, length = segmentLength[segment]
                for mode in modes where closed & (1 << UInt8(mode.index)) == 0 {
                    guard let kph = RoadSpeed.kph(for: mode, roadClass: segmentClass[segment], carSpeedKph: Double(segmentSpeed[segment])) else { continue }
                    let cost = try Graph.milliseconds(seconds: length / (kph / 3.6), edge: id, layer: mode.index)
                    costs[mode.index * edgeCount + id] = cost
                    note(cost, lengthMeters: length, layer: mode.index)
                }
            } else {
                let offset = -1 - item, edge = listed[offset]
                sources[id] = edge.from
                targets[id] = edge.to
                for (layer, seconds) in edge.costSeconds.enumerated() {
                    let cost = try Graph.milliseconds(seconds: seconds, edge: id, layer: layer)
                    costs[layer * edgeCount + id] = cost
                    if let length = listedLengths[offset] { note(cost, lengthMeters: length, layer: layer) }
                }
            }
        }
        let crossingIDs = Set(listed.indices.filter { listedLengths[$0] == nil }.map { Int(listedEdgeIDs[$0]) })
        // Layers equal on every road and rail edge (crossing edges aside): the imported edges, then the listed.
        var equal = [[Bool]](repeating: [Bool](repeating: true, count: layers), count: layers)
        for layer in 0..<layers {
            for other in 0..<layer {
                let a = layer * edgeCount, b = other * edgeCount
                var same = true
                for edge in 0..<edgeCount where costs[a + edge] != costs[b + edge] && !crossingIDs.contains(edge) {
                    same = false
                    break
                }
                equal[layer][other] = same
            }
        }
        roadLayer = (0..<layers).map { layer in (0...layer).first { equal[layer][$0] } ?? layer }
        fastestMetersPerSecond = fastest
        graph = try Graph(nodeCount: nodeCount, sources: sources, targets: targets, costMilliseconds: costs, coordinates: coordinates)
    }
}
