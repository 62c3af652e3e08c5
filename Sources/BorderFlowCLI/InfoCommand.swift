import ArgumentParser
import BorderFlow
import BorderFlowOutput

struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Summarise the dataset and the working CRS, with its scale error measured over the data.")

    @OptionGroup var options: DatasetOptions

    func run() throws {
        let dataset = try options.loadDataset()
        let summary = try DatasetSummary(dataset: dataset, region: options.region(for: dataset))
        try options.print(summary)
    }
}
