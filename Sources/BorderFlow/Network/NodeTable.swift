import BorderFlowSpatial

/// What each graph node stands for, by node id: an imported network's nodes first, described from its arrays
/// when asked (millions of them cost no `Node` each), then the places, junctions and crossing sides, listed.
package struct NodeTable: Sendable, RandomAccessCollection {
    let imported: ImportedRoads?
    let listed: [BorderNetwork.Node]
    private let importedCount: Int

    init(imported: ImportedRoads?, listed: [BorderNetwork.Node]) {
        self.imported = imported
        self.listed = listed
        importedCount = imported?.nodeCount ?? 0
    }

    package var startIndex: Int { 0 }
    package var endIndex: Int { importedCount + listed.count }

    package subscript(node: Int) -> BorderNetwork.Node {
        guard node < importedCount, let imported else { return listed[node - importedCount] }
        return BorderNetwork.Node(kind: .importedNode(index: node), id: ImportedRoads.nodeID(node),
                                  country: imported.nodeCountry[node], coordinate: imported.nodeCoordinates[node])
    }
}

/// What each graph edge stands for, by edge id: an imported network's edges first, described from its arrays
/// when asked, then the dataset's own roads and rail and the crossings' edges, listed.
package struct EdgeTable: Sendable, RandomAccessCollection {
    let imported: ImportedRoads?
    let listed: [BorderNetwork.Edge]
    private let importedCount: Int

    init(imported: ImportedRoads?, listed: [BorderNetwork.Edge]) {
        self.imported = imported
        self.listed = listed
        importedCount = imported?.edgeCount ?? 0
    }

    package var startIndex: Int { 0 }
    package var endIndex: Int { importedCount + listed.count }

    package subscript(edge: Int) -> BorderNetwork.Edge {
        guard edge < importedCount, let imported else { return listed[edge - importedCount] }
        let segment = Int(imported.segmentOfEdge[edge])
        return BorderNetwork.Edge(kind: .importedRoad(segment: segment), lengthMeters: imported.segmentLengthMeters[segment])
    }
}
