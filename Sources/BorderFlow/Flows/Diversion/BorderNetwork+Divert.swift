import BorderFlowGraph
import Foundation

extension BorderNetwork {
    /// Daily flows of a demand over the crossings open under some closures, with the queues they cause.
    ///
    /// The assignment alone, the same one `DiversionModel` makes of baseline and scenario: each trip spreads
    /// over its open crossings (the cheapest eight within six hours of its cheapest, each with its constant).
    /// It has no baseline to compare with, so no trip is forgone for being dearer; a trip with no open
    /// crossing is left unserved (``CrossingAssignment/unserved``). To compare with every crossing open, use
    /// ``DiversionModel``.
    ///
    /// - Parameters:
    ///   - demand: the demand (see ``baselineDemand(in:)``).
    ///   - constants: seconds added to each crossing's cost per mode; none when nil.
    ///   - closures: what is closed.
    ///   - moment: when; nil applies every closure whatever its window. Opening hours are not applied: a
    ///     day's flows cross while each crossing is open.
    ///   - lanes: inspection lanes per crossing and mode; the dataset's when nil.
    ///   - method: how trips spread over their options.
    /// - Returns: the flows per trip option, crossing and mode, with their waits.
    /// - Throws: ``ClosureError`` for a closure the network cannot apply.
    public func assign(
        _ demand: Demand, constants: [PerMode<Double>]? = nil, closures: Closures = Closures(), at moment: Moment? = nil,
        lanes: ((Crossing, Mode) -> Int)? = nil, method: AssignmentMethod = .standard
    ) throws -> CrossingAssignment {
        let crossings = dataset.crossings
        let mask = try self.mask(for: closures, at: moment, applyingOpeningHours: false)
        let capacity = DiversionModel.capacity(crossings, lanes ?? { $0.lanes[$1] ?? 0 })
        return crossingChoices(for: demand.trips, maximumOptions: .max, maximumExtraSeconds: .infinity)
            .open(on: self, mask: mask, capacity: capacity)
            .considered(with: constants ?? [PerMode<Double>](repeating: [:], count: crossings.count))
            .assign(demand: demand.dailyTrips, method: method, crossingCount: crossings.count, capacity: capacity)
    }
}
