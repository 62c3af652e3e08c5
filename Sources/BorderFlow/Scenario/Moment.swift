import Foundation

/// When a question is asked: an instant, or a wall-clock time read in each crossing's own time zone
/// ("14:00 at every crossing"), as a user who types no time zone usually means.
public enum Moment: Sendable, Equatable, CustomStringConvertible {
    /// One instant, the same at every crossing: what a time typed with `Z` or an offset means.
    case instant(Date)
    /// A wall-clock date and time with no zone, read in each crossing's own time zone: what a time typed
    /// without an offset means.
    case localTime(DateComponents)

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

    /// An ISO 8601 instant, or the wall-clock time marked "(local time)".
    public var description: String {
        switch self {
        case let .instant(date):
            return date.formatted(.iso8601)
        case let .localTime(c):
            func two(_ value: Int?) -> String { let v = value ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
            return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day))T\(two(c.hour)):\(two(c.minute)) (local time)"
        }
    }

    /// Reads `2023-12-10T14:00`, `2023-12-10 14:00:00`, `2023-12-10` (midnight) or any of these with a `Z`
    /// or `±HH:MM` offset.
    ///
    /// A text with an offset becomes an `instant`, one without a `localTime`; any other text, or a month,
    /// day, hour, minute or second out of range, gives nil.
    ///
    /// - Parameter text: the date and time as typed; spaces around it are ignored.
    public init?(parsing text: String) {
        var body = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "T")
        var offsetSeconds: Int?
        if body.hasSuffix("Z") {
            offsetSeconds = 0
            body.removeLast()
        } else if body.count > 16, let signIndex = body.lastIndex(where: { $0 == "+" || $0 == "-" }),
                  body.distance(from: body.startIndex, to: signIndex) >= 16 {
            let offset = body[body.index(after: signIndex)...].split(separator: ":")
            guard offset.count == 2, let hours = Int(offset[0]), let minutes = Int(offset[1]) else { return nil }
            offsetSeconds = (hours * 3600 + minutes * 60) * (body[signIndex] == "-" ? -1 : 1)
            body = String(body[..<signIndex])
        }
        let halves = body.split(separator: "T", omittingEmptySubsequences: false)
        guard halves.count <= 2 else { return nil }
        let day = halves[0].split(separator: "-")
        guard day.count == 3, let year = Int(day[0]), let month = Int(day[1]), let dayOfMonth = Int(day[2]),
              (1...12).contains(month), (1...31).contains(dayOfMonth) else { return nil }
        var hour = 0, minute = 0, second = 0
        if halves.count == 2 {
            let time = halves[1].split(separator: ":")
            guard (2...3).contains(time.count), let h = Int(time[0]), let m = Int(time[1]),
                  (0...23).contains(h), (0...59).contains(m) else { return nil }
            hour = h
            minute = m
            if time.count == 3 {
                guard let s = Int(time[2]), (0...59).contains(s) else { return nil }
                second = s
            }
        }
        let components = DateComponents(year: year, month: month, day: dayOfMonth, hour: hour, minute: minute, second: second)
        if let offsetSeconds {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(secondsFromGMT: offsetSeconds) ?? TimeZone(secondsFromGMT: 0)!
            guard let date = calendar.date(from: components) else { return nil }
            self = .instant(date)
        } else {
            self = .localTime(components)
        }
    }
}
