import BorderFlowSpatial

/// A U.S. Border Patrol sector: its id, name and polygon (longitude/latitude).
public struct Sector: Hashable, Sendable, Identifiable {
    /// A stable id, such as `del-rio`.
    public let id: String
    /// The sector's name, such as "Del Rio".
    public let name: String
    /// Polygon or MultiPolygon in WGS 84 longitude/latitude.
    public let geometry: GeoJSONGeometry

    /// Sectors are equal when id, name and geometry are.
    public static func == (lhs: Sector, rhs: Sector) -> Bool { lhs.id == rhs.id && lhs.name == rhs.name && lhs.geometry == rhs.geometry }
    /// Hashes the id.
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}
