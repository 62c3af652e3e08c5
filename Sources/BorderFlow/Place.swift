import BorderFlowSpatial

/// A city or town where border trips start or end.
public struct Place: Hashable, Sendable, Identifiable {
    public let id: String
    public let name: String
    public let country: Country
    /// State postal code (U.S.) or abbreviation (Mexico: BC, SON, CHIH, COAH, NL, TAMPS).
    public let state: String
    public let population: Int
    public let coordinate: Coordinate
}

/// The side of the border.
public enum Country: String, CaseIterable, Sendable, Codable {
    case us = "US"
    case mx = "MX"
}
