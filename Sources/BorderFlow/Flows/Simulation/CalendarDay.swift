import Foundation

/// One calendar day, such as 2023-12-18: the unit a ``Simulation`` counts in.
///
/// Days step one at a time, so a closed range of them (`first...last`) lists every day between, both included.
public struct CalendarDay: Sendable, Hashable, Strideable, CustomStringConvertible {
    /// Midnight at the start of the day, in UTC: days are counted, never placed in a time zone.
    private let midnight: Date
    /// The year.
    public let year: Int
    /// The month, 1 to 12.
    public let month: Int
    /// The day of the month, 1 to 31.
    public let day: Int

    /// The Gregorian calendar in UTC, where every day is 86,400 seconds long.
    private static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }

    private init(midnight: Date) {
        self.midnight = midnight
        let components = Self.calendar.dateComponents([.year, .month, .day], from: midnight)
        year = components.year ?? 0
        month = components.month ?? 0
        day = components.day ?? 0
    }

    /// Reads a day typed as `2023-12-18`: a year from 0001 to 9999, a month and a day that exists in it,
    /// with no time.
    ///
    /// - Parameter text: the day as typed.
    /// - Throws: `MomentError` for a text that is not a day, a day the month does not have (`2023-02-30`), or
    ///   a date with a time.
    public init(parsing text: String) throws {
        let notADay = MomentError(text: text, problem: "is not a day; write YYYY-MM-DD, such as 2023-12-18, with no time")
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.contains("T"), !trimmed.contains(" ") else { throw notADay }
        let moment: Moment
        do {
            moment = try Moment(parsing: trimmed, dateAlone: .startOfDay)
        } catch let error as MomentError where error.problem.hasPrefix("is not a date") {
            throw notADay
        }
        guard case let .localTime(components) = moment, let midnight = Self.calendar.date(from: components) else { throw notADay }
        self.init(midnight: midnight)
    }

    /// Noon of the day, read in each crossing's own time zone: when a simulation reads the day's closures.
    public var noon: Moment {
        .localTime(DateComponents(year: year, month: month, day: day, hour: 12, minute: 0, second: 0))
    }

    /// The day as `2023-12-18`.
    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// The number of days from this day to another, negative when the other is earlier.
    ///
    /// - Parameter other: the other day.
    /// - Returns: the whole days between them.
    public func distance(to other: CalendarDay) -> Int {
        Int((other.midnight.timeIntervalSince(midnight) / 86_400).rounded())
    }

    /// The day a number of days later (earlier, when negative).
    ///
    /// - Parameter days: the days to move by.
    /// - Returns: that day.
    public func advanced(by days: Int) -> CalendarDay {
        CalendarDay(midnight: midnight.addingTimeInterval(Double(days) * 86_400))
    }

    /// Whether one day comes before another.
    ///
    /// - Parameters:
    ///   - lhs: a day.
    ///   - rhs: another day.
    /// - Returns: true when `lhs` is earlier.
    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool { lhs.midnight < rhs.midnight }
}
