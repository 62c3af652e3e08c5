import BorderFlowSpatial

/// A U.S. Border Patrol sector: its id, name and polygon (longitude/latitude).
public struct Sector: Hashable, Sendable, Identifiable {
    public let id: String
    public let name: String
    /// Polygon or MultiPolygon in WGS 84 longitude/latitude.
    public let geometry: GeoJSONGeometry

    public static func == (lhs: Sector, rhs: Sector) -> Bool { lhs.id == rhs.id && lhs.name == rhs.name && lhs.geometry == rhs.geometry }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// The international boundary line, west (Pacific) to east (Gulf of Mexico), in longitude/latitude.
public struct Boundary: Hashable, Sendable {
    public let line: [Coordinate]
}
