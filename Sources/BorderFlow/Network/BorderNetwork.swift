import BorderFlowGraph
import BorderFlowSpatial
import Foundation

/// The border's road, rail and crossing network as a graph: built once from a dataset, with one cost layer
/// per mode, coordinates in the working CRS for A*, and tables that turn graph nodes and edges back into
/// places, roads and crossings.
///
/// Immutable and `Sendable`: share one network between tasks; make one `Router` per closure state and share it too.
public final class BorderNetwork: Sendable {
    /// Stands for one network among others, so that what one network found (a route's edges) is never read
    /// against another's graph.
    final class Identity: Sendable {}

    /// This network, as results that hold its graph's edges name it.
    let identity = Identity()

    /// What a graph node stands for.
    package enum NodeKind: Sendable, Equatable {
        /// A node of an imported network, by index in the dataset's `ImportedRoads`.
        case importedNode(index: Int)
        /// A place, by index in the dataset's places.
        case place(index: Int)
        /// A road or rail junction, by index in the dataset's junctions.
        case junction(index: Int)
        /// One side of a crossing: where its roads on that side meet it.
        case crossingSide(crossing: Int, country: Country)
    }

    /// A graph node: a place, a junction, or one side of a crossing.
    package struct Node: Sendable, Equatable {
        /// What the node stands for.
        package let kind: NodeKind
        /// The place, junction or crossing id.
        package let id: String
        /// The side of the border the node is on.
        package let country: Country
        /// Longitude and latitude (WGS 84).
        package let coordinate: Coordinate
    }

    /// What a graph edge stands for.
    package enum EdgeKind: Sendable, Equatable {
        /// A segment of an imported network, by index in the dataset's `ImportedRoads`, travelled one way.
        case importedRoad(segment: Int)
        /// A road or rail segment, by index in the dataset's roads, travelled one way (each segment is two edges).
        case road(index: Int)
        /// Passing a crossing in one mode, northbound (Mexico to the U.S.) or southbound.
        case crossing(index: Int, mode: Mode, northbound: Bool)
    }

    /// A graph edge: a road or rail segment one way, or passing a crossing in one mode and direction.
    package struct Edge: Sendable, Equatable {
        /// What the edge stands for.
        package let kind: EdgeKind
        /// Geodesic length of a road or rail segment; 0 for a crossing edge.
        package let lengthMeters: Double
    }

    /// The dataset the network was built from.
    public let dataset: Dataset
    /// The graph: compressed sparse rows with one cost layer per mode (`Mode.index`), in whole milliseconds.
    package let graph: Graph
    /// What each graph node stands for, by node id: an imported network's nodes first, then the rest.
    package let nodes: NodeTable
    /// What each graph edge stands for, by edge id: an imported network's edges in order of their source, with the
    /// dataset's own roads and the crossings' edges put among them (`NetworkGraphBuilder.listedEdgeIDs`).
    package let edges: EdgeTable
    /// The CRS in metres that node coordinates (for A*) are in.
    public let workingCRS: CoordinateReferenceSystem
    /// The largest scale factor of the working CRS over the dataset; straight lines are divided by it so
    /// that A*'s estimate stays below every true cost.
    public let largestScaleFactor: Double
    /// A* lower bound per mode: milliseconds per metre of straight line in the working CRS.
    let millisecondsPerMeter: [Double]
    let nodeIndex: [String: Int32]
    let crossingSideNodes: [[Country: Int32]]
    /// Crossing index by id, and each crossing's edges with their modes, so closing is a few bit writes.
    let crossingIndex: [String: Int]
    let crossingEdges: [[(mode: Mode, edge: Graph.EdgeID)]]
    /// For each layer, the first layer with the same cost on every road and rail edge: searches that keep off
    /// the crossings (the access trees) give the same answer in both, so one serves (cars and pedestrians).
    let roadLayer: [Int]
    /// Exclusions by trip direction: a Mexico-to-U.S. trip may not use southbound crossing edges, and so on,
    /// so that every route crosses the border exactly once, or not at all.
    let southboundEdges: ClosureMask
    let northboundEdges: ClosureMask
    let allCrossingEdges: ClosureMask
    /// Whether any road runs one way only: the access table then needs the way back as well as the way there.
    let hasOneWayRoads: Bool
    /// Road costs between places and crossing sides, which no closure changes; built on first use.
    let accessCostsCache = AccessCostsCache()
    /// Contraction hierarchies by graph layer, one per layer of `roadLayer`, for an imported network whose folder
    /// holds them (`hierarchyFileName`); empty otherwise. Crossing edges are kept outside them.
    let hierarchies: [Int: ContractionHierarchy]

    /// The file of an imported network's contraction hierarchies, beside its roads.
    public static let hierarchyFileName = "roads.bfch"

