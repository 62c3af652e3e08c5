import Foundation

/// Daily flows over the crossings: per trip option, per crossing and mode, with the waits they cause.
public struct CrossingAssignment: Sendable {
    /// The trips and the options they were assigned over.
    public let choices: CrossingChoices
    /// Daily trips of each trip in `choices.trips`.
    public let demand: [Double]
    /// Daily flow on each option in `choices.options`.
    public let optionFlows: [Double]
    /// Daily volume per crossing (dataset index) and mode.
    public let volumes: [PerMode<Double>]
    /// Each crossing's day per mode at its assigned volume: what it serves, what it cannot, the mean wait
    /// and the peak queue (see `DailyQueue`).
    public let days: [PerMode<DailyQueue.Day>]
    /// The model that assigned them.
    public let method: AssignmentMethod
    /// Equilibrium iterations run (1 for all-or-nothing and logit).
    public let iterations: Int
    /// (total cost − cost if everyone took their cheapest option) / total cost; 0 for all-or-nothing.
    public let relativeGap: Double

    /// Seconds to pass each crossing per mode at its assigned volume (inspection included).
    public var waits: [PerMode<Double>] { days.map { $0.mapValues(\.waitSeconds) } }

    /// A trip's flow-weighted cost (road time, wait, and whatever the options' costs include) and the crossing
    /// carrying most of it; nil when the trip carries no flow.
    ///
    /// - Parameter trip: the trip's index in `choices.trips`.
    /// - Returns: the mean cost in seconds over the trip's flows, and the index of its busiest crossing.
    public func tripCost(_ trip: Int) -> (seconds: Double, crossing: CrossingIndex)? {
        let mode = choices.trips[trip].mode
        var total = 0.0, flow = 0.0
        var main: (crossing: CrossingIndex, flow: Double)?
        for (offset, option) in choices.options(ofTrip: trip).enumerated() {
            let f = optionFlows[choices.offsets[trip] + offset]
            guard f > 0 else { continue }
            total += f * (option.accessSeconds + (days[option.crossing][mode]?.waitSeconds ?? 0))
            flow += f
            if main == nil || f > main!.flow { main = (option.crossing, f) }
        }
        guard flow > 0, let main else { return nil }
        return (total / flow, main.crossing)
    }

    /// Daily trips with no open option, per mode.
    public var unserved: PerMode<Double> {
        var result: PerMode<Double> = [:]
        for (index, trip) in choices.trips.enumerated() where choices.offsets[index] == choices.offsets[index + 1] {
            result[trip.mode, default: 0] += demand[index]
        }
        return result
    }

    /// A trip's cheapest option at the assigned waits: what one more traveller on it would pay.
    ///
    /// - Parameter trip: the trip's index in `choices.trips`.
    /// - Returns: road time, wait and whatever else the options' costs include, in seconds; infinite when the
    ///   trip has no option.
    public func cheapestCost(ofTrip trip: Int) -> Double {
        cheapestOption(ofTrip: trip)?.cost ?? .infinity
    }

    /// A trip's cheapest option at the assigned waits, and its cost (road time, wait and whatever else the
    /// options' costs include, in seconds); nil when the trip has no option.
    ///
    /// - Parameter trip: the trip's index in `choices.trips`.
    /// - Returns: the option and its cost.
    public func cheapestOption(ofTrip trip: Int) -> (option: CrossingChoices.Option, cost: Double)? {
        let mode = choices.trips[trip].mode
        var best: (option: CrossingChoices.Option, cost: Double)?
        for option in choices.options(ofTrip: trip) {
            let cost = option.accessSeconds + (days[option.crossing][mode]?.waitSeconds ?? 0)
            if best == nil || cost < best!.cost { best = (option, cost) }
        }
        return best
    }

    /// A trip's daily flow over all its options.
    ///
    /// - Parameter trip: the trip's index in `choices.trips`.
    /// - Returns: the units a day it carries across.
    public func tripFlow(_ trip: Int) -> Double {
        optionFlows[choices.offsets[trip]..<choices.offsets[trip + 1]].reduce(0, +)
    }
}
