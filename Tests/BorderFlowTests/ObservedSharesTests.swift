import Foundation
import Testing
@testable import BorderFlow

private func month(_ text: String) -> YearMonth { YearMonth(parsing: text)! }

/// A series from a daily volume per month: each month's count is the volume × its days.
private func series(_ key: SeriesKey, from first: String, to last: String, daily: (YearMonth) -> Double) -> MonthlyCounts.Series {
    var counts: [YearMonth: Int] = [:]
    for one in month(first)...month(last) where !one.isHeldOut {
        counts[one] = Int((daily(one) * Double(one.days)).rounded())
    }
    return MonthlyCounts.Series(key: key, counts: counts)
}

@Suite("Seasonal baselines")
struct SeasonalBaselineTests {
    static let key = SeriesKey(port: "2701", crossing: "gate-a", mode: .pov)
    /// Jan … Dec; they average 1.
    static let pattern = [0.8, 0.9, 1.0, 1.1, 1.2, 1.0, 1.0, 1.0, 0.9, 0.9, 1.1, 1.1]
    /// 100 a day in 2010, 110 in 2011, … times the pattern; March 2012 closed.
    static let growing = series(key, from: "2010-01", to: "2013-12") { one in
        one == month("2012-03") ? 0 : Double(100 + 10 * (one.year - 2010)) * pattern[one.month - 1]
    }

    @Test func factorsAreEachMonthOverItsYearsLevelAveragedOverCleanYears() throws {
        let seasonal = SeasonalBaseline(series: Self.growing) { $0 == month("2012-03") }
        #expect(seasonal.factorYears == [2010, 2011, 2013], "2012 has a disrupted month")
        for (index, factor) in seasonal.factors.enumerated() {
            #expect(abs(factor - Self.pattern[index]) < 1e-9, "month \(index + 1)")
        }
    }

    @Test func theBaselineIsTheDeseasonalisedMeanOfTheLastTwelveUndisruptedMonths() throws {
        let seasonal = SeasonalBaseline(series: Self.growing) { $0 == month("2012-03") }
        let december = try #require(seasonal.baseline(at: month("2013-12")))
        #expect(abs(december.dailyVolume - 130) < 1e-9)
        #expect(december.monthsText == "2013-01..2013-12")
        let june = try #require(seasonal.baseline(at: month("2013-06")))
        #expect(abs(june.dailyVolume - 125) < 1e-9, "six months at 120, six at 130")
        let skipping = try #require(seasonal.baseline(at: month("2012-12")))
        #expect(skipping.monthsText == "2011-12..2012-12 minus 2012-03", "the disrupted month is skipped and one more taken")
        #expect(seasonal.baseline(at: month("2010-11")) == nil, "fewer than twelve months before it")
    }

    @Test func aSeriesWithNoCleanYearHasFlatFactors() {
        let short = series(Self.key, from: "2010-03", to: "2011-02") { _ in 50 }
        let seasonal = SeasonalBaseline(series: short) { _ in false }
        #expect(seasonal.factorYears.isEmpty)
        #expect(seasonal.factors == [Double](repeating: 1, count: 12))
    }
}

@Suite("Observed shares of a past event")
struct ObservedSharesTests {
    static let lostKey = SeriesKey(port: "2701", crossing: "gate-a", mode: .pov)
    static let neighbourKey = SeriesKey(port: "2702", crossing: "gate-b", mode: .pov)
    static let event = PastEvent(
        id: "gate-a-2015", title: "Gate A closed to a tenth of its cars", kind: .closure,
        months: month("2015-05")...month("2015-06"), lost: lostKey,
        watch: [PastEvent.Watch(series: neighbourKey, label: .samePort)])

    /// Flat series, 1,000 and 500 a day, 2010–2019. In May–June 2015, 100 a day move from A to B. B also varies
    /// by ±10 a day in May–June of 2012 and 2013, made up within the same year in November–December, so that
    /// no seasonal factor and no pre-window level moves: placebo shares of +0.1 and −0.1 in those two years,
    /// zero in the six others.
    static func counts() -> MonthlyCounts {
        let spring = Set([5, 6]), autumn = Set([11, 12])
        let lost = series(lostKey, from: "2010-01", to: "2019-12") { one in
            one.year == 2015 && spring.contains(one.month) ? 900 : 1_000
        }
        let neighbour = series(neighbourKey, from: "2010-01", to: "2019-12") { one in
            if one.year == 2015 && spring.contains(one.month) { return 600 }
            let sign: Double = one.year == 2012 ? 1 : one.year == 2013 ? -1 : 0
            if spring.contains(one.month) { return 500 + 10 * sign }
            if autumn.contains(one.month) { return 500 - 10 * sign }
            return 500
        }
        return MonthlyCounts(series: [lost, neighbour])
    }

