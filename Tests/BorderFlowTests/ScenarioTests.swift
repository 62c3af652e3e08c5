import BorderFlowGraph
import Foundation
import Testing
import BorderFlowTestSupport
@testable import BorderFlow

/// Which crossing modes a mask closes, as "crossing/mode" strings.
func closedModes(_ network: BorderNetwork, _ mask: ClosureMask) -> Set<String> {
    var closed = Set<String>()
    for (index, edges) in network.crossingEdges.enumerated() {
        for (mode, edge) in edges where mask.isClosed(edge: edge) {
            closed.insert("\(network.dataset.crossings[index].id)/\(mode.rawValue)")
        }
    }
    return closed
}

@Suite("Bundled scenarios")
struct BundledScenarioTests {
    let network: BorderNetwork

    init() throws {
        network = try BundledRoutingTests.loaded.get()
    }

    func closed(_ scenario: String, at text: String) throws -> Set<String> {
        let scenario = try Scenario.find(scenario, dataset: network.dataset)
        let moment = try Moment(parsing: text, dateAlone: .noon)
        let withScenario = closedModes(network, try network.mask(for: scenario.closures, at: moment))
        // Subtract what opening hours alone close at that moment.
        let hoursOnly = closedModes(network, try network.mask(for: Closures(), at: moment))
        return withScenario.subtracting(hoursOnly)
    }

    @Test func everyBundledScenarioLoadsAgainstTheDataset() throws {
        #expect(Scenario.bundledNames() == ["dec-2023", "lower-valley-storm", "ysleta-trucks-2020"])
        for name in Scenario.bundledNames() {
            let scenario = try Scenario.find(name, dataset: network.dataset)
            #expect(scenario.id == name)
            #expect(!scenario.sources.isEmpty)
            #expect(scenario.date != nil)
        }
    }

    @Test func december2023ClosesWhatClosedOnTheTwentieth() throws {
        let closed = try closed("dec-2023", at: "2023-12-20T12:00")
        #expect(closed.isSuperset(of: ["lukeville/pov", "lukeville/pedestrian", "lukeville/truck", "eagle-pass-bridge-1/pov",
                                       "eagle-pass-rail/rail", "el-paso-bnsf-rail/rail", "el-paso-up-rail/rail",
                                       "san-ysidro-pedwest/pedestrian", "nogales-morley-gate/pedestrian"]))
        #expect(!closed.contains("eagle-pass-bridge-1/pedestrian"), "pedestrians kept crossing Bridge 1")
        #expect(!closed.contains { $0.hasPrefix("laredo-rail") || $0.hasPrefix("brownsville-rail") }, "Laredo and Brownsville rail stayed open")
    }

    @Test func theRailClosureRanFromTheEighteenthToTheTwentySecond() throws {
        #expect(!(try closed("dec-2023", at: "2023-12-18T06:00-05:00")).contains("eagle-pass-rail/rail"))
        #expect(try closed("dec-2023", at: "2023-12-18T08:30-05:00").contains("eagle-pass-rail/rail"))
        #expect(try closed("dec-2023", at: "2023-12-22T13:30-05:00").contains("el-paso-up-rail/rail"))
        #expect(!(try closed("dec-2023", at: "2023-12-22T14:30-05:00")).contains("el-paso-up-rail/rail"))
    }

    @Test func morleyGateClosedTwiceAndEverythingReopenedOnTheFourthOfJanuary() throws {
        #expect(try closed("dec-2023", at: "2023-10-15T12:00").contains("nogales-morley-gate/pedestrian"))
        #expect(!(try closed("dec-2023", at: "2023-11-28T12:00")).contains("nogales-morley-gate/pedestrian"))
        #expect(try closed("dec-2023", at: "2023-12-15T12:00").contains("nogales-morley-gate/pedestrian"))
        #expect(try closed("dec-2023", at: "2024-01-04T12:00").isEmpty)
    }

    @Test func ysletaClosedToTrucksOnly() throws {
        #expect(try closed("ysleta-trucks-2020", at: "2020-12-28T12:00") == ["ysleta-zaragoza/truck"])
        #expect(try closed("ysleta-trucks-2020", at: "2021-01-04T12:00").isEmpty)
    }

    @Test func theStormClosesThePolygonAndOpensLanesUpstream() throws {
        let closed = try closed("lower-valley-storm", at: "2024-09-11T12:00")
        let crossings = Set(closed.map { String($0.split(separator: "/")[0]) })
        #expect(crossings == ["brownsville-b-and-m", "brownsville-gateway", "brownsville-veterans", "brownsville-rail", "los-indios", "progreso", "donna"])
        let scenario = try Scenario.find("lower-valley-storm", dataset: network.dataset)
        let pharr = try #require(network.dataset.crossing(id: "pharr"))
        #expect(scenario.lanes(of: pharr, mode: .truck, at: try Moment(parsing: "2024-09-11T12:00", dateAlone: .noon)) == (pharr.lanes[.truck] ?? 0) + 4)
        #expect(scenario.lanes(of: pharr, mode: .truck, at: try Moment(parsing: "2024-09-20T12:00", dateAlone: .noon)) == pharr.lanes[.truck])
    }

    @Test func routingWithTheScenarioSendsSonoytaDriversElsewhere() throws {
        let scenario = try Scenario.find("dec-2023", dataset: network.dataset)
        let answer = try network.compareRoutes(from: "sonoyta", to: "phoenix", mode: .pov, closures: scenario.closures, at: scenario.date)
        #expect(answer.route?.crossing != "lukeville")
        #expect(answer.route != nil)
    }
}

@Suite("Scenario files")
struct ScenarioFileTests {
    let dataset: Dataset

