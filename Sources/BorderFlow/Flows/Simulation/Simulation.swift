/// What ``BorderNetwork/simulate(demand:behaviour:scenario:closures:days:crossersPerDay:seed:threads:progress:)`` counted:
/// per day and CBP port, the crossers who crossed there, were diverted there, or gave up or deferred a trip
/// they would have made there.
public struct Simulation: Sendable {
    /// A CBP port: the unit the simulation counts at.
    public struct Port: Sendable, Equatable {
        /// The four-digit CBP port code, such as `2602`.
        public let code: String
        /// The port's name.
        public let name: String
    }

    /// One simulated day: its figures at every port.
    public struct Day: Sendable, Equatable {
        /// The day.
        public let date: CalendarDay
        /// One entry per port, by index in ``Simulation/ports``.
        public let ports: [PortDay]
    }

    /// The ports, in the order they first appear among the network's crossings.
    public let ports: [Port]
    /// The days, in the order simulated.
    public let days: [Day]
    /// The scenario whose closures applied, if any.
    public let scenario: Scenario?
    /// Crossers drawn from the demand each day.
    public let crossersPerDay: Int
    /// The seed of the draws: the same seed gives the same figures whatever the thread count.
    public let seed: UInt64
}
