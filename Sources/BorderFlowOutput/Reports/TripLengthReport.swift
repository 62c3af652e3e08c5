import BorderFlow
import BorderFlowSpatial

/// The `demand` report: per mode, the shares of daily trips by cost across, by straight-line distance and
/// between twin cities.
public struct TripLengthReport: Report, Sendable {
    /// The trip lengths reported.
    public let lengths: TripLengths

    /// A report of a demand's trip lengths.
    ///
    /// - Parameter lengths: the trip lengths (`TripLengths(demand:network:)`).
    public init(lengths: TripLengths) {
        self.lengths = lengths
    }

    private func percent(_ share: Double) -> String { formatFixed(share * 100, decimals: 1) }

    /// The report as JSON: the command's `--format json` contract.
    ///
    /// - Returns: an array with one object per mode: `mode`, `pairs`, `dailyTrips`, `dailyTripsWithoutCrossing`,
    ///   `twinCityPercent`, and `costBands` and `distanceBands`, each an array of `band` and `percent`.
    public func json() -> JSONValue {
        func bands(_ bands: [TripLengths.Band], _ shares: [Double]) -> JSONValue {
            .array(zip(bands, shares).map { band, share in
                .object(JSONObject([("band", .string(band.label)), ("percent", .number(share * 100, decimals: 2))]))
            })
        }
        return .array(lengths.modes.map { row in
            .object(JSONObject([
                ("mode", .string(row.mode.rawValue)),
                ("pairs", .number(Double(row.pairs))),
                ("dailyTrips", .number(row.dailyTrips, decimals: 1)),
                ("dailyTripsWithoutCrossing", .number(row.dailyTripsWithoutCrossing, decimals: 1)),
                ("twinCityPercent", .number(row.twinCityShare * 100, decimals: 2)),
                ("costBands", bands(TripLengths.costBands, row.costShares)),
                ("distanceBands", bands(TripLengths.distanceBands, row.distanceShares)),
            ]))
        })
    }

    /// The report as a table for people.
    ///
    /// - Returns: a table of cost bands and one of distance bands, a row per mode in each, then what they measure.
    public func table() -> String {
        func table(_ bands: [TripLengths.Band], _ shares: (TripLengths.ModeLengths) -> [Double], twinCity: Bool) -> String {
            var columns: [TextTable.Column] = [.init("MODE"), .init("TRIPS/DAY", .right)]
            columns += bands.map { .init($0.label.uppercased(), .right) }
            if twinCity { columns.append(.init("TWIN-CITY", .right)) }
            var table = TextTable(columns: columns)
            for row in lengths.modes {
                var cells = [row.mode.rawValue, formatCount(row.dailyTrips)] + shares(row).map { percent($0) }
                if twinCity { cells.append(percent(row.twinCityShare)) }
                table.append(cells)
            }
            return table.render()
        }
        var text = "Daily trips by cost across (road or rail time both sides, without inspection), percent:\n\n"
        text += table(TripLengths.costBands, \.costShares, twinCity: true)
        text += "\nDaily trips by straight-line distance from origin to destination, percent:\n\n"
        text += table(TripLengths.distanceBands, \.distanceShares, twinCity: false)
        let without = lengths.modes.reduce(0) { $0 + $1.dailyTripsWithoutCrossing }
        text += "\nTwin-city trips have both ends within \(formatCount(TripLengths.twinCityRadiusMeters / 1000)) km of one crossing."
        if without > 0 { text += " \(formatCount(without)) daily trips have no way across and are left out." }
        return text + "\n"
    }

    /// The report as CSV: the command's `--format csv` contract.
    ///
    /// - Returns: a header and a row per mode and band (`measure` is `cost`, `distance` or `twin-city`).
    public func csv() -> String {
        var table = CSVTable(header: ["mode", "measure", "band", "dailyTrips", "percent"])
        for row in lengths.modes {
            for (band, share) in zip(TripLengths.costBands, row.costShares) {
                table.append([row.mode.rawValue, "cost", band.label, formatFixed(share * row.dailyTrips, decimals: 1), formatFixed(share * 100, decimals: 2)])
            }
            for (band, share) in zip(TripLengths.distanceBands, row.distanceShares) {
                table.append([row.mode.rawValue, "distance", band.label, formatFixed(share * row.dailyTrips, decimals: 1), formatFixed(share * 100, decimals: 2)])
            }
            table.append([row.mode.rawValue, "twin-city", "", formatFixed(row.twinCityShare * row.dailyTrips, decimals: 1),
                          formatFixed(row.twinCityShare * 100, decimals: 2)])
        }
        return table.render()
    }
}
