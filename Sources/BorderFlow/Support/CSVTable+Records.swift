extension CSVTable {
    /// One record of a CSV text: its fields, unquoted, and the line (from 1) it starts on.
    public struct Record: Sendable, Equatable {
        /// The line the record starts on, counting from 1; a quoted line break makes a record span lines.
        public let line: Int
        /// The fields, quotes removed and doubled quotes read as one.
        public let fields: [String]
    }

    /// Reads the records of CSV text as RFC 4180 writes them: fields separated by commas, records by `\n` or
    /// `\r\n`; a field in double quotes may hold commas, line breaks and doubled double quotes.
    ///
    /// Empty lines are skipped and a byte-order mark before the first field is dropped. The text is read as
    /// bytes, which in UTF-8 never stand for part of another character: some ten times quicker than reading
    /// characters, for the 25,000 rows of the demand read on every run.
    ///
    /// - Parameter text: the text, UTF-8.
    /// - Returns: every non-empty record, in order, with its line number.
    /// - Throws: `SyntaxError` naming the line for a quote left open, or text between a closing quote and the
    ///   next comma or line break.
    public static func records(in text: String) throws(SyntaxError) -> [Record] {
        var text = text
        var failure: SyntaxError?
        let parsed = text.withUTF8 { bytes in
            do throws(SyntaxError) { return try records(inUTF8: bytes) } catch { failure = error; return [] }
        }
        if let failure { throw failure }
        return parsed
    }

    private static func records(inUTF8 bytes: UnsafeBufferPointer<UInt8>) throws(SyntaxError) -> [Record] {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        var records: [Record] = []
        var fields: [String] = []
        var line = 1, recordLine = 1
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        func endRecord() {
            // A record that is one empty unquoted field is an empty line.
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
        }
        while index < bytes.count {
            if bytes[index] == quote {
                let openedOn = line
                var field: [UInt8] = []
                index += 1
                while true {
                    guard index < bytes.count else {
                        throw SyntaxError(line: openedOn, message: "the quoted field that starts on line \(openedOn) is not closed")
                    }
                    let byte = bytes[index]
                    if byte == quote {
                        if index + 1 < bytes.count, bytes[index + 1] == quote {
                            field.append(quote)
                            index += 2
                            continue
                        }
                        index += 1
                        break
                    }
                    if byte == newline { line += 1 }
                    field.append(byte)
                    index += 1
                }
                fields.append(String(decoding: field, as: UTF8.self))
                // After the closing quote: a comma, a line break or the end, nothing else.
                if index < bytes.count, bytes[index] == carriageReturn, index + 1 < bytes.count, bytes[index + 1] == newline { index += 1 }
                if index == bytes.count { break }
                switch bytes[index] {
                case comma:
                    index += 1
                    if index == bytes.count { fields.append("") }
                case newline:
                    index += 1
                    endRecord()
                    line += 1
                    recordLine = line
                default:
                    throw SyntaxError(line: line, message: "field \(fields.count) has text after its closing quote; a field with quotes in it must be quoted whole, its quotes doubled")
                }
                continue
            }
            // An unquoted field runs to the next comma or line break.
            let start = index
            while index < bytes.count, bytes[index] != comma, bytes[index] != newline {
                if bytes[index] == quote {
                    throw SyntaxError(line: line, message: "field \(fields.count + 1) has a quote inside it; a field with quotes in it must be quoted whole, its quotes doubled")
                }
                index += 1
            }
            var end = index
            if end > start, bytes[end - 1] == carriageReturn, index == bytes.count || bytes[index] == newline { end -= 1 }
            fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
            if index == bytes.count { break }
            if bytes[index] == comma {
                index += 1
                if index == bytes.count { fields.append("") }
            } else {
                index += 1
                endRecord()
                line += 1
                recordLine = line
            }
        }
        if !fields.isEmpty { endRecord() }
        return records
    }
}
