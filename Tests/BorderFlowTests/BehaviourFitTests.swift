import Foundation
import Testing
@testable import BorderFlow

private func month(_ text: String) -> YearMonth { YearMonth(parsing: text)! }

/// Which numbers each event's leave-one-out fit refits, and on which events; and the staff events' model and
/// leave-one-out percent changes, side by side in the backcast's rows.
@Suite("Behaviour fit: leave one out")
struct BehaviourFitTests {
    static let gate = SeriesKey(port: "2701", crossing: "gate-a", mode: .pov)
    static let lane = SeriesKey(port: "2702", crossing: "gate-b", mode: .truck)

    static func staff(_ id: String, _ first: String) -> PastEvent {
        PastEvent(id: id, title: id, kind: .staff(ports: ["2701"]), months: month(first)...month(first), lost: nil,
                  watch: [PastEvent.Watch(series: gate, label: .affected)])
    }

    static func carClosure(_ id: String, _ first: String) -> PastEvent {
        PastEvent(id: id, title: id, kind: .closure, months: month(first)...month(first), lost: gate,
                  watch: [PastEvent.Watch(series: SeriesKey(port: "2701", crossing: "gate-c", mode: .pov), label: .samePort)])
    }

    static let truckLoss = PastEvent(id: "trucks", title: "trucks", kind: .capacityLoss(lanesLost: 2, fractionLost: nil),
                                     months: month("2016-05")...month("2016-06"), lost: lane,
                                     watch: [PastEvent.Watch(series: SeriesKey(port: "2702", crossing: "gate-d", mode: .truck), label: .samePort)])

    @Test func eachStaffEventIsLeftOutAndTheThroughputRefittedOnTheOtherAlone() {
        let events = [Self.staff("staff-2019", "2019-04"), Self.carClosure("cars-2015", "2015-05"), Self.truckLoss,
                      Self.staff("staff-2023", "2023-10")]
        let plans = Dictionary(uniqueKeysWithValues: BehaviourFit.leaveOneOutPlans(events).map { ($0.event.id, $0) })
        #expect(Set(plans.keys) == ["staff-2019", "staff-2023"], "the car and truck events are alone of their kind")
        #expect(plans["staff-2019"]?.parameters == ["officersTakenThroughput"])
        #expect(plans["staff-2019"]?.others.map(\.id) == ["staff-2023"])
        #expect(plans["staff-2023"]?.others.map(\.id) == ["staff-2019"])
    }

    @Test func aLoneStaffEventHasNoLeaveOneOutFitAndCarEventsNeverUseStaffEvents() {
        let events = [Self.staff("staff-2019", "2019-04"), Self.carClosure("cars-2015", "2015-05"), Self.carClosure("cars-2016", "2016-05")]
        let plans = Dictionary(uniqueKeysWithValues: BehaviourFit.leaveOneOutPlans(events).map { ($0.event.id, $0) })
        #expect(plans["staff-2019"] == nil)
        #expect(plans["cars-2015"]?.parameters == ["responseHours", "closureLoss", "walkingSwitch"])
        #expect(plans["cars-2015"]?.others.map(\.id) == ["cars-2016"])
        #expect(plans["cars-2016"]?.others.map(\.id) == ["cars-2015"])
    }

    @Test func aStaffRowCarriesTheModelsAndTheLeaveOneOutPercentChanges() throws {
        let event = Self.staff("staff-2015", "2015-05")
        // 1,000 cars a day, 2010–2019, 900 in May 2015: −10 % in the event's month.
        var counts: [YearMonth: Int] = [:]
        for one in month("2010-01")...month("2019-12") where !one.isHeldOut {
            counts[one] = (one == month("2015-05") ? 900 : 1_000) * one.days
        }
        let observed = ObservedShares(event: event, counts: MonthlyCounts(series: [MonthlyCounts.Series(key: Self.gate, counts: counts)]),
                                      events: PastEvents(events: [event], disruptions: []))
        let fitted = Backcast.ModelAnswer(percentChanges: [Self.gate: -12])
        let unseen = Backcast.ModelAnswer(percentChanges: [Self.gate: -30])
        let row = try #require(Backcast.rows(observed: observed, answer: fitted, unseen: unseen).first)
        #expect(abs((row.percentChange ?? 0) + 10) < 1e-9)
        #expect(row.modelPercentChange == -12 && row.leaveOneOutPercentChange == -30)
        #expect(row.modelShare == nil && row.leaveOneOutShare == nil, "no facility lost: no shares")
        let alone = try #require(Backcast.rows(observed: observed, answer: fitted).first)
        #expect(alone.leaveOneOutPercentChange == nil, "no leave-one-out fit, no column")
    }
}