    @Test func unitsMovedFromTheClosedFacilityToItsNeighbourAreAShareOfOne() throws {
        let shares = ObservedShares(event: Self.event, counts: Self.counts(), events: PastEvents(events: [Self.event], disruptions: []))
        let loss = try #require(shares.loss)
        #expect(abs(loss - 100) < 1e-9)
        #expect(abs((shares.lost?.percentChange ?? 0) + 10) < 1e-9)
        let row = try #require(shares.rows.first)
        #expect(abs((row.share ?? 0) - 1) < 1e-9)
        #expect(abs((shares.disappeared ?? 1) - 0) < 1e-9)
        #expect(row.during?.months == [month("2015-05"), month("2015-06")])
    }

    @Test func theStandardErrorIsTheSpreadOfThePlaceboShares() throws {
        let shares = ObservedShares(event: Self.event, counts: Self.counts(), events: PastEvents(events: [Self.event], disruptions: []))
        #expect(shares.placeboYears == [2011, 2012, 2013, 2014, 2016, 2017, 2018, 2019], "2010 has no twelve months before it; 2015 is the event")
        // Placebo shares 0, +0.1, −0.1, 0, 0, 0, 0, 0: mean 0, sample variance 0.02 / 7.
        let expected = (0.02 / 7).squareRoot()
        let row = try #require(shares.rows.first)
        #expect(abs((row.shareStandardError ?? 0) - expected) < 1e-9)
        #expect(abs((row.changeStandardError ?? 0) - 100 * expected) < 1e-7)
        #expect(abs((shares.disappearedStandardError ?? 0) - expected) < 1e-9)
        #expect(abs(shares.lossStandardError ?? 1) < 1e-9, "the closed facility's placebo changes are all zero")
    }

    @Test func placeboWindowsAvoidDisruptedYears() throws {
        let covid = Disruption(id: "2017", title: "a bad year", months: Set(month("2017-01")...month("2017-12")), scope: .all)
        let shares = ObservedShares(event: Self.event, counts: Self.counts(), events: PastEvents(events: [Self.event], disruptions: [covid]))
        #expect(shares.placeboYears == [2011, 2012, 2013, 2014, 2016, 2018, 2019], "2017 is disrupted; 2018's level reaches back past it")
    }

    @Test func theReopeningShowsWhetherTheNeighbourGaveTheTrafficBack() throws {
        let shares = ObservedShares(event: Self.event, counts: Self.counts(), events: PastEvents(events: [Self.event], disruptions: []))
        let after = try #require(shares.rows.first?.after)
        #expect(after.months == [month("2015-07"), month("2015-08"), month("2015-09")])
        #expect(abs(after.change) < 1e-9, "back to 500 a day")
        #expect(abs(shares.lostAfter?.change ?? 1) < 1e-9)
    }

    @Test func aStaffingEventHasChangesButNoShares() throws {
        let staff = PastEvent(id: "staff", title: "officers taken", kind: .staff(ports: ["2701"]),
                              months: month("2015-05")...month("2015-06"), lost: nil,
                              watch: [PastEvent.Watch(series: Self.lostKey, label: .affected)])
        let shares = ObservedShares(event: staff, counts: Self.counts(), events: PastEvents(events: [staff], disruptions: []))
        #expect(shares.loss == nil && shares.disappeared == nil)
        #expect(shares.note == "no facility was lost: changes only")
        let row = try #require(shares.rows.first)
        #expect(row.share == nil)
        #expect(abs((row.during?.change ?? 0) + 100) < 1e-9)
    }

    @Test func aWatchedSeriesWithoutCountsIsReportedUnmeasured() throws {
        let event = PastEvent(id: "x", title: "x", kind: .closure, months: month("2015-05")...month("2015-06"), lost: Self.lostKey,
                              watch: [PastEvent.Watch(series: SeriesKey(port: "2702", crossing: "gate-b", mode: .truck), label: .far)])
        let shares = ObservedShares(event: event, counts: Self.counts(), events: PastEvents(events: [event], disruptions: []))
        #expect(shares.rows.first?.unmeasured == "no counts")
        #expect(abs((shares.disappeared ?? 0) - 1) < 1e-9)
    }
}
