import BorderFlowSpatial

/// The international boundary line, west (Pacific) to east (Gulf of Mexico), in longitude/latitude.
public struct Boundary: Hashable, Sendable {
    /// The line's vertices, west to east.
    public let line: [Coordinate]
}
