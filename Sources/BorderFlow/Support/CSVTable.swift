/// CSV (RFC 4180) for scripts: a header row, then one row per record; fields quoted when they need it.
///
/// A table for people (a report, an origin–destination file) neutralises formulas: spreadsheets run a field
/// that begins with `=`, `+`, `-`, `@`, a tab or a carriage return as a formula, so such a field gets a
/// leading apostrophe, as OWASP advises against CSV injection; numbers such as `-12.5` stay as they are. The
/// dataset's own files (demand, constants, seasons, baselines) are written verbatim, so that they read back
/// exactly.
public struct CSVTable: Sendable {
    /// What ``render()`` does with a field a spreadsheet would run as a formula.
    public enum Formulas: Sendable, Equatable {
        /// Such a field is written with a leading apostrophe and quoted (`"'=1+2"`): for files people open.
        case neutralised
        /// Every field is written as it is: for data files that must read back exactly.
        case verbatim
    }

    /// The column names.
    public var header: [String]
    /// The rows, in order.
    public private(set) var rows: [[String]] = []
    /// What rendering does with fields that would run as formulas.
    public var formulas: Formulas

    /// An empty table.
    ///
    /// - Parameters:
    ///   - header: the column names.
    ///   - formulas: `.neutralised` (the default) for files people open in spreadsheets; `.verbatim` for
    ///     data files that must read back exactly.
    public init(header: [String], formulas: Formulas = .neutralised) {
        self.header = header
        self.formulas = formulas
    }

    /// Adds a row.
    ///
    /// - Parameter row: one field per column.
    public mutating func append(_ row: [String]) {
        rows.append(row)
    }

    /// The table as CSV text, fields quoted where they must be, one line per row.
    ///
    /// - Returns: the text, ending in a newline.
    public func render() -> String {
        ([header] + rows).map { $0.map { field($0) }.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    func field(_ text: String) -> String {
        if formulas == .neutralised, Self.runsAsFormula(text) {
            return "\"'" + text.replacingAll("\"", with: "\"\"") + "\""
        }
        // Scalars, not Characters: "\r\n" is one Character, equal to neither "\r" nor "\n".
        if text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
        }
        return text
    }

    /// Whether a spreadsheet would read the field as a formula: it begins with one of OWASP's trigger
    /// characters and is not a plain decimal number.
    static func runsAsFormula(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return false }
        return !isPlainNumber(text)
    }

    /// A sign, digits with at most one decimal point, and an optional exponent: what the reports write numbers as.
    private static func isPlainNumber(_ text: String) -> Bool {
        var scalars = text.unicodeScalars[...]
        if scalars.first == "-" || scalars.first == "+" { scalars = scalars.dropFirst() }
        func digits() -> Int {
            let count = scalars.prefix { ("0"..."9").contains($0) }.count
            scalars = scalars.dropFirst(count)
            return count
        }
        var count = digits()
        if scalars.first == "." {
            scalars = scalars.dropFirst()
            count += digits()
        }
        guard count > 0 else { return false }
        if scalars.first == "e" || scalars.first == "E" {
            scalars = scalars.dropFirst()
            if scalars.first == "-" || scalars.first == "+" { scalars = scalars.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return scalars.isEmpty
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
