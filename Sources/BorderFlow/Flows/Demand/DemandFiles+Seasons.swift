import BorderFlowSpatial
import Foundation

extension DemandFiles {
    /// The months' levels file: `crossing,mode,month,tripFactor,constantShiftSeconds`, written by
    /// `borderflow calibrate` (see ``SeasonalFit``).
    public static let seasons = "seasons.csv"
    /// Its header.
    static let seasonsHeader = ["crossing", "mode", "month", "tripFactor", "constantShiftSeconds"]

    /// The months' levels as a file: a row per crossing, mode it serves and month, in dataset order.
    ///
    /// - Parameters:
    ///   - seasons: the fitted months.
    ///   - dataset: the dataset, for crossing ids.
    ///   - url: the file.
    /// - Returns: the file, for `AtomicFile.write(_:)`.
    public static func seasonsFile(_ seasons: [Season], dataset: Dataset, at url: URL) -> OutputFile {
        var table = CSVTable(header: seasonsHeader, formulas: .verbatim)
        for (index, crossing) in zip(dataset.crossings.typedIndices, dataset.crossings) {
            for mode in crossing.modes {
                for season in seasons.sorted(by: { $0.month < $1.month }) {
                    table.append([crossing.id, mode.rawValue, "\(season.month)",
                                  formatFixed(season.tripFactor(crossing: index, mode: mode), decimals: 4),
                                  formatFixed(season.constantShift(crossing: index, mode: mode), decimals: 1)])
                }
            }
        }
        return OutputFile(table.render(), at: url)
    }

    /// Reads the months' levels.
    ///
    /// - Parameters:
    ///   - url: the file, with the header `crossing,mode,month,tripFactor,constantShiftSeconds`.
    ///   - dataset: the dataset whose crossing ids the rows name.
    /// - Returns: one season per month listed, in month order.
    /// - Throws: `InputFileError` when the file cannot be read; `DemandFileError` naming the line and column of
    ///   a row that is not valid.
    public static func readSeasons(_ url: URL, dataset: Dataset) throws -> [Season] {
        let file = url.lastPathComponent
        let text = try fileReader.text(contentsOf: url, name: file)
        let table: CSVTable
        do { table = try CSVTable(parsing: text) } catch { throw DemandFileError(file: file, line: error.line, column: nil, message: error.message) }
        guard table.header == seasonsHeader else {
            throw DemandFileError(file: file, line: 1, column: nil, message: "the header must be \(seasonsHeader.joined(separator: ","))")
        }
        let index = Dictionary(dataset.crossings.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var factors: [Int: [PerMode<Double>]] = [:]
        var shifts: [Int: [PerMode<Double>]] = [:]
        let empty = [PerMode<Double>](repeating: [:], count: dataset.crossings.count)
        // The project writes no field that spans lines: rows are numbered from the header.
        for (offset, fields) in table.rows.enumerated() {
            func fail(_ column: String, _ message: String) -> DemandFileError {
                DemandFileError(file: file, line: offset + 2, column: column, message: message)
            }
            guard let crossing = index[fields[0]] else {
                let closest = NameMatching.suggestions(for: fields[0], among: dataset.crossings.map(\.id)).joined(separator: ", ")
                throw fail("crossing", "no crossing has the id \"\(fields[0])\"; closest: \(closest)")
            }
            guard let mode = Mode(rawValue: fields[1]) else {
                throw fail("mode", "unknown mode \"\(fields[1])\"; expected one of \(Mode.validNames)")
            }
            guard let month = Int(fields[2]), (1...12).contains(month) else {
                throw fail("month", "\"\(fields[2])\" is not a month of the year, 1 to 12")
            }
            guard let factor = Double(fields[3]), factor.isFinite, factor >= 0 else {
                throw fail("tripFactor", "\"\(fields[3])\" is not a factor of zero or more")
            }
            guard let shift = Double(fields[4]), shift.isFinite else {
                throw fail("constantShiftSeconds", "\"\(fields[4])\" is not a number of seconds")
            }
            guard factors[month, default: empty][crossing][mode] == nil else {
                throw fail("month", "\(fields[0]) \(fields[1]) is listed twice for month \(month)")
            }
            factors[month, default: empty][crossing][mode] = factor
            shifts[month, default: empty][crossing][mode] = shift
        }
        return factors.keys.sorted().map { Season(month: $0, tripFactors: factors[$0]!, constantShifts: shifts[$0]!) }
    }
}
