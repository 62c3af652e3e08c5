import BorderFlowSpatial

/// The bulk of an imported road network (`borderflow import-roads`), held in flat arrays rather than one `Road`
/// per segment: millions of segments load in a second. Its nodes are named `n1`, `n2`, … in the dataset (the roads
/// of `roads.geojson` that join places and crossings to it name them so); its graph, in the binary network format,
/// is rebuilt from it when a network loads, so that costs follow the current speed rules.
///
/// A segment runs between two nodes along its shape; its directed edges (one, or two for a two-way segment) are
/// listed in order of their source node, each pointing back to its segment.
public struct ImportedRoads: Sendable {
    /// Each node's side of the border.
    public let nodeCountry: [Country]
    /// Each node's position, longitude and latitude.
    public let nodeCoordinates: [Coordinate]
    /// Each directed edge's source node, ascending.
    public let edgeSource: [UInt32]
    /// Each directed edge's segment: the edge runs along it from `edgeSource` to the segment's other end.
    public let segmentOfEdge: [UInt32]
    /// Each segment's first and last node (as drawn; a one-way segment runs from first to last).
    public let segmentFrom: [UInt32]
    /// Each segment's last node.
    public let segmentTo: [UInt32]
    /// Each segment's name, by index in `names`.
    public let segmentName: [UInt32]
    /// Each segment's class.
    public let segmentClass: [Road.RoadClass]
    /// Car speed on the segment (walking speed on a footway), km/h.
    public let segmentSpeedKph: [Float]
    /// Geodesic length along the shape.
    public let segmentLengthMeters: [Double]
    /// Bit 0: one-way; bits 1 to 5: closed to the mode of that `Mode.index` + 1.
    public let segmentFlags: [UInt8]
    /// Segment `s`'s vertices between its two nodes are `shapes[shapeStart[s]..<shapeStart[s + 1]]`.
    public let shapeStart: [UInt32]
    /// The segments' inner vertices, longitude and latitude, segment after segment.
    public let shapes: [Coordinate]
    /// The distinct road names.
    public let names: [String]

    /// A memberwise set of arrays; `ImportedRoadsFile` checks them when it reads them.
    public init(nodeCountry: [Country], nodeCoordinates: [Coordinate], edgeSource: [UInt32], segmentOfEdge: [UInt32], segmentFrom: [UInt32],
                segmentTo: [UInt32], segmentName: [UInt32], segmentClass: [Road.RoadClass], segmentSpeedKph: [Float],
                segmentLengthMeters: [Double], segmentFlags: [UInt8], shapeStart: [UInt32], shapes: [Coordinate], names: [String]) {
        self.nodeCountry = nodeCountry
        self.nodeCoordinates = nodeCoordinates
        self.edgeSource = edgeSource
        self.segmentOfEdge = segmentOfEdge
        self.segmentFrom = segmentFrom
        self.segmentTo = segmentTo
        self.segmentName = segmentName
        self.segmentClass = segmentClass
        self.segmentSpeedKph = segmentSpeedKph
        self.segmentLengthMeters = segmentLengthMeters
        self.segmentFlags = segmentFlags
        self.shapeStart = shapeStart
        self.shapes = shapes
        self.names = names
    }

    /// How many nodes there are.
    public var nodeCount: Int { nodeCountry.count }
    /// How many segments there are.
    public var segmentCount: Int { segmentFrom.count }
    /// How many directed edges there are: one per one-way segment, two per other.
    public var edgeCount: Int { edgeSource.count }

    /// Where an edge leads: the other end of its segment.
    public func edgeTarget(_ edge: Int) -> UInt32 {
        let segment = Int(segmentOfEdge[edge])
        return segmentFrom[segment] == edgeSource[edge] ? segmentTo[segment] : segmentFrom[segment]
    }

    /// Whether an edge runs its segment as drawn (from `segmentFrom` to `segmentTo`).
    public func edgeRunsForward(_ edge: Int) -> Bool { segmentFrom[Int(segmentOfEdge[edge])] == edgeSource[edge] }

    /// The node id the dataset's other layers use: `n` and the node's number from 1.
    public static func nodeID(_ node: Int) -> String { "n\(node + 1)" }

    /// The node an id names, nil when it is not of the form `n1`, `n2`, … or is beyond the nodes.
    public func node(id: String) -> Int? {
        guard id.hasPrefix("n"), let number = Int(id.dropFirst()), number >= 1, number <= nodeCount else { return nil }
        return number - 1
    }

    /// Coordinates enough to measure a CRS's scale error over the network: every node's would be millions. A
    /// projection's scale error changes smoothly, and most with distance from its centre, so the nodes farthest
    /// north, south, east and west are taken, with every so many nodes besides.
    public var surveyCoordinates: [Coordinate] {
        guard let north = nodeCoordinates.max(by: { $0.latitude < $1.latitude }),
              let south = nodeCoordinates.min(by: { $0.latitude < $1.latitude }),
              let east = nodeCoordinates.max(by: { $0.longitude < $1.longitude }),
              let west = nodeCoordinates.min(by: { $0.longitude < $1.longitude }) else { return [] }
        let step = max(1, nodeCount / 10_000)
        return [north, south, east, west] + stride(from: 0, to: nodeCount, by: step).map { nodeCoordinates[$0] }
    }

    /// Whether a segment is one-way.
    public func isOneWay(segment: Int) -> Bool { segmentFlags[segment] & 1 != 0 }

    /// The modes a segment is closed to by its own tags or the profiles not imported.
    public func closedModes(segment: Int) -> Set<Mode> {
        Set(Mode.allCases.filter { segmentFlags[segment] & (UInt8(2) << $0.index) != 0 })
    }

    /// The flags byte for a segment.
    public static func flags(oneWay: Bool, closedTo: Set<Mode>) -> UInt8 {
        closedTo.reduce(oneWay ? 1 : 0) { $0 | (UInt8(2) << $1.index) }
    }

    /// A segment's whole line, from its first node to its last.
    public func line(segment: Int) -> [Coordinate] {
        [nodeCoordinates[Int(segmentFrom[segment])]] + shapes[Int(shapeStart[segment])..<Int(shapeStart[segment + 1])]
            + [nodeCoordinates[Int(segmentTo[segment])]]
    }

    /// A segment as a `Road`, as the bundled network's segments are: for reading one, not for walking all of them.
    public func road(segment: Int) -> Road {
        Road(id: "s\(segment + 1)", name: names[Int(segmentName[segment])], country: nodeCountry[Int(segmentFrom[segment])],
             roadClass: segmentClass[segment], speedKph: Double(segmentSpeedKph[segment]), from: Self.nodeID(Int(segmentFrom[segment])),
             to: Self.nodeID(Int(segmentTo[segment])), oneWay: isOneWay(segment: segment), closedTo: closedModes(segment: segment),
             geometry: line(segment: segment), lengthMeters: segmentLengthMeters[segment])
    }
}
