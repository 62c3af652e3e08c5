import BorderFlowSpatial

/// A road or rail node that is neither a place nor a crossing: an interchange or a fork.
public struct Junction: Hashable, Sendable, Identifiable {
    /// A stable id.
    public let id: String
    /// Its name, such as an interchange's.
    public let name: String
    /// The side of the border it is on.
    public let country: Country
    /// Where it is, in longitude and latitude.
    public let coordinate: Coordinate
}
