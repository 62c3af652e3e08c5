import BorderFlowSpatial

/// What each graph node stands for, by node id: an imported network's nodes first, described from its arrays
/// when asked (millions of them cost no `Node` each), then the places, junctions and crossing sides, listed.
package struct NodeTable: Sendable, RandomAccessCollection {
    let listed: [BorderNetwork.Node]
    // The imported arrays themselves, not the struct holding them: reading them through it would retain every
    // one of its arrays at each look.
    private let nodeCountry: [Country]
    private let nodeCoordinates: [Coordinate]

    init(imported: ImportedRoads?, listed: [BorderNetwork.Node]) {
        self.listed = listed
        nodeCountry = imported?.nodeCountry ?? []
        nodeCoordinates = imported?.nodeCoordinates ?? []
    }

    package var startIndex: Int { 0 }
    package var endIndex: Int { nodeCountry.count + listed.count }

    package subscript(node: Int) -> BorderNetwork.Node {
        guard node < nodeCountry.count else { return listed[node - nodeCountry.count] }
        return BorderNetwork.Node(kind: .importedNode(index: node), id: ImportedRoads.nodeID(node),
                                  country: nodeCountry[node], coordinate: nodeCoordinates[node])
    }
}

/// What each graph edge stands for, by edge id: an imported network's edges, described from its arrays when
/// asked, with the dataset's own roads and rail and the crossings' edges listed among them where the graph put
/// them (`NetworkGraphBuilder.listedEdgeIDs`).
package struct EdgeTable: Sendable, RandomAccessCollection {
    let listed: [BorderNetwork.Edge]
    private let segmentOfEdge: [UInt32]
    private let segmentLengthMeters: [Double]
    /// The listed edges' ids, ascending, and which listed edge each is.
    private let listedIDs: [Int32]
    private let listedAt: [Int]

    init(imported: ImportedRoads?, listed: [BorderNetwork.Edge], listedEdgeIDs: [Int32]) {
        self.listed = listed
        segmentOfEdge = imported?.segmentOfEdge ?? []
        segmentLengthMeters = imported?.segmentLengthMeters ?? []
        let order = listedEdgeIDs.indices.sorted { listedEdgeIDs[$0] < listedEdgeIDs[$1] }
        listedIDs = order.map { listedEdgeIDs[$0] }
        listedAt = order
    }

    package var startIndex: Int { 0 }
    package var endIndex: Int { segmentOfEdge.count + listed.count }

    package subscript(edge: Int) -> BorderNetwork.Edge {
        guard !segmentOfEdge.isEmpty else { return listed[edge] }
        // How many listed edges come before this id, and whether it is one.
        var low = 0, high = listedIDs.count
        while low < high {
            let middle = (low + high) / 2
            if Int(listedIDs[middle]) < edge { low = middle + 1 } else { high = middle }
        }
        if low < listedIDs.count, Int(listedIDs[low]) == edge { return listed[listedAt[low]] }
        let segment = Int(segmentOfEdge[edge - low])
        return BorderNetwork.Edge(kind: .importedRoad(segment: segment), lengthMeters: segmentLengthMeters[segment])
    }
}
