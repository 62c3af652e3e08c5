import BorderFlow

/// A plain-text table for people: a header, aligned columns, numbers right-aligned.
public struct TextTable: Sendable {
    /// How a column's cells line up.
    public enum Alignment: Sendable {
        /// Flush left, padded on the right: for text.
        case left
        /// Flush right, padded on the left: for numbers.
        case right
    }

    /// A column: its title and alignment.
    public struct Column: Sendable {
        /// The title in the header.
        public var title: String
        /// How its cells line up.
        public var alignment: Alignment

        /// A column.
        ///
        /// - Parameters:
        ///   - title: the title in the header.
        ///   - alignment: left for text, right for numbers.
        public init(_ title: String, _ alignment: Alignment = .left) {
            self.title = title
            self.alignment = alignment
        }
    }

    /// The columns.
    public var columns: [Column]
    /// The rows, in order.
    public private(set) var rows: [[String]] = []

    /// An empty table.
    ///
    /// - Parameter columns: the columns.
    public init(columns: [Column]) {
        self.columns = columns
    }

    /// Adds a row.
    ///
    /// - Parameter row: one cell per column.
    public mutating func append(_ row: [String]) {
        rows.append(row)
    }

    /// The table as text, one line per row, columns two spaces apart, no trailing spaces.
    ///
    /// Control characters in cells are left out and line breaks made spaces, so that a name from an input
    /// file can neither break the columns nor reach the terminal as an escape sequence.
    ///
    /// - Returns: the header, a line of dashes under it, then the rows, each line ending in a newline.
    public func render() -> String {
        let rows = rows.map { $0.map(\.tableCell) }
        var widths = columns.map { $0.title.count }
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (index, column) in columns.enumerated() {
                let cell = index < cells.count ? cells[index] : ""
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                parts.append(column.alignment == .left ? cell + padding : padding + cell)
            }
            var text = parts.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        var output = line(columns.map(\.title)) + "\n"
        output += line(widths.map { String(repeating: "-", count: $0) }) + "\n"
        for row in rows { output += line(row) + "\n" }
        return output
    }
}

/// Formats a count with thousands separators: 12345 → "12,345".
///
/// - Parameter value: the count; rounded to the nearest whole number.
/// - Returns: the digits in groups of three, with a minus sign when negative.
public func formatCount(_ value: Double) -> String {
    // Beyond a whole 64-bit number (or not a number at all) there is nothing to group into thousands.
    guard value.isFinite, abs(value) < 9e18 else { return value.isNaN ? "nan" : "\(value)" }
    let rounded = Int64(value.rounded())
    let digits = String(abs(rounded))
    var grouped = ""
    for (index, character) in digits.enumerated() {
        if index > 0, (digits.count - index) % 3 == 0 { grouped += "," }
        grouped.append(character)
    }
    return (rounded < 0 ? "-" : "") + grouped
}

/// Formats a count with the word it counts, singular or plural as the printed number asks:
/// "1 extra bus-hour", "0 extra bus-hours", "12,345 persons".
///
/// - Parameters:
///   - value: the count; rounded to the nearest whole number as `formatCount(_:)` prints it.
///   - singular: the word after 1 or -1.
///   - plural: the word after any other number.
/// - Returns: the grouped digits, a space and the word.
public func formatCount(_ value: Double, _ singular: String, _ plural: String) -> String {
    let digits = formatCount(value)
    return digits + " " + (digits == "1" || digits == "-1" ? singular : plural)
}
