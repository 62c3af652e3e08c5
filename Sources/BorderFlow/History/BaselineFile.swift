import BorderFlowSpatial
import Foundation

/// `baselines.csv` read back (see ``BaselineTable`` for how it is made): each count series' baseline daily
/// volume, the months behind it and its twelve seasonal factors, at the precision the file holds them.
public struct BaselineFile: Sendable {
    /// One series' row.
    public struct Row: Sendable, Equatable {
        /// The series.
        public let key: SeriesKey
        /// Its baseline daily volume; nil when fewer than twelve undisrupted months were counted.
        public let dailyVolume: Double?
        /// The months the baseline averages, as the file writes them (`2022-09..2023-08 minus 2023-02`).
        public let months: String
        /// How many clean calendar years the factors come from.
        public let seasonalYears: Int
        /// The factor of each month of the year, January first.
        public let factors: [Double]
    }

    /// The rows, in file order.
    public let rows: [Row]
    private let positions: [SeriesKey: Int]

    /// Rows already read.
    ///
    /// - Parameter rows: the rows; a series listed twice keeps its first row.
    public init(rows: [Row]) {
        self.rows = rows
        positions = Dictionary(rows.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The rows a computed table writes, at the file's precision, so that what is derived from a table just
    /// computed equals what is derived from its file.
    ///
    /// - Parameter table: the table.
    /// - Throws: `MonthlyCountsError` when a row the counts gave is not one the file may hold (a daily volume
    ///   that is not a finite number of zero or more), as reading the file back would.
    public init(_ table: BaselineTable) throws {
        self = try Self.parse(table.csv(), file: BaselineTable.fileName, dataset: nil)
    }

    /// A series' row.
    ///
    /// - Parameter key: the series.
    /// - Returns: its row, or nil when the file has none.
    public func row(for key: SeriesKey) -> Row? { positions[key].map { rows[$0] } }

    /// Reads a baselines file.
    ///
    /// - Parameters:
    ///   - url: the file, with ``BaselineTable/header``.
    ///   - dataset: the dataset whose crossing ids and port codes the rows must name; nil to skip that check.
    /// - Returns: its rows.
    /// - Throws: `InputFileError` when it cannot be read; `MonthlyCountsError` naming the line and column of a
    ///   row that is not valid.
    public static func read(contentsOf url: URL, dataset: Dataset? = nil) throws -> BaselineFile {
        let text = try MonthlyCounts.fileReader.text(contentsOf: url, name: url.lastPathComponent)
        return try parse(text, file: url.lastPathComponent, dataset: dataset)
    }

    private static func parse(_ text: String, file: String, dataset: Dataset?) throws -> BaselineFile {
        let table: CSVTable
        do { table = try CSVTable(parsing: text) } catch { throw MonthlyCountsError(file: file, line: error.line, message: error.message) }
        guard table.header == BaselineTable.header else {
            throw MonthlyCountsError(file: file, line: 1, message: "the header must be \(BaselineTable.header.joined(separator: ","))")
        }
        let crossingPorts = dataset.map { Dictionary($0.crossings.map { ($0.id, $0.portCode) }, uniquingKeysWith: { first, _ in first }) }
        var rows: [Row] = []
        // The project writes no field that spans lines: rows are numbered from the header.
        for (offset, fields) in table.rows.enumerated() {
            func fail(_ column: String, _ message: String) -> MonthlyCountsError {
                MonthlyCountsError(file: file, line: offset + 2, column: column, message: message)
            }
            let port = fields[0], crossing = fields[1]
            guard port.count == 4, port.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw fail("port", "\"\(port)\" is not a four-digit CBP port code")
            }
            if let crossingPorts, !crossing.isEmpty, crossingPorts[crossing] != port {
                throw fail("crossing", crossingPorts[crossing].map { "\(crossing) belongs to port \($0), not \(port)" }
                    ?? "no crossing has the id \"\(crossing)\"")
            }
            guard let mode = Mode(rawValue: fields[2]) else {
                throw fail("mode", "unknown mode \"\(fields[2])\"; expected one of \(Mode.validNames)")
            }
            var dailyVolume: Double?
            if !fields[3].isEmpty {
                guard let value = Double(fields[3]), value.isFinite, value >= 0 else {
                    throw fail("baselineDaily", "\"\(fields[3])\" is not a daily volume of zero or more")
                }
                dailyVolume = value
            }
            guard let years = Int(fields[5]), years >= 0 else {
                throw fail("seasonalYears", "\"\(fields[5])\" is not a whole number of years")
            }
            var factors: [Double] = []
            for column in 6..<18 {
                guard let factor = Double(fields[column]), factor.isFinite, factor >= 0 else {
                    throw fail(BaselineTable.header[column], "\"\(fields[column])\" is not a seasonal factor of zero or more")
                }
                factors.append(factor)
            }
            rows.append(Row(key: SeriesKey(port: port, crossing: crossing.isEmpty ? nil : crossing, mode: mode),
                            dailyVolume: dailyVolume, months: fields[4], seasonalYears: years, factors: factors))
        }
        return BaselineFile(rows: rows)
    }
}
