/// A count series' seasonal pattern and ordinary level, from its undisrupted months only.
///
/// **Seasonal factors.** A *clean year* is a calendar year whose twelve months are all counted and none is
/// disrupted (see ``PastEvents/isDisrupted(_:in:)``): not held out, not in a known disruption, not in an event
/// that loses or watches the series. In each clean year every month's daily volume (count ÷ days) is divided
/// by that year's level, the mean of its twelve daily volumes; the factor of a month of the year is the mean of
/// those ratios over the clean years. The twelve factors average 1. A series with no clean year (or with a
/// level of zero in every clean year) has every factor 1, and says so with an empty ``factorYears``.
///
/// **Level.** A month's *deseasonalised* daily volume is its daily volume ÷ its month's factor. The level before
/// a month is the mean deseasonalised daily volume of the most recent twelve undisrupted, counted months before
/// it, looked for among the 36 months before it; with fewer than twelve there, there is no level. The baseline
/// daily volume at a reference month is the level of the twelve months up to and including it.
public struct SeasonalBaseline: Sendable {
    /// The deseasonalised level of some months.
    public struct Level: Sendable, Equatable {
        /// Mean deseasonalised units per day.
        public let dailyVolume: Double
        /// The months it is the mean of, earliest first.
        public let months: [YearMonth]

        /// The months as people read them: `2022-09..2023-08`, or with ` minus …` for months skipped.
        public var monthsText: String { YearMonth.spanText(months) }
    }

    /// The series.
    public let key: SeriesKey
    /// The factor of each month of the year, January first: twelve numbers averaging 1.
    public let factors: [Double]
    /// The clean calendar years the factors were estimated from, earliest first.
    public let factorYears: [Int]
    /// Daily volumes of the series' counted, undisrupted months.
    private let usable: [YearMonth: Double]

    /// How many undisrupted months a level averages.
    public static let levelMonths = 12
    /// How far back, in months, the months of a level are looked for.
    public static let levelLookbackMonths = 36

    /// A series' seasonal factors, with its undisrupted months kept for levels.
    ///
    /// - Parameters:
    ///   - series: the series.
    ///   - events: the events and disruptions whose months the series must avoid.
    public init(series: MonthlyCounts.Series, events: PastEvents) {
        self.init(series: series) { events.isDisrupted(series.key, in: $0) }
    }

    /// A series' seasonal factors, avoiding the months a predicate calls disrupted.
    ///
    /// - Parameters:
    ///   - series: the series.
    ///   - isDisrupted: whether a month is disrupted for this series.
    public init(series: MonthlyCounts.Series, isDisrupted: (YearMonth) -> Bool) {
        key = series.key
        var usable: [YearMonth: Double] = [:]
        for month in series.counts.keys where !month.isHeldOut && !isDisrupted(month) {
            usable[month] = series.dailyVolume(in: month)
        }
        self.usable = usable

        var sums = [Double](repeating: 0, count: 12)
        var years: [Int] = []
        for year in Set(usable.keys.map(\.year)).sorted() {
            let daily = (1...12).compactMap { YearMonth(year: year, month: $0).flatMap { usable[$0] } }
            guard daily.count == 12 else { continue }
            let level = daily.reduce(0, +) / 12
            guard level > 0 else { continue }
            for (index, value) in daily.enumerated() { sums[index] += value / level }
            years.append(year)
        }
        factorYears = years
        factors = years.isEmpty ? [Double](repeating: 1, count: 12) : sums.map { $0 / Double(years.count) }
    }

    /// The factor of a month's month of the year.
    ///
    /// - Parameter month: the month.
    /// - Returns: its factor; 1 when the series has no clean year.
    public func factor(for month: YearMonth) -> Double { factors[month.month - 1] }

    /// Whether a month is counted and undisrupted for this series.
    ///
    /// - Parameter month: the month.
    /// - Returns: true when the month can stand for an ordinary month.
    public func isUsable(_ month: YearMonth) -> Bool { usable[month] != nil }

    /// The deseasonalised level of the most recent undisrupted months before a month.
    ///
    /// - Parameter end: the first month not included.
    /// - Returns: the mean deseasonalised daily volume of the last ``levelMonths`` usable months before `end`
    ///   within ``levelLookbackMonths``; nil when fewer are usable there.
    public func level(before end: YearMonth) -> Level? {
        var months: [YearMonth] = []
        var month = end.advanced(by: -1)
        while months.count < Self.levelMonths, end.distance(to: month) >= -Self.levelLookbackMonths {
            if usable[month] != nil { months.append(month) }
            month = month.advanced(by: -1)
        }
        guard months.count == Self.levelMonths else { return nil }
        months.reverse()
        let total = months.reduce(0.0) { sum, month in
            let factor = factor(for: month)
            return sum + (factor > 0 ? usable[month]! / factor : 0)
        }
        return Level(dailyVolume: total / Double(months.count), months: months)
    }

    /// The baseline daily volume at a reference month: the level of the most recent twelve undisrupted months up
    /// to and including it.
    ///
    /// - Parameter reference: the last month that may be used.
    /// - Returns: the level and its months; nil when fewer than twelve are usable in the 36 months up to it.
    public func baseline(at reference: YearMonth) -> Level? {
        level(before: reference.advanced(by: 1))
    }
}
