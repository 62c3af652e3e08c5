import BorderFlowSpatial

/// One road or rail segment between two network nodes, on one side of the border: two-way unless `oneWay`.
public struct Road: Hashable, Sendable, Identifiable {
    /// The class of a road, or rail.
    ///
    /// The class describes the road and sets its style on exported maps; travel times come from each
    /// segment's own `speedKph`. Only `rail` changes what may use a segment.
    public enum RoadClass: String, CaseIterable, Sendable {
        /// A controlled-access freeway: an Interstate, or a Mexican toll *cuota* (the `D` routes).
        case motorway
        /// A four-lane divided highway or expressway that is not fully controlled-access.
        case trunk
        /// A two-lane U.S. or state highway, or a Mexican federal highway (*libre*).
        case primary
        /// A farm-to-market or other minor state road.
        case secondary
        /// A port approach, urban arterial, street or short connector.
        case local
        /// A footway, path or pedestrian street: pedestrians only, at the walking speed in `speedKph`.
        case footway
        /// A ferry: road traffic and pedestrians ride it at `speedKph` (trucks only where `closedTo` allows).
        case ferry
        /// A freight rail line: trains only (`Mode.rail`), no road traffic; its speed is a train's.
        case rail
    }

    /// A stable id.
    public let id: String
    /// The route as signed: "I-19", "MEX 15D", "UP Sunset Route".
    public let name: String
    /// The side of the border the road is on.
    public let country: Country
    /// The road's class.
    public let roadClass: RoadClass
    /// Typical free-flow speed of a car (for rail, of a freight train).
    public let speedKph: Double
    /// Node ids: a place, a junction, or a crossing (its side on this road's country).
    public let from: String
    /// The node id at the other end.
    public let to: String
    /// Whether it may be travelled only from `from` to `to` (`"oneWay": true`); false, the default, for both ways.
    public let oneWay: Bool
    /// Modes that may not use it though its class would let them (`"closedTo": ["truck"]`): a street with no
    /// trucks, a ferry that takes none.
    public let closedTo: Set<Mode>
    /// The road's line, in longitude and latitude, from `from` to `to`.
    public let geometry: [Coordinate]
    /// Geodesic length of the geometry on the WGS 84 ellipsoid, computed when the dataset loads.
    public internal(set) var lengthMeters: Double

    /// Whether the segment is a railway (trains only).
    public var isRail: Bool { roadClass == .rail }

    /// A segment.
    ///
    /// - Parameters:
    ///   - id: a stable id.
    ///   - name: the route as signed.
    ///   - country: the side of the border it is on.
    ///   - roadClass: its class.
    ///   - speedKph: free-flow speed of a car (a train on rail, a walker on a footway).
    ///   - from: the node id at its first vertex.
    ///   - to: the node id at its last vertex.
    ///   - oneWay: whether it runs only from `from` to `to`.
    ///   - closedTo: modes that may not use it.
    ///   - geometry: its line, in longitude and latitude.
    ///   - lengthMeters: its geodesic length (filled in when a dataset loads).
    public init(id: String, name: String, country: Country, roadClass: RoadClass, speedKph: Double, from: String, to: String,
                oneWay: Bool = false, closedTo: Set<Mode> = [], geometry: [Coordinate], lengthMeters: Double = 0) {
        self.id = id
        self.name = name
        self.country = country
        self.roadClass = roadClass
        self.speedKph = speedKph
        self.from = from
        self.to = to
        self.oneWay = oneWay
        self.closedTo = closedTo
        self.geometry = geometry
        self.lengthMeters = lengthMeters
    }
}
