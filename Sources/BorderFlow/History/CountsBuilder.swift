import BorderFlowSpatial
import Foundation

/// Builds the project's monthly counts (`monthly-counts.csv`) from the two public files, reproducibly: the
/// same inputs give the same bytes.
///
/// - BTS Border Crossing Entry Data (<https://data.bts.gov/Research-and-Statistics/Border-Crossing-Entry-Data/keg4-3bc2>),
///   every U.S.–Mexico port, monthly: whole-port series. Read either as BTS publishes it (`Port Name, State,
///   Port Code, Border, Date, Measure, Value, …`; rows of other borders skipped) or in the reference schema
///   `port_code,port_name,state,month,measure,value`.
/// - CBP northbound crossings per Texas bridge and month, as compiled by the University of North Texas for
///   TxDOT (github.com/unt-clscm/CBP-Border-Crossings, `monthly_crossings_*.csv`: `ID, Year, Month, Region, POE,
///   Crossing, Modes, Northbound Crossing`): per-crossing series, each bridge matched to a dataset crossing by
///   the explicit table `TexasBridgeNames`.
///
/// Measures become the project's modes: Pedestrians (BTS) and Pedestrians/ Bicyclists (UNT) are `pedestrian`;
/// Personal Vehicles and Passenger Vehicles are `pov`; Buses are `bus`; Trucks and Commercial Trucks are
/// `truck`; UNT's Railcars, and BTS's Rail Containers Loaded plus Rail Containers Empty (railcars, loaded or
/// empty), are `rail`. Other measures (passengers, containers in trucks, trains) are skipped. The held-out
/// months are dropped whatever the inputs hold, a series that is zero in every month is left out, and a month
/// an input does not list stays missing.
public struct CountsBuilder {
    /// The BTS file.
    public let bts: URL
    /// The UNT per-bridge file.
    public let bridges: URL
    /// The dataset whose crossing ids and port codes the table names; nil to skip that check.
    public let dataset: Dataset?

    /// A builder for the two public files.
    ///
    /// - Parameters:
    ///   - bts: the BTS Border Crossing Entry Data file.
    ///   - bridges: the UNT per-bridge monthly file.
    ///   - dataset: the dataset to check the bridge table against; nil to skip the check.
    public init(bts: URL, bridges: URL, dataset: Dataset?) {
        self.bts = bts
        self.bridges = bridges
        self.dataset = dataset
    }

    /// The public files are read whole: BTS's file for both borders since 1996 is tens of megabytes.
    static let fileReader = InputFileReader(
        maximumBytes: 500_000_000,
        tooLargeAdvice: "public counts files of up to 500 MB are read whole",
        emptyAdvice: "it needs a header and a row per count")

    /// BTS measures and UNT modes, and the mode each counts; a measure not listed is skipped.
    static let measures: [String: Mode] = [
        "pedestrians": .pedestrian, "pedestrians/ bicyclists": .pedestrian, "pedestrians/bicyclists": .pedestrian,
        "personal vehicles": .pov, "passenger vehicles": .pov,
        "buses": .bus,
        "trucks": .truck, "commercial trucks": .truck,
        "railcars": .rail, "rail containers loaded": .rail, "rail containers empty": .rail,
    ]

    /// Reads both files and builds the counts.
    ///
    /// - Returns: whole-port series from BTS and per-crossing series from UNT.
    /// - Throws: `InputFileError` for a file that cannot be read; `MonthlyCountsError` naming the file, line
    ///   and column of a missing column, a bad port code, month or count, a row listed twice with different
    ///   counts (a row repeated word for word, as BTS has a few, is read once), or a UNT bridge the table does
    ///   not know.
    public func build() throws -> MonthlyCounts {
        try checkTable()
        let ports = try readBTS()
        let crossings = try readBridges()
        let nonZero = (ports + crossings).filter { $0.counts.values.contains { $0 > 0 } }
        return MonthlyCounts(series: nonZero)
    }

