import BorderFlow
import Foundation

extension Moment {
    /// The moment for people: "20 December 2023, 12:00 local time at each crossing", or for an instant
    /// "20 December 2023, 19:00 UTC".
    public var readable: String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        func text(_ c: DateComponents) -> String {
            let month = (c.month ?? 1) >= 1 && (c.month ?? 1) <= 12 ? months[(c.month ?? 1) - 1] : "?"
            let minute = c.minute ?? 0
            return "\(c.day ?? 1) \(month) \(c.year ?? 0), \(c.hour ?? 0):\(minute < 10 ? "0" : "")\(minute)"
        }
        switch self {
        case let .localTime(components):
            return text(components) + " local time at each crossing"
        case let .instant(date):
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
            return text(calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)) + " UTC"
        }
    }
}
