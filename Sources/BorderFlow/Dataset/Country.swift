/// The side of the border.
public enum Country: String, CaseIterable, Sendable, Codable {
    /// The United States side, written `US` in the data.
    case us = "US"
    /// The Mexican side, written `MX` in the data.
    case mx = "MX"
}

extension Country {
    /// The codes of the side's border states as the data writes them: `CA`, `AZ`, `NM`, `TX`; `BC`, `SON`,
    /// `CHIH`, `COAH`, `NL`, `TAMPS`.
    static let stateCodes: [Country: Set<String>] = [
        .us: ["CA", "AZ", "NM", "TX"],
        .mx: ["BC", "SON", "CHIH", "COAH", "NL", "TAMPS"],
    ]

    /// The codes of this side's border states.
    var stateCodes: Set<String> { Self.stateCodes[self] ?? [] }
}
