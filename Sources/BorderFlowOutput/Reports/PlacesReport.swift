import BorderFlow
import BorderFlowSpatial

/// The `places` listing in its three forms: every place a route can start or end at.
public struct PlacesReport: Report, Sendable {
    /// A place as listed, with the Border Patrol sector that holds it.
    public struct Row: Sendable {
        /// The place.
        public let place: Place
        /// The id of the sector that holds it; nil in Mexico or beyond the sectors.
        public let sector: String?

        /// A row.
        ///
        /// - Parameters:
        ///   - place: the place.
        ///   - sector: the id of the sector holding it, or nil.
        public init(place: Place, sector: String?) {
            self.place = place
            self.sector = sector
        }
    }

    /// The places listed, in order.
    public let rows: [Row]

    /// A report of places.
    ///
    /// - Parameter rows: the places with their sectors, in the order to list them.
    public init(rows: [Row]) {
        self.rows = rows
    }

    /// Filters by country, state, sector and part of a name (each optional).
    ///
    /// - Parameters:
    ///   - rows: the rows to filter.
    ///   - country: `US` or `MX`, or nil for either.
    ///   - state: a state code in any case (`TX`, `son`), or nil for any.
    ///   - sector: a sector id, or nil for any.
    ///   - name: text that the place's id, name or one of its other names contains, ignoring case and accents;
    ///     nil for any.
    /// - Returns: the rows that pass every filter given, in their order.
    public static func filtered(_ rows: [Row], country: Country?, state: String?, sector: String?, name: String?) -> [Row] {
        let wanted = name.map(NameMatching.key)
        return rows.filter { row in
            (country == nil || row.place.country == country)
                && (state == nil || row.place.state == state?.uppercased())
                && (sector == nil || row.sector == sector)
                && (wanted.map { wanted in
                    ([row.place.id, row.place.name] + row.place.alternateNames).contains { NameMatching.key($0).contains(wanted) }
                } ?? true)
        }
    }

    /// The report as JSON: the command's `--format json` contract.
    ///
    /// - Returns: an array with one object per place.
    public func json() -> JSONValue {
        .array(rows.map { row in
            .object(JSONObject([
                ("id", .string(row.place.id)),
                ("name", .string(row.place.name)),
                ("alternateNames", .array(row.place.alternateNames.map(JSONValue.string))),
                ("country", .string(row.place.country.rawValue)),
                ("state", .string(row.place.state)),
                ("sector", row.sector.map(JSONValue.string) ?? .null),
                ("population", .number(Double(row.place.population))),
                ("longitude", .number(row.place.coordinate.longitude)),
                ("latitude", .number(row.place.coordinate.latitude)),
            ]))
        })
    }

    /// The report as a table for people.
    ///
    /// - Returns: a row per place, then a line counting them per country.
    public func table() -> String {
        var table = TextTable(columns: [
            .init("ID"), .init("NAME"), .init("ALSO KNOWN AS"), .init("CTRY"), .init("ST"), .init("SECTOR"), .init("POPULATION", .right),
        ])
        for row in rows {
            table.append([row.place.id, row.place.name, row.place.alternateNames.joined(separator: ", "), row.place.country.rawValue,
                          row.place.state, row.sector ?? "-", formatCount(Double(row.place.population))])
        }
        let us = rows.count { $0.place.country == .us }
        let footer = "\(rows.count) place\(rows.count == 1 ? "" : "s") (\(us) US, \(rows.count - us) MX); a route's FROM and TO take an id, a name or another name listed here.\n"
        return table.render() + footer
    }

    /// The report as CSV: the command's `--format csv` contract.
    ///
    /// - Returns: a header and a row per place; other names joined by semicolons.
    public func csv() -> String {
        var table = CSVTable(header: ["id", "name", "alternateNames", "country", "state", "sector", "population", "longitude", "latitude"])
        for row in rows {
            table.append([row.place.id, row.place.name, row.place.alternateNames.joined(separator: ";"), row.place.country.rawValue,
                          row.place.state, row.sector ?? "", "\(row.place.population)",
                          formatFixed(row.place.coordinate.longitude, decimals: 6), formatFixed(row.place.coordinate.latitude, decimals: 6)])
        }
        return table.render()
    }
}
