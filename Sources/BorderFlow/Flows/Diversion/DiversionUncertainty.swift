import BorderFlowGraph
import Foundation

/// How far a diversion's answer moves over the range of behaviour the past closures allow: each crossing's
/// change as a median with a 10–90 % band over draws of the behavioural numbers.
///
/// Each draw takes every number of `behaviour.csv` whose range is not a single value independently, uniform
/// on a log scale between its low and high (uniform when low is 0), and runs the scenario again on the same
/// baseline. Draw `k` comes from its own generator seeded from (seed, k), so the bands are the same for a
/// seed whatever the thread count.
public struct DiversionUncertainty: Sendable {
    /// A figure's median and 10 % and 90 % quantiles over the draws.
    public struct Band: Sendable, Equatable {
        /// The 10 % quantile.
        public let low: Double
        /// The median.
        public let median: Double
        /// The 90 % quantile.
        public let high: Double

        /// The band of some values (linear interpolation between order statistics).
        ///
        /// - Parameter values: the values, at least one.
        public init(_ values: [Double]) {
            let sorted = values.sorted()
            func quantile(_ p: Double) -> Double {
                let position = p * Double(sorted.count - 1)
                let below = Int(position.rounded(.down)), above = Int(position.rounded(.up))
                return sorted[below] + (sorted[above] - sorted[below]) * (position - Double(below))
            }
            low = quantile(0.1)
            median = quantile(0.5)
            high = quantile(0.9)
        }
    }

    /// How many draws.
    public let draws: Int
    /// The seed of the draws.
    public let seed: UInt64
    /// The band of each crossing and mode's change, in the order of `Diversion.crossings`.
    public let changes: [Band]
    /// The band of the daily trips forgone, per mode.
    public let forgone: PerMode<Band>
    /// The band of the daily freight deferred, per mode.
    public let deferred: PerMode<Band>
}

extension DiversionModel {
    /// Runs a scenario under `draws` draws of the behaviour within its fitted ranges.
    ///
    /// - Parameters:
    ///   - rows: the behaviour's numbers with their ranges (see `BorderNetwork.behaviourRows(in:)`).
    ///   - draws: how many draws, at least one.
    ///   - seed: the seed of the draws.
    ///   - closures: what is closed.
    ///   - moment: the scenario's day; nil applies every closure whatever its window.
    ///   - lanes: inspection lanes per crossing and mode in the scenario; the dataset's when nil.
    ///   - throughput: the share of its usual rate each crossing achieves; 1 everywhere when nil. It is given
    ///     the draw's behaviour, so a scenario that takes officers without saying how many follows the draw.
    /// - Returns: the bands.
    /// - Throws: ``ClosureError`` for a closure the network cannot apply.
    public func uncertainty(
        rows: [BehaviourFile.Row], draws: Int, seed: UInt64, closures: Closures, at moment: Moment?,
        lanes: (@Sendable (Crossing, Mode) -> Int)? = nil, throughput: (@Sendable (Behaviour) -> (Crossing) -> Double)? = nil
    ) throws -> DiversionUncertainty {
        precondition(draws > 0, "at least one draw")
        let results = DrawResults(count: draws)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, draws))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for draw in stride(from: worker, to: draws, by: workers) {
                var random = SplitMix64(seed: seed &+ UInt64(draw) &* 0x9E37_79B9_7F4A_7C15)
                let behaviour = BehaviourFile.behaviour(from: rows) { row in
                    guard row.high > row.low else { return row.value }
                    let u = Double(random.next() >> 11) * 0x1p-53
                    return row.low > 0 ? Foundation.exp(Foundation.log(row.low) + u * Foundation.log(row.high / row.low))
                                       : row.low + u * (row.high - row.low)
                }
                results.set(draw, Result { try with(behaviour: behaviour).divert(closures: closures, at: moment, lanes: lanes,
                                                                                  throughput: throughput?(behaviour)) })
            }
        }
        let diversions = try results.all().map { try $0.get() }
        let first = diversions[0]
        let changes = first.crossings.indices.map { index in DiversionUncertainty.Band(diversions.map { $0.crossings[index].change }) }
        var forgone = PerMode<DiversionUncertainty.Band>(), deferred = PerMode<DiversionUncertainty.Band>()
        for mode in Mode.allCases {
            forgone[mode] = DiversionUncertainty.Band(diversions.map { $0.forgone[mode] ?? 0 })
            deferred[mode] = DiversionUncertainty.Band(diversions.map { $0.deferred[mode] ?? 0 })
        }
        return DiversionUncertainty(draws: draws, seed: seed, changes: changes, forgone: forgone, deferred: deferred)
    }
}

/// The draws' diversions, each set once by whichever thread ran it.
private final class DrawResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<Diversion, any Error>?]

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<Diversion, any Error>) {
        lock.lock()
        defer { lock.unlock() }
        results[index] = result
    }

    func all() -> [Result<Diversion, any Error>] {
        lock.lock()
        defer { lock.unlock() }
        return results.map { $0! }
    }
}
