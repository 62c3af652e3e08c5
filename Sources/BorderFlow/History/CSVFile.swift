import BorderFlowSpatial
import Foundation

/// A CSV file read whole: its header and its records with their line numbers, for the readers of counts files
/// and of the public files they are built from.
struct CSVFile {
    /// The file's name as errors show it.
    let name: String
    /// The header's fields, trimmed.
    let header: [String]
    /// Every non-empty record after the header, with its line number (the header is line 1).
    let records: [(line: Int, fields: [String])]

    /// Reads a file, checking that every record has as many fields as the header.
    ///
    /// - Throws: `InputFileError` when the file cannot be read, is too large or is not UTF-8;
    ///   `MonthlyCountsError` for an unclosed quote or a record of the wrong length.
    static func read(_ url: URL, with reader: InputFileReader) throws -> CSVFile {
        let name = url.lastPathComponent
        let text = try reader.text(contentsOf: url, name: name)
        var header: [String]?
        var records: [(line: Int, fields: [String])] = []
        // "\r\n" is one Character to Swift, so lines are split on either ending.
        for (offset, line) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            if line.isEmpty { continue }
            guard let fields = CSVTable.fields(of: line) else {
                throw MonthlyCountsError(file: name, line: offset + 1, message: "a quoted field is not closed, or text follows its closing quote")
            }
            guard let expected = header else {
                // A byte-order mark before the first name is not part of it.
                header = fields.map { $0.trimmingCharacters(in: .whitespaces).replacingAll("\u{FEFF}", with: "") }
                continue
            }
            guard fields.count == expected.count else {
                throw MonthlyCountsError(file: name, line: offset + 1, message: "expected \(expected.count) fields, as the header has, found \(fields.count)")
            }
            records.append((offset + 1, fields))
        }
        guard let header else { throw MonthlyCountsError(file: name, line: 1, message: "no header line") }
        return CSVFile(name: name, header: header, records: records)
    }

    /// The position of the first of `names` the header has (letter case and spaces ignored).
    func column(_ names: [String]) -> Int? {
        let wanted = names.map { $0.lowercased() }
        return header.firstIndex { wanted.contains($0.lowercased()) }
    }

    /// The position of a column the file must have.
    ///
    /// - Throws: `MonthlyCountsError` naming the missing column, the header found and what was expected.
    func requiredColumn(_ name: String, expecting expected: String) throws -> Int {
        guard let index = column([name]) else {
            throw MonthlyCountsError(file: self.name, line: 1, column: name,
                                     message: "missing column; the header is \(String(header.joined(separator: ",").prefix(200))), expected \(expected)")
        }
        return index
    }
}
