import ArgumentParser
import BorderFlow
import BorderFlowOutput
import Foundation

struct CrossingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crossings",
        abstract: "List the crossings: ports, facilities, modes and daily volumes.")

    @OptionGroup var options: DatasetOptions

    @Option(help: ArgumentHelp("Only crossings in this sector, by id in any case (e.g. tucson, del-rio).", valueName: "ID"))
    var sector: String?

    @Option(help: ArgumentHelp("Only crossings in this U.S. state: CA, AZ, NM, TX, or its name (any case).", valueName: "XX"))
    var state: String?

    @Option(help: ArgumentHelp("Only crossings serving this mode: \(Mode.validNames).", valueName: "M"))
    var mode: Mode?

    func run() throws {
        let dataset = try options.loadDataset()
        let sector = self.sector.map { ClosureOptions.datasetID($0, among: dataset.sectors.map(\.id)) }
        if let sector, dataset.sector(id: sector) == nil {
            throw ValidationError("unknown sector \"\(sector)\"; known sectors: \(dataset.sectors.map(\.id).joined(separator: ", "))")
        }
        let stateCode = try state.map { try Self.stateCode($0, known: Set(dataset.crossings.map(\.state))) }
        let report = CrossingsReport(crossings: CrossingsReport.filtered(dataset.crossings, sector: sector, state: stateCode, mode: mode))
        try options.print(report)
    }

    /// The border states' names, for a state typed in full.
    static let stateNames = ["california": "CA", "arizona": "AZ", "new mexico": "NM", "texas": "TX"]

    /// The postal code of a state typed as a code or a name, in any case; an error listing the dataset's states
    /// when it is neither, so that a misspelt state is not an empty list.
    static func stateCode(_ text: String, known: Set<String>) throws -> String {
        let typed = text.trimmingCharacters(in: .whitespaces)
        let code = stateNames[typed.lowercased()] ?? typed.uppercased()
        guard known.contains(code) else {
            let names = stateNames.filter { known.contains($0.value) }.map { "\($0.value) (\($0.key.capitalized))" }.sorted()
            throw ValidationError("no crossing is in the state \"\(text)\"; give one of \(names.isEmpty ? known.sorted().joined(separator: ", ") : names.joined(separator: ", "))")
        }
        return code
    }
}
