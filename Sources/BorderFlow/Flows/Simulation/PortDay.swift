/// One CBP port's figures for one simulated day: the crossers who crossed there, and those who would have.
public struct PortDay: Sendable, Equatable {
    /// Crossers who crossed here.
    public internal(set) var crossings = 0
    /// Crossers who crossed here but would have crossed at another facility with every crossing open.
    public internal(set) var diverted = 0
    /// Crossers who would have crossed at a facility here with every crossing open but crossed at another
    /// facility: the other side of `diverted`, so that a port that loses crossers shows it.
    public internal(set) var divertedAway = 0
    /// Discretionary trips given up: attributed to the port they would have used.
    public internal(set) var forgone = 0
    /// Freight with no open crossing: attributed to the port it would have used.
    public internal(set) var deferred = 0
    /// Extra travel of the diverted crossers, in whole milliseconds, so that sums do not depend on their order.
    public internal(set) var detourMilliseconds: UInt64 = 0

    /// Nothing counted yet.
    init() {}

    /// Adds another count of the same port and day: one worker's share.
    mutating func add(_ other: PortDay) {
        crossings += other.crossings
        diverted += other.diverted
        divertedAway += other.divertedAway
        forgone += other.forgone
        deferred += other.deferred
        detourMilliseconds += other.detourMilliseconds
    }

    /// Whether any crosser counted at this port: crossed, forgone or deferred there, or diverted away from it.
    public var hasCrossers: Bool { crossings + divertedAway + forgone + deferred > 0 }

    /// Whether the scenario changed anything here: crossers diverted in or away, trips forgone or deferred.
    public var hasChanges: Bool { diverted + divertedAway + forgone + deferred > 0 }

    /// Mean extra minutes of the crossers diverted here; nil when none were.
    public var meanDetourMinutes: Double? {
        diverted > 0 ? Double(detourMilliseconds) / Double(diverted) / 60_000 : nil
    }
}
