import BorderFlowGraph
import Foundation
import Testing
@testable import BorderFlow

/// The few options a trip weighs, found without sorting or keeping every crossing it could reach, against the
/// brute-force answer: every option sorted, then cut.
@Suite("Cheapest options without every option")
struct CheapestOptionsTests {
    /// Every option offered, sorted by cost and crossing: what a trip's options were cut from before.
    static func sortedEvery(_ offered: [CrossingChoices.Option]) -> [CrossingChoices.Option] {
        offered.sorted { ($0.accessSeconds, $0.crossing) < ($1.accessSeconds, $1.crossing) }
    }

    @Test(arguments: [0, 1, 3, 8, CheapestOptions.largestKeptInOrder, CheapestOptions.largestKeptInOrder + 1, Int.max])
    func keepsTheFirstOptionsOfAFullSort(capacity: Int) {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<50 {
            // Costs from a few values, so that many tie and the crossing index has to decide.
            let offered = (0..<(round * 7 % 200)).map { crossing in
                CrossingChoices.Option(crossing: CrossingIndex(crossing), accessSeconds: Double(Int.random(in: 0..<20, using: &generator)) * 60)
            }.shuffled(using: &generator)
            var cheapest = CheapestOptions(capacity: capacity)
            for option in offered { cheapest.offer(option) }
            #expect(Array(cheapest.options) == Array(Self.sortedEvery(offered).prefix(capacity)))
            cheapest.removeAll()
            #expect(cheapest.options.isEmpty)
        }
    }

    @Test func aScenariosOptionsAreTheOpenOnesOfEveryOptionCut() throws {
        let network = try BundledRoutingTests.loaded.get()
        let (demand, _) = try DiversionTests.baseline.get()
        let reach = PedestrianReach(network: network)
        var closures = Closures()
        try closures.close(crossing: "el-paso-bridge-of-the-americas")
        try closures.close(mode: .pov, atCrossing: "san-ysidro")
        try closures.close(port: "2304")
        let mask = try network.mask(for: closures, applyingOpeningHours: false)
        let crossings = network.dataset.crossings, places = network.dataset.places
        // Two lanes fewer everywhere, so that crossings left with none are closed by the capacity rule too.
        func capacity(_ crossing: CrossingIndex, _ mode: Mode) -> Double {
            crossings[crossing].queue(for: mode, lanes: max(0, (crossings[crossing].lanes[mode] ?? 0) - 2)).dailyCapacity
        }
        let limits = DiversionModel.limits
        let searched = network.crossingChoices(for: demand.trips, mask: mask, capacity: capacity,
                                               maximumOptions: limits.options, maximumExtraSeconds: limits.extraSeconds,
                                               admitting: reach.admits)
        let every = network.crossingChoices(for: demand.trips, maximumOptions: .max, maximumExtraSeconds: .infinity,
                                            admitting: reach.admits)
        let bruteForce = every.filtered { t, option in
            let trip = demand.trips[t]
            return network.isOpen(crossing: option.crossing, mode: trip.mode, northbound: places[trip.origin].country == .mx,
                                  mask: mask, capacity: capacity(option.crossing, trip.mode))
        }.limited(maximumOptions: limits.options, maximumExtraSeconds: limits.extraSeconds)
        #expect(searched.offsets == bruteForce.offsets)
        #expect(searched.options == bruteForce.options)
        // The closures and the lost lanes did close options some trips would have weighed.
        let unclosed = every.limited(maximumOptions: limits.options, maximumExtraSeconds: limits.extraSeconds)
        #expect(unclosed.options != bruteForce.options)
    }

    @Test func eachTripsHomeIsItsCheapestOfEveryOptionWithConstants() throws {
        let network = try BundledRoutingTests.loaded.get()
        let (demand, constants) = try DiversionTests.baseline.get()
        let reach = PedestrianReach(network: network)
        let homes = network.homeCrossings(of: demand.trips, constants: constants, admitting: reach.admits)
        let every = network.crossingChoices(for: demand.trips, maximumOptions: .max, maximumExtraSeconds: .infinity,
                                            admitting: reach.admits)
        var differsFromTheCheapestAccess = 0
        for t in demand.trips.indices {
            let mode = demand.trips[t].mode
            // The first of the cheapest with its constant, in the order of access cost and crossing.
            var best: (cost: Double, crossing: CrossingIndex)?
            for option in every.options(ofTrip: t) {
                let cost = option.accessSeconds + (constants[option.crossing][mode] ?? 0)
                if best == nil || cost < best!.cost { best = (cost, option.crossing) }
            }
            #expect(homes[t] == best?.crossing)
            if let home = homes[t], home != every.options(ofTrip: t).first?.crossing { differsFromTheCheapestAccess += 1 }
        }
        // The constants move some homes off the trip's cheapest road, so the comparison tests them.
        #expect(differsFromTheCheapestAccess > 0)
    }
}
