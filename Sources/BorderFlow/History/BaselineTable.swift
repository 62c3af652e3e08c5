import BorderFlowSpatial

/// Every count series' baseline daily volume at a reference month and its twelve seasonal factors (see
/// ``SeasonalBaseline`` for the method): `GeoData/baselines.csv`, written by `borderflow build-counts` and
/// printed by `borderflow baselines`.
public struct BaselineTable: Sendable {
    /// One series' baseline and factors.
    public struct Row: Sendable {
        /// The series.
        public let key: SeriesKey
        /// The baseline daily volume and the months it averages; nil when fewer than twelve undisrupted months
        /// are counted in the 36 up to the reference month.
        public let baseline: SeasonalBaseline.Level?
        /// The seasonal factors, January first.
        public let factors: [Double]
        /// The clean calendar years behind the factors.
        public let factorYears: [Int]
    }

    /// The file's name in a dataset folder.
    public static let fileName = "baselines.csv"
    /// The month the bundled baselines end at: the last month of the per-bridge counts, November 2023.
    public static let defaultReference = YearMonth(year: 2023, month: 11)!
    /// The file's columns: the series, its baseline, the months behind it, the number of clean years behind the
    /// factors, and the twelve factors.
    public static let header = ["port", "crossing", "mode", "baselineDaily", "months", "seasonalYears",
                                "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// The last month the baselines may use.
    public let reference: YearMonth
    /// One row per series, in the counts' order.
    public let rows: [Row]

    /// The baselines of every series of some counts.
    ///
    /// - Parameters:
    ///   - counts: the monthly counts.
    ///   - events: the events and disruptions whose months are avoided.
    ///   - reference: the last month the baselines may use.
    public init(counts: MonthlyCounts, events: PastEvents, reference: YearMonth = defaultReference) {
        self.reference = reference
        rows = counts.series.map { series in
            let seasonal = SeasonalBaseline(series: series, events: events)
            return Row(key: series.key, baseline: seasonal.baseline(at: reference), factors: seasonal.factors,
                       factorYears: seasonal.factorYears)
        }
    }

    /// The table as the project's CSV: daily volumes to one decimal, factors to three, rows in the counts'
    /// order, so that the same inputs give the same bytes.
    ///
    /// - Returns: the text, ending in a newline.
    public func csv() -> String {
        var table = CSVTable(header: Self.header, formulas: .verbatim)
        for row in rows {
            table.append([row.key.port, row.key.crossing ?? "", row.key.mode.rawValue,
                          row.baseline.map { formatFixed($0.dailyVolume, decimals: 1) } ?? "",
                          row.baseline?.monthsText ?? "", "\(row.factorYears.count)"]
                         + row.factors.map { formatFixed($0, decimals: 3) })
        }
        return table.render()
    }
}
