/// The side of the border.
public enum Country: String, CaseIterable, Sendable, Codable {
    /// The United States side, written `US` in the data.
    case us = "US"
    /// The Mexican side, written `MX` in the data.
    case mx = "MX"
}
