import Foundation

/// A name or id that matches no place, or more than one.
public enum LookupError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No place has this id or name: the places whose names come close, and what the dataset covers.
    case unknownPlace(String, suggestions: [PlaceMention], coverage: PlaceCoverage)
    /// Several places have this name: each of them, to choose one by id or by "name, state".
    case ambiguousPlace(String, matches: [PlaceMention])
    /// The text names a crossing, not a place: the crossing's id and name, and the places nearest it.
    case crossingNotPlace(String, crossing: String, crossingName: String, nearby: [PlaceMention])

    /// A message for people: what is wrong, where, and how to fix it.
    public var description: String {
        switch self {
        case let .unknownPlace(name, suggestions, coverage):
            let closest = suggestions.isEmpty ? "." : "; did you mean \(suggestions.map(\.description).joined(separator: " or "))?"
            return "no place is called \"\(name)\"\(closest) \(coverage)"
        case let .ambiguousPlace(name, matches):
            return "\"\(name)\" names several places: \(matches.map(\.description).joined(separator: ", ")); use an id or add the state (\"\(matches.first.map { "\($0.name), \($0.state)" } ?? name)\")"
        case let .crossingNotPlace(name, crossing, crossingName, nearby):
            return "\"\(name)\" is a crossing (\(crossingName), id \(crossing)), not a place; routes run between places, and the places nearest it are "
                + nearby.map(\.description).joined(separator: ", ")
        }
    }
}

/// A place as an error message names it: its id, then its name, state and country, and how far it is when that matters.
public struct PlaceMention: Hashable, Sendable, CustomStringConvertible {
    /// The place's id, which always finds it.
    public let id: String
    /// The place's name.
    public let name: String
    /// The place's state.
    public let state: String
    /// The place's side of the border.
    public let country: Country
    /// How far it is from what the message is about, in kilometres, when that matters.
    public let distanceKm: Double?

    /// A mention of a place.
    ///
    /// - Parameters:
    ///   - place: the place.
    ///   - distanceKm: how far it is from what the message is about, or nil.
    public init(_ place: Place, distanceKm: Double? = nil) {
        id = place.id
        name = place.name
        state = place.state
        country = place.country
        self.distanceKm = distanceKm
    }

    /// "alpine (Alpine, CA, US)", or "ajo (Ajo, AZ, US, 55 km)".
    public var description: String {
        let distance = distanceKm.map { ", \(Int($0.rounded())) km" } ?? ""
        return "\(id) (\(name), \(state), \(country.rawValue)\(distance))"
    }
}

/// What a dataset's places cover, told when a name matches none of them.
public struct PlaceCoverage: Hashable, Sendable, CustomStringConvertible {
    /// How many places there are on the U.S. side.
    public let usCount: Int
    /// How many places there are on the Mexican side.
    public let mexicanCount: Int
    /// The westernmost place's longitude, in degrees.
    public let west: Double
    /// The easternmost place's longitude, in degrees.
    public let east: Double
    /// The southernmost place's latitude, in degrees.
    public let south: Double
    /// The northernmost place's latitude, in degrees.
    public let north: Double

    /// The coverage of a set of places.
    ///
    /// - Parameter places: the places.
    public init(_ places: [Place]) {
        usCount = places.count { $0.country == .us }
        mexicanCount = places.count { $0.country == .mx }
        west = places.map(\.coordinate.longitude).min() ?? 0
        east = places.map(\.coordinate.longitude).max() ?? 0
        south = places.map(\.coordinate.latitude).min() ?? 0
        north = places.map(\.coordinate.latitude).max() ?? 0
    }

    /// "The dataset holds 216 places (136 US, 80 MX) between 117.4°W and 97.2°W, …; `borderflow places` lists them."
    public var description: String {
        func degrees(_ value: Double, _ positive: String, _ negative: String) -> String {
            String(format: "%.1f°%@", abs(value), value < 0 ? negative : positive)
        }
        return "The dataset holds \(usCount + mexicanCount) places (\(usCount) US, \(mexicanCount) MX) between "
            + "\(degrees(west, "E", "W")) and \(degrees(east, "E", "W")), \(degrees(south, "N", "S")) and \(degrees(north, "N", "S")): "
            + "towns near the border and the larger cities beyond it; `borderflow places` lists them. "
            + "To add a place, see places.geojson in GeoData/README.md."
    }
}
