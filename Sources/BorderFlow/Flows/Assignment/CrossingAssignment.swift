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
    /// Seconds to pass each crossing per mode at its assigned volume.
    public let waits: [PerMode<Double>]
    /// The model that assigned them.
    public let method: AssignmentMethod
    /// Equilibrium iterations run (1 for all-or-nothing and logit).
    public let iterations: Int
    /// (total cost − cost if everyone took their cheapest option) / total cost; 0 for all-or-nothing.
    public let relativeGap: Double

    /// A trip's flow-weighted cost (road time, wait, and whatever the options' costs include) and the crossing
    /// carrying most of it; nil when the trip carries no flow.
    ///
    /// - Parameter trip: the trip's index in `choices.trips`.
    /// - Returns: the mean cost in seconds over the trip's flows, and the index of its busiest crossing.
    public func tripCost(_ trip: Int) -> (seconds: Double, crossing: CrossingIndex)? {
        var total = 0.0, flow = 0.0
        var main: (crossing: CrossingIndex, flow: Double)?
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
    public var unserved: PerMode<Double> {
        var result: PerMode<Double> = [:]
        for (index, trip) in choices.trips.enumerated() where choices.offsets[index] == choices.offsets[index + 1] {
            result[trip.mode, default: 0] += demand[index]
        }
        return result
    }
}
