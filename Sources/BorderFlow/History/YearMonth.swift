/// A calendar month, such as 2016-05: the unit of the public monthly counts.
///
/// Months order and count like integers (`(from...to)` is a collection of months), and know how many days
/// they have, so that a month's count can be turned into a daily volume.
public struct YearMonth: Hashable, Comparable, Strideable, Sendable, CustomStringConvertible {
    /// Months since January of year 0: the one number behind ordering and counting.
    private let ordinal: Int

    /// The year, such as 2016.
    public var year: Int { ordinal / 12 }
    /// The month of the year, 1 (January) to 12 (December).
    public var month: Int { ordinal % 12 + 1 }

    /// A month of a year.
    ///
    /// - Parameters:
    ///   - year: the year, 1 to 9999.
    ///   - month: the month, 1 to 12.
    /// - Returns: nil when either is out of range.
    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        ordinal = year * 12 + month - 1
    }

    private init(ordinal: Int) {
        self.ordinal = ordinal
    }

    /// A month written `YYYY-MM`, as the counts files and event files write it.
    ///
    /// - Parameter text: four digits, a hyphen and two digits, such as `2016-05`.
    /// - Returns: nil for anything else, or a month outside 01–12.
    public init?(parsing text: some StringProtocol) {
        let characters = Array(text)
        guard characters.count == 7, characters[4] == "-",
              characters.enumerated().allSatisfy({ $0.offset == 4 || $0.element.isASCII && $0.element.isNumber }),
              let year = Int(String(characters[0..<4])), let month = Int(String(characters[5..<7])) else { return nil }
        self.init(year: year, month: month)
    }

    /// `YYYY-MM`.
    public var description: String {
        let yearText = String(year), monthText = String(month)
        return String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText + "-" + (month < 10 ? "0" : "") + monthText
    }

    /// The number of days in the month (Gregorian calendar).
    public var days: Int {
        switch month {
        case 2:
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            return leap ? 29 : 28
        case 4, 6, 9, 11:
            return 30
        default:
            return 31
        }
    }

    /// Months from this one to another: positive when `other` is later.
    ///
    /// - Parameter other: the other month.
    /// - Returns: the number of months between them.
    public func distance(to other: YearMonth) -> Int { other.ordinal - ordinal }

    /// The month `n` months later (earlier when `n` is negative).
    ///
    /// - Parameter n: the months to move.
    /// - Returns: the month.
    public func advanced(by n: Int) -> YearMonth { YearMonth(ordinal: ordinal + n) }

    /// Earlier months first.
    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool { lhs.ordinal < rhs.ordinal }

    /// The months held out of every public counts file on purpose, to validate the model's predictions of real
    /// closures: December 2020, January 2021 and December 2023. BorderFlow never builds, reads or estimates
    /// counts for them; they are missing everywhere, whatever an input file holds.
    public static let heldOut: Set<YearMonth> = [YearMonth(ordinal: 2020 * 12 + 11), YearMonth(ordinal: 2021 * 12),
                                                 YearMonth(ordinal: 2023 * 12 + 11)]

    /// Whether this is one of the ``heldOut`` months.
    public var isHeldOut: Bool { Self.heldOut.contains(self) }

    /// Months as people read a span with gaps: `2022-09..2023-08`, or `2021-11..2023-11 minus 2023-02, 2023-09`.
    ///
    /// - Parameter months: the months, in any order.
    /// - Returns: the first and last month, and the months between them that are not in the list; empty text
    ///   for no months.
    public static func spanText(_ months: [YearMonth]) -> String {
        let sorted = Set(months).sorted()
        guard let first = sorted.first, let last = sorted.last else { return "" }
        let present = Set(sorted)
        let missing = (first...last).filter { !present.contains($0) }
        let span = first == last ? "\(first)" : "\(first)..\(last)"
        return missing.isEmpty ? span : span + " minus " + missing.map(\.description).joined(separator: ", ")
    }
}
