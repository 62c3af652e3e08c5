import BorderFlowSpatial
import Foundation

/// Northbound crossings per month: per bridge for the Texas crossings (University of North Texas / TxDOT, from
/// CBP counts) and per port for every port (BTS Border Crossing Entry Data), one series per crossing or port
/// and mode. The project's file is `GeoData/monthly-counts.csv` (`port,crossing,mode,month,count`), built by
/// `borderflow build-counts` from the public files.
///
/// A month a series does not list is missing, never zero: the public files leave out months (BTS drops zero
/// rows since mid-2016 and has gaps), and the held-out months (``YearMonth/heldOut``) are missing everywhere.
public struct MonthlyCounts: Sendable {
    /// One series: a crossing's or a port's counts of one mode, month by month.
    public struct Series: Sendable {
        /// Which crossing or port and mode.
        public let key: SeriesKey
        /// Northbound units counted in each month listed.
        public let counts: [YearMonth: Int]

        /// A series.
        ///
        /// - Parameters:
        ///   - key: which crossing or port and mode.
        ///   - counts: the count of each month listed; a held-out month is dropped.
        public init(key: SeriesKey, counts: [YearMonth: Int]) {
            self.key = key
            self.counts = counts.filter { !$0.key.isHeldOut }
        }

        /// The months listed, earliest first.
        public var months: [YearMonth] { counts.keys.sorted() }

        /// Units per day in a month: its count over its days.
        ///
        /// - Parameter month: the month.
        /// - Returns: the daily volume, or nil when the month is missing.
        public func dailyVolume(in month: YearMonth) -> Double? {
            counts[month].map { Double($0) / Double(month.days) }
        }
    }

    /// The file's name in a dataset folder.
    public static let fileName = "monthly-counts.csv"
    /// The file's columns.
    public static let header = ["port", "crossing", "mode", "month", "count"]

    /// Every series, ordered by key (port, crossing with the whole port first, mode).
    public let series: [Series]
    private let positions: [SeriesKey: Int]

    /// Counts made of series.
    ///
    /// - Parameter series: the series; two with the same key are merged, the later one's months winning.
    public init(series: [Series]) {
        var merged: [SeriesKey: [YearMonth: Int]] = [:]
        for one in series { merged[one.key, default: [:]].merge(one.counts) { _, later in later } }
        self.series = merged.keys.sorted().map { Series(key: $0, counts: merged[$0]!) }
        positions = Dictionary(uniqueKeysWithValues: self.series.enumerated().map { ($1.key, $0) })
    }

    /// A series by its key.
    ///
    /// - Parameter key: the crossing or port and mode.
    /// - Returns: the series, or nil when the counts have none.
    public func series(_ key: SeriesKey) -> Series? {
        positions[key].map { series[$0] }
    }

    /// A crossing's series of one mode.
    ///
    /// - Parameters:
    ///   - id: the crossing's id.
    ///   - mode: the mode.
    /// - Returns: the series, or nil when the crossing has none for the mode (counts per crossing exist for the
    ///   Texas bridges only).
    public func series(crossing id: String, mode: Mode) -> Series? {
        series.first { $0.key.crossing == id && $0.key.mode == mode }
    }

    /// A whole port's series of one mode.
    ///
    /// - Parameters:
    ///   - code: the four-digit CBP port code.
    ///   - mode: the mode.
    /// - Returns: the series, or nil when the port has none for the mode.
    public func series(port code: String, mode: Mode) -> Series? {
        series(SeriesKey(port: code, crossing: nil, mode: mode))
    }

    /// The counts as the project's CSV: the header, then one row per series and month, ordered by series key and
    /// month, so that the same counts always give the same bytes.
    ///
    /// - Returns: the text, ending in a newline.
    public func csv() -> String {
        var text = Self.header.joined(separator: ",") + "\n"
        for one in series {
            let prefix = "\(one.key.port),\(one.key.crossing ?? ""),\(one.key.mode.rawValue),"
            for month in one.months {
                text += prefix + "\(month),\(one.counts[month]!)\n"
            }
        }
        return text
    }

