import BorderFlow
import BorderFlowSpatial

/// The fit per crossing and mode: observed against modelled daily volume.
public struct CalibrationReport: Report, Sendable {
    /// The fit reported.
    public let fit: DemandFit
    /// The dataset, for crossing ids.
    public let dataset: Dataset

    /// A report of a fit.
    ///
    /// - Parameters:
    ///   - fit: the fit.
    ///   - dataset: its dataset.
    public init(fit: DemandFit, dataset: Dataset) {
        self.fit = fit
        self.dataset = dataset
    }

    private func error(_ row: (crossing: CrossingIndex, mode: Mode, observed: Double, modelled: Double)) -> Double? {
        row.observed > 0 ? 100 * (row.modelled - row.observed) / row.observed : nil
    }

    /// The report as JSON: the command's `--format json` contract.
    ///
    /// - Returns: an object with the fit's trips, rounds, worst error and gap, and a `crossings` array of rows.
    public func json() -> JSONValue {
        .object(JSONObject([
            ("trips", .number(Double(fit.demand.trips.count))),
            ("rounds", .number(Double(fit.rounds))),
            ("worstErrorPercent", .number(fit.worstRelativeError * 100, decimals: 2)),
            ("relativeGap", .number(fit.assignment.relativeGap)),
            ("crossings", .array(fit.fit.map { row in
                .object(JSONObject([
                    ("id", .string(dataset.crossings[row.crossing].id)), ("mode", .string(row.mode.rawValue)),
                    ("observed", .number(row.observed, decimals: 1)), ("modelled", .number(row.modelled, decimals: 1)),
                    ("errorPercent", error(row).map { .number($0, decimals: 2) } ?? .null),
                ]))
            })),
        ]))
    }

    /// The report as a table for people.
    ///
    /// - Returns: a row per crossing and mode, then a line on the whole fit.
    public func table() -> String {
        var table = TextTable(columns: [.init("CROSSING"), .init("MODE"), .init("OBSERVED/DAY", .right), .init("MODELLED/DAY", .right), .init("ERROR %", .right)])
        for row in fit.fit {
            table.append([dataset.crossings[row.crossing].id, row.mode.rawValue, formatCount(row.observed), formatCount(row.modelled),
                          error(row).map { formatFixed($0, decimals: 2) } ?? "-"])
        }
        return table.render() + "\(formatCount(Double(fit.demand.trips.count), "trip", "trips")) fitted in \(formatCount(Double(fit.rounds), "round", "rounds")); worst error \(formatFixed(fit.worstRelativeError * 100, decimals: 2))%; equilibrium relative gap \(String(format: "%.1e", fit.assignment.relativeGap)).\n"
    }

    /// The report as CSV: the command's `--format csv` contract.
    ///
    /// - Returns: a header and a row per crossing and mode.
    public func csv() -> String {
        var table = CSVTable(header: ["crossing", "mode", "observed", "modelled", "errorPercent"])
        for row in fit.fit {
            table.append([dataset.crossings[row.crossing].id, row.mode.rawValue, formatFixed(row.observed, decimals: 1),
                          formatFixed(row.modelled, decimals: 1), error(row).map { formatFixed($0, decimals: 2) } ?? ""])
        }
        return table.render()
    }
}