    /// Builds the graph of a dataset: a node per place, junction and side of each crossing; two edges per road
    /// or rail segment, one each way (one for a one-way road); and per in-service crossing one edge per mode and
    /// direction.
    ///
    /// Costs are travel times per mode: a segment's length at the mode's speed on it (`CrossingTimes`), and a
    /// crossing's flat inspection time. An out-of-service crossing gets nodes but no crossing edges. An imported
    /// network's contraction hierarchies are read from its folder (`hierarchyFileName`) when the import built them.
    ///
    /// - Parameters:
    ///   - dataset: a loaded dataset with a road network.
    ///   - workingCRS: the CRS in metres the node coordinates for A* are projected into.
    /// - Throws: `NetworkError.noRoads` when the dataset has no road layer; `SpatialError` when the working CRS
    ///   cannot be used; `GraphFileError` for a hierarchy file that is damaged or was built for other road costs.
    public convenience init(dataset: Dataset, workingCRS: CoordinateReferenceSystem = WorkingCRS.borderStrip) throws {
        // An imported network's hierarchies sit beside its roads, when the import built them.
        let hierarchies = dataset.importedRoads == nil ? nil : dataset.directory.appendingPathComponent(Self.hierarchyFileName)
        try self.init(dataset: dataset, workingCRS: workingCRS, hierarchyFile: hierarchies)
    }

    /// Builds the graph of a dataset, and reads the contraction hierarchies of its layers from a file when one is
    /// given and exists.
    ///
    /// - Parameters:
    ///   - dataset: the dataset.
    ///   - workingCRS: the CRS in metres for distances and A*.
    ///   - hierarchyFile: a file written by `writeHierarchies(to:)` for this network, or nil.
    /// - Throws: as `init(dataset:workingCRS:)`, and `GraphFileError` for a hierarchy file that is damaged or was
    ///   built for other costs.
    init(dataset: Dataset, workingCRS: CoordinateReferenceSystem, hierarchyFile: URL?) throws {
        guard !dataset.roads.isEmpty else { throw NetworkError.noRoads(directory: dataset.directory.path) }
        self.dataset = dataset
        self.workingCRS = workingCRS

        // An imported network's nodes come first, numbered as in its file, and its edges keep their order of source;
        // they are described by `NodeTable` and `EdgeTable` from its arrays, not one by one.
        let imported = dataset.importedRoads
        let importedNodes = imported?.nodeCount ?? 0
        var nodes: [Node] = []
        var nodeIndex: [String: Int32] = [:]
        func add(_ node: Node) -> Int32 {
            nodes.append(node)
            return Int32(importedNodes + nodes.count - 1)
        }
        for (index, place) in dataset.places.enumerated() {
            nodeIndex[place.id] = add(Node(kind: .place(index: index), id: place.id, country: place.country, coordinate: place.coordinate))
        }
        for (index, junction) in dataset.junctions.enumerated() {
            nodeIndex[junction.id] = add(Node(kind: .junction(index: index), id: junction.id, country: junction.country, coordinate: junction.coordinate))
        }
        var crossingSideNodes: [[Country: Int32]] = []
        for (index, crossing) in dataset.crossings.enumerated() {
            var sides: [Country: Int32] = [:]
            for country in Country.allCases {
                sides[country] = add(Node(kind: .crossingSide(crossing: index, country: country), id: crossing.id,
                                          country: country, coordinate: crossing.coordinate))
            }
            crossingSideNodes.append(sides)
        }
        let crossingIndex = Dictionary(uniqueKeysWithValues: dataset.crossings.enumerated().map { ($1.id, $0) })
        func node(_ id: String, country: Country) throws -> Int32 {
            if let crossing = crossingIndex[id], let side = crossingSideNodes[crossing][country] { return side }
            if let node = nodeIndex[id] { return node }
            guard let node = imported?.node(id: id) else { throw NetworkError.unknownNode(id) }
            return Int32(node)
        }

        var graphEdges: [Graph.Edge] = []
        var edges: [Edge] = []
        let modes = Mode.allCases
        for (index, road) in dataset.roads.enumerated() {
            let costs = modes.map { mode -> Double in
                guard let kph = RoadSpeed.kph(for: mode, roadClass: road.roadClass, carSpeedKph: road.speedKph,
                                              closed: road.closedTo.contains(mode)) else { return .infinity }
                return road.lengthMeters / (kph / 3.6)
            }
            let a = try node(road.from, country: road.country)
            let b = try node(road.to, country: road.country)
            for (from, to) in road.oneWay ? [(a, b)] : [(a, b), (b, a)] {
                graphEdges.append(Graph.Edge(from: from, to: to, costSeconds: costs))
                edges.append(Edge(kind: .road(index: index), lengthMeters: road.lengthMeters))
            }
        }
        var southbound: [Int32] = [], northbound: [Int32] = []
        var crossingEdges = [[(mode: Mode, edge: Graph.EdgeID)]](repeating: [], count: dataset.crossings.count)
        for (index, crossing) in dataset.crossings.enumerated() {
            guard crossing.inService, let mexico = crossingSideNodes[index][.mx], let us = crossingSideNodes[index][.us] else { continue }
            for mode in crossing.modes {
                for isNorthbound in [true, false] {
                    var costs = [Double](repeating: .infinity, count: modes.count)
                    costs[mode.index] = 60 * (isNorthbound ? CrossingTimes.northboundMinutes(mode) : CrossingTimes.southboundMinutes(mode))
                    graphEdges.append(Graph.Edge(from: isNorthbound ? mexico : us, to: isNorthbound ? us : mexico, costSeconds: costs))
                    edges.append(Edge(kind: .crossing(index: index, mode: mode, northbound: isNorthbound), lengthMeters: 0))
                    crossingEdges[index].append((mode, Graph.EdgeID(edges.count - 1)))
                    if isNorthbound { northbound.append(Int32(edges.count - 1)) } else { southbound.append(Int32(edges.count - 1)) }
                }
            }
        }

        // Coordinates in the working CRS, and the scale bound for A*.
        let transformer = try CoordinateTransformer(from: .wgs84, to: workingCRS)
        var positions = (imported?.nodeCoordinates ?? []).map(Position.init) + nodes.map { Position($0.coordinate) }
        try transformer.forward(&positions)
        let survey = try ScaleErrorSurvey(crs: workingCRS, coordinates: dataset.allCoordinates + (imported?.surveyCoordinates ?? []))
        let nodeTable = NodeTable(imported: imported, listed: nodes)
        let listedLengths: [Double?] = edges.map { edge in
            if case .crossing = edge.kind { return nil }
            return edge.lengthMeters
        }
        let built = try NetworkGraphBuilder(imported: imported, listed: graphEdges, listedLengths: listedLengths,
                                            nodeCount: nodeTable.count, coordinates: positions.map { Graph.Point(x: $0.x, y: $0.y) })
        positions = []
        let graph = built.graph
        // The crossing edges were counted among the listed edges; the graph gave them their ids.
        let edgeTable = EdgeTable(imported: imported, listed: edges, listedEdgeIDs: built.listedEdgeIDs)
        crossingEdges = crossingEdges.map { $0.map { ($0.mode, built.listedEdgeIDs[Int($0.edge)]) } }
        northbound = northbound.map { built.listedEdgeIDs[Int($0)] }
        southbound = southbound.map { built.listedEdgeIDs[Int($0)] }
        // A hair under the bound: geodesics between two data points may bow a little beyond the latitudes where
        // the scale factor was measured.
        let factors = built.fastestMetersPerSecond.map { fastest in
            fastest > 0 ? 0.9999 * 1000 / (survey.largestScaleFactor * fastest) : 0
        }

        var southMask = ClosureMask(for: graph), northMask = ClosureMask(for: graph)
        for edge in southbound { southMask.close(edge: edge) }
        for edge in northbound { northMask.close(edge: edge) }
        var bothMask = southMask
        bothMask.formUnion(northMask)

        self.graph = graph
        self.hasOneWayRoads = dataset.roads.contains(where: \.oneWay)
            || (imported.map { roads in (0..<roads.segmentCount).contains { roads.isOneWay(segment: $0) } } ?? false)
        self.nodes = nodeTable
        self.edges = edgeTable
        self.nodeIndex = nodeIndex
        self.crossingSideNodes = crossingSideNodes
        self.crossingIndex = crossingIndex
        self.crossingEdges = crossingEdges
        self.roadLayer = built.roadLayer
        self.largestScaleFactor = survey.largestScaleFactor
        self.millisecondsPerMeter = factors
        self.southboundEdges = southMask
        self.northboundEdges = northMask
        self.allCrossingEdges = bothMask
        if let hierarchyFile, FileManager.default.fileExists(atPath: hierarchyFile.path) {
            let read = try HierarchyFile.read(from: hierarchyFile, for: graph, outside: bothMask)
            hierarchies = Dictionary(read.map { ($0.layer, $0) }, uniquingKeysWith: { first, _ in first })
        } else {
            hierarchies = [:]
        }
    }

