import BorderFlow
import BorderFlowSpatial

/// The `crossings` listing in its three forms.
public struct CrossingsReport: Report, Sendable {
    /// The crossings listed.
    public let crossings: [Crossing]

    /// A report of crossings.
    ///
    /// - Parameter crossings: the crossings, in the order to list them.
    public init(crossings: [Crossing]) {
        self.crossings = crossings
    }

    /// Filters by sector id, state and mode (each optional).
    ///
    /// - Parameters:
    ///   - crossings: the crossings to filter.
    ///   - sector: a sector id, or nil for any.
    ///   - state: a U.S. state postal code in any case, or nil for any.
    ///   - mode: a mode the crossing must serve, or nil for any.
    /// - Returns: the crossings that pass every filter given, in their order.
    public static func filtered(_ crossings: [Crossing], sector: String?, state: String?, mode: Mode?) -> [Crossing] {
        crossings.filter { crossing in
            (sector == nil || crossing.sector == sector)
                && (state == nil || crossing.state == state?.uppercased())
                && (mode == nil || crossing.serves(mode!))
        }
    }

    /// The report as JSON: the command's `--format json` contract.
    ///
    /// - Returns: an array with one object per crossing.
    public func json() -> JSONValue {
        .array(crossings.map { crossing in
            func perMode<T>(_ values: PerMode<T>, _ convert: (T) -> JSONValue) -> JSONValue {
                .object(JSONObject(crossing.modes.compactMap { mode in values[mode].map { (mode.rawValue, convert($0)) } }))
            }
            return .object(JSONObject([
                ("id", .string(crossing.id)),
                ("name", .string(crossing.name)),
                ("kind", .string(crossing.kind.rawValue)),
                ("port", .string(crossing.port)),
                ("portCode", .string(crossing.portCode)),
                ("state", .string(crossing.state)),
                ("sector", crossing.sector.map(JSONValue.string) ?? .null),
                ("mexicanCity", .string(crossing.mexicanCity)),
                ("mexicanState", .string(crossing.mexicanState)),
                ("longitude", .number(crossing.coordinate.longitude)),
                ("latitude", .number(crossing.coordinate.latitude)),
                ("modes", .array(crossing.modes.map { .string($0.rawValue) })),
                ("hours", perMode(crossing.hours) { .string($0.description) }),
                ("timeZone", .string(crossing.timeZone)),
                ("lanes", perMode(crossing.lanes) { .number(Double($0)) }),
                ("dailyVolume", perMode(crossing.dailyVolume) { .number($0) }),
                ("dailyCapacity", .object(JSONObject(crossing.modes.map { ($0.rawValue, .number(crossing.dailyCapacity(for: $0))) }))),
            ]))
        })
    }

    /// The report as a table for people.
    ///
    /// - Returns: a row per crossing with its daily volumes, then a line counting them.
    public func table() -> String {
        var table = TextTable(columns: [
            .init("ID"), .init("NAME"), .init("PORT"), .init("CODE"), .init("ST"), .init("SECTOR"), .init("MODES"),
            .init("PED/DAY", .right), .init("POV/DAY", .right), .init("BUS/DAY", .right), .init("TRUCK/DAY", .right), .init("RAILCARS/DAY", .right),
        ])
        for crossing in crossings {
            let volumes = [Mode.pedestrian, .pov, .bus, .truck, .rail].map { mode in
                crossing.dailyVolume[mode].map(formatCount) ?? "-"
            }
            let name = crossing.name.count > 44 ? String(crossing.name.prefix(43)) + "…" : crossing.name
            table.append([crossing.id, name, crossing.port, crossing.portCode, crossing.state, crossing.sector ?? "-",
                          crossing.modes.map(\.rawValue).joined(separator: ",")] + volumes)
        }
        let footer = formatCount(Double(crossings.count), "crossing", "crossings") + "; volumes are northbound units on an ordinary day, the deseasonalised baselines (persons, vehicles, buses, trucks, railcars).\n"
        return table.render() + footer
    }

    /// The report as CSV: the command's `--format csv` contract.
    ///
    /// - Returns: a header and a row per crossing.
    public func csv() -> String {
        var table = CSVTable(header: ["id", "name", "kind", "port", "portCode", "state", "sector", "mexicanCity", "mexicanState",
                                      "longitude", "latitude", "modes"] + Mode.allCases.map { "dailyVolume_\($0.rawValue)" })
        for crossing in crossings {
            table.append([crossing.id, crossing.name, crossing.kind.rawValue, crossing.port, crossing.portCode, crossing.state,
                          crossing.sector ?? "", crossing.mexicanCity, crossing.mexicanState,
                          formatFixed(crossing.coordinate.longitude, decimals: 6), formatFixed(crossing.coordinate.latitude, decimals: 6),
                          crossing.modes.map(\.rawValue).joined(separator: ";")]
                         + Mode.allCases.map { mode in crossing.dailyVolume[mode].map { formatFixed($0, decimals: 1) } ?? "" })
        }
        return table.render()
    }
}
