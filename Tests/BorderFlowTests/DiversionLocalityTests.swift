import Foundation
import Testing
@testable import BorderFlow

/// What a closure may and may not move, and what a crossing can carry, over every crossing of the bundled data.
@Suite("Diversions stay where the closure reaches, within capacity")
struct DiversionLocalityTests {
    static let model = Result { () throws -> DiversionModel in
        let network = try BundledRoutingTests.loaded.get()
        let (demand, constants) = try DiversionTests.baseline.get()
        return DiversionModel(network: network, demand: demand, constants: constants, behaviour: try FittedBehaviour.load())
    }

    struct Link: Hashable { let crossing: CrossingIndex; let mode: Mode }

    @Test func closingAnyCrossingMovesNothingWhereNoneOfItsTripsCouldGo() throws {
        let model = try Self.model.get()
        let dataset = model.network.dataset
        let base = model.baseline.choices
        var checked = 0
        for (index, crossing) in zip(dataset.crossings.typedIndices, dataset.crossings) where crossing.inService {
            var closures = Closures()
            try closures.close(crossing: crossing.id)
            let diversion = try model.divert(closures: closures, at: nil)
            // Every crossing and mode a trip that could use the closed crossing weighs, before or after; and, for
            // a car trip, walking at the crossings it used (drivers who give up may cross there on foot).
            var reachable = Set<Link>()
            for t in base.trips.indices where base.options(ofTrip: t).contains(where: { $0.crossing == index }) {
                let mode = base.trips[t].mode
                for option in base.options(ofTrip: t) {
                    reachable.insert(Link(crossing: option.crossing, mode: mode))
                    if mode == .pov { reachable.insert(Link(crossing: option.crossing, mode: .pedestrian)) }
                }
                for option in diversion.scenario.choices.options(ofTrip: t) { reachable.insert(Link(crossing: option.crossing, mode: mode)) }
            }
            for change in diversion.crossings where !reachable.contains(Link(crossing: change.crossing, mode: change.mode)) {
                #expect(abs(change.change) <= 0.5, "closing \(crossing.id) moves \(change.change) a day at \(dataset.crossings[change.crossing].id) \(change.mode)")
                checked += 1
            }
            #expect(diversion.crossings.filter { $0.crossing == index }.allSatisfy { $0.closed && $0.scenario - $0.walkedInstead == 0 })
        }
        #expect(checked > 1_000, "the test checks crossings out of reach, \(checked) in all")
    }

    @Test func noCrossingCarriesMoreThanItsCapacity() throws {
        let model = try Self.model.get()
        let dataset = model.network.dataset
        for (index, crossing) in zip(dataset.crossings.typedIndices, dataset.crossings) {
            for mode in crossing.modes {
                let volume = model.baseline.volumes[index][mode] ?? 0
                #expect(volume <= crossing.dailyCapacity(for: mode) + 1e-6, "\(crossing.id) \(mode) in the baseline")
            }
        }
        // San Ysidro's vehicles closed: Otay Mesa and the rest take what they can and no more.
        var closures = Closures()
        try closures.close(crossing: "san-ysidro")
        let diversion = try model.divert(closures: closures, at: nil)
        for change in diversion.crossings where !change.closed {
            #expect(change.scenario - change.walkedInstead <= change.scenarioDay.capacity + 1e-6,
                    "\(dataset.crossings[change.crossing].id) \(change.mode) carries \(change.scenario) of \(change.scenarioDay.capacity)")
        }
        #expect((diversion.forgone[.pov] ?? 0) > 0, "some of San Ysidro's drivers give up the trip")
    }
}
