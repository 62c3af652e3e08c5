import Foundation
import Testing
import BorderFlowTestSupport
@testable import BorderFlow

@Suite("Fitting demand to observed volumes")
struct DemandModelTests {
    let network: BorderNetwork

    init() throws {
        let directory = try Fixtures.network()
        defer { try? FileManager.default.removeItem(at: directory) }
        network = try BorderNetwork(dataset: Dataset.load(from: directory))
    }

    @Test func theFittedBaselineReproducesEveryCrossingWithinFivePercent() throws {
        let fit = GravityDemand.fit(network: network)
        #expect(fit.worstRelativeError <= 0.05)
        #expect(fit.fit.count == 4, "gate-a pedestrian and pov, gate-b pov and truck")
        #expect(fit.assignment.relativeGap <= 1e-4)
    }

    @Test func demandIsNorthboundPositiveAndConservedByTheAssignment() throws {
        let fit = GravityDemand.fit(network: network)
        for (index, trip) in fit.demand.trips.enumerated() {
            #expect(network.dataset.places[trip.origin].country == .mx)
            #expect(network.dataset.places[trip.destination].country == .us)
            #expect(fit.demand.dailyTrips[index] > 0)
        }
        for mode in Mode.allCases {
            let demand = fit.demand.trips.indices.filter { fit.demand.trips[$0].mode == mode }.reduce(0) { $0 + fit.demand.dailyTrips[$1] }
            let assigned = fit.assignment.volumes.reduce(0) { $0 + ($1[mode] ?? 0) }
            #expect(abs(demand - assigned) < 1e-6 * max(1, demand), "\(mode)")
        }
    }

    @Test func closerPlacesExchangeMoreTripsPerPerson() throws {
        let fit = GravityDemand.fit(network: network, maximumRounds: 0)
        func seed(_ origin: String, _ destination: String) -> Double {
            let places = network.dataset.places
            let index = fit.demand.trips.firstIndex {
                places[$0.origin].id == origin && places[$0.destination].id == destination && $0.mode == .pov
            }!
            let trip = fit.demand.trips[index]
            return fit.demand.dailyTrips[index] / (Double(places[trip.origin].population) * Double(places[trip.destination].population))
        }
        // Sur is next to Gate A and North; East is across the motorway.
        #expect(seed("sur", "north") > seed("sur", "east"))
    }
}
