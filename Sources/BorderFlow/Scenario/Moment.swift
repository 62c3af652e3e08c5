import Foundation

/// When a question is asked: an instant, or a wall-clock time read in each crossing's own time zone
/// ("14:00 at every crossing"), as a user who types no time zone usually means.
public enum Moment: Sendable, Equatable, CustomStringConvertible {
    /// One instant, the same at every crossing: what a time typed with `Z` or an offset means.
    case instant(Date)
    /// A wall-clock date and time with no zone, read in each crossing's own time zone: what a time typed
    /// without an offset means.
    case localTime(DateComponents)

    /// What a date typed without a time stands for, which depends on what the date is for.
    public enum DateAlone: Sendable {
        /// Local noon that day: a moment to look at (`--at`, `--on`, a simulated day, a scenario's `date`),
        /// when every crossing with daytime hours is open and a closure starting that morning holds.
        case noon
        /// Local midnight at the start of that day: a bound of a closure window (`from`, `to`), so that
        /// `from: 2023-12-04` includes the whole 4th and `to: 2024-01-04` ends as the 4th begins.
        case startOfDay

        var hour: Int { self == .noon ? 12 : 0 }
    }

    /// The instant this moment names at a place in `timeZone`.
    ///
    /// - Parameter timeZone: an IANA time zone id, such as `America/Chicago`; ignored for an `instant`.
    /// - Returns: the instant; nil for a local time when the zone is unknown or the components name no date.
    public func date(in timeZone: String) -> Date? {
        switch self {
        case let .instant(date):
            return date
        case let .localTime(components):
            var calendar = Calendar(identifier: .gregorian)
            guard let zone = TimeZone(identifier: timeZone) else { return nil }
            calendar.timeZone = zone
            return calendar.date(from: components)
        }
    }

