import BorderFlowGraph
import Foundation
import Testing
@testable import BorderFlow

/// Diversions on the bundled network with the bundled fitted demand (GeoData/demand.csv).
@Suite("Diverted flows on the bundled data")
struct DiversionTests {
    static let baseline = Result { () throws -> (Demand, [PerMode<Double>]) in
        let network = try BundledRoutingTests.loaded.get()
        return try network.baselineDemand()
    }
    let network: BorderNetwork
    let demand: Demand
    let constants: [PerMode<Double>]

    init() throws {
        network = try BundledRoutingTests.loaded.get()
        (demand, constants) = try Self.baseline.get()
    }

    func divert(_ configure: (inout Closures) throws -> Void) throws -> Diversion {
        var closures = Closures()
        try configure(&closures)
        return try network.divert(demand: demand, constants: constants, behaviour: try FittedBehaviour.load(), closures: closures, at: nil)
    }

    func change(_ diversion: Diversion, _ id: String, _ mode: Mode) -> Diversion.CrossingChange {
        diversion.crossings.first { network.dataset.crossings[$0.crossing].id == id && $0.mode == mode }!
    }

    @Test func theFittedBaselineReproducesEveryCrossingWithinFivePercentAtEquilibrium() throws {
        let diversion = try divert { _ in }
        #expect(diversion.baseline.relativeGap <= 1e-4)
        for row in diversion.crossings {
            let crossing = network.dataset.crossings[row.crossing]
            guard let observed = crossing.dailyVolume[row.mode], observed > 0, crossing.inService else { continue }
            #expect(abs(row.baseline - observed) / observed <= 0.05, "\(crossing.id) \(row.mode): observed \(observed), modelled \(row.baseline)")
        }
    }

    @Test func servedForgoneAndDeferredAddUpToDemandForEveryMode() throws {
        let diversion = try divert { try $0.close(crossing: "lukeville"); try $0.close(mode: .rail, atPort: "2303") }
        for mode in Mode.allCases {
            let total = demand.trips.indices.filter { demand.trips[$0].mode == mode }.reduce(0) { $0 + demand.dailyTrips[$1] }
            let served = diversion.crossings.filter { $0.mode == mode }.reduce(0) { $0 + $1.scenario }
            let accounted = served + (diversion.forgone[mode] ?? 0) + (diversion.deferred[mode] ?? 0)
            #expect(abs(accounted - total) <= 1e-6 * max(1, total), "\(mode): \(accounted) against \(total)")
        }
        #expect((diversion.deferred[.truck] ?? 0) == 0, "trucks at Lukeville have other crossings")
        #expect((diversion.forgone[.rail] ?? 0) == 0, "freight is never forgone")
    }

    @Test func aClosedCrossingCarriesNoFlow() throws {
        let diversion = try divert { try $0.close(port: "2304") }
        for row in diversion.crossings where network.dataset.crossings[row.crossing].portCode == "2304" {
            #expect(row.closed)
            #expect(row.scenario == 0)
        }
    }

    @Test func closingACrossingNobodyUsesChangesNothing() throws {
        let unused = try divert { _ in }.crossings.first { $0.baseline == 0 && !$0.closed }!
        let crossing = network.dataset.crossings[unused.crossing]
        let before = try divert { _ in }
        let after = try divert { try $0.close(mode: unused.mode, atCrossing: crossing.id) }
        for (a, b) in zip(before.crossings, after.crossings) {
            #expect(abs(a.scenario - b.scenario) < 1e-6, "\(network.dataset.crossings[a.crossing].id) \(a.mode)")
        }
        #expect(after.forgone.values.reduce(0, +) == 0)
    }

    @Test func closingEaglePassBridgeOneToCarsFillsCaminoRealAndSendsTheRestOnOrHome() throws {
        let diversion = try divert { try $0.close(mode: .pov, atCrossing: "eagle-pass-bridge-1") }
        let lost = -change(diversion, "eagle-pass-bridge-1", .pov).change
        let caminoReal = change(diversion, "eagle-pass-camino-real", .pov)
        #expect(lost > 3_000)
        #expect(caminoReal.change > 0.5 * lost, "most of it goes to Camino Real")
        #expect(caminoReal.waitMinutesScenario > caminoReal.waitMinutesBaseline, "and its queue grows")
        // The rest diverts further or is forgone: across all crossings the change nets to what was given up.
        let net = diversion.crossings.filter { $0.mode == .pov }.reduce(0) { $0 + $1.change }
        #expect(abs(net + (diversion.forgone[.pov] ?? 0)) < 1e-6 * lost)
        let gainedElsewhere = diversion.crossings.filter { $0.mode == .pov && $0.change > 0 && network.dataset.crossings[$0.crossing].id != "eagle-pass-camino-real" }
        #expect(!gainedElsewhere.isEmpty || (diversion.forgone[.pov] ?? 0) > 0)
    }

    @Test func closingLukevilleSendsItsTrafficToSanLuisNogalesOrSasabeOrHome() throws {
        let diversion = try divert { try $0.close(crossing: "lukeville") }
        let lost = -change(diversion, "lukeville", .pov).change
        #expect(lost > 500)
        let nearby = ["san-luis-1", "nogales-deconcini", "nogales-mariposa", "sasabe"]
        let gained = nearby.reduce(0) { $0 + change(diversion, $1, .pov).change }
        #expect(gained > 0)
        #expect(abs(gained + (diversion.forgone[.pov] ?? 0) - lost) < 0.05 * lost, "gained \(gained), forgone \(diversion.forgone[.pov] ?? 0), lost \(lost)")
    }

