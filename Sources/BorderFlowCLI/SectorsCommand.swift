import ArgumentParser
import BorderFlow
import BorderFlowOutput

struct SectorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sectors",
        abstract: "List the Border Patrol sectors with their area, border length and crossings.")

    @OptionGroup var options: DatasetOptions

    func run() throws {
        let dataset = try options.loadDataset()
        let report = try SectorsReport(dataset: dataset, region: options.region(for: dataset))
        try options.print(report)
    }
}
