import Benchmark
@_spi(Internals) import BorderFlow
import BorderFlowGraph
import Foundation

/// Routed crossers on the bundled network with the closures changing every day, as a simulation runs:
/// each iteration is one simulated day of the December 2023 scenario (20 November 2023 to 10 January 2024,
/// in turn), which makes that day's router and routes a fixed batch of crossers drawn from the fitted demand.
/// The named peer is the graph search (`RouteSearch`, A*) answering the same crossers one query at a time.
enum SimulationInputs {
    /// Crossers routed per simulated day by the router, and by the graph search (which is far slower).
    static let routerBatch = 100_000
    static let searchBatch = 1_000
    static let seed: UInt64 = 2_023
    static let days = 52
}

/// The days' moments (local noon), the drawn crossers, and the scenario's closures.
struct SimulationFixture {
    let moments: [Moment]
    let trips: [Trip]
    let closures: Closures

    init(network: BorderNetwork) throws {
        let demand = try network.baselineDemand().demand
        closures = try Scenario.find("dec-2023", dataset: network.dataset).closures
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let first = calendar.date(from: DateComponents(year: 2023, month: 11, day: 20))!
        moments = (0..<SimulationInputs.days).map { day in
            var noon = calendar.dateComponents([.year, .month, .day], from: calendar.date(byAdding: .day, value: day, to: first)!)
            noon.hour = 12
            noon.minute = 0
            noon.second = 0
            return .localTime(noon)
        }
        // Crossers in proportion to the demand's daily trips.
        var total = 0.0
        let cumulative = demand.dailyTrips.map { total += $0; return total }
        var random = SplitMix64(seed: SimulationInputs.seed)
        trips = (0..<SimulationInputs.routerBatch).map { _ in
            let target = Double.random(in: 0..<total, using: &random)
            return demand.trips[cumulative.firstIndex { $0 > target } ?? (cumulative.count - 1)]
        }
    }

    func router(day: Int, network: BorderNetwork) throws -> Router {
        try network.router(closures: closures, at: moments[day % moments.count], applyingOpeningHours: false)
    }

    /// The router must give the graph search's travel time to every crosser of the search batch, every day.
    func check(network: BorderNetwork) throws {
        for day in moments.indices {
            let router = try router(day: day, network: network)
            let search = RouteSearch(network: network, mask: router.mask)
            for trip in trips.prefix(SimulationInputs.searchBatch) {
                let origin = network.places[trip.origin].id, destination = network.places[trip.destination].id
                let expected = try search.route(from: origin, to: destination, mode: trip.mode, algorithm: .astar)
                let fast = router.route(trip)
                guard fast?.travelSeconds == expected?.travelSeconds else {
                    throw CheckFailed(description: "day \(day), \(origin) → \(destination) by \(trip.mode): router \(fast.map { "\($0.travelSeconds) s" } ?? "no route"), graph search \(expected.map { "\($0.travelSeconds) s" } ?? "no route")")
                }
            }
        }
        print("Checked: the router and the graph search agree on \(SimulationInputs.searchBatch) crossers on each of \(moments.count) days.")
    }
}

func registerSimulationBenchmarks(network: BorderNetwork) {
    let routerName = "Simulated day, dec-2023: new router + 100,000 crossers"
    let searchName = "Simulated day, dec-2023: graph search (A*) + 1,000 crossers"
    func configuration(_ iterations: Int) -> Benchmark.Configuration {
        .init(metrics: [.throughput, .wallClock, .mallocCountTotal], timeUnits: .microseconds,
              units: [.throughput: .count, .mallocCountTotal: .count], warmupIterations: 1, scalingFactor: .one,
              maxDuration: .seconds(120), maxIterations: iterations)
    }

    Benchmark(routerName, configuration: configuration(2 * SimulationInputs.days)) { benchmark, fixture in
        let router = try fixture.router(day: benchmark.currentIteration, network: network)
        var routed = 0, milliseconds: UInt64 = 0
        for trip in fixture.trips {
            if let route = router.route(trip) {
                routed += 1
                milliseconds &+= route.travelMilliseconds
            }
        }
        blackHole(routed)
        blackHole(milliseconds)
    } setup: {
        setUp(routerName) { () throws -> SimulationFixture in
            let fixture = try SimulationFixture(network: network)
            try fixture.check(network: network)
            return fixture
        }
    }

    Benchmark(searchName, configuration: configuration(SimulationInputs.days)) { benchmark, fixture in
        let router = try fixture.router(day: benchmark.currentIteration, network: network)
        let search = RouteSearch(network: network, mask: router.mask)
        var routed = 0
        for trip in fixture.trips.prefix(SimulationInputs.searchBatch) {
            let origin = network.places[trip.origin].id, destination = network.places[trip.destination].id
            if try search.route(from: origin, to: destination, mode: trip.mode, algorithm: .astar) != nil { routed += 1 }
        }
        blackHole(routed)
    } setup: {
        setUp(searchName) { try SimulationFixture(network: network) }
    }
}