    @Test func theDecember2023ScenarioRunsWithItsOwnDateAndLanes() throws {
        let scenario = try Scenario.find("dec-2023", dataset: network.dataset)
        let diversion = try network.divert(demand: demand, constants: constants, behaviour: try FittedBehaviour.load(), closures: scenario.closures, at: scenario.date,
                                           lanes: { scenario.lanes(of: $0, mode: $1, at: scenario.date) })
        #expect(change(diversion, "san-ysidro-pedwest", .pedestrian).scenario == 0)
        #expect(change(diversion, "san-ysidro-pedeast", .pedestrian).change > 0)
        #expect((diversion.deferred[.rail] ?? 0) > 0, "El Paso's trains had no other bridge that week")
        #expect(diversion.scenario.relativeGap <= 1e-4)
        #expect(!diversion.detours.isEmpty)
    }
    @Test func assigningWithEveryCrossingOpenIsTheDiversionsBaseline() throws {
        let flows = try network.assign(demand, constants: constants)
        let baseline = try divert { _ in }.baseline
        #expect(flows.optionFlows == baseline.optionFlows)
        #expect(flows.volumes == baseline.volumes)
        #expect(flows.relativeGap <= 1e-4)
    }

    @Test func assigningUnderAClosureNobodyGivesUpOnIsTheDiversionsScenario() throws {
        // PedEast stands beside PedWest, so no trip is forgone and the diversion assigns the whole demand.
        let closures = { (c: inout Closures) in try c.close(crossing: "san-ysidro-pedwest") }
        let diversion = try divert(closures)
        #expect(diversion.forgone.values.reduce(0, +) == 0)
        var closed = Closures()
        try closures(&closed)
        let flows = try network.assign(demand, constants: constants, closures: closed)
        #expect(flows.volumes == diversion.scenario.volumes)
        let pedWest = network.dataset.crossingIndex(id: "san-ysidro-pedwest")!
        #expect(flows.volumes[pedWest][.pedestrian] ?? 0 == 0)
    }

    @Test func assigningLeavesTripsWithNoOpenCrossingUnservedRatherThanForgone() throws {
        var closures = Closures()
        try closures.close(mode: .rail, atPort: "2402")   // El Paso's rail bridges: nothing else in reach
        let flows = try network.assign(demand, constants: constants, closures: closures, method: .equilibrium())
        let deferred = try divert { try $0.close(mode: .rail, atPort: "2402") }.deferred[.rail] ?? 0
        #expect((flows.unserved[.rail] ?? 0) > 0)
        #expect(abs((flows.unserved[.rail] ?? 0) - deferred) < 1e-6)
    }
    @Test func aModeLeftWithNoLanesIsClosedAndItsTrafficGoesElsewhere() throws {
        let otayMesa = try #require(network.dataset.crossingIndex(id: "otay-mesa"))
        let noLanes: (Crossing, Mode) -> Int = { crossing, mode in
            crossing.id == "otay-mesa" && mode == .pedestrian ? 0 : crossing.lanes[mode] ?? 0
        }
        let diversion = try network.divert(demand: demand, constants: constants, behaviour: try FittedBehaviour.load(), closures: Closures(), at: nil, lanes: noLanes)
        let row = change(diversion, "otay-mesa", .pedestrian)
        #expect(row.closed)
        #expect(row.scenario == 0 && row.baseline > 0)
        #expect(diversion.status(ofCrossing: otayMesa, in: network.dataset) == .partial)
        #expect(diversion.crossings.allSatisfy { $0.waitMinutesScenario.isFinite })
        #expect(diversion.extraHours.values.allSatisfy { $0.isFinite })
        let flows = try network.assign(demand, constants: constants, lanes: noLanes)
        #expect(flows.volumes[otayMesa][.pedestrian] ?? 0 == 0)
        #expect(flows.waits.allSatisfy { $0.values.allSatisfy { $0.isFinite } })
    }
    @Test func railcarsDeferredAtAFullCrossingAreCountedOnceAsDeferredNotAlsoInExtraHours() throws {
        // With Laredo's rail bridge closed, Eagle Pass fills up and the railcars beyond its capacity wait.
        let diversion = try divert { try $0.close(crossing: "laredo-rail") }
        let deferred = try #require(diversion.deferred[.rail])
        #expect(deferred > 0)
        // The share of each crossing's assigned railcars that cross: its reported (capped) volume over the assignment's.
        let assigned = diversion.scenario.volumes
        let share = network.dataset.crossings.typedIndices.map { index -> Double in
            let reported = diversion.crossings.first { $0.crossing == index && $0.mode == .rail }?.scenario ?? 0
            let volume = assigned[index][.rail] ?? 0
            return volume > 0 ? reported / volume : 1
        }
        #expect(share.contains { $0 < 1 })
        let choices = diversion.scenario.choices
        var expected = 0.0, uncapped = 0.0
        for t in choices.trips.indices where choices.trips[t].mode == .rail {
            guard let before = diversion.baseline.tripCost(t), let after = diversion.scenario.tripCost(t) else { continue }
            for (k, option) in choices.options(ofTrip: t).enumerated() {
                let flow = diversion.scenario.optionFlows[choices.offsets[t] + k]
                expected += flow * share[option.crossing] * (after.seconds - before.seconds) / 3600
                uncapped += flow * (after.seconds - before.seconds) / 3600
            }
        }
        let hours = try #require(diversion.extraHours[.rail])
        #expect(abs(hours - expected) <= 1e-6 * max(1, expected), "\(hours) against \(expected)")
        #expect(hours < uncapped)
    }
}
