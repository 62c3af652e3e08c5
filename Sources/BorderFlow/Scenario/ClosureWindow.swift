import BorderFlowGraph
import BorderFlowSpatial
import Foundation

/// When a closure holds: from `start` (inclusive) until `end` (exclusive); a missing bound is open.
/// Wall-clock bounds are read in each crossing's own time zone, so "2023-12-04" means local midnight there.
public struct ClosureWindow: Sendable, Equatable {
    /// When the closure begins (inclusive); nil for no beginning.
    public let start: Moment?
    /// When it ends (exclusive); nil for no end.
    public let end: Moment?

    /// A window from `start` until `end`.
    ///
    /// When one bound is an instant and the other a wall-clock time, only an end 28 hours or more before the
    /// start is an error: a wall-clock time lies up to 14 hours either side of UTC, by the crossing's zone.
    ///
    /// - Parameters:
    ///   - start: when the window opens, inclusive; nil for no beginning.
    ///   - end: when it closes, exclusive; nil for no end.
    /// - Throws: `ClosureError.windowEndsBeforeItStarts` when the end is not after the start.
    public init(start: Moment?, end: Moment?) throws {
        if let start, let end, let from = start.date(in: "UTC"), let to = end.date(in: "UTC") {
            // A wall-clock bound may sit up to 14 hours either side of UTC; only a plain reversal is an error.
            let sameKind: Bool
            switch (start, end) {
            case (.instant, .instant), (.localTime, .localTime): sameKind = true
            default: sameKind = false
            }
            if sameKind ? to <= from : to.addingTimeInterval(14 * 3600) <= from.addingTimeInterval(-14 * 3600) {
                throw ClosureError.windowEndsBeforeItStarts(start, end)
            }
        }
        self.start = start
        self.end = end
    }

    /// Whether the window holds at an instant, for a crossing in `timeZone`.
    ///
    /// - Parameters:
    ///   - date: the instant.
    ///   - timeZone: the crossing's IANA time zone, in which wall-clock bounds are read.
    /// - Returns: true when the instant is at or after `start` and before `end`.
    public func contains(_ date: Date, timeZone: String) -> Bool {
        if let start, let from = start.date(in: timeZone), date < from { return false }
        if let end, let to = end.date(in: timeZone), date >= to { return false }
        return true
    }

    /// How long the window lasts, in days (wall-clock bounds read as UTC); nil when either end is open.
    public var days: Double? {
        guard let from = start?.date(in: "UTC"), let to = end?.date(in: "UTC") else { return nil }
        return to.timeIntervalSince(from) / 86_400
    }
}
