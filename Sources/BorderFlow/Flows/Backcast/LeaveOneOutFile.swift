import BorderFlowSpatial
import Foundation

/// The behaviour fitted without each event in turn, as `behaviour-loo.csv`: `event,parameter,mode,value`,
/// one row per event and number, so `borderflow backcast` can show how the model predicts an event it was
/// not fitted to without fitting again.
public enum LeaveOneOutFile {
    /// The file's name in a dataset folder.
    public static let name = "behaviour-loo.csv"
    static let header = ["event", "parameter", "mode", "value"]

    /// The behaviours as a file, events in id order, for `AtomicFile.write(_:)`.
    ///
    /// - Parameters:
    ///   - behaviours: per event id, the behaviour fitted without it.
    ///   - directory: the dataset folder.
    /// - Returns: the file.
    public static func file(_ behaviours: [String: Behaviour], in directory: URL) -> OutputFile {
        var table = CSVTable(header: header, formulas: .verbatim)
        for (event, behaviour) in behaviours.sorted(by: { $0.key < $1.key }) {
            for mode in Mode.allCases {
                table.append([event, "responseHours", mode.rawValue, formatFixed(behaviour.responseHours[mode] ?? 0, decimals: 4)])
            }
            for (name, value) in [("closureLoss", behaviour.closureLoss), ("walkingSwitch", behaviour.walkingSwitch), ("portSwitchHours", behaviour.portSwitchHours),
                                  ("railHoldDays", behaviour.railHoldDays), ("officersTakenThroughput", behaviour.officersTakenThroughput)] {
                table.append([event, name, "", formatFixed(value, decimals: 4)])
            }
        }
        return OutputFile(table.render(), at: directory.appendingPathComponent(name))
    }

    /// Reads the behaviours; none when the folder has no such file.
    ///
    /// - Parameter directory: the dataset folder.
    /// - Returns: per event id, the behaviour fitted without it.
    /// - Throws: `InputFileError` when it cannot be read; `DemandFileError` naming the line of a row that is not valid.
    public static func read(in directory: URL) throws -> [String: Behaviour] {
        let url = directory.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else { return [:] }
        let text = try DemandFiles.fileReader.text(contentsOf: url, name: name)
        let table: CSVTable
        do { table = try CSVTable(parsing: text) } catch { throw DemandFileError(file: name, line: error.line, column: nil, message: error.message) }
        guard table.header == header else {
            throw DemandFileError(file: name, line: 1, column: nil, message: "the header must be \(header.joined(separator: ","))")
        }
        var rows: [String: [BehaviourFile.Row]] = [:]
        for (offset, fields) in table.rows.enumerated() {
            guard let value = Double(fields[3]), value.isFinite, value >= 0 else {
                throw DemandFileError(file: name, line: offset + 2, column: "value", message: "\"\(fields[3])\" is not a number of zero or more")
            }
            let mode = Mode(rawValue: fields[2])
            guard fields[2].isEmpty || mode != nil, BehaviourFile.parameters.contains(fields[1]) else {
                throw DemandFileError(file: name, line: offset + 2, column: "parameter", message: "\"\(fields[1]) \(fields[2])\" is not a behaviour parameter")
            }
            rows[fields[0], default: []].append(BehaviourFile.Row(parameter: fields[1], mode: mode, value: value, low: value, high: value, basis: ""))
        }
        return rows.mapValues { BehaviourFile.behaviour(from: $0) }
    }
}
