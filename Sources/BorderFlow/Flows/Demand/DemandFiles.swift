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

    /// The demand and constants of a fit as files in a directory, rows in a fixed order; `AtomicFile.write(_:)`
    /// writes them.
    ///
    /// - Parameters:
    ///   - fit: the fit whose demand and constants to write.
    ///   - dataset: the dataset fitted, for place and crossing ids.
    ///   - directory: the folder for `demand.csv` and `crossing-constants.csv`.
    /// - Returns: the two files.
    public static func files(_ fit: DemandFit, dataset: Dataset, in directory: URL) -> [OutputFile] {
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
        return [OutputFile(demand.render(), at: directory.appendingPathComponent(Self.demand)),
                OutputFile(constants.render(), at: directory.appendingPathComponent(Self.constants))]
    }

    /// The most daily trips one demand row may carry: ten million, some ten times the northbound crossings of
    /// the whole border on a day. Larger numbers are mistakes, and near a double's limit they overflow the sums.
    public static let maximumDailyTrips: Double = 10_000_000

    /// Reads a demand CSV: one row per origin, destination and mode, trips per day, northbound from a Mexican
    /// place to a U.S. place.
    ///
    /// - Parameters:
    ///   - url: the file, with the header `origin,destination,mode,dailyTrips`.
    ///   - dataset: the dataset whose place ids the rows name.
    /// - Returns: the trips in file order, places by index in the dataset.
    /// - Throws: `InputFileError` when the file cannot be read or is not UTF-8 text; `DemandFileError` naming the
    ///   file, line and column of a row that is not valid: an unknown place, an origin in the U.S. or a
    ///   destination in Mexico, an unknown mode, trips that are not a number from 0 to `maximumDailyTrips`, a
    ///   trip listed twice.
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
            guard dataset.places[origin].country == .mx else {
                throw DemandFileError(file: file, line: line, column: "origin", message: "\(fields[0]) is in the U.S.; demand is northbound trips, from a Mexican place to a U.S. place\(fields[1] == fields[0] ? "" : dataset.places[destination].country == .mx ? " (this row runs southbound, \(fields[0]) to \(fields[1]))" : " (this row is a domestic U.S. trip, which crosses no border)")")
            }
            guard dataset.places[destination].country == .us else {
                throw DemandFileError(file: file, line: line, column: "destination", message: "\(fields[1]) is in Mexico; demand is northbound trips, from a Mexican place to a U.S. place (this row is a domestic Mexican trip, which crosses no border)")
            }
            guard let count = Double(fields[3]), count.isFinite, (0...maximumDailyTrips).contains(count) else {
                throw DemandFileError(file: file, line: line, column: "dailyTrips", message: "\"\(fields[3])\" is not a number of trips from 0 to \(Int(maximumDailyTrips)) (the largest a row may carry)\(CSVTable.numberAdvice(for: fields[3]))")
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
                throw DemandFileError(file: file, line: line, column: "constantSeconds", message: "\"\(fields[2])\" is not a number of seconds\(CSVTable.numberAdvice(for: fields[2]))")
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
                throw DemandFileError(file: file, line: line, column: "freightWeight", message: "\"\(fields[1])\" is not a weight of zero or more\(CSVTable.numberAdvice(for: fields[1]))")
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

    /// The records of a CSV file (RFC 4180, as `CSVTable.records(in:)` reads it) with their line numbers, after
    /// checking the header.
    private static func readCSV(_ url: URL, header: [String]) throws -> [(Int, [String])] {
        let file = url.lastPathComponent
        let text = try fileReader.text(contentsOf: url, name: file)
        let records: [CSVTable.Record]
        do { records = try CSVTable.records(in: text) } catch { throw DemandFileError(file: file, line: error.line, column: nil, message: error.message) }
        guard let first = records.first, first.line == 1, first.fields.filter({ !$0.isEmpty }) == header else {
            throw DemandFileError(file: file, line: 1, column: nil, message: "the header must be \(header.joined(separator: ","))")
        }
        return try records.dropFirst().map { record in
            guard record.fields.count == header.count else {
                throw DemandFileError(file: file, line: record.line, column: nil, message: CSVTable.fieldCountMessage(expected: header, found: record.fields))
            }
            return (record.line, record.fields)
        }
    }
}
