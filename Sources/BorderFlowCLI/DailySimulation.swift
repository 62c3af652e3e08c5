import BorderFlow
import BorderFlowOutput
import BorderFlowGraph
import Foundation

/// Days of crossers drawn from the demand, each routed through the library's `Router` under that day's
/// closures and compared with the same crosser on a day with every crossing open.
///
/// Deterministic: day `d`'s crossers come in fixed chunks, chunk `k` drawn with its own generator seeded from
/// (seed, d, k), and every figure is a whole-number sum, so the result is the same whatever the thread count.
struct DailySimulation: Sendable {
    /// One port's figures for one day.
    struct PortDay: Equatable {
        var crossings = 0
        /// Crossers who crossed here but would have crossed at another facility with every crossing open.
        var diverted = 0
        /// Discretionary trips given up: attributed to the port they would have used.
        var forgone = 0
        /// Freight with no open crossing: attributed to the port it would have used.
        var deferred = 0
        /// Extra travel of the diverted crossers, in milliseconds.
        var detourMilliseconds: UInt64 = 0

        mutating func add(_ other: PortDay) {
            crossings += other.crossings
            diverted += other.diverted
            forgone += other.forgone
            deferred += other.deferred
            detourMilliseconds += other.detourMilliseconds
        }

        /// Whether any crosser counted at this port: crossed, forgone or deferred there (reports list only these).
        var hasCrossers: Bool { crossings + forgone + deferred > 0 }

        /// Mean extra minutes of the crossers diverted here; nil when none were.
        var meanDetourMinutes: Double? {
            diverted > 0 ? Double(detourMilliseconds) / Double(diverted) / 60_000 : nil
        }
    }

    struct Day {
        let date: String
        /// By index in `ports`.
        let ports: [PortDay]
    }

    /// Crossers per chunk: the unit of work a thread takes, and of seeding.
    static let chunkSize = 1_024

    let network: BorderNetwork
    let demand: Demand
    /// CBP port codes, in the order they first appear among the crossings, and their names.
    let ports: [(code: String, name: String)]
    private let portOfCrossing: [Int]
    private let cumulativeTrips: [Double]
    private let allOpen: [RouteCost?]

    init(network: BorderNetwork, demand: Demand) throws {
        self.network = network
        self.demand = demand
        var ports: [(code: String, name: String)] = []
        var index: [String: Int] = [:]
        portOfCrossing = network.crossings.map { crossing in
            if let known = index[crossing.portCode] { return known }
            ports.append((crossing.portCode, crossing.port))
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
            throw UnroutableDemand(count: stranded.count, example: "\(network.places[trip.origin].id) → \(network.places[trip.destination].id) by \(trip.mode)")
        }
    }

    /// Demand with trips that cross nowhere even with every crossing open.
    struct UnroutableDemand: Error, CustomStringConvertible {
        let count: Int
        let example: String

        var description: String {
            "\(count) trip\(count == 1 ? "" : "s") of the demand cannot cross the border even with every crossing open (such as \(example)); give trips between a Mexican and a U.S. place that the network connects"
        }
    }

    /// Simulates one day under a router made for that day's closures.
    func run(day: Int, date: String, router: Router, crossers: Int, seed: UInt64, threads: Int) -> Day {
        let chunks = (crossers + Self.chunkSize - 1) / Self.chunkSize
        let totals = Totals(ports: ports.count)
        let workers = max(1, min(threads, chunks))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var local = [PortDay](repeating: PortDay(), count: ports.count)
            for chunk in stride(from: worker, to: chunks, by: workers) {
                let count = min(Self.chunkSize, crossers - chunk * Self.chunkSize)
                var random = SplitMix64(seed: Self.seed(seed, day: day, chunk: chunk))
                for _ in 0..<count { record(draw(using: &random), router: router, into: &local) }
            }
            totals.add(local)
        }
        return Day(date: date, ports: totals.ports)
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
    private func record(_ trip: Int, router: Router, into ports: inout [PortDay]) {
        guard let usual = allOpen[trip], let usualCrossing = usual.crossing else { return }
        let usualPort = portOfCrossing[usualCrossing]
        let mode = demand.trips[trip].mode
        guard let today = router.route(demand.trips[trip]), let crossing = today.crossing else {
            if mode.isFreight { ports[usualPort].deferred += 1 } else { ports[usualPort].forgone += 1 }
            return
        }
        let extra = today.travelMilliseconds > usual.travelMilliseconds ? today.travelMilliseconds - usual.travelMilliseconds : 0
        if Diversion.isForgone(mode, before: usual.travelSeconds, after: today.travelSeconds) {
            ports[usualPort].forgone += 1
            return
        }
        let port = portOfCrossing[crossing]
        ports[port].crossings += 1
        if crossing != usualCrossing {
            ports[port].diverted += 1
            ports[port].detourMilliseconds += extra
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
