/// CSV (RFC 4180) for scripts: a header row, then one row per record; fields quoted when they need it.
public struct CSVTable: Sendable {
    /// The column names.
    public var header: [String]
    /// The rows, in order.
    public private(set) var rows: [[String]] = []

    /// An empty table.
    ///
    /// - Parameter header: the column names.
    public init(header: [String]) {
        self.header = header
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
        ([header] + rows).map { $0.map(Self.field).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    static func field(_ text: String) -> String {
        // Scalars, not Characters: "\r\n" is one Character, equal to neither "\r" nor "\n".
        if text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
        }
        return text
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
