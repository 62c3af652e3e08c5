import Foundation

/// Fits each month's ``Season`` so that the month's baseline assignment carries every crossing's ordinary
/// volume times its seasonal factor (`CrossingBaselines`).
///
/// It starts from each trip scaled by its home crossing's factor, then repeats, as the demand fit does: (1)
/// assign the month's demand with the month's constants; (2) scale the trips of each home crossing by the
/// flow-weighted geometric mean of target ÷ modelled volume at the crossings they use (at most 1.25 either way
/// a round); (3) move each contested crossing's constant by a step halved whenever its error changes sign,
/// until every crossing and mode with a target is within the tolerance. A crossing whose season differs from
/// the neighbours its trips share (Sasabe and Lukeville) is met by its constant.
public struct SeasonalFit: Sendable {
    /// A fitted month and how close it came.
    public struct MonthFit: Sendable {
        /// The month's level.
        public let season: Season
        /// Rounds of assignment and adjustment.
        public let rounds: Int
        /// The largest relative miss among crossings and modes with a target.
        public let worstRelativeError: Double
    }

    let network: BorderNetwork
    let demand: Demand
    let constants: [PerMode<Double>]
    let baselines: CrossingBaselines
    /// Each trip's options as `DiversionModel` weighs them, without constants.
    let choices: CrossingChoices
    let homes: [CrossingIndex?]
    let contested: [PerMode<Bool>]

    /// Prepares the fit of a demand's months: every trip's options (as `DiversionModel` weighs them) and home.
    ///
    /// - Parameters:
    ///   - network: the network.
    ///   - demand: the ordinary day's demand.
    ///   - constants: the ordinary day's crossing constants.
    ///   - baselines: the crossings' baselines, whose volumes times seasonal factors are the targets.
    public init(network: BorderNetwork, demand: Demand, constants: [PerMode<Double>], baselines: CrossingBaselines) {
        self.network = network
        self.demand = demand
        self.constants = constants
        self.baselines = baselines
        let reach = PedestrianReach(network: network)
        choices = DiversionModel.consideredOptions(of: demand, on: network, reach: reach)
        homes = network.homeCrossings(of: demand.trips, constants: constants, admitting: reach.admits)
        var contested = [PerMode<Bool>](repeating: [:], count: network.dataset.crossings.count)
        for t in demand.trips.indices where choices.options(ofTrip: t).count > 1 {
            for option in choices.options(ofTrip: t) { contested[option.crossing][demand.trips[t].mode] = true }
        }
        self.contested = contested
    }

    /// Fits one month.
    ///
    /// - Parameters:
    ///   - month: the month of the year, 1 to 12.
    ///   - tolerance: the largest relative miss allowed.
    ///   - maximumRounds: how many rounds to run at most.
    /// - Returns: the month's level and how close it came.
    public func fit(month: Int, tolerance: Double = 0.05, maximumRounds: Int = 100) -> MonthFit {
        let crossings = network.dataset.crossings
        var targets = [PerMode<Double>](repeating: [:], count: crossings.count)
        for (index, crossing) in crossings.enumerated() {
            for (mode, ordinary) in crossing.dailyVolume where ordinary > 0 {
                targets[index][mode] = ordinary * baselines.factor(crossing: CrossingIndex(index), mode: mode, month: month)
            }
        }
        var season = Season(month: month, baselines: baselines)
        var tripFactors = season.tripFactors
        var shifts = season.constantShifts
        var steps = [PerMode<Double>](repeating: [:], count: crossings.count)
        var lastSign = [PerMode<Double>](repeating: [:], count: crossings.count)
        let trips = demand.trips
        func assign() -> CrossingAssignment {
            choices.shifted(by: season.shifted(constants))
                .assign(demand: season.scaled(demand, homes: homes).dailyTrips, method: .standard,
                        crossingCount: crossings.count) { crossings[$0].queue(for: $1) }
        }
        var assignment = assign()
        func worst() -> Double {
            var worst = 0.0
            for index in crossings.indices {
                for (mode, target) in targets[index] {
                    worst = max(worst, abs((assignment.volumes[index][mode] ?? 0) - target) / target)
                }
            }
            return worst
        }
        var rounds = 0
        let step = Foundation.log(1.25)
        while worst() > tolerance && rounds < maximumRounds {
            rounds += 1
            var ratio = [PerMode<Double>](repeating: [:], count: crossings.count)
            for index in crossings.indices {
                for mode in crossings[index].modes {
                    ratio[index][mode] = ((targets[index][mode] ?? 0) + 1) / ((assignment.volumes[index][mode] ?? 0) + 1)
                }
            }
            // Each home crossing's trips, scaled by the flow-weighted mean log ratio where they go.
            var weighted = [PerMode<Double>](repeating: [:], count: crossings.count)
            var flows = [PerMode<Double>](repeating: [:], count: crossings.count)
            for t in trips.indices {
                guard let home = homes[t] else { continue }
                let mode = trips[t].mode
                let options = assignment.choices.options(ofTrip: t)
                for (offset, option) in options.enumerated() {
                    let flow = assignment.optionFlows[assignment.choices.offsets[t] + offset]
                    weighted[home][mode, default: 0] += flow * Foundation.log(ratio[option.crossing][mode] ?? 1)
                    flows[home][mode, default: 0] += flow
                }
            }
            for index in crossings.indices {
                for (mode, total) in flows[index] where total > 0 {
                    let change = max(-step, min(step, (weighted[index][mode] ?? 0) / total))
                    tripFactors[index][mode] = (tripFactors[index][mode] ?? 1) * Foundation.exp(change)
                }
                for (mode, value) in ratio[index] where contested[index][mode] == true {
                    let error = Foundation.log(value)
                    guard abs(error) > 1e-9 else { continue }
                    let sign: Double = error > 0 ? 1 : -1
                    var size = steps[index][mode] ?? 600
                    if let previous = lastSign[index][mode], previous != sign { size /= 2 }
                    steps[index][mode] = size
                    lastSign[index][mode] = sign
                    // Lower the cost where the crossing carries too little, raise it where too much.
                    shifts[index][mode, default: 0] -= size * max(-1, min(1, error))
                }
            }
            season = Season(month: month, tripFactors: tripFactors, constantShifts: shifts)
            assignment = assign()
        }
        return MonthFit(season: season, rounds: rounds, worstRelativeError: worst())
    }

    /// Fits the twelve months, on every core (each month alone, so the result does not depend on how many).
    ///
    /// - Parameter tolerance: the largest relative miss allowed.
    /// - Returns: January to December.
    public func fitEveryMonth(tolerance: Double = 0.05) -> [MonthFit] {
        final class MonthFits: @unchecked Sendable {
            var months = [MonthFit?](repeating: nil, count: 12)
            let lock = NSLock()
        }
        let results = MonthFits()
        DispatchQueue.concurrentPerform(iterations: 12) { index in
            let result = fit(month: index + 1, tolerance: tolerance)
            results.lock.withLock { results.months[index] = result }
        }
        return results.months.map { $0! }
    }
}