    /// The moment in ISO 8601: `2023-12-20T12:00` for a wall-clock time (no zone: it is read in each
    /// crossing's own), `2023-12-20T19:00:00Z` for an instant.
    public var iso8601: String {
        switch self {
        case let .instant(date):
            return date.formatted(.iso8601)
        case let .localTime(c):
            func two(_ value: Int?) -> String { let v = value ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
            let seconds = (c.second ?? 0) == 0 ? "" : ":\(two(c.second))"
            let year = String(c.year ?? 0)
            return String(repeating: "0", count: max(0, 4 - year.count)) + year
                + "-\(two(c.month))-\(two(c.day))T\(two(c.hour)):\(two(c.minute))\(seconds)"
        }
    }

    /// Whether the moment is a wall-clock time read in each crossing's own time zone.
    public var isLocalTime: Bool {
        if case .localTime = self { return true }
        return false
    }

    /// The ISO 8601 form, a wall-clock time marked "(local time)" for people.
    public var description: String {
        isLocalTime ? "\(iso8601) (local time)" : iso8601
    }

    /// The greatest UTC offset read, in minutes: the zones in use run from −12:00 to +14:00.
    public static let largestOffsetMinutes = 14 * 60

    /// The formats a moment is typed in, for messages and help.
    public static let formats = "YYYY-MM-DD, YYYY-MM-DDTHH:MM (local time at each crossing) or YYYY-MM-DDTHH:MM±HH:MM (or …Z)"

    /// Reads `2023-12-10T14:00`, `2023-12-10 14:00:00`, `2023-12-10` or any of these with a time and a `Z`
    /// or `±HH:MM` offset.
    ///
    /// A text with an offset becomes an `instant`, one without a `localTime`. Years run from 0001 to 9999,
    /// the day must exist in its month (`2023-02-30` does not), hours from 00 to 23, minutes and seconds from
    /// 00 to 59, and an offset at most ±14:00.
    ///
    /// - Parameters:
    ///   - text: the date and time as typed; spaces around it are ignored.
    ///   - dateAlone: what a date without a time stands for.
    /// - Throws: `MomentError` saying what is wrong with the text and what is expected.
    public init(parsing text: String, dateAlone: DateAlone) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let notADate = MomentError(text: trimmed, problem: "is not a date; write \(Self.formats)")
        func number(_ part: Substring, digits: ClosedRange<Int>) throws -> Int {
            guard digits.contains(part.count), part.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(part) else {
                throw notADate
            }
            return value
        }
        let halves = trimmed.split(separator: trimmed.contains("T") ? "T" : " ", omittingEmptySubsequences: false)
        guard (1...2).contains(halves.count) else { throw notADate }
        let day = halves[0].split(separator: "-", omittingEmptySubsequences: false)
        guard day.count == 3 else { throw notADate }
        let year = try number(day[0], digits: 4...4), month = try number(day[1], digits: 1...2)
        let dayOfMonth = try number(day[2], digits: 1...2)
        guard year >= 1 else { throw MomentError(text: trimmed, problem: "has year 0; years run from 0001 to 9999") }
        guard (1...12).contains(month) else {
            throw MomentError(text: trimmed, problem: "has month \(month); months run from 01 to 12")
        }
        guard let yearMonth = YearMonth(year: year, month: month), (1...yearMonth.days).contains(dayOfMonth) else {
            let days = YearMonth(year: year, month: month)?.days ?? 31
            throw MomentError(text: trimmed, problem: "is not a day of the calendar: \(String(format: "%04d-%02d", year, month)) has \(days) days")
        }
        var components = DateComponents(year: year, month: month, day: dayOfMonth, hour: dateAlone.hour, minute: 0, second: 0)
        guard halves.count == 2 else {
            self = .localTime(components)
            return
        }
        var time = halves[1]
        var offsetSeconds: Int?
        if time.hasSuffix("Z") {
            offsetSeconds = 0
            time.removeLast()
        } else if let signIndex = time.firstIndex(where: { $0 == "+" || $0 == "-" }) {
            let offset = time[time.index(after: signIndex)...].split(separator: ":", omittingEmptySubsequences: false)
            guard offset.count == 2, offset.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else {
                throw notADate
            }
            // Digits beyond two are an offset out of range, not a format error, and are never multiplied out.
            let hours = offset[0].count <= 2 ? Int(offset[0]) ?? 99 : 99, minutes = offset[1].count <= 2 ? Int(offset[1]) ?? 99 : 99
            guard offset[0].count == 2, offset[1].count == 2, minutes < 60, hours * 60 + minutes <= Self.largestOffsetMinutes else {
                throw MomentError(text: trimmed, problem: "has the UTC offset \(time[signIndex...]); offsets run from -14:00 to +14:00, with minutes 00 to 59")
            }
            offsetSeconds = (hours * 3600 + minutes * 60) * (time[signIndex] == "-" ? -1 : 1)
            time = time[..<signIndex]
        }
        let parts = time.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count) else { throw notADate }
        let hour = try number(parts[0], digits: 1...2), minute = try number(parts[1], digits: 2...2)
        let second = parts.count == 3 ? try number(parts[2], digits: 2...2) : 0
        guard hour < 24, minute < 60, second < 60 else {
            throw MomentError(text: trimmed, problem: "has the time \(time), not a time of day; hours run from 00 to 23, minutes and seconds from 00 to 59")
        }
        components.hour = hour
        components.minute = minute
        components.second = second
        if let offsetSeconds {
            var calendar = Calendar(identifier: .gregorian)
            guard let zone = TimeZone(secondsFromGMT: offsetSeconds) else { throw notADate }
            calendar.timeZone = zone
            guard let date = calendar.date(from: components) else { throw notADate }
            self = .instant(date)
        } else {
            self = .localTime(components)
        }
    }
}

/// A moment that cannot be read: the text as typed and what is wrong with it.
public struct MomentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text as typed.
    public let text: String
    /// What is wrong and what is expected, following the text ("is not a date; write …").
    public let problem: String

    /// A message for people: the text in quotes, then what is wrong.
    public var description: String { "\"\(text)\" \(problem)" }
}
