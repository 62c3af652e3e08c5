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
        let parsed: [CSVTable.Record]
        do { parsed = try CSVTable.records(in: text) } catch { throw MonthlyCountsError(file: name, line: error.line, message: error.message) }
        guard let first = parsed.first else { throw MonthlyCountsError(file: name, line: 1, message: "no header line") }
        let header = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        var records: [(line: Int, fields: [String])] = []
        records.reserveCapacity(parsed.count)
        for record in parsed.dropFirst() {
            guard record.fields.count == header.count else {
                throw MonthlyCountsError(file: name, line: record.line, message: "expected \(header.count) fields, as the header has, found \(record.fields.count)")
            }
            records.append((record.line, record.fields))
        }
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
