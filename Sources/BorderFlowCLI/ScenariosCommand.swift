import ArgumentParser
import BorderFlow
import BorderFlowOutput

struct ScenariosCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenarios",
        abstract: "List the bundled scenarios, each checked against the dataset.")

    @OptionGroup var options: DatasetOptions

    func run() throws {
        let dataset = try options.loadDataset()
        let scenarios = try Scenario.bundledNames().map { try Scenario.find($0, dataset: dataset) }
        let report = ScenariosReport(scenarios: scenarios)
        try options.print(report)
    }
}
