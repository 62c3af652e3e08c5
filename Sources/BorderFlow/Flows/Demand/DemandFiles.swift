import BorderFlowSpatial
import Foundation

/// The fitted baseline as files a user can read, change or replace: `demand.csv`
/// (`origin,destination,mode,dailyTrips`) and `crossing-constants.csv` (`crossing,mode,constantSeconds`); and
/// an input of the fit, `freight-origins.csv` (`place,freightWeight`).
public enum DemandFiles {
    /// The demand file: `origin,destination,mode,dailyTrips`.
    public static let demand = "demand.csv"
    /// The crossing constants file: `crossing,mode,constantSeconds`.
    public static let constants = "crossing-constants.csv"
    /// The freight origins file: `place,freightWeight`, read by the fit (see `FreightOrigins`).
    public static let freightOrigins = "freight-origins.csv"

    /// Writes the demand and constants of a fit into a directory, each atomically, rows in a fixed order.
    ///
    /// - Parameters:
    ///   - fit: the fit whose demand and constants to write.
    ///   - dataset: the dataset fitted, for place and crossing ids.
    ///   - directory: the folder to write `demand.csv` and `crossing-constants.csv` into.
    /// - Throws: `OutputError.cannotWrite` when a file cannot be written.
    public static func write(_ fit: DemandFit, dataset: Dataset, to directory: URL) throws {
        var demand = CSVTable(header: ["origin", "destination", "mode", "dailyTrips"], formulas: .verbatim)
        for (index, trip) in fit.demand.trips.enumerated() {
            demand.append([dataset.places[trip.origin].id, dataset.places[trip.destination].id, trip.mode.rawValue,
                           formatFixed(fit.demand.dailyTrips[index], decimals: 4)])
        }
        var constants = CSVTable(header: ["crossing", "mode", "constantSeconds"], formulas: .verbatim)
        for (index, crossing) in dataset.crossings.enumerated() {
            for mode in crossing.modes {
                constants.append([crossing.id, mode.rawValue, formatFixed(fit.constants[index][mode] ?? 0, decimals: 3)])
            }
        }
        try AtomicFile.write(demand.render(), to: directory.appendingPathComponent(Self.demand))
        try AtomicFile.write(constants.render(), to: directory.appendingPathComponent(Self.constants))
    }

    /// Reads a demand CSV: one row per origin, destination and mode, trips per day.
    ///
    /// - Parameters:
    ///   - url: the file, with the header `origin,destination,mode,dailyTrips`.
    ///   - dataset: the dataset whose place ids the rows name.
    /// - Returns: the trips in file order, places by index in the dataset.
    /// - Throws: `InputFileError` when the file cannot be read or is not UTF-8 text; `DemandFileError` naming the
    ///   file, line and column of a row that is not valid.
    public static func readDemand(_ url: URL, dataset: Dataset) throws -> Demand {
        let file = url.lastPathComponent
        let rows = try readCSV(url, header: ["origin", "destination", "mode", "dailyTrips"])
        let index = Dictionary(uniqueKeysWithValues: dataset.places.enumerated().map { ($1.id, $0) })
        var trips: [Trip] = []
        var daily: [Double] = []
        var seen = Set<Trip>()
        trips.reserveCapacity(rows.count)
        daily.reserveCapacity(rows.count)
        seen.reserveCapacity(rows.count)
        for (line, fields) in rows {
            func place(_ id: String, _ column: String) throws -> Int {
                guard let found = index[id] else {
                    let closest = NameMatching.suggestions(for: id, among: dataset.places.map(\.id)).joined(separator: ", ")
                    throw DemandFileError(file: file, line: line, column: column, message: "no place has the id \"\(id)\"; closest: \(closest)")
                }
                return found
            }
            let origin = try place(fields[0], "origin")
            let destination = try place(fields[1], "destination")
            guard let mode = Mode(rawValue: fields[2]) else {
                throw DemandFileError(file: file, line: line, column: "mode", message: "unknown mode \"\(fields[2])\"; expected one of \(Mode.validNames)")
            }
            guard let count = Double(fields[3]), count.isFinite, count >= 0 else {
                throw DemandFileError(file: file, line: line, column: "dailyTrips", message: "\"\(fields[3])\" is not a number of trips of zero or more")
            }
            let trip = Trip(origin: PlaceIndex(origin), destination: PlaceIndex(destination), mode: mode)
            guard seen.insert(trip).inserted else {
                throw DemandFileError(file: file, line: line, column: nil, message: "\(fields[0]) → \(fields[1]) by \(fields[2]) is listed twice")
            }
            trips.append(trip)
            daily.append(count)
        }
        return Demand(trips: trips, dailyTrips: daily)
    }

