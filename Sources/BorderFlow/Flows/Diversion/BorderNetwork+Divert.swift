import BorderFlowGraph
import Foundation

extension BorderNetwork {
    /// Daily flows of a demand over the crossings open under some closures, with the queues they cause.
    ///
    /// The assignment alone, the same one `DiversionModel` makes of baseline and scenario: each trip spreads
    /// over its open crossings (the cheapest eight within six hours of its cheapest, each with its constant; a
    /// pedestrian's only within its reach).
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
        func queue(_ crossing: CrossingIndex, _ mode: Mode) -> DailyQueue {
            crossings[crossing].queue(for: mode, lanes: lanes?(crossings[crossing], mode))
        }
        let reach = PedestrianReach(network: self)
        // Only the options a trip weighs are searched for, among the open crossings with lanes: the same as
        // keeping every crossing and then dropping the closed ones, without holding trips × crossings options.
        return crossingChoices(
            for: demand.trips, mask: mask, capacity: { queue($0, $1).dailyCapacity },
            maximumOptions: DiversionModel.limits.options, maximumExtraSeconds: DiversionModel.limits.extraSeconds,
            admitting: reach.admits)
            .shifted(by: constants ?? [PerMode<Double>](repeating: [:], count: crossings.count))
            .assign(demand: demand.dailyTrips, method: method, crossingCount: crossings.count, queue: queue)
    }

    /// Runs baseline and scenario and compares them (a `DiversionModel` made for one use).
    ///
    /// - Parameters:
    ///   - demand: the demand (see ``baselineDemand(in:)``).
    ///   - constants: seconds added to each crossing's cost per mode.
    ///   - behaviour: how travellers respond (see ``behaviour(in:)``).
    ///   - closures: what is closed.
    ///   - moment: the scenario's day; nil applies every closure whatever its window.
    ///   - lanes: inspection lanes per crossing and mode in the scenario; the dataset's when nil.
    ///   - method: how trips spread over their options.
    ///   - season: the month whose level to run at (see ``Season``); nil for an ordinary day of the year.
    /// - Returns: the comparison of scenario and baseline.
    /// - Throws: ``ClosureError`` for a closure the network cannot apply.
    public func divert(
        demand: Demand, constants: [PerMode<Double>], behaviour: Behaviour, closures: Closures, at moment: Moment?,
        lanes: ((Crossing, Mode) -> Int)? = nil, method: AssignmentMethod = .standard, season: Season? = nil
    ) throws -> Diversion {
        try DiversionModel(network: self, demand: demand, constants: constants, behaviour: behaviour, method: method, season: season)
            .divert(closures: closures, at: moment, lanes: lanes)
    }
}