    init() throws {
        let directory = try Fixtures.network()
        defer { try? FileManager.default.removeItem(at: directory) }
        dataset = try Dataset.load(from: directory)
    }

    func load(_ name: String) throws -> Scenario {
        try Scenario.load(contentsOf: Fixtures.scenario(name), dataset: dataset)
    }

    func error(_ name: String) -> ScenarioError? {
        do {
            _ = try load(name)
            return nil
        } catch let error as ScenarioError {
            return error
        } catch {
            Issue.record("unexpected \(error)")
            return nil
        }
    }

    @Test func aJSONScenarioWithEveryKindOfEntryReads() throws {
        let scenario = try load("everything.json")
        #expect(scenario.id == "everything")
        #expect(scenario.sources == [Scenario.Source(title: "hand-made fixture", url: "https://example.org/fixture")])
        #expect(scenario.closureEntries.count == 4)
        #expect(scenario.capacityChanges.map(\.lanesDelta) == [2, -5])
        let gateB = try #require(dataset.crossing(id: "gate-b"))
        #expect(scenario.lanes(of: gateB, mode: .truck, at: nil) == 0, "never below zero")
        let network = try BorderNetwork(dataset: dataset)
        let december = closedModes(network, try network.mask(for: scenario.closures, at: try Moment(parsing: "2023-12-20T12:00", dateAlone: .noon)))
        #expect(december == ["gate-a/pedestrian", "gate-b/truck"])
        let february = closedModes(network, try network.mask(for: scenario.closures, at: try Moment(parsing: "2024-02-10T12:00", dateAlone: .noon)))
        #expect(february == ["gate-a/pedestrian", "gate-a/pov"])
        let march = closedModes(network, try network.mask(for: scenario.closures, at: try Moment(parsing: "2024-03-01T12:00", dateAlone: .noon)))
        #expect(march == ["gate-a/pedestrian", "gate-a/pov", "gate-b/pov", "gate-b/truck"])
    }

    @Test func aModeLeftWithNoLanesIsClosedAtEveryMomentTheCutHolds() throws {
        let scenario = try load("everything.json")
        let network = try BorderNetwork(dataset: dataset)
        let february = try Moment(parsing: "2024-02-10T12:00", dateAlone: .noon)
        // The file closes gate-a's pedestrians and pov in February; its -5 lanes leave gate-b's trucks none.
        let closed = closedModes(network, try network.mask(for: scenario.closures(at: february, in: dataset), at: february))
        #expect(closed == ["gate-a/pedestrian", "gate-a/pov", "gate-b/truck"])
        #expect(!closedModes(network, try network.mask(for: scenario.closures, at: february)).contains("gate-b/truck"))
    }

    @Test func anUnknownCrossingNamesTheLineAndSuggests() {
        let found = error("unknown-crossing.yaml")
        #expect(found?.line == 4)
        #expect(found?.field == "closures[0].crossing")
        #expect(found?.message.contains("did you mean \"gate-a\"") == true)
    }

    @Test func aReversedWindowIsRefused() {
        let found = error("reversed-window.yaml")
        #expect(found?.field == "closures[0].to")
        #expect(found?.message.contains("before it starts") == true)
    }

    @Test func anUnknownFieldIsRefused() {
        let found = error("unknown-field.yaml")
        #expect(found?.field == "closures[0].untill")
        #expect(found?.line == 5)
    }

    @Test func aModeTheCrossingDoesNotServeIsRefused() {
        #expect(error("mode-not-served.yaml")?.message.contains("does not serve truck") == true)
    }

    @Test func aLaneChangeBeyondFiveHundredIsRefusedNotSummedIntoAnOverflow() {
        let found = error("huge-lane-change.yaml")
        #expect(found?.field == "capacity[0].lanes")
        #expect(found?.line == 6)
        #expect(found?.message.contains("write a whole number from -500 to +500") == true)
    }

    @Test func impossibleDatesAndOffsetsAreRefusedWithTheirField() {
        let date = error("impossible-dates.yaml")
        #expect(date?.field == "date")
        #expect(date?.message.contains("offsets run from -14:00 to +14:00") == true)
        let bound = error("impossible-window.yaml")
        #expect(bound?.field == "closures[0].to")
        #expect(bound?.message.contains("\"2023-02-30\" is not a day of the calendar: 2023-02 has 28 days") == true)
    }

    @Test func aDateAloneIsNoonWhileWindowBoundsStartTheirDay() throws {
        let scenario = try load("dated-by-day.yaml")
        #expect(scenario.date == .localTime(DateComponents(year: 2023, month: 12, day: 18, hour: 12, minute: 0, second: 0)))
        #expect(scenario.closureEntries.first?.window?.end == .localTime(DateComponents(year: 2023, month: 12, day: 19, hour: 0, minute: 0, second: 0)))
        // At the scenario's own date the closure that began at 08:00 that morning holds.
        let network = try BorderNetwork(dataset: dataset)
        #expect(closedModes(network, try network.mask(for: scenario.closures, at: scenario.date, applyingOpeningHours: false)) == ["gate-a/pedestrian", "gate-a/pov"])
    }

    @Test func malformedYAMLAndMissingSourcesAreRefused() {
        let malformed = #expect(throws: InputFileError.self) { _ = try load("malformed.yaml") }
        #expect(malformed?.message.hasPrefix("not valid YAML") == true)
        #expect(error("no-sources.yaml")?.field == "sources")
    }

    @Test func anUnknownNameListsTheKnownScenarios() {
        #expect(throws: ScenarioError.self) { _ = try Scenario.find("dec-2024", dataset: dataset) }
        do {
            _ = try Scenario.find("dec-2024")
        } catch {
            #expect("\(error)".contains("dec-2023"))
        }
    }
}
