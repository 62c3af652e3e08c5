import BorderFlowSpatial

/// One road or rail segment between two network nodes, on one side of the border. Two-way.
public struct Road: Hashable, Sendable, Identifiable {
    public enum RoadClass: String, CaseIterable, Sendable {
        case motorway
        case trunk
        case primary
        case secondary
        case local
        case rail
    }

    public let id: String
    /// The route as signed: "I-19", "MEX 15D", "UP Sunset Route".
    public let name: String
    public let country: Country
    public let roadClass: RoadClass
    /// Typical free-flow speed of a car (for rail, of a freight train).
    public let speedKph: Double
    /// Node ids: a place, a junction, or a crossing (its side on this road's country).
    public let from: String
    public let to: String
    public let geometry: [Coordinate]
    /// Geodesic length of the geometry on the WGS 84 ellipsoid, computed when the dataset loads.
    public internal(set) var lengthMeters: Double

    public var isRail: Bool { roadClass == .rail }
}

/// A road or rail node that is neither a place nor a crossing: an interchange or a fork.
public struct Junction: Hashable, Sendable, Identifiable {
    public let id: String
    public let name: String
    public let country: Country
    public let coordinate: Coordinate
}
