import BorderFlow
import BorderFlowSpatial

/// The `baselines` answer: each count series' baseline daily volume at a reference month, the months behind
/// it and its seasonal factors, beside the dataset's `dailyVolume` for the same crossing (or, for a whole-port
/// series, the sum over the port's crossings) and the difference.
public struct BaselinesReport: Report, Sendable {
    /// The baselines reported.
    public let baselines: BaselineTable
    /// The dataset whose daily volumes they are compared with.
    public let dataset: Dataset

    /// A report of baselines.
    ///
    /// - Parameters:
    ///   - baselines: the baselines.
    ///   - dataset: the dataset to compare with.
    public init(baselines: BaselineTable, dataset: Dataset) {
        self.baselines = baselines
        self.dataset = dataset
    }

    /// The dataset's daily volume for a series: the crossing's, or the sum over the port's crossings that serve
    /// the mode; nil when none does.
    public func datasetDailyVolume(_ key: SeriesKey) -> Double? {
        let crossings = dataset.crossings.filter { crossing in
            key.crossing.map { crossing.id == $0 } ?? (crossing.portCode == key.port)
        }
        let volumes = crossings.compactMap { $0.dailyVolume[key.mode] }
        return volumes.isEmpty ? nil : volumes.reduce(0, +)
    }

    private func difference(_ row: BaselineTable.Row) -> Double? {
        guard let baseline = row.baseline?.dailyVolume, let volume = datasetDailyVolume(row.key), volume > 0 else { return nil }
        return (baseline - volume) / volume * 100
    }

    /// The report as a table for people.
    ///
    /// - Returns: a row per series, then a line on the method.
    public func table() -> String {
        var text = TextTable(columns: [.init("PORT"), .init("CROSSING"), .init("MODE"), .init("BASELINE/DAY", .right),
                                       .init("DATASET/DAY", .right), .init("DIFF %", .right), .init("MONTHS"),
                                       .init("SEASONAL YEARS", .right), .init("FACTORS JAN…DEC")])
        for row in baselines.rows {
            text.append([row.key.port, row.key.crossing ?? "(port)", row.key.mode.rawValue,
                         row.baseline.map { formatCount($0.dailyVolume) } ?? "-",
                         datasetDailyVolume(row.key).map(formatCount) ?? "-",
                         difference(row).map { formatFixed($0, decimals: 1) } ?? "-",
                         row.baseline?.monthsText ?? "-", "\(row.factorYears.count)",
                         row.factors.map { formatFixed($0, decimals: 2) }.joined(separator: " ")])
        }
        return text.render() + "Baselines: mean deseasonalised units per day over the last 12 undisrupted months up to \(baselines.reference); seasonal factors from clean calendar years (Docs/BACKCAST.md).\n"
    }

    /// The report as JSON: the command's `--format json` contract.
    ///
    /// - Returns: an object with `reference` and `series`, an array of `port`, `crossing`, `mode`,
    ///   `baselineDaily`, `months`, `monthsUsed`, `seasonalYears`, `factors` (twelve, January first),
    ///   `datasetDaily` and `differencePercent`.
    public func json() -> JSONValue {
        .object(JSONObject([
            ("reference", .string(baselines.reference.description)),
            ("series", .array(baselines.rows.map { row in
                .object(JSONObject([
                    ("port", .string(row.key.port)),
                    ("crossing", row.key.crossing.map(JSONValue.string) ?? .null),
                    ("mode", .string(row.key.mode.rawValue)),
                    ("baselineDaily", row.baseline.map { .number($0.dailyVolume, decimals: 1) } ?? .null),
                    ("months", row.baseline.map { .string($0.monthsText) } ?? .null),
                    ("monthsUsed", .array((row.baseline?.months ?? []).map { .string($0.description) })),
                    ("seasonalYears", .array(row.factorYears.map { .number(Double($0)) })),
                    ("factors", .array(row.factors.map { .number($0, decimals: 3) })),
                    ("datasetDaily", datasetDailyVolume(row.key).map { .number($0, decimals: 1) } ?? .null),
                    ("differencePercent", difference(row).map { .number($0, decimals: 1) } ?? .null),
                ]))
            })),
        ]))
    }

    /// The report as CSV: the command's `--format csv` contract.
    ///
    /// - Returns: the columns of `baselines.csv` (`BaselineTable.csv()`), then `datasetDaily` and
    ///   `differencePercent`.
    public func csv() -> String {
        var lines = baselines.csv().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        var text = (lines.first ?? "") + ",datasetDaily,differencePercent\n"
        for (row, line) in zip(baselines.rows, lines.dropFirst()) {
            text += line + "," + (datasetDailyVolume(row.key).map { formatFixed($0, decimals: 1) } ?? "") + ","
                + (difference(row).map { formatFixed($0, decimals: 1) } ?? "") + "\n"
        }
        return text
    }
}
