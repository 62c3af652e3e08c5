extension CSVTable {
    /// Why a CSV text could not be read, and where.
    public struct SyntaxError: Error, Sendable, Equatable {
        /// The line (from 1) of the record.
        public let line: Int
        /// What is wrong.
        public let message: String
    }

    /// Reads CSV text as ``records(in:)`` reads it (RFC 4180): the first record is the header, and every record
    /// must have as many fields as it. The table writes its
    /// fields back verbatim, as a data file must.
    ///
    /// - Parameter text: the text; a final line break is optional, empty lines are skipped, `\r\n` is read as `\n`.
    /// - Throws: `SyntaxError` for an unclosed quote, text after a closing quote, or a record of the wrong length.
    public init(parsing text: String) throws(SyntaxError) {
        let records = try Self.records(in: text)
        guard let first = records.first else { throw SyntaxError(line: 1, message: "no header") }
        self.init(header: first.fields, formulas: .verbatim)
        for record in records.dropFirst() {
            guard record.fields.count == first.fields.count else {
                throw SyntaxError(line: record.line, message: Self.fieldCountMessage(expected: first.fields, found: record.fields))
            }
            append(record.fields)
        }
    }

    /// What is wrong with a record of the wrong length: the fields expected and found, and, when the record is
    /// longer, a hint that an unquoted comma (a thousands separator, a name) split a field.
    static func fieldCountMessage(expected header: [String], found fields: [String]) -> String {
        let counts = "expected \(header.count) fields (\(header.joined(separator: ","))), found \(fields.count)"
        guard fields.count > header.count else { return counts }
        return counts + "; a field holding a comma must be in double quotes, and numbers are written without thousands separators (1000, not 1,000)"
    }

    /// Advice for a field that should be a number and is not: when it is one with thousands separators, to
    /// write it without them; otherwise nothing. Separators are refused rather than read, because `1,5` is one
    /// and a half where a comma is the decimal mark.
    ///
    /// - Parameter field: the field as read.
    /// - Returns: `"; write numbers without thousands separators (1000, not 1,000)"`, or an empty string.
    public static func numberAdvice(for field: String) -> String {
        guard field.contains(","), Double(field.replacingAll(",", with: "")) != nil else { return "" }
        return "; write numbers without thousands separators (1000, not 1,000)"
    }
}
