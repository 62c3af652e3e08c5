import ArgumentParser
import BorderFlow
import BorderFlowOutput

struct CrossingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crossings",
        abstract: "List the crossings: ports, facilities, modes and daily volumes.")

    @OptionGroup var options: DatasetOptions

    @Option(help: ArgumentHelp("Only crossings in this sector (e.g. tucson, del-rio).", valueName: "ID"))
    var sector: String?

    @Option(help: ArgumentHelp("Only crossings in this U.S. state (CA, AZ, NM, TX).", valueName: "XX"))
    var state: String?

    @Option(help: ArgumentHelp("Only crossings serving this mode: \(Mode.validNames).", valueName: "M"))
    var mode: Mode?

    func run() throws {
        let dataset = try options.loadDataset()
        if let sector, dataset.sector(id: sector) == nil {
            throw ValidationError("unknown sector \"\(sector)\"; known sectors: \(dataset.sectors.map(\.id).joined(separator: ", "))")
        }
        let report = CrossingsReport(crossings: CrossingsReport.filtered(dataset.crossings, sector: sector, state: state, mode: mode))
        try options.print(report)
    }
}
