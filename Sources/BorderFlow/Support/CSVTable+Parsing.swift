extension CSVTable {
    /// Why a CSV text could not be read, and where.
    public struct SyntaxError: Error, Sendable, Equatable {
        /// The line (from 1) of the record.
        public let line: Int
        /// What is wrong.
        public let message: String
    }

    /// Reads CSV text one record a line (RFC 4180 quoting within a line, as ``fields(of:)`` reads it): the
    /// first record is the header, and every record must have as many fields as it. The table writes its
    /// fields back verbatim, as a data file must.
    ///
    /// - Parameter text: the text; a final line break is optional, empty lines are skipped, `\r\n` is read as `\n`.
    /// - Throws: `SyntaxError` for an unclosed quote, text after a closing quote, or a record of the wrong length.
    public init(parsing text: String) throws(SyntaxError) {
        var records: [(line: Int, fields: [String])] = []
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            guard !line.isEmpty else { continue }
            guard let fields = Self.fields(of: line) else {
                throw SyntaxError(line: offset + 1, message: "a quoted field is not closed, or text follows its closing quote")
            }
            records.append((offset + 1, fields))
        }
        guard let first = records.first else { throw SyntaxError(line: 1, message: "no header") }
        self.init(header: first.fields, formulas: .verbatim)
        for record in records.dropFirst() {
            guard record.fields.count == first.fields.count else {
                throw SyntaxError(line: record.line, message: "expected \(first.fields.count) fields (\(first.fields.joined(separator: ","))), found \(record.fields.count)")
            }
            append(record.fields)
        }
    }
}
