import Foundation

/// How demand is spread over the crossings.
public enum AssignmentModel: Sendable, Equatable {
    /// Every trip takes its cheapest option at free-flow waits.
    case allOrNothing
    /// Trips split over their options by a logit on free-flow cost: share ∝ exp(−cost / scale).
    case logit(scaleSeconds: Double)
    /// User equilibrium with volume-dependent waits (`CrossingDelay`): no trip can save time by moving to
    /// another crossing. Solved by flow shifts along each trip's options until the relative gap is reached.
    case equilibrium(relativeGap: Double = 1e-4, maximumIterations: Int = 2_000)

    /// The logit's default scale: 15 minutes.
    public static let defaultLogitScaleSeconds = 900.0
    /// The default model: equilibrium converged to a relative gap of 1e-4.
    public static let standard = AssignmentModel.equilibrium()

    /// The model's name as the command line takes it (`aon`, `logit`, `equilibrium`).
    public var name: String {
        switch self {
        case .allOrNothing: return "aon"
        case .logit: return "logit"
        case .equilibrium: return "equilibrium"
        }
    }
}

/// Daily flows over the crossings: per trip option, per crossing and mode, with the waits they cause.
public struct CrossingAssignment: Sendable {
    /// The trips and the options they were assigned over.
    public let choices: CrossingChoices
    /// Daily trips of each trip in `choices.trips`.
    public let demand: [Double]
    /// Daily flow on each option in `choices.options`.
    public let optionFlows: [Double]
    /// Daily volume per crossing (dataset index) and mode.
    public let volumes: [[Mode: Double]]
    /// Seconds to pass each crossing per mode at its assigned volume.
    public let waits: [[Mode: Double]]
    /// The model that assigned them.
    public let model: AssignmentModel
    /// Equilibrium iterations run (1 for all-or-nothing and logit).
    public let iterations: Int
    /// (total cost − cost if everyone took their cheapest option) / total cost; 0 for all-or-nothing.
    public let relativeGap: Double

    /// A trip's flow-weighted cost (road time, wait, and whatever the options' costs include) and the crossing
    /// carrying most of it; nil when the trip carries no flow.
    ///
    /// - Parameter trip: the trip's index in `choices.trips`.
    /// - Returns: the mean cost in seconds over the trip's flows, and the index of its busiest crossing.
    public func tripCost(_ trip: Int) -> (seconds: Double, crossing: Int)? {
        var total = 0.0, flow = 0.0
        var main: (crossing: Int, flow: Double)?
        for (offset, option) in choices.options(ofTrip: trip).enumerated() {
            let f = optionFlows[choices.offsets[trip] + offset]
            guard f > 0 else { continue }
            total += f * (option.accessSeconds + (waits[option.crossing][choices.trips[trip].mode] ?? 0))
            flow += f
            if main == nil || f > main!.flow { main = (option.crossing, f) }
        }
        guard flow > 0, let main else { return nil }
        return (total / flow, main.crossing)
    }

    /// Daily trips with no open option, per mode.
    public var unserved: [Mode: Double] {
        var result: [Mode: Double] = [:]
        for (index, trip) in choices.trips.enumerated() where choices.offsets[index] == choices.offsets[index + 1] {
            result[trip.mode, default: 0] += demand[index]
        }
        return result
    }
}

