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
            closure, lane loss or officers taken on the bundled baseline, with the fitted behaviour \
            (behaviour.csv); LOO is its answer with the behaviour fitted without that event (behaviour-loo.csv). \
            The verdict says whether the model lies within two standard errors. The method: Docs/BACKCAST.md.

            --fit fits the behaviour on the events again and writes behaviour.csv and behaviour-loo.csv into \
            the dataset folder (a few minutes); replacing a dataset's files takes --in-place.
            """)

    @Argument(help: ArgumentHelp("An event id, or all.", valueName: "EVENT"))
    var event: String = "all"

    @Flag(help: "Fit the behaviour on every reliable event and write behaviour.csv and behaviour-loo.csv, then report.")
    var fit = false

    @OptionGroup var options: DatasetOptions

    @OptionGroup var inPlace: InPlaceOption

    func run() throws {
        if fit {
            // Refused before the fit, which takes minutes.
            try inPlace.check([BehaviourFile.name, LeaveOneOutFile.name].map { options.directory.appendingPathComponent($0) }, elsewhere: nil)
        }
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
        var model = DiversionModel(network: network, demand: baseline.demand, constants: baseline.constants,
                                   behaviour: try network.behaviour(in: options.directory))
        var leaveOneOut = try LeaveOneOutFile.read(in: options.directory)
        if fit {
            let fitted = try BehaviourFit(events: history.events, counts: counts, history: history, model: model) { step in
                StandardError.writeLine("fitting \(step)")
            }
            try AtomicFile.write([BehaviourFile.file(fitted.rows, at: options.directory.appendingPathComponent(BehaviourFile.name)),
                                  LeaveOneOutFile.file(fitted.leaveOneOut, in: options.directory)])
            StandardError.writeLine("wrote \(BehaviourFile.name) and \(LeaveOneOutFile.name) (misfit \(String(format: "%.1f", fitted.misfit.sum)) over \(fitted.misfit.rows) rows)")
            model = model.with(behaviour: BehaviourFile.behaviour(from: fitted.rows))
            leaveOneOut = fitted.leaveOneOut
        }
        let backcast = try Backcast(events: chosen, counts: counts, history: history, model: model, leaveOneOut: leaveOneOut)
        try options.print(BackcastReport(backcast: backcast))
    }
}
