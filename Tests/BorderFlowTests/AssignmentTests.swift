import BorderFlowGraph
import Foundation
import Testing
import BorderFlowTestSupport
@testable import BorderFlow

/// Assignment on the hand-made network (see `RoutingTests`): Gate A takes pedestrians and cars
/// 06:00–22:00 on 3 car lanes; Gate B takes cars around the clock on 4 lanes and trucks on 2.
@Suite("Assigning demand to crossings")
struct AssignmentTests {
    let network: BorderNetwork
    let trips: [Trip]
    let demand: [Double]

    init() throws {
        let directory = try Fixtures.network()
        defer { try? FileManager.default.removeItem(at: directory) }
        let dataset = try Dataset.load(from: directory)
        network = try BorderNetwork(dataset: dataset)
        let places = dataset.places
        let place = { (id: String) -> PlaceIndex in PlaceIndex(places.firstIndex { $0.id == id }!) }
        trips = [
            .init(origin: place("sur"), destination: place("north"), mode: .pov),
            .init(origin: place("sur"), destination: place("east"), mode: .pov),
            .init(origin: place("este"), destination: place("north"), mode: .pov),
            .init(origin: place("sur"), destination: place("north"), mode: .truck),
            .init(origin: place("north"), destination: place("east"), mode: .pov),
        ]
        demand = [4_000, 1_500, 800, 120, 300]
    }

    func assign(_ method: AssignmentMethod, closures: Closures = Closures()) throws -> CrossingAssignment {
        let choices = network.crossingChoices(for: trips, mask: try network.mask(for: closures))
        return choices.assign(demand: demand, method: method, crossingCount: network.dataset.crossings.count) { crossing, mode in
            network.dataset.crossings[crossing].queue(for: mode)
        }
    }

    func volume(_ assignment: CrossingAssignment, _ crossing: String, _ mode: Mode) -> Double {
        assignment.volumes[network.dataset.crossings.firstIndex { $0.id == crossing }!][mode] ?? 0
    }

    @Test(arguments: [AssignmentMethod.allOrNothing, .logit(scaleSeconds: 900), .standard])
    func everyServedTripIsAssignedInFullPerMode(method: AssignmentMethod) throws {
        let assignment = try assign(method)
        for (index, trip) in trips.enumerated() {
            let flows = assignment.choices.offsets[index]..<assignment.choices.offsets[index + 1]
            let assigned = flows.reduce(0) { $0 + assignment.optionFlows[$1] }
            if flows.isEmpty {
                #expect(network.dataset.places[trip.origin].country == network.dataset.places[trip.destination].country)
            } else {
                #expect(abs(assigned - demand[index]) < 1e-6, "trip \(index)")
            }
        }
        for mode in Mode.allCases {
            let total = network.dataset.crossings.indices.reduce(0) { $0 + (assignment.volumes[$1][mode] ?? 0) }
            let served = trips.indices.filter { trips[$0].mode == mode && assignment.choices.offsets[$0] < assignment.choices.offsets[$0 + 1] }
                .reduce(0) { $0 + demand[$1] }
            #expect(abs(total - served) < 1e-6, "\(mode)")
        }
        #expect(assignment.unserved == [.pov: 300], "the trip within the U.S. crosses nothing")
    }

    @Test func theEquilibriumReachesItsGapAndNoTripCanSaveTimeByMoving() throws {
        let assignment = try assign(.standard)
        #expect(assignment.relativeGap <= 1e-4)
        #expect(assignment.iterations > 0)
        let choices = assignment.choices
        for t in trips.indices where choices.offsets[t] < choices.offsets[t + 1] {
            let costs = (choices.offsets[t]..<choices.offsets[t + 1]).map { index -> (Double, Double) in
                let option = choices.options[index]
                return (option.accessSeconds + assignment.waits[option.crossing][trips[t].mode]!, assignment.optionFlows[index])
            }
            let cheapest = costs.map(\.0).min()!
            for (cost, flow) in costs where flow > demand[t] * 1e-3 {
                #expect(cost <= cheapest * 1.001, "trip \(t): a used option costs \(cost) s against \(cheapest) s")
            }
        }
        // Gate A's cars are over capacity at all-or-nothing; the equilibrium moves some to Gate B.
        let aon = try assign(.allOrNothing)
        #expect(volume(assignment, "gate-a", .pov) < volume(aon, "gate-a", .pov))
        #expect(volume(assignment, "gate-b", .pov) > volume(aon, "gate-b", .pov))
    }

    @Test func aClosedCrossingCarriesNoFlow() throws {
        var closures = Closures()
        try closures.close(crossing: "gate-a")
        let assignment = try assign(.standard, closures: closures)
        #expect(volume(assignment, "gate-a", .pov) == 0)
        #expect(abs(volume(assignment, "gate-b", .pov) - 6_300) < 1e-6)
    }

    @Test func closingAnUnusedCrossingModeChangesNothing() throws {
        var closures = Closures()
        try closures.close(mode: .pedestrian, atCrossing: "gate-a")
        let before = try assign(.standard)
        let after = try assign(.standard, closures: closures)
        #expect(before.volumes == after.volumes)
        #expect(before.optionFlows == after.optionFlows)
    }

    @Test func logitGivesTheCheaperCrossingTheLargerShare() throws {
        let assignment = try assign(.logit(scaleSeconds: 900))
        let first = assignment.choices.options(ofTrip: 0)
        #expect(first.count == 2)
        let flows = assignment.optionFlows[assignment.choices.offsets[0]..<assignment.choices.offsets[1]]
        #expect(flows.first! > flows.last!)
        #expect(flows.last! > 0)
    }

    @Test func optionsAreCheapestFirstAndRespectTheDirection() throws {
        let choices = network.crossingChoices(for: trips)
        let truckOptions = choices.options(ofTrip: 3).map { network.dataset.crossings[$0.crossing].id }
        #expect(truckOptions == ["gate-b"], "trucks only where trucks are processed")
        let carOptions = choices.options(ofTrip: 0)
        #expect(carOptions.map(\.accessSeconds) == carOptions.map(\.accessSeconds).sorted())
    }
}
