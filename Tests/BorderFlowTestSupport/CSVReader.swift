import Foundation

/// Reads CSV text (RFC 4180) back into fields: written apart from the library's `CSVTable`, so that the tests
/// check what a script would read, not what the writer meant to write.
///
/// Records end at a line feed or a carriage return and line feed; a field in double quotes may hold commas,
/// line breaks and doubled double quotes; a quote anywhere else is an error, as is a quoted field left open.
public enum CSVReader {
    /// Text that is not CSV.
    public struct Malformed: Error, CustomStringConvertible {
        /// What is wrong and where.
        public let description: String
    }

    /// A CSV text's header and rows, each row keyed by the header's names.
    public struct Table: Sendable {
        /// The first record.
        public let header: [String]
        /// The other records, in order, each with one field per header name.
        public let records: [[String]]

        /// The rows as dictionaries from column name to field.
        public var rows: [[String: String]] {
            records.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
        }

        /// One column's fields, in row order.
        public func column(_ name: String) -> [String]? {
            header.firstIndex(of: name).map { index in records.map { $0[index] } }
        }
    }

    /// Every record of a text, in order.
    ///
    /// - Parameter text: the CSV text.
    /// - Returns: the records; a final line break ends the last record and does not start another.
    /// - Throws: `Malformed` for a stray or unclosed quote.
    public static func records(_ text: String) throws -> [[String]] {
        let scalars = Array(text.unicodeScalars)
        var records: [[String]] = []
        var record: [String] = []
        var field = String.UnicodeScalarView()
        var inQuotes = false, wasQuoted = false
        var index = 0
        func endField() {
            record.append(String(field))
            field = String.UnicodeScalarView()
            wasQuoted = false
        }
        func endRecord() {
            endField()
            records.append(record)
            record = []
        }
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if inQuotes {
                guard scalar == "\"" else {
                    field.append(scalar)
                    continue
                }
                if index < scalars.count, scalars[index] == "\"" {
                    field.append("\"")
                    index += 1
                    continue
                }
                inQuotes = false
                if index < scalars.count, !["," as Unicode.Scalar, "\n", "\r"].contains(scalars[index]) {
                    throw Malformed(description: "record \(records.count + 1): text after a closing quote")
                }
                continue
            }
            switch scalar {
            case "\"":
                guard field.isEmpty, !wasQuoted else {
                    throw Malformed(description: "record \(records.count + 1): a quote inside an unquoted field")
                }
                inQuotes = true
                wasQuoted = true
            case ",":
                endField()
            case "\r":
                if index < scalars.count, scalars[index] == "\n" { index += 1 }
                endRecord()
            case "\n":
                endRecord()
            default:
                field.append(scalar)
            }
        }
        if inQuotes { throw Malformed(description: "record \(records.count + 1): a quoted field is never closed") }
        if !field.isEmpty || wasQuoted || !record.isEmpty { endRecord() }
        return records
    }

    /// A text's header and rows, every row as long as the header.
    ///
    /// - Parameter text: the CSV text, header first.
    /// - Returns: the table.
    /// - Throws: `Malformed` for text that is not CSV, has no header, or has a row of another length.
    public static func table(_ text: String) throws -> Table {
        let all = try records(text)
        guard let header = all.first else { throw Malformed(description: "no header") }
        for (number, record) in all.enumerated() where record.count != header.count {
            throw Malformed(description: "record \(number + 1) has \(record.count) fields; the header has \(header.count)")
        }
        return Table(header: header, records: Array(all.dropFirst()))
    }
}
