/// A daily opening window in local time, written "HH:MM-HH:MM"; "00:00-24:00" is open around the clock.
public struct OpeningHours: Hashable, Sendable, CustomStringConvertible {
    /// Minutes after local midnight.
    public let opensMinute: Int
    /// Minutes after local midnight; greater than `opensMinute` (windows past midnight are not used at the border).
    public let closesMinute: Int

    /// Reads "HH:MM-HH:MM".
    ///
    /// - Parameter text: the window, such as "06:00-22:00" or "00:00-24:00".
    /// - Returns: nil when the text is not a window that opens before it closes.
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let opens = Self.minutes(parts[0]), let closes = Self.minutes(parts[1]),
              opens < closes else { return nil }
        opensMinute = opens
        closesMinute = closes
    }

    private static func minutes(_ text: Substring) -> Int? {
        let fields = text.split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count == 2, fields[0].count == 2, fields[1].count == 2,
              let hours = Int(fields[0]), let minutes = Int(fields[1]),
              (0...24).contains(hours), (0..<60).contains(minutes), hours * 60 + minutes <= 24 * 60 else { return nil }
        return hours * 60 + minutes
    }

    /// Whether the crossing is open all day.
    public var isAroundTheClock: Bool { opensMinute == 0 && closesMinute == 24 * 60 }

    /// Hours open per day.
    public var openHours: Double { Double(closesMinute - opensMinute) / 60 }

    /// Whether the crossing is open at a minute of the local day.
    ///
    /// - Parameter minute: minutes after local midnight, 0 to 1439.
    /// - Returns: true from `opensMinute` (inclusive) until `closesMinute` (exclusive).
    public func isOpen(atMinuteOfDay minute: Int) -> Bool {
        minute >= opensMinute && minute < closesMinute
    }

    /// The window as written: "HH:MM-HH:MM".
    public var description: String {
        func text(_ minutes: Int) -> String {
            let hours = minutes / 60, rest = minutes % 60
            return (hours < 10 ? "0" : "") + "\(hours):" + (rest < 10 ? "0" : "") + "\(rest)"
        }
        return "\(text(opensMinute))-\(text(closesMinute))"
    }
}