extension CrossingChoices {
    /// Assigns daily demand (one figure per trip) over the options.
    ///
    /// - Parameters:
    ///   - demand: daily trips per trip, in the mode's units (persons, vehicles, buses, trucks, railcars).
    ///   - model: how the demand is spread over each trip's options.
    ///   - crossingCount: how many crossings the dataset has.
    ///   - capacity: daily capacity of a crossing (dataset index) for a mode.
    ///   - freeSeconds: the wait at zero volume for a mode.
    /// - Returns: the flows per option, crossing and mode, with their waits.
    public func assign(
        demand: [Double], model: AssignmentModel, crossingCount: Int,
        capacity: (Int, Mode) -> Double, freeSeconds: (Mode) -> Double = { CrossingTimes.northboundMinutes($0) * 60 }
    ) -> CrossingAssignment {
        precondition(demand.count == trips.count, "one demand figure per trip")
        let modes = Mode.allCases
        let modeCount = modes.count
        // Links are (crossing, mode) pairs.
        func link(_ crossing: Int, _ mode: Mode) -> Int { crossing * modeCount + modes.firstIndex(of: mode)! }
        var capacities = [Double](repeating: 0, count: crossingCount * modeCount)
        var free = [Double](repeating: 0, count: crossingCount * modeCount)
        for crossing in 0..<crossingCount {
            for mode in modes {
                capacities[link(crossing, mode)] = capacity(crossing, mode)
                free[link(crossing, mode)] = freeSeconds(mode)
            }
        }
        var volume = [Double](repeating: 0, count: crossingCount * modeCount)
        var flows = [Double](repeating: 0, count: options.count)
        let tripLinks = trips.indices.map { t in options(ofTrip: t).map { link($0.crossing, trips[t].mode) } }
        func wait(_ l: Int) -> Double { CrossingDelay.waitSeconds(volume: volume[l], capacity: capacities[l], freeSeconds: free[l]) }

        var iterations = 1
        var gap = 0.0
        switch model {
        case .allOrNothing, .equilibrium:
            // Free-flow all-or-nothing: the start of the equilibrium too.
            for t in trips.indices where demand[t] > 0 && offsets[t] < offsets[t + 1] {
                let range = offsets[t]..<offsets[t + 1]
                let best = range.min { (options[$0].accessSeconds + free[tripLinks[t][$0 - offsets[t]]], $0) < (options[$1].accessSeconds + free[tripLinks[t][$1 - offsets[t]]], $1) }!
                flows[best] += demand[t]
                volume[tripLinks[t][best - offsets[t]]] += demand[t]
            }
        case let .logit(scale):
            for t in trips.indices where demand[t] > 0 && offsets[t] < offsets[t + 1] {
                let range = offsets[t]..<offsets[t + 1]
                let costs = range.map { options[$0].accessSeconds + free[tripLinks[t][$0 - offsets[t]]] }
                let cheapest = costs.min()!
                let weights = costs.map { Foundation.exp(-($0 - cheapest) / scale) }
                let total = weights.reduce(0, +)
                for (offset, index) in range.enumerated() {
                    let share = demand[t] * weights[offset] / total
                    flows[index] += share
                    volume[tripLinks[t][offset]] += share
                }
            }
        }

        if case let .equilibrium(target, maximumIterations) = model {
            iterations = 0
            gap = relativeGapOf(flows: flows, demand: demand, tripLinks: tripLinks, wait: wait)
            while gap > target && iterations < maximumIterations {
                iterations += 1
                for t in trips.indices where demand[t] > 0 && offsets[t + 1] - offsets[t] > 1 {
                    let base = offsets[t]
                    let links = tripLinks[t]
                    var best = base
                    var bestCost = Double.infinity
                    for index in base..<offsets[t + 1] {
                        let cost = options[index].accessSeconds + wait(links[index - base])
                        if cost < bestCost { bestCost = cost; best = index }
                    }
                    for index in base..<offsets[t + 1] where index != best && flows[index] > 0 {
                        let from = links[index - base], to = links[best - base]
                        let difference = options[index].accessSeconds + wait(from) - bestCost
                        guard difference > 0 else { continue }
                        let slope = CrossingDelay.waitDerivative(volume: volume[from], capacity: capacities[from], freeSeconds: free[from])
                            + CrossingDelay.waitDerivative(volume: volume[to], capacity: capacities[to], freeSeconds: free[to])
                        let shift = slope > 0 ? min(flows[index], difference / slope) : flows[index]
                        flows[index] -= shift
                        flows[best] += shift
                        volume[from] -= shift
                        volume[to] += shift
                        bestCost = options[best].accessSeconds + wait(to)
                    }
                }
                gap = relativeGapOf(flows: flows, demand: demand, tripLinks: tripLinks, wait: wait)
            }
        }

        var volumes = [[Mode: Double]](repeating: [:], count: crossingCount)
        var waits = [[Mode: Double]](repeating: [:], count: crossingCount)
        for crossing in 0..<crossingCount {
            for mode in modes {
                let l = link(crossing, mode)
                if volume[l] > 0 { volumes[crossing][mode] = volume[l] }
                waits[crossing][mode] = wait(l)
            }
        }
        return CrossingAssignment(choices: self, demand: demand, optionFlows: flows, volumes: volumes, waits: waits,
                                  model: model, iterations: iterations, relativeGap: gap)
    }

    /// (Σ flow × cost − Σ demand × cheapest cost) / Σ flow × cost.
    private func relativeGapOf(flows: [Double], demand: [Double], tripLinks: [[Int]], wait: (Int) -> Double) -> Double {
        var total = 0.0, shortest = 0.0
        for t in trips.indices where demand[t] > 0 && offsets[t] < offsets[t + 1] {
            var cheapest = Double.infinity
            for index in offsets[t]..<offsets[t + 1] {
                let cost = options[index].accessSeconds + wait(tripLinks[t][index - offsets[t]])
                total += flows[index] * cost
                cheapest = min(cheapest, cost)
            }
            shortest += demand[t] * cheapest
        }
        return total > 0 ? (total - shortest) / total : 0
    }
}
