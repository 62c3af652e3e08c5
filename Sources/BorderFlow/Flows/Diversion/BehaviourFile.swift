import BorderFlowSpatial
import Foundation

/// The fitted behaviour as a file a user can read, change or replace: `behaviour.csv`, one row per number,
/// `parameter,mode,value,low,high,basis` (`mode` empty for numbers that hold for every mode; `low` and `high`
/// the range the fit allows, which `divert --uncertainty` draws from; `basis` what it was fitted on or why it
/// is set as it is).
public enum BehaviourFile {
    /// The file's name in a dataset folder.
    public static let name = "behaviour.csv"
    /// The parameters, per-mode `responseHours` first.
    static let parameters = ["responseHours", "closureLoss", "walkingSwitch", "portSwitchHours", "railHoldDays", "officersTakenThroughput"]
    /// Its header.
    public static let header = ["parameter", "mode", "value", "low", "high", "basis"]

    /// One number of the behaviour with its range.
    public struct Row: Sendable, Equatable {
        /// `responseHours`, `closureLoss`, `walkingSwitch`, `portSwitchHours`, `railHoldDays` or `officersTakenThroughput`.
        public var parameter: String
        /// The mode of a per-mode number; nil otherwise.
        public var mode: Mode?
        /// The fitted value.
        public var value: Double
        /// The lowest value the fit allows.
        public var low: Double
        /// The highest value the fit allows.
        public var high: Double
        /// What the value rests on.
        public var basis: String

        /// A row.
        ///
        /// - Parameters:
        ///   - parameter: the parameter's name.
        ///   - mode: its mode, for a per-mode parameter.
        ///   - value: the value.
        ///   - low: the lowest value the fit allows.
        ///   - high: the highest.
        ///   - basis: what it rests on.
        public init(parameter: String, mode: Mode?, value: Double, low: Double, high: Double, basis: String) {
            self.parameter = parameter
            self.mode = mode
            self.value = value
            self.low = low
            self.high = high
            self.basis = basis
        }
    }

    /// The behaviour the rows describe, each number at `pick(row)` (its value, or a draw within its range).
    ///
    /// - Parameters:
    ///   - rows: the rows, one per number.
    ///   - pick: the value to use for a row.
    /// - Returns: the behaviour.
    public static func behaviour(from rows: [Row], pick: (Row) -> Double = { $0.value }) -> Behaviour {
        var result = Behaviour(responseHours: [:], closureLoss: 0, walkingSwitch: 0, portSwitchHours: 0, railHoldDays: 0,
                               officersTakenThroughput: 1)
        for row in rows {
            switch (row.parameter, row.mode) {
            case let ("responseHours", mode?): result.responseHours[mode] = pick(row)
            case ("closureLoss", nil): result.closureLoss = pick(row)
            case ("walkingSwitch", nil): result.walkingSwitch = pick(row)
            case ("portSwitchHours", nil): result.portSwitchHours = pick(row)
            case ("railHoldDays", nil): result.railHoldDays = pick(row)
            case ("officersTakenThroughput", nil): result.officersTakenThroughput = pick(row)
            default: break
            }
        }
        return result
    }

    /// The rows as a file, in the order given, for `AtomicFile.write(_:)`.
    ///
    /// - Parameters:
    ///   - rows: the rows.
    ///   - url: the file.
    /// - Returns: the file.
    public static func file(_ rows: [Row], at url: URL) -> OutputFile {
        var table = CSVTable(header: header, formulas: .verbatim)
        for row in rows {
            table.append([row.parameter, row.mode?.rawValue ?? "", formatFixed(row.value, decimals: 4),
                          formatFixed(row.low, decimals: 4), formatFixed(row.high, decimals: 4), row.basis])
        }
        return OutputFile(table.render(), at: url)
    }

