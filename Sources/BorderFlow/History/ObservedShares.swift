import Foundation

/// Where a past event's traffic went, as the monthly counts show it, seasonally adjusted, with standard errors
/// from placebo windows. The method (also in `Docs/BACKCAST.md`):
///
/// 1. For each series (the lost facility's and each watched one), *expected(m)* = the series' level before the
///    event (mean deseasonalised daily volume of its last twelve undisrupted months, ``SeasonalBaseline``) ×
///    the seasonal factor of m. Its *change* is observed − expected, averaged over the event's months that are
///    counted (daily units).
/// 2. *Loss* = −change at the lost facility. A watched series' *share* = its change ÷ loss. *Share
///    disappeared* = 1 − the sum of the watched series' shares (mode switches included; units differ between
///    modes and are added as they are).
/// 3. *Standard errors*: the same computation over *placebo windows*, the event's months moved by whole years
///    to every other year in which every series is counted and undisrupted in all the window's months and has
///    a level before it. Each placebo change is divided by the event's actual loss; a share's standard error is
///    the standard deviation of its placebo shares, the loss's that of the lost facility's placebo changes,
///    and the disappeared share's that of (−placebo change lost − Σ placebo changes watched) ÷ loss.
/// 4. *Reopening*: when the event ended, each series' change in the three months after its end (counted,
///    undisrupted months only), against the same pre-event expectation: a neighbour that gave the traffic back
///    returns to about zero.
///
/// For a staffing event no facility is lost: each watched series' change (and its standard error) is given,
/// and no shares.
public struct ObservedShares: Sendable {
    /// One series' change over some months against its pre-event expectation.
    public struct Change: Sendable, Equatable {
        /// Mean expected units per day over the months.
        public let expected: Double
        /// Mean observed − expected units per day.
        public let change: Double
        /// The months averaged.
        public let months: [YearMonth]

        /// The change as a percentage of the expected volume; nil when nothing was expected.
        public var percentChange: Double? { expected > 0 ? change / expected * 100 : nil }
    }

    /// A watched series during and after the event.
    public struct Row: Sendable {
        /// The series and why it is watched.
        public let watch: PastEvent.Watch
        /// Its change during the event; nil when it cannot be measured (see ``unmeasured``).
        public let during: Change?
        /// The standard deviation of its placebo changes (units per day).
        public let changeStandardError: Double?
        /// Its change ÷ the loss.
        public let share: Double?
        /// The standard error of the share.
        public let shareStandardError: Double?
        /// Its change in the months after the event.
        public let after: Change?
        /// Why the series cannot be measured, when it cannot.
        public let unmeasured: String?

        /// The share of the loss it took in the months after the event.
        public func shareAfter(loss: Double?) -> Double? {
            guard let after, let loss, loss > 0 else { return nil }
            return after.change / loss
        }
    }

    /// The event.
    public let event: PastEvent
    /// The lost facility's change during the event (negative: traffic lost); nil for a staffing event or when
    /// it cannot be measured.
    public let lost: Change?
    /// The lost facility's change in the months after the event.
    public let lostAfter: Change?
    /// The standard deviation of the lost facility's placebo changes (units per day).
    public let lossStandardError: Double?
    /// The watched series, in the event file's order.
    public let rows: [Row]
    /// 1 − Σ shares of the measured watched series.
    public let disappeared: Double?
    /// The standard error of ``disappeared``.
    public let disappearedStandardError: Double?
    /// The first year of each placebo window used.
    public let placeboYears: [Int]
    /// Why there are no shares, when there are none.
    public let note: String?

    /// Units per day lost at the facility: −its change; nil when not measured.
    public var loss: Double? { lost.map { -$0.change } }