    /// The contraction hierarchy a mode's road searches use, nil when the network has none.
    ///
    /// - Parameter mode: the mode.
    /// - Returns: the hierarchy of the mode's road layer.
    func hierarchy(for mode: Mode) -> ContractionHierarchy? { hierarchies[roadLayer[mode.index]] }

    /// Builds a contraction hierarchy of each road layer (crossing edges kept outside, so that closures stay
    /// exact) and writes them to `hierarchyFileName` in a folder: what makes routes and the access table fast on
    /// an imported network of millions of nodes. The first layer's order of contraction serves the others as far as
    /// it suits them.
    ///
    /// - Parameter folder: the network's dataset folder.
    /// - Throws: `GraphFileError` when the file cannot be written.
    public func writeHierarchies(to folder: URL) throws {
        let layers = Array(Set(roadLayer)).sorted()
        // Each written as soon as built: at millions of nodes each holds hundreds of megabytes.
        try HierarchyFile.write(count: layers.count, of: graph, to: folder.appendingPathComponent(Self.hierarchyFileName)) { emit in
            try ContractionHierarchy.build(graph: graph, layers: layers, outside: allCrossingEdges, each: emit)
        }
    }

    /// The graph node of a place or junction id.
    ///
    /// - Parameter id: a place's or junction's id (a crossing has two nodes, one per side, and no entry here).
    /// - Returns: the node, or nil when no place or junction has that id.
    package func node(id: String) -> Int32? { nodeIndex[id] }
}