    /// `monthly-counts.csv` in a dataset folder, for `AtomicFile.write(_:)`.
    ///
    /// - Parameters:
    ///   - counts: what `build()` made.
    ///   - directory: the dataset folder.
    /// - Returns: the file.
    public func file(_ counts: MonthlyCounts, in directory: URL) -> OutputFile {
        OutputFile(counts.csv(), at: directory.appendingPathComponent(MonthlyCounts.fileName))
    }

    /// Every id of the bridge table names a crossing of the dataset's port.
    private func checkTable() throws {
        guard let dataset else { return }
        for entry in TexasBridgeNames.entries {
            guard let id = entry.id else { continue }
            guard let crossing = dataset.crossing(id: id) else {
                throw MonthlyCountsError(file: bridges.lastPathComponent, message: "the table of Texas bridges maps \(entry.poe) / \(entry.crossing) to \"\(id)\", which is not a crossing of the dataset")
            }
            guard crossing.portCode == entry.portCode else {
                throw MonthlyCountsError(file: bridges.lastPathComponent, message: "the table of Texas bridges puts \(entry.crossing) (\(id)) at port \(entry.portCode), but the dataset has it at \(crossing.portCode)")
            }
        }
    }

    private static func count(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let value = Int(trimmed), value >= 0 else { return nil }
        return value
    }

    // MARK: BTS