    /// The largest counts file read.
    public static let maximumFileBytes: Int64 = 100_000_000

    static let fileReader = InputFileReader(
        maximumBytes: maximumFileBytes,
        tooLargeAdvice: "counts files of up to \(maximumFileBytes / 1_000_000) MB are read whole; keep the series of the dataset's crossings and ports only",
        emptyAdvice: "it needs the header \(header.joined(separator: ",")) and a row per series and month")

    /// Reads a counts file in the project's schema.
    ///
    /// - Parameters:
    ///   - url: the file, with the header `port,crossing,mode,month,count`.
    ///   - dataset: the dataset whose crossing ids and port codes the rows must name; nil to skip that check.
    /// - Returns: the counts; rows of held-out months are dropped.
    /// - Throws: `InputFileError` when the file cannot be read; `MonthlyCountsError` naming the line and column
    ///   of a row that is not valid, or a series and month listed twice.
    public static func read(contentsOf url: URL, dataset: Dataset? = nil) throws -> MonthlyCounts {
        let file = try CSVFile.read(url, with: fileReader)
        guard file.header == header else {
            throw MonthlyCountsError(file: file.name, line: 1, message: "the header must be \(header.joined(separator: ",")), found \(file.header.joined(separator: ","))")
        }
        let crossingPorts = dataset.map { Dictionary($0.crossings.map { ($0.id, $0.portCode) }, uniquingKeysWith: { first, _ in first }) }
        let portCodes = dataset.map { Set($0.crossings.map(\.portCode)) }
        var counts: [SeriesKey: [YearMonth: Int]] = [:]
        for (line, fields) in file.records {
            func fail(_ column: String, _ message: String) -> MonthlyCountsError {
                MonthlyCountsError(file: file.name, line: line, column: column, message: message)
            }
            let port = fields[0], crossing = fields[1]
            guard port.count == 4, port.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw fail("port", "\"\(port)\" is not a four-digit CBP port code")
            }
            if let portCodes, !portCodes.contains(port) {
                throw fail("port", "no crossing of the dataset belongs to port \(port)")
            }
            if let crossingPorts, !crossing.isEmpty {
                guard let crossingPort = crossingPorts[crossing] else {
                    let closest = NameMatching.suggestions(for: crossing, among: Array(crossingPorts.keys)).joined(separator: ", ")
                    throw fail("crossing", "no crossing has the id \"\(crossing)\"; closest: \(closest)")
                }
                guard crossingPort == port else {
                    throw fail("port", "\(crossing) belongs to port \(crossingPort), not \(port)")
                }
            }
            guard let mode = Mode(rawValue: fields[2]) else {
                throw fail("mode", "unknown mode \"\(fields[2])\"; expected one of \(Mode.validNames)")
            }
            guard let month = YearMonth(parsing: fields[3]) else {
                throw fail("month", "\"\(fields[3])\" is not a month; write YYYY-MM, such as 2016-05")
            }
            guard let count = Int(fields[4]), count >= 0 else {
                throw fail("count", "\"\(fields[4])\" is not a whole number of crossings of zero or more\(CSVTable.numberAdvice(for: fields[4]))")
            }
            if month.isHeldOut { continue }
            let key = SeriesKey(port: port, crossing: crossing.isEmpty ? nil : crossing, mode: mode)
            guard counts[key, default: [:]].updateValue(count, forKey: month) == nil else {
                throw fail("month", "\(key) is listed twice for \(month)")
            }
        }
        return MonthlyCounts(series: counts.map { Series(key: $0.key, counts: $0.value) })
    }

    /// The counts of the bundled dataset, `GeoData/monthly-counts.csv`.
    ///
    /// - Parameter directory: the dataset folder (default: the bundled GeoData).
    /// - Returns: the counts.
    /// - Throws: as ``read(contentsOf:dataset:)``.
    public static func load(from directory: URL = DatasetFiles.bundledDirectory) throws -> MonthlyCounts {
        try read(contentsOf: directory.appendingPathComponent(fileName))
    }
}
