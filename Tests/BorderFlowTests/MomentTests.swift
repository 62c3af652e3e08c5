@testable import BorderFlow
import Foundation
import Testing

@Suite("Moments")
struct MomentTests {
    @Test func parsesLocalAndOffsetTimes() throws {
        #expect(try Moment(parsing: "2023-12-10T14:00", dateAlone: .noon) == .localTime(DateComponents(year: 2023, month: 12, day: 10, hour: 14, minute: 0, second: 0)))
        #expect(try Moment(parsing: "2023-12-10 14:00:30", dateAlone: .noon) == .localTime(DateComponents(year: 2023, month: 12, day: 10, hour: 14, minute: 0, second: 30)))
        let utc = try Moment(parsing: "2023-12-10T14:00Z", dateAlone: .noon)
        let offset = try Moment(parsing: "2023-12-10T07:00-07:00", dateAlone: .noon)
        #expect(utc == offset)
        #expect(try Moment(parsing: "2023-12-10T14:00+14:00", dateAlone: .noon) == Moment(parsing: "2023-12-10T00:00Z", dateAlone: .noon))
    }

    @Test func aDateAloneIsNoonToLookAtAndMidnightToBoundAWindow() throws {
        #expect(try Moment(parsing: "2023-12-18", dateAlone: .noon) == .localTime(DateComponents(year: 2023, month: 12, day: 18, hour: 12, minute: 0, second: 0)))
        #expect(try Moment(parsing: "2023-12-18", dateAlone: .startOfDay) == .localTime(DateComponents(year: 2023, month: 12, day: 18, hour: 0, minute: 0, second: 0)))
    }

    @Test func isWrittenInISO8601WithLocalTimeSaidApart() throws {
        let local = try Moment(parsing: "2023-12-20", dateAlone: .noon)
        #expect(local.iso8601 == "2023-12-20T12:00")
        #expect(local.isLocalTime)
        #expect(local.description == "2023-12-20T12:00 (local time)")
        let instant = try Moment(parsing: "2023-12-20T12:00-07:00", dateAlone: .noon)
        #expect(instant.iso8601 == "2023-12-20T19:00:00Z")
        #expect(!instant.isLocalTime)
    }

    /// Each bad text, with a part of the message it must give.
    static let refusals: [(String, String)] = [
        ("tomorrow", "is not a date; write YYYY-MM-DD"),
        ("2023-13-01", "has month 13; months run from 01 to 12"),
        ("2023-02-30", "is not a day of the calendar: 2023-02 has 28 days"),
        ("2023-02-31", "2023-02 has 28 days"),
        ("2024-02-30", "2024-02 has 29 days"),
        ("2023-04-31", "2023-04 has 30 days"),
        ("0000-01-01", "years run from 0001 to 9999"),
        ("99999999999999999999-01-01", "is not a date"),
        ("2023-12-10T25:00", "hours run from 00 to 23"),
        ("2023-12-10T14:60", "minutes and seconds from 00 to 59"),
        ("2023-12-10T14:00:60", "minutes and seconds from 00 to 59"),
        ("2023-12-10T14:00+7", "is not a date"),
        ("2023-12-10T14:00+19:00", "has the UTC offset +19:00; offsets run from -14:00 to +14:00"),
        ("2023-12-10T14:00-14:01", "has the UTC offset -14:01"),
        ("2023-12-10T14:00+05:99", "has the UTC offset +05:99"),
        ("2023-12-10T14:00+9999999999999999:00", "has the UTC offset +9999999999999999:00"),
        ("2023-12-10T14:00-99999999999999999999:00", "offsets run from -14:00 to +14:00"),
        ("2023-12-10Z", "is not a date"),
        ("2023-+12-10", "is not a date"),
        ("2023-12-10T14:00+-5:00", "is not a date"),
    ]

    @Test(arguments: refusals)
    func refusesImpossibleDatesTimesAndOffsetsWithAReason(text: String, expected: String) {
        do {
            let moment = try Moment(parsing: text, dateAlone: .noon)
            Issue.record("\(text) was read as \(moment)")
        } catch {
            #expect("\(error)".contains(expected), "\(error)")
            #expect("\(error)".hasPrefix("\"\(text)\""))
        }
    }

    @Test func aCalendarDayIsADateWithNoTimeThatExists() throws {
        #expect(try CalendarDay(parsing: "2024-02-29").description == "2024-02-29")
        #expect(try CalendarDay(parsing: "2023-12-18").noon == Moment(parsing: "2023-12-18", dateAlone: .noon))
        for bad in ["2023-02-30", "2023-02-31", "2023-12-18T12:00", "2023-12-18 12:00"] {
            #expect(throws: MomentError.self, "\(bad)") { try CalendarDay(parsing: bad) }
        }
    }
}