    private func readBTS() throws -> [MonthlyCounts.Series] {
        let file = try CSVFile.read(bts, with: Self.fileReader)
        let published = file.column(["date"]) != nil
        // BTS's own column names, matched without regard to case.
        let expected = published ? "the BTS columns port code, border, date, measure and value"
                                 : "port_code, month, measure and value (or the BTS columns port code, border, date, measure and value)"
        let portColumn = try file.requiredColumn(published ? "port code" : "port_code", expecting: expected)
        let monthColumn = try file.requiredColumn(published ? "date" : "month", expecting: expected)
        let measureColumn = try file.requiredColumn("measure", expecting: expected)
        let valueColumn = try file.requiredColumn("value", expecting: expected)
        let borderColumn = published ? try file.requiredColumn("border", expecting: expected) : nil

        var counts: [SeriesKey: [YearMonth: Int]] = [:]
        var seen: [String: (line: Int, value: Int)] = [:]
        for (line, fields) in file.records {
            func fail(_ column: Int, _ message: String) -> MonthlyCountsError {
                MonthlyCountsError(file: file.name, line: line, column: file.header[column], message: message)
            }
            if let borderColumn, !fields[borderColumn].lowercased().contains("mexico") { continue }
            let port = fields[portColumn].trimmingCharacters(in: .whitespaces)
            guard port.count == 4, port.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw fail(portColumn, "\"\(port)\" is not a four-digit CBP port code")
            }
            guard let month = published ? Self.btsDate(fields[monthColumn]) : YearMonth(parsing: fields[monthColumn].trimmingCharacters(in: .whitespaces)) else {
                throw fail(monthColumn, "\"\(fields[monthColumn])\" is not a month; expected \(published ? "\"Jan 2024\", \"01/01/2024 12:00:00 AM\" or 2024-01" : "YYYY-MM, such as 2016-05")")
            }
            let measure = fields[measureColumn].trimmingCharacters(in: .whitespaces)
            guard let mode = Self.measures[measure.lowercased()] else { continue }
            guard let value = Self.count(fields[valueColumn]) else {
                throw fail(valueColumn, "\"\(fields[valueColumn])\" is not a whole number of crossings of zero or more")
            }
            // BTS repeats a few rows word for word; a repeat is read once, a contradiction is an error.
            if let first = seen.updateValue((line, value), forKey: "\(port)|\(measure.lowercased())|\(month)") {
                guard first.value == value else {
                    throw fail(valueColumn, "port \(port), \(measure), \(month) is listed twice with different counts (\(first.value) on line \(first.line), \(value) here)")
                }
                continue
            }
            if month.isHeldOut { continue }
            // Rail containers loaded and empty add up to the port's railcars.
            counts[SeriesKey(port: port, crossing: nil, mode: mode), default: [:]][month, default: 0] += value
        }
        return counts.map { MonthlyCounts.Series(key: $0.key, counts: $0.value) }
    }

    /// BTS's `Date`: "Jan 2024" in today's export, "01/01/2024 12:00:00 AM" in older ones; YYYY-MM is taken too.
    static func btsDate(_ text: String) -> YearMonth? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let month = YearMonth(parsing: trimmed) { return month }
        let names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let words = trimmed.split(separator: " ")
        if words.count == 2, let index = names.firstIndex(of: words[0].lowercased()), words[1].count == 4, let year = Int(words[1]) {
            return YearMonth(year: year, month: index + 1)
        }
        let parts = (words.first ?? "").split(separator: "/")
        if parts.count == 3, parts[1] == "01" || parts[1] == "1", let month = Int(parts[0]), parts[2].count == 4, let year = Int(parts[2]) {
            return YearMonth(year: year, month: month)
        }
        return nil
    }

    // MARK: UNT per bridge

    private func readBridges() throws -> [MonthlyCounts.Series] {
        let file = try CSVFile.read(bridges, with: Self.fileReader)
        let expected = "Year, Month, POE, Crossing, Modes, Northbound Crossing (UNT/TxDOT CBP-Border-Crossings monthly file)"
        let yearColumn = try file.requiredColumn("Year", expecting: expected)
        let monthColumn = try file.requiredColumn("Month", expecting: expected)
        let poeColumn = try file.requiredColumn("POE", expecting: expected)
        let crossingColumn = try file.requiredColumn("Crossing", expecting: expected)
        let modeColumn = try file.requiredColumn("Modes", expecting: expected)
        let valueColumn = try file.requiredColumn("Northbound Crossing", expecting: expected)

        var counts: [SeriesKey: [YearMonth: Int]] = [:]
        var seen: [String: (line: Int, value: Int)] = [:]
        for (line, fields) in file.records {
            func fail(_ column: Int, _ message: String) -> MonthlyCountsError {
                MonthlyCountsError(file: file.name, line: line, column: file.header[column], message: message)
            }
            let poe = fields[poeColumn].trimmingCharacters(in: .whitespaces)
            let name = fields[crossingColumn].trimmingCharacters(in: .whitespaces)
            guard let entry = TexasBridgeNames.entry(poe: poe, crossing: name) else {
                throw fail(crossingColumn, "no dataset crossing is known for \"\(name)\" at \(poe); add the bridge to the table in Sources/BorderFlow/History/TexasBridgeNames.swift")
            }
            guard let year = Int(fields[yearColumn].trimmingCharacters(in: .whitespaces)), (1900...2999).contains(year) else {
                throw fail(yearColumn, "\"\(fields[yearColumn])\" is not a year")
            }
            guard let monthNumber = Int(fields[monthColumn].trimmingCharacters(in: .whitespaces)),
                  let month = YearMonth(year: year, month: monthNumber) else {
                throw fail(monthColumn, "\"\(fields[monthColumn])\" is not a month number from 1 to 12")
            }
            let measure = fields[modeColumn].trimmingCharacters(in: .whitespaces)
            guard let mode = Self.measures[measure.lowercased()] else { continue }
            let text = fields[valueColumn].trimmingCharacters(in: .whitespaces)
            // An empty count is a month the file has no figure for (a bridge not yet open): missing, not zero.
            if text.isEmpty { continue }
            guard let value = Self.count(text) else {
                throw fail(valueColumn, "\"\(text)\" is not a whole number of crossings of zero or more")
            }
            if let first = seen.updateValue((line, value), forKey: "\(entry.crossing)|\(mode)|\(month)") {
                guard first.value == value else {
                    throw fail(valueColumn, "\(name), \(measure), \(month) is listed twice with different counts (\(first.value) on line \(first.line), \(value) here)")
                }
                continue
            }
            guard let id = entry.id, !month.isHeldOut else { continue }
            counts[SeriesKey(port: entry.portCode, crossing: id, mode: mode), default: [:]][month] = value
        }
        return counts.map { MonthlyCounts.Series(key: $0.key, counts: $0.value) }
    }
}
