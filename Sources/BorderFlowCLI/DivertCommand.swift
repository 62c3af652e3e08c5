import ArgumentParser
import BorderFlow
import BorderFlowSpatial
import Foundation

extension DivertCommand {
    enum ModelName: String, ExpressibleByArgument, CaseIterable {
        case aon
        case logit
        case equilibrium
    }
}

struct DivertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "divert",
        abstract: "Where traffic goes when crossings close: baseline against scenario, per crossing, port and sector.",
        discussion: """
            Assigns the fitted baseline demand (GeoData/demand.csv, from `borderflow calibrate`) with every crossing \
            open and again with the scenario's closures and lane changes in force on --on (default: the scenario's \
            date), and reports the difference. Closures typed with --close and friends add to the scenario's.
            """)

    @OptionGroup var options: DatasetOptions
    @OptionGroup var closureOptions: ClosureOptions

    @Option(help: ArgumentHelp("The day to look at (closures and lane changes in force then).", valueName: "DATE"))
    var on: String?

    @Option(help: "Assignment model: aon, logit or equilibrium.")
    var model: ModelName = .equilibrium

    @OptionGroup var demandOptions: DemandOptions

    func validate() throws {
        if let on, Moment(parsing: on) == nil {
            throw ValidationError("--on '\(on)' is not a date; use 2023-12-20 or 2023-12-20T12:00")
        }
    }

    func run() throws {
        try reportingErrors {
            let dataset = try options.loadDataset()
            let network = try BorderNetwork(dataset: dataset, workingCRS: options.workingCRS)
            let scenario = try closureOptions.loadScenario(dataset: dataset)
            let closures = try closureOptions.closures(scenario: scenario)
            let baseline = try demandOptions.baseline(for: network)
            let moment = on.flatMap(Moment.init(parsing:)) ?? scenario?.date
            let assignment: AssignmentModel
            switch model {
            case .aon: assignment = .allOrNothing
            case .logit: assignment = .logit(scaleSeconds: AssignmentModel.defaultLogitScaleSeconds)
            case .equilibrium: assignment = .standard
            }
            let lanes: ((Crossing, Mode) -> Int)? = scenario.map { chosen in { chosen.lanes(of: $0, mode: $1, at: moment) } }
            let diversion = try network.divert(demand: baseline.demand, constants: baseline.constants, closures: closures,
                                               at: moment, lanes: lanes, model: assignment)
            let title = (scenario.map { "\($0.title) — " } ?? "") + (moment.map { "on \($0)" } ?? "with the closures given")
            let report = DiversionReport(diversion: diversion, dataset: dataset, title: title)
            try options.print(table: { report.table() }, json: report.json, csv: report.csv)
        }
    }
}