    /// Reads crossing constants: seconds added to a crossing's cost for a mode.
    ///
    /// - Parameters:
    ///   - url: the file, with the header `crossing,mode,constantSeconds`.
    ///   - dataset: the dataset whose crossing ids the rows name.
    /// - Returns: the constants per crossing (dataset index) and mode; a crossing-mode not listed has none.
    /// - Throws: `InputFileError` when the file cannot be read or is not UTF-8 text; `DemandFileError` naming the
    ///   file, line and column of a row that is not valid.
    public static func readConstants(_ url: URL, dataset: Dataset) throws -> [PerMode<Double>] {
        let file = url.lastPathComponent
        let rows = try readCSV(url, header: ["crossing", "mode", "constantSeconds"])
        let index = Dictionary(uniqueKeysWithValues: dataset.crossings.enumerated().map { ($1.id, $0) })
        var constants = [PerMode<Double>](repeating: [:], count: dataset.crossings.count)
        for (line, fields) in rows {
            guard let crossing = index[fields[0]] else {
                throw DemandFileError(file: file, line: line, column: "crossing", message: "no crossing has the id \"\(fields[0])\"")
            }
            guard let mode = Mode(rawValue: fields[1]) else {
                throw DemandFileError(file: file, line: line, column: "mode", message: "unknown mode \"\(fields[1])\"; expected one of \(Mode.validNames)")
            }
            guard let seconds = Double(fields[2]), seconds.isFinite else {
                throw DemandFileError(file: file, line: line, column: "constantSeconds", message: "\"\(fields[2])\" is not a number of seconds")
            }
            constants[crossing][mode] = seconds
        }
        return constants
    }

    /// Reads freight origins: a weight per Mexican place, approximate IMMEX personnel.
    ///
    /// - Parameters:
    ///   - url: the file, with the header `place,freightWeight`.
    ///   - dataset: the dataset whose place ids the rows name.
    /// - Returns: the weights by place.
    /// - Throws: `InputFileError` when the file cannot be read or is not UTF-8 text; `DemandFileError` naming the
    ///   file, line and column of a row that is not valid: an unknown or U.S. place, a place listed twice, a
    ///   weight that is not a number of zero or more.
    public static func readFreightOrigins(_ url: URL, dataset: Dataset) throws -> FreightOrigins {
        let file = url.lastPathComponent
        let rows = try readCSV(url, header: ["place", "freightWeight"])
        var weights: [PlaceIndex: Double] = [:]
        for (line, fields) in rows {
            guard let place = dataset.placeIndex(id: fields[0]) else {
                let closest = NameMatching.suggestions(for: fields[0], among: dataset.places.map(\.id)).joined(separator: ", ")
                throw DemandFileError(file: file, line: line, column: "place", message: "no place has the id \"\(fields[0])\"; closest: \(closest)")
            }
            guard dataset.places[place].country == .mx else {
                throw DemandFileError(file: file, line: line, column: "place", message: "\(fields[0]) is in the U.S.; freight origins are Mexican places")
            }
            guard let weight = Double(fields[1]), weight.isFinite, weight >= 0 else {
                throw DemandFileError(file: file, line: line, column: "freightWeight", message: "\"\(fields[1])\" is not a weight of zero or more")
            }
            guard weights.updateValue(weight, forKey: place) == nil else {
                throw DemandFileError(file: file, line: line, column: "place", message: "\(fields[0]) is listed twice")
            }
        }
        return FreightOrigins(weights: weights)
    }

    /// The largest demand or constants file read: files are read whole.
    public static let maximumFileBytes: Int64 = 100_000_000

    /// How demand and constants files are read, and what users are told when one is refused.
    static let fileReader = InputFileReader(
        maximumBytes: maximumFileBytes,
        tooLargeAdvice: "demand files of up to \(maximumFileBytes / 1_000_000) MB (some 2 million trips) are read whole. Drop trips under a small daily volume, or aggregate places",
        emptyAdvice: "it needs a header and a row per trip",
        unreadableAdvice: nil)

    /// Rows of a simple CSV (no quoted commas; the project writes none) with their line numbers, after
    /// checking the header.
    private static func readCSV(_ url: URL, header: [String]) throws -> [(Int, [String])] {
        let file = url.lastPathComponent
        var text = try fileReader.text(contentsOf: url, name: file)
        var lines = text.withUTF8(splitLinesAndFields)
        while lines.last == [""] { lines.removeLast() }
        guard let first = lines.first, first.filter({ !$0.isEmpty }) == header else {
            throw DemandFileError(file: file, line: 1, column: nil, message: "the header must be \(header.joined(separator: ","))")
        }
        return try lines.enumerated().dropFirst().compactMap { offset, fields in
            if fields == [""] { return nil }
            guard fields.count == header.count else {
                throw DemandFileError(file: file, line: offset + 1, column: nil, message: "expected \(header.count) fields (\(header.joined(separator: ","))), found \(fields.count)")
            }
            return (offset + 1, fields)
        }
    }

    /// The lines of UTF-8 text (a `\r` before a line break dropped), each split at every comma; an empty line is
    /// `[""]`. Split on bytes, which in UTF-8 never stand for part of another character: some ten times quicker
    /// than splitting characters, for the 25,000 rows of the demand read on every run.
    private static func splitLinesAndFields(_ bytes: UnsafeBufferPointer<UInt8>) -> [[String]] {
        var lines: [[String]] = []
        var fields: [String] = []
        var fieldStart = 0
        func endField(at end: Int) {
            fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<end]), as: UTF8.self))
        }
        for index in bytes.indices {
            switch bytes[index] {
            case UInt8(ascii: ","):
                endField(at: index)
                fieldStart = index + 1
            case UInt8(ascii: "\n"):
                endField(at: index > fieldStart && bytes[index - 1] == UInt8(ascii: "\r") ? index - 1 : index)
                lines.append(fields)
                fields = []
                fieldStart = index + 1
            default:
                break
            }
        }
        endField(at: bytes.count > fieldStart && bytes[bytes.count - 1] == UInt8(ascii: "\r") ? bytes.count - 1 : bytes.count)
        lines.append(fields)
        return lines
    }
}
