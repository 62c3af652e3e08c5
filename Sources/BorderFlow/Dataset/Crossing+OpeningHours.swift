import BorderFlowGraph
import BorderFlowSpatial
import Foundation

extension Crossing {
    /// Whether a mode is open at a moment, by the crossing's opening hours in its own time zone.
    ///
    /// - Parameters:
    ///   - mode: the mode.
    ///   - date: the instant, read as wall-clock time in the crossing's `timeZone`.
    /// - Returns: true when that local time falls within the mode's hours; false for a mode with no hours.
    public func isOpen(_ mode: Mode, at date: Date) -> Bool {
        guard let hours = hours[mode] else { return false }
        if hours.isAroundTheClock { return true }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(secondsFromGMT: 0)!
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return hours.isOpen(atMinuteOfDay: (parts.hour ?? 0) * 60 + (parts.minute ?? 0))
    }
}
