import BorderFlowGraph
import Foundation

/// Days of crossers drawn from the demand, each routed through a ``Router`` under that day's closures and
/// compared with the same crosser on a day with every crossing open.
///
/// Deterministic: day `d`'s crossers come in fixed chunks, chunk `k` drawn with its own generator seeded from
/// (seed, d, k), and every figure is a whole-number sum, so the result is the same whatever the thread count.
struct DailySimulation: Sendable {
    /// Crossers per chunk: the unit of work a thread takes, and of seeding.
    static let chunkSize = 1_024

    /// How many chunks a day of `crossers` takes: rounded up without adding first, so that no count of
    /// crossers overflows; none for zero or fewer.
    static func chunks(for crossers: Int) -> Int {
        max(0, crossers / chunkSize + (crossers % chunkSize > 0 ? 1 : 0))
    }

    let network: BorderNetwork
    let demand: Demand
    let behaviour: Behaviour
    /// CBP ports, in the order they first appear among the crossings.
    let ports: [Simulation.Port]
    private let portOfCrossing: [Int]
    private let cumulativeTrips: [Double]
    private let allOpen: [RouteCost?]

    /// Routes every trip of the demand once with every crossing open, the baseline each crosser is compared with.
    ///
    /// - Throws: `SimulationError.unroutableDemand` when a trip with daily trips crosses nowhere even then.
    init(network: BorderNetwork, demand: Demand, behaviour: Behaviour) throws {
        self.network = network
        self.demand = demand
        self.behaviour = behaviour
        var ports: [Simulation.Port] = []
        var index: [String: Int] = [:]
        portOfCrossing = network.crossings.map { crossing in
            if let known = index[crossing.portCode] { return known }
            ports.append(Simulation.Port(code: crossing.portCode, name: crossing.port))
            index[crossing.portCode] = ports.count - 1
            return ports.count - 1
        }
        self.ports = ports
        var total = 0.0
        cumulativeTrips = demand.dailyTrips.map { total += $0; return total }
        allOpen = try network.router().route(demand.trips)
        // Every crosser is counted somewhere: a trip that cannot cross even with every crossing open has no
        // port to be counted at, so it is an error in the demand rather than a crosser dropped silently.
        let stranded = demand.trips.indices.filter { demand.dailyTrips[$0] > 0 && allOpen[$0]?.crossing == nil }
        if let first = stranded.first {
            let trip = demand.trips[first]
            throw SimulationError.unroutableDemand(
                count: stranded.count,
                example: "\(network.places[trip.origin].id) → \(network.places[trip.destination].id) by \(trip.mode)")
        }
    }

    /// Simulates one day under a router made for that day's closures.
    ///
    /// - Parameters:
    ///   - day: the day's position in the run, which seeds its draws.
    ///   - router: the router of the day's closures.
    ///   - crossers: how many crossers to draw.
    ///   - seed: the run's seed.
    ///   - threads: how many threads route crossers.
    /// - Returns: the day's figures, by index in `ports`.
    func run(day: Int, router: Router, crossers: Int, seed: UInt64, threads: Int) -> [PortDay] {
        let chunks = Self.chunks(for: crossers)
        let totals = Totals(ports: ports.count)
        let workers = max(1, min(threads, chunks))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var local = [PortDay](repeating: PortDay(), count: ports.count)
            for chunk in stride(from: worker, to: chunks, by: workers) {
                let count = min(Self.chunkSize, crossers - chunk * Self.chunkSize)
                var random = SplitMix64(seed: Self.seed(seed, day: day, chunk: chunk))
                for _ in 0..<count { record(draw(using: &random), router: router, random: &random, into: &local) }
            }
            totals.add(local)
        }
        return totals.ports
    }

    /// A generator seed for one chunk of one day, spread over all 64 bits.
    static func seed(_ seed: UInt64, day: Int, chunk: Int) -> UInt64 {
        var mixer = SplitMix64(seed: seed ^ (UInt64(day) &* 0x9E37_79B9_7F4A_7C15) ^ (UInt64(chunk) &* 0xC2B2_AE3D_27D4_EB4F))
        return mixer.next()
    }

    /// A trip index drawn in proportion to its daily trips.
    private func draw(using random: inout SplitMix64) -> Int {
        let target = Double(random.next() >> 11) * 0x1p-53 * (cumulativeTrips.last ?? 0)
        var low = 0, high = cumulativeTrips.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulativeTrips[middle] > target { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// Counts one crosser: where they cross today against where they would with every crossing open.
    private func record(_ trip: Int, router: Router, random: inout SplitMix64, into ports: inout [PortDay]) {
        guard let usual = allOpen[trip], let usualCrossing = usual.crossing else { return }
        let usualPort = portOfCrossing[usualCrossing]
        let mode = demand.trips[trip].mode
        guard let today = router.route(demand.trips[trip]), let crossing = today.crossing else {
            if mode.isFreight { ports[usualPort].deferred += 1 } else { ports[usualPort].forgone += 1 }
            return
        }
        let extra = today.travelMilliseconds > usual.travelMilliseconds ? today.travelMilliseconds - usual.travelMilliseconds : 0
        // The crosser goes ahead with the probability the behaviour gives the trip's extra time.
        let kept = behaviour.keptShare(mode, riseSeconds: Double(extra) / 1000)
        if kept < 1 && Double(random.next() >> 11) * 0x1p-53 >= kept {
            if mode.isFreight { ports[usualPort].deferred += 1 } else { ports[usualPort].forgone += 1 }
            return
        }
        let port = portOfCrossing[crossing]
        ports[port].crossings += 1
        if crossing != usualCrossing {
            ports[port].diverted += 1
            ports[port].detourMilliseconds += extra
            ports[usualPort].divertedAway += 1
        }
    }

    /// The day's sums, added to by each worker once.
    private final class Totals: @unchecked Sendable {
        private let lock = NSLock()
        private var sums: [PortDay]

        init(ports: Int) { sums = [PortDay](repeating: PortDay(), count: ports) }

        func add(_ local: [PortDay]) {
            lock.lock()
            defer { lock.unlock() }
            for index in sums.indices { sums[index].add(local[index]) }
        }

        var ports: [PortDay] {
            lock.lock()
            defer { lock.unlock() }
            return sums
        }
    }
}
