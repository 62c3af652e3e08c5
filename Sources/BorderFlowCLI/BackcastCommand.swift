import ArgumentParser
import BorderFlow
import BorderFlowOutput
import Foundation

struct BackcastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backcast",
        abstract: "Check the flow model against the border's past closures: observed shares beside the model's.",
        discussion: """
            For each past event in the dataset's events folder (GeoData/events), the monthly counts \
            (monthly-counts.csv) give the change at the lost facility and at each watched crossing or port, \
            seasonally adjusted, as a share of the traffic lost, with a standard error from placebo windows (the \
            same months of other undisrupted years). The model's share is the diversion model's answer to the same \
            closure or lane loss on the bundled baseline; the verdict says whether it lies within two standard \
            errors. The method: Docs/BACKCAST.md.
            """)

    @Argument(help: ArgumentHelp("An event id, or all.", valueName: "EVENT"))
    var event: String = "all"

    @OptionGroup var options: DatasetOptions

    func run() throws {
        let network = try options.loadNetwork()
        let dataset = network.dataset
        let history = try PastEvents.load(dataset: dataset, in: options.directory)
        let chosen: [PastEvent]
        if event == "all" {
            chosen = history.events
        } else if let found = history.event(id: event) {
            chosen = [found]
        } else {
            let known = history.events.map(\.id)
            throw ValidationError("no event \"\(event)\"; known events: \(known.isEmpty ? "none" : known.joined(separator: ", ")), or all")
        }
        let counts = try MonthlyCounts.read(contentsOf: options.directory.appendingPathComponent(MonthlyCounts.fileName), dataset: dataset)
        let baseline = try network.baselineDemand()
        let model = DiversionModel(network: network, demand: baseline.demand, constants: baseline.constants)
        let backcast = try Backcast(events: chosen, counts: counts, history: history, model: model)
        try options.print(BackcastReport(backcast: backcast))
    }
}
