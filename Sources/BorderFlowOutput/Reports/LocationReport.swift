import BorderFlow
import BorderFlowSpatial

/// The `locate` answer in its three forms.
public struct LocationReport: Report, Sendable {
    /// The location reported.
    public let location: Location

    /// A report of a location.
    ///
    /// - Parameter location: the location.
    public init(location: Location) {
        self.location = location
    }

    /// The report as JSON: the command's `--format json` contract.
    ///
    /// - Returns: an object with the point, its side, sector, distance to the border and nearest crossings.
    public func json() -> JSONValue {
        .object(JSONObject([
            ("longitude", .number(location.coordinate.longitude)),
            ("latitude", .number(location.coordinate.latitude)),
            ("country", location.country.map { .string($0.rawValue) } ?? .null),
            ("sector", location.sector.map { .string($0.id) } ?? .null),
            ("distanceToBorderKm", .number(location.distanceToBorderKm, decimals: Self.kilometreDecimals)),
            ("nearestCrossings", .array(location.nearestCrossings.map { nearby in
                .object(JSONObject([("id", .string(nearby.id)), ("distanceKm", .number(nearby.distanceKm, decimals: Self.kilometreDecimals))]))
            })),
        ]))
    }

    /// Kilometres to the metre: the honest precision of these distances.
    static let kilometreDecimals = 3

    /// The report as a table for people.
    ///
    /// - Returns: the point's side, sector and distance to the border, then the nearest crossings.
    public func table() -> String {
        let country: String
        switch location.country {
        case .us?: country = "United States"
        case .mx?: country = "Mexico"
        case nil: country = "outside the modelled region (more than \(Int(BorderRegion.modelledReachMeters / 1000)) km from the border)"
        }
        let sector = location.sector.map { "\($0.name) (\($0.id))" }
            ?? (location.country == .mx ? "none (Mexico)" : "none (outside the 100-mile border zone)")
        var text = "Point    \(location.coordinate)\n"
        text += "Country  \(country)\n"
        text += "Sector   \(sector)\n"
        text += "Border   \(formatFixed(location.distanceToBorderKm, decimals: 1)) km away"
        if location.boundaryLineOffsetKm >= 0.1 {
            // Why a bridge can be nearer than the border: the line is generalised, the crossings are not.
            text += ", from the generalised boundary line, which strays up to \(formatFixed(location.boundaryLineOffsetKm, decimals: 1)) km from the crossings on the real border"
        }
        text += "\n\n"
        var table = TextTable(columns: [.init("NEAREST CROSSING"), .init("ID"), .init("KM", .right)])
        for nearby in location.nearestCrossings {
            table.append([nearby.name, nearby.id, formatFixed(nearby.distanceKm, decimals: 1)])
        }
        return text + table.render()
    }

    /// The report as CSV: the command's `--format csv` contract.
    ///
    /// - Returns: a header and a row per nearest crossing, each repeating the point; one row when there is none.
    public func csv() -> String {
        var table = CSVTable(header: ["longitude", "latitude", "country", "sector", "distanceToBorderKm", "rank", "crossing", "distanceKm"])
        let prefix = [formatFixed(location.coordinate.longitude, decimals: 6), formatFixed(location.coordinate.latitude, decimals: 6),
                      location.country?.rawValue ?? "", location.sector?.id ?? "", formatFixed(location.distanceToBorderKm, decimals: 3)]
        for (rank, nearby) in location.nearestCrossings.enumerated() {
            table.append(prefix + ["\(rank + 1)", nearby.id, formatFixed(nearby.distanceKm, decimals: 3)])
        }
        if location.nearestCrossings.isEmpty { table.append(prefix + ["", "", ""]) }
        return table.render()
    }
}
