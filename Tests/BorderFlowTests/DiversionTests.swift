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
            // Pedestrians who were drivers are counted as vehicles forgone, not as pedestrian demand.
            let served = diversion.crossings.filter { $0.mode == mode }.reduce(0) { $0 + $1.scenario - $1.walkedInstead }
            let accounted = served + (diversion.forgone[mode] ?? 0) + (diversion.deferred[mode] ?? 0)
            #expect(abs(accounted - total) <= 1e-6 * max(1, total), "\(mode): \(accounted) against \(total)")
        }
        #expect((diversion.deferred[.truck] ?? 0) < 0.5 * 2_000, "most trucks reached go on")
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
        #expect(caminoReal.change > 0, "some of it goes to Camino Real")
        #expect(caminoReal.waitMinutesScenario > caminoReal.waitMinutesBaseline, "and its queue grows")
        #expect(change(diversion, "eagle-pass-bridge-1", .pedestrian).walkedInstead > 0, "some drivers walk across Bridge 1")
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

    @Test func underABehaviourWhereNobodyGivesUpAClosureOnlyMovesTraffic() throws {
        // Nobody gives up (no closure loss, an endless τ): PedWest's pedestrians all cross elsewhere.
        let patient = Behaviour(responseHours: PerMode(uniqueKeysWithValues: Mode.allCases.map { ($0, 1e12) }), closureLoss: 0,
                                walkingSwitch: 0, portSwitchHours: 0, railHoldDays: 0, officersTakenThroughput: 1)
        var closed = Closures()
        try closed.close(crossing: "san-ysidro-pedwest")
        let diversion = try network.divert(demand: demand, constants: constants, behaviour: patient, closures: closed, at: nil)
        #expect(diversion.forgone.values.reduce(0, +) < 1e-3)
        let before = diversion.crossings.filter { $0.mode == .pedestrian }.reduce(0) { $0 + $1.baseline }
        let after = diversion.crossings.filter { $0.mode == .pedestrian }.reduce(0) { $0 + $1.scenario }
        #expect(abs(after - before) < 1e-3)
        #expect(change(diversion, "san-ysidro-pedwest", .pedestrian).scenario == 0)
        #expect(change(diversion, "san-ysidro-pedeast", .pedestrian).change > 0)
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
    @Test func railcarsKeepToTheirRailroadAndWhatAFullBridgeCannotTakeIsDeferred() throws {
        // Laredo's rail bridge closed for good: its CPKC railcars can go only to Brownsville, CPKC's other
        // bridge, which fills; the rest is deferred. Ferromex's bridges see none of them.
        let diversion = try divert { try $0.close(crossing: "laredo-rail") }
        let brownsville = change(diversion, "brownsville-rail", .rail)
        #expect(brownsville.scenario > brownsville.baseline + 100)
        #expect(brownsville.scenario <= brownsville.scenarioDay.capacity + 1e-6)
        #expect((diversion.deferred[.rail] ?? 0) > 0)
        for id in ["eagle-pass-rail", "el-paso-up-rail", "el-paso-bnsf-rail", "nogales-rail"] {
            #expect(abs(change(diversion, id, .rail).change) <= 0.5, "\(id) is Ferromex's")
        }
        // Served, deferred and the baseline add up for rail.
        let served = diversion.crossings.filter { $0.mode == .rail }.reduce(0) { $0 + $1.scenario }
        let baseline = diversion.crossings.filter { $0.mode == .rail }.reduce(0) { $0 + $1.baseline }
        #expect(abs(served + (diversion.deferred[.rail] ?? 0) - baseline) < 1e-6 * baseline)
    }

    @Test func aRailClosureOfDaysHoldsTheTrainsRatherThanReroutingThem() throws {
        // Four days at Eagle Pass, as in December 2023: the railroad holds its trains.
        let diversion = try divert {
            try $0.close(crossing: "eagle-pass-rail", from: try Moment(parsing: "2023-12-18T08:00", dateAlone: .startOfDay), to: try Moment(parsing: "2023-12-22T14:00", dateAlone: .startOfDay))
        }
        let eaglePass = change(diversion, "eagle-pass-rail", .rail)
        #expect(abs((diversion.deferred[.rail] ?? 0) - eaglePass.baseline) < 1e-6 * eaglePass.baseline)
        for id in ["el-paso-up-rail", "el-paso-bnsf-rail", "nogales-rail", "laredo-rail"] {
            #expect(abs(change(diversion, id, .rail).change) <= 0.5)
        }
    }
}