    /// Measures an event in the counts.
    ///
    /// - Parameters:
    ///   - event: the event.
    ///   - counts: the monthly counts.
    ///   - events: every event and disruption, which seasonal factors, levels and placebo windows avoid.
    public init(event: PastEvent, counts: MonthlyCounts, events: PastEvents) {
        self.event = event
        let eventMonths = Array(event.months)

        func baseline(_ key: SeriesKey) -> (MonthlyCounts.Series, SeasonalBaseline)? {
            counts.series(key).map { ($0, SeasonalBaseline(series: $0, events: events)) }
        }
        /// A series' mean change over months against its level before `levelEnd`.
        func change(_ series: MonthlyCounts.Series, _ seasonal: SeasonalBaseline, months: [YearMonth],
                    levelBefore levelEnd: YearMonth) -> Change? {
            guard let level = seasonal.level(before: levelEnd), !months.isEmpty else { return nil }
            var expected = 0.0, difference = 0.0
            for month in months {
                let value = level.dailyVolume * seasonal.factor(for: month)
                expected += value
                difference += series.dailyVolume(in: month)! - value
            }
            return Change(expected: expected / Double(months.count), change: difference / Double(months.count), months: months)
        }
        func during(_ series: MonthlyCounts.Series, _ seasonal: SeasonalBaseline) -> Change? {
            change(series, seasonal, months: eventMonths.filter { series.counts[$0] != nil }, levelBefore: event.months.lowerBound)
        }
        func after(_ series: MonthlyCounts.Series, _ seasonal: SeasonalBaseline) -> Change? {
            change(series, seasonal, months: event.monthsAfter.filter { seasonal.isUsable($0) }, levelBefore: event.months.lowerBound)
        }

        let lostSeries = event.lost.flatMap(baseline)
        let lost = lostSeries.flatMap { during($0.0, $0.1) }
        self.lost = lost
        lostAfter = lostSeries.flatMap { after($0.0, $0.1) }
        let loss = lost.map { -$0.change }

        struct Measured {
            let series: MonthlyCounts.Series
            let seasonal: SeasonalBaseline
            let during: Change
            let after: Change?
        }
        var measured: [Measured?] = []
        var unmeasured: [String?] = []
        for watch in event.watch {
            guard let (series, seasonal) = baseline(watch.series) else {
                measured.append(nil)
                unmeasured.append("no counts")
                continue
            }
            guard let during = during(series, seasonal) else {
                measured.append(nil)
                unmeasured.append(seasonal.level(before: event.months.lowerBound) == nil
                                  ? "fewer than \(SeasonalBaseline.levelMonths) undisrupted months before the event" : "no counts in the event's months")
                continue
            }
            measured.append(Measured(series: series, seasonal: seasonal, during: during, after: after(series, seasonal)))
            unmeasured.append(nil)
        }

        // Placebo windows: the event's months moved by whole years, where every measured series is counted and
        // undisrupted in every month and has a level before the window.
        var involved = measured.compactMap { $0.map { ($0.series, $0.seasonal) } }
        if let lostSeries, lost != nil { involved.append(lostSeries) }
        let allMonths = involved.flatMap { $0.0.counts.keys }
        var placeboYears: [Int] = []
        var placeboLost: [Double] = []
        var placeboWatched = [[Double]](repeating: [], count: measured.count)
        var placeboDisappeared: [Double] = []
        if let first = allMonths.min(), let last = allMonths.max(), !involved.isEmpty {
            let lowest = (first.year - event.months.lowerBound.year) - 1, highest = (last.year - event.months.upperBound.year) + 1
            for shift in lowest...max(lowest, highest) where shift != 0 {
                let window = eventMonths.map { $0.advanced(by: 12 * shift) }
                let start = window[0]
                let eligible = involved.allSatisfy { _, seasonal in
                    window.allSatisfy { seasonal.isUsable($0) } && seasonal.level(before: start) != nil
                }
                guard eligible else { continue }
                var watchedChanges: [Double?] = []
                for entry in measured {
                    watchedChanges.append(entry.flatMap { change($0.series, $0.seasonal, months: window, levelBefore: start)?.change })
                }
                placeboYears.append(start.year)
                for (index, value) in watchedChanges.enumerated() { if let value { placeboWatched[index].append(value) } }
                if let (series, seasonal) = lostSeries, lost != nil, let lostChange = change(series, seasonal, months: window, levelBefore: start)?.change {
                    placeboLost.append(lostChange)
                    if let loss, loss > 0 {
                        placeboDisappeared.append((-lostChange - watchedChanges.compactMap { $0 }.reduce(0, +)) / loss)
                    }
                }
            }
        }
        self.placeboYears = placeboYears
        lossStandardError = Self.standardDeviation(placeboLost)

        let shareable = loss.map { $0 > 0 } ?? false
        rows = event.watch.indices.map { index in
            let entry = measured[index]
            let changeError = Self.standardDeviation(placeboWatched[index])
            return Row(watch: event.watch[index], during: entry?.during, changeStandardError: changeError,
                       share: shareable ? entry.map { $0.during.change / loss! } : nil,
                       shareStandardError: shareable ? changeError.map { $0 / loss! } : nil,
                       after: entry?.after, unmeasured: unmeasured[index])
        }
        if shareable {
            disappeared = 1 - rows.compactMap(\.share).reduce(0, +)
            disappearedStandardError = Self.standardDeviation(placeboDisappeared)
            note = nil
        } else {
            disappeared = nil
            disappearedStandardError = nil
            if event.lost == nil {
                note = "no facility was lost: changes only"
            } else if lost == nil {
                note = "the lost facility cannot be measured: " + (lostSeries == nil ? "no counts" : "no level before the event or no counts in its months")
            } else {
                note = "the counts show no loss at the facility"
            }
        }
    }

    /// The sample standard deviation (n − 1); nil for fewer than two values.
    static func standardDeviation(_ values: [Double]) -> Double? {
        guard values.count >= 2 else { return nil }
        let mean = values.reduce(0, +) / Double(values.count)
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (squares / Double(values.count - 1)).squareRoot()
    }
}
