import BorderFlowSpatial

/// A city or town where border trips start or end.
public struct Place: Hashable, Sendable, Identifiable {
    /// A stable id, such as `ciudad-juarez`.
    public let id: String
    /// The place's name, with accents.
    public let name: String
    /// The side of the border it is on.
    public let country: Country
    /// State postal code (U.S.) or abbreviation (Mexico: BC, SON, CHIH, COAH, NL, TAMPS).
    public let state: String
    /// Population (GeoNames).
    public let population: Int
    /// Where it is, in longitude and latitude (WGS 84).
    public let coordinate: Coordinate
}
