import BorderFlowSpatial
import Foundation
import Testing
import BorderFlowTestSupport
@testable import BorderFlow

private func month(_ text: String) -> YearMonth { YearMonth(parsing: text)! }

@Suite("Past events and disruptions")
struct PastEventTests {
    let tiny: Dataset

    init() throws {
        tiny = try Dataset.load(from: Fixtures.tiny)
    }

    @Test func readsEventsAndDisruptionsFromAFolder() throws {
        let history = try PastEvents.load(from: Fixtures.folder("events/good"), dataset: tiny)
        #expect(history.events.map(\.id) == ["gate-a-cars-2015", "gate-b-trucks-2016"], "in order of their first month; the id defaults to the file's name")
        let closure = try #require(history.event(id: "gate-a-cars-2015"))
        #expect(closure.kind == .closure)
        #expect(closure.months == month("2015-05")...month("2015-06"))
        #expect(closure.lost == SeriesKey(port: "2701", crossing: "gate-a", mode: .pov))
        #expect(closure.watch.map(\.series) == [SeriesKey(port: "2702", crossing: "gate-b", mode: .pov), SeriesKey(port: "2701", crossing: nil, mode: .pedestrian)])
        #expect(closure.watch.map(\.label) == [.samePort, .modeSwitch])
        #expect(closure.reliable)
        let capacity = try #require(history.event(id: "gate-b-trucks-2016"))
        #expect(capacity.kind == .capacityLoss(lanesLost: 2, fractionLost: nil))
        #expect(!capacity.reliable && capacity.reliabilityNote == "Made up.")
        #expect(capacity.sources == [EventSource(title: "Made up", url: "https://example.org/gate-b")])
        #expect(history.disruptions.map(\.id) == ["everything-2017", "gate-a-cars-spring"])
    }

    @Test func disruptionsCoverTheirSeriesAndMonthsAndEventsTheirOwn() throws {
        let history = try PastEvents.load(from: Fixtures.folder("events/good"), dataset: tiny)
        let gateACars = SeriesKey(port: "2701", crossing: "gate-a", mode: .pov)
        let gateAWalkers = SeriesKey(port: "2701", crossing: "gate-a", mode: .pedestrian)
        let portAWalkers = SeriesKey(port: "2701", crossing: nil, mode: .pedestrian)
        let gateBCars = SeriesKey(port: "2702", crossing: "gate-b", mode: .pov)
        #expect(history.isDisrupted(gateBCars, in: month("2017-07")), "everything in 2017")
        #expect(history.isDisrupted(gateACars, in: month("2014-03")))
        #expect(!history.isDisrupted(gateAWalkers, in: month("2014-03")), "the disruption names cars only")
        #expect(history.isDisrupted(gateACars, in: month("2015-06")), "the event's lost series")
        #expect(history.isDisrupted(SeriesKey(port: "2701", crossing: nil, mode: .pov), in: month("2015-06")), "and its port's series of the mode")
        #expect(history.isDisrupted(portAWalkers, in: month("2015-05")), "a watched series")
        #expect(!history.isDisrupted(gateAWalkers, in: month("2015-05")), "a port's watched series is not its crossings'")
        #expect(!history.isDisrupted(gateBCars, in: month("2015-07")))
        #expect(history.isDisrupted(gateBCars, in: month("2020-12")), "held out")
        #expect(history.disruptions(of: gateACars, in: month("2015-05")) == ["gate-a-cars-2015"])
    }

    func message(_ name: String) -> String {
        do {
            _ = try PastEvent.load(contentsOf: Fixtures.folder("events/bad").appendingPathComponent(name), dataset: tiny)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func badFilesAreErrorsNamingTheLineAndField() {
        #expect(message("unknown-kind.yaml") == "unknown-kind.yaml:2: field \"kind\": unknown kind \"flood\"; expected one of closure, capacity-loss, staff")
        #expect(message("unknown-crossing.yaml") == "unknown-crossing.yaml:4: field \"facility.crossing\": no crossing has the id \"gate-c\"; did you mean \"gate-a\", \"gate-b\"?")
        #expect(message("reversed-months.yaml") == "reversed-months.yaml:3: field \"months.to\": 2015-05 is before 2015-06; the last month must not come before the first")
        #expect(message("bad-month.yaml") == "bad-month.yaml:3: field \"months.from\": \"2015-5\" is not a month; write YYYY-MM, such as 2016-05")
        #expect(message("unknown-label.yaml").hasPrefix("unknown-label.yaml:9: field \"watch[0].label\": unknown label \"next-door\"; expected one of same-port, nearby, far, mode-switch, affected"))
        #expect(message("unreliable-without-note.yaml").contains("field \"reliabilityNote\": an event marked reliable: false says why"))
        #expect(message("mode-not-served.yaml") == "mode-not-served.yaml:4: field \"facility.mode\": gate-a does not serve truck; it serves pedestrian, pov")
        #expect(message("not-yaml.yaml").hasPrefix("not-yaml.yaml:"))
        #expect(message("not-yaml.yaml").contains("not valid YAML"))
        #expect(message("no-such-file.yaml").contains("cannot read the file"))
    }

    @Test func aFolderWithoutEventsHasNone() throws {
        let history = try PastEvents.load(from: Fixtures.folder("no-such-events"), dataset: tiny)
        #expect(history.events.isEmpty && history.disruptions.isEmpty)
    }

    @Test func theBundledEventsLoadAndListTheHeldOutMonthsAsTheCodeDoes() throws {
        let dataset = try BundledDatasetTests.loaded.get()
        let history = try PastEvents.load(dataset: dataset)
        #expect(Set(history.events.map(\.id)) == ["laredo-bridge-1-cars-2016", "eagle-pass-bridge-1-cars-2023", "bota-trucks-2010",
                                                  "bota-trucks-2022", "world-trade-bridge-trucks-2017", "donna-2015", "staff-april-2019",
                                                  "staff-october-2023"])
        let heldOut = try #require(history.disruptions.first { $0.id == "held-out" })
        #expect(heldOut.months == YearMonth.heldOut)
        let covid = try #require(history.disruptions.first { $0.id == "covid-19-restrictions" })
        #expect(covid.months.min() == month("2020-03") && covid.months.max() == month("2021-11"))
        for event in history.events {
            #expect(!event.sources.isEmpty, "\(event.id)")
            #expect(!event.description.isEmpty, "\(event.id)")
            #expect(event.reliable || event.reliabilityNote != nil, "\(event.id)")
        }
    }
}
