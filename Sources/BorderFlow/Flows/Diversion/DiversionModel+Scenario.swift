import Foundation

extension DiversionModel {
    /// Compares a scenario with the baseline: its closures as given, its lane changes and the officers it
    /// takes from ports in force at `moment`. The one way `divert`, `map` and the server run a scenario.
    ///
    /// - Parameters:
    ///   - scenario: the scenario whose capacity and staff changes apply; nil for none.
    ///   - closures: what is closed (the scenario's at `moment` and any others, see
    ///     ``Scenario/closures(of:at:in:adding:)``).
    ///   - moment: the day looked at; nil applies every change whatever its window.
    /// - Returns: the comparison of scenario and baseline.
    /// - Throws: ``ClosureError`` for a closure the network cannot apply.
    public func divert(scenario: Scenario?, closures: Closures, at moment: Moment?) throws -> Diversion {
        try divert(closures: closures, at: moment, lanes: Self.lanes(of: scenario, at: moment),
                   throughput: Self.throughput(of: scenario, at: moment)?(behaviour))
    }

    /// The scenario under draws of the behaviour within its fitted ranges (see
    /// ``uncertainty(rows:draws:seed:closures:at:lanes:throughput:)``), its changes applied as in
    /// ``divert(scenario:closures:at:)``.
    ///
    /// - Parameters:
    ///   - scenario: the scenario whose capacity and staff changes apply; nil for none.
    ///   - rows: the behaviour's fitted rows with their ranges.
    ///   - draws: how many draws, at least one.
    ///   - seed: the seed of the draws.
    ///   - closures: what is closed.
    ///   - moment: the day looked at.
    /// - Returns: each crossing's change as a median with a 10–90% band.
    /// - Throws: ``ClosureError`` for a closure the network cannot apply.
    public func uncertainty(scenario: Scenario?, rows: [BehaviourFile.Row], draws: Int, seed: UInt64, closures: Closures,
                            at moment: Moment?) throws -> DiversionUncertainty {
        try uncertainty(rows: rows, draws: draws, seed: seed, closures: closures, at: moment,
                        lanes: Self.lanes(of: scenario, at: moment), throughput: Self.throughput(of: scenario, at: moment))
    }

    private static func lanes(of scenario: Scenario?, at moment: Moment?) -> (@Sendable (Crossing, Mode) -> Int)? {
        guard let scenario else { return nil }
        return { @Sendable crossing, mode in scenario.lanes(of: crossing, mode: mode, at: moment) }
    }

    private static func throughput(of scenario: Scenario?, at moment: Moment?) -> (@Sendable (Behaviour) -> (Crossing) -> Double)? {
        guard let scenario else { return nil }
        return { @Sendable behaviour in
            { crossing in scenario.throughput(of: crossing, at: moment, fitted: behaviour.officersTakenThroughput) }
        }
    }
}

extension BorderNetwork {
    /// The month whose demand level a dated run is at: the month of the moment; the demand is an ordinary
    /// day's without one.
    ///
    /// - Parameter moment: the day looked at, or nil.
    /// - Returns: the season of its month; nil without a moment or where the dataset has no seasons.
    /// - Throws: as ``season(month:in:)`` does, when the seasons file cannot be read.
    public func season(at moment: Moment?) throws -> Season? {
        try moment?.monthOfYear.flatMap { try season(month: $0) }
    }
}
