extension CSVTable {
    /// Why a CSV text could not be read, and where.
    public struct SyntaxError: Error, Sendable, Equatable {
        /// The line (from 1) where the record starts.
        public let line: Int
        /// What is wrong.
        public let message: String
    }

    /// Reads CSV text (RFC 4180: quoted fields may hold commas, quotes doubled, and line breaks): the first
    /// record is the header, and every record must have as many fields as it.
    ///
    /// - Parameter text: the text; a final line break is optional, empty lines are skipped.
    /// - Throws: `SyntaxError` for an unclosed quote, text after a closing quote, or a record of the wrong length.
    public init(parsing text: String) throws(SyntaxError) {
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = [], field = "", quoted = false, afterQuote = false
        var line = 1, recordLine = 1
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty) { records.append((recordLine, fields)) }
            fields = []; field = ""; afterQuote = false
        }
        while let scalar = pending {
            pending = scalars.next()
            if quoted {
                if scalar == "\"" {
                    if pending == "\"" { field.unicodeScalars.append("\""); pending = scalars.next() } else { quoted = false; afterQuote = true }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case ",":
                fields.append(field); field = ""; afterQuote = false
            case "\r" where pending == "\n":
                continue
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            case "\"" where field.isEmpty && !afterQuote:
                quoted = true
            default:
                if afterQuote { throw SyntaxError(line: line, message: "text after a closing quote") }
                field.unicodeScalars.append(scalar)
            }
        }
        if quoted { throw SyntaxError(line: recordLine, message: "a quoted field is not closed") }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        guard let first = records.first else { throw SyntaxError(line: 1, message: "no header") }
        self.init(header: first.fields)
        for record in records.dropFirst() {
            guard record.fields.count == first.fields.count else {
                throw SyntaxError(line: record.line, message: "expected \(first.fields.count) fields (\(first.fields.joined(separator: ","))), found \(record.fields.count)")
            }
            append(record.fields)
        }
    }
}
