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
    /// Other names people know it by (GeoNames alternate names: "Matamoros", "Juárez"); may be empty.
    public let alternateNames: [String]

    /// A place.
    ///
    /// - Parameters:
    ///   - id: a stable id.
    ///   - name: the name, with accents.
    ///   - country: the side of the border.
    ///   - state: the state's postal code or abbreviation.
    ///   - population: the population.
    ///   - coordinate: where it is (WGS 84).
    ///   - alternateNames: other names it is known by.
    public init(id: String, name: String, country: Country, state: String, population: Int, coordinate: Coordinate,
                alternateNames: [String] = []) {
        self.id = id
        self.name = name
        self.country = country
        self.state = state
        self.population = population
        self.coordinate = coordinate
        self.alternateNames = alternateNames
    }

    /// The name with its state and country, as answers print it: "Alpine, CA (US)".
    public var label: String { "\(name), \(state) (\(country.rawValue))" }
}