    /// Reads a behaviour file.
    ///
    /// - Parameter url: the file.
    /// - Returns: its rows, in file order.
    /// - Throws: `InputFileError` when it cannot be read; `DemandFileError` naming the line and column of a row
    ///   that is not valid, a parameter that is unknown or listed twice, or one that is missing.
    public static func read(_ url: URL) throws -> [Row] {
        let file = url.lastPathComponent
        let text = try DemandFiles.fileReader.text(contentsOf: url, name: file)
        let table: CSVTable
        do { table = try CSVTable(parsing: text) } catch { throw DemandFileError(file: file, line: error.line, column: nil, message: error.message) }
        guard table.header == header else {
            throw DemandFileError(file: file, line: 1, column: nil, message: "the header must be \(header.joined(separator: ","))")
        }
        var rows: [Row] = []
        var seen = Set<String>()
        // Quoted fields may span lines, but the project writes none that do: rows are numbered from the header.
        for (offset, fields) in table.rows.enumerated() {
            let line = offset + 2
            func number(_ column: Int) throws -> Double {
                guard let value = Double(fields[column]), value.isFinite, value >= 0 else {
                    throw DemandFileError(file: file, line: line, column: header[column], message: "\"\(fields[column])\" is not a number of zero or more")
                }
                return value
            }
            let parameter = fields[0]
            let mode: Mode?
            if fields[1].isEmpty {
                mode = nil
            } else if let known = Mode(rawValue: fields[1]) {
                mode = known
            } else {
                throw DemandFileError(file: file, line: line, column: "mode", message: "unknown mode \"\(fields[1])\"; expected one of \(Mode.validNames) or nothing")
            }
            guard (parameter == "responseHours") == (mode != nil), Self.parameters.contains(parameter) else {
                throw DemandFileError(file: file, line: line, column: "parameter", message: "\"\(parameter)\"\(mode.map { " for \($0.rawValue)" } ?? "") is not a behaviour parameter; expected responseHours with a mode, or closureLoss, walkingSwitch, portSwitchHours, railHoldDays or officersTakenThroughput without one")
            }
            guard seen.insert("\(parameter) \(fields[1])").inserted else {
                throw DemandFileError(file: file, line: line, column: nil, message: "\(parameter) \(fields[1]) is listed twice")
            }
            let row = Row(parameter: parameter, mode: mode, value: try number(2), low: try number(3), high: try number(4), basis: fields[5])
            guard row.low <= row.value, row.value <= row.high else {
                throw DemandFileError(file: file, line: line, column: "value", message: "the value must lie between low and high")
            }
            rows.append(row)
        }
        let missing = Self.parameters.dropFirst().filter { !seen.contains("\($0) ") }
            + Mode.allCases.filter { !seen.contains("responseHours \($0.rawValue)") }.map { "responseHours \($0.rawValue)" }
        guard missing.isEmpty else {
            throw DemandFileError(file: file, line: nil, column: nil, message: "missing \(missing.joined(separator: ", "))")
        }
        return rows
    }
}

extension BorderNetwork {
    /// The fitted behaviour in a dataset folder (`behaviour.csv`, written by `borderflow backcast --fit`), or the
    /// bundled one when the folder has none.
    ///
    /// - Parameter directory: the folder; nil for the dataset's own.
    /// - Returns: the behaviour at its fitted values.
    /// - Throws: `DemandFileError` when there is no behaviour file or a row is not valid; `InputFileError` when
    ///   it cannot be read.
    public func behaviour(in directory: URL? = nil) throws -> Behaviour {
        BehaviourFile.behaviour(from: try behaviourRows(in: directory))
    }

    /// The rows of the behaviour file in a dataset folder, with their ranges; the bundled dataset's when the
    /// folder has none (behaviour belongs to travellers on this border, not to one network).
    ///
    /// - Parameter directory: the folder; nil for the dataset's own.
    /// - Returns: the rows.
    /// - Throws: as ``behaviour(in:)``.
    public func behaviourRows(in directory: URL? = nil) throws -> [BehaviourFile.Row] {
        let own = (directory ?? dataset.directory).appendingPathComponent(BehaviourFile.name)
        let bundled = DatasetFiles.bundledDirectory.appendingPathComponent(BehaviourFile.name)
        let url = FileManager.default.fileExists(atPath: own.path) ? own : bundled
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw DemandFileError(file: BehaviourFile.name, line: nil, column: nil,
                                  message: "neither the dataset in \(own.deletingLastPathComponent().path) nor the bundled data has a behaviour file; run `borderflow backcast --fit` to fit one")
        }
        return try BehaviourFile.read(url)
    }
}
