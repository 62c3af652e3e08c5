import ArgumentParser
import BorderFlow
import BorderFlowOutput
import Foundation

/// The options `divert` and `map` share, and the run they describe: the fitted baseline against a scenario.
struct DiversionOptions: ParsableArguments {
    enum ModelName: String, ExpressibleByArgument, CaseIterable {
        case aon
        case logit
        case equilibrium
    }

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

    /// What a run produced, with what is needed to present it.
    struct Run {
        let network: BorderNetwork
        let scenario: Scenario?
        let moment: Moment?
        let diversion: Diversion
        /// "Scenario title — on date".
        let title: String
    }

    func run(_ options: DatasetOptions, _ closureOptions: ClosureOptions) throws -> Run {
        let inputs = try Inputs(options, closureOptions)
        let network = inputs.network, scenario = inputs.scenario
        let moment = inputs.moment(typed: on)
        let closures = inputs.closures(at: moment)
        let baseline = try demandOptions.baseline(for: network)
        let assignment: AssignmentMethod
        switch model {
        case .aon: assignment = .allOrNothing
        case .logit: assignment = .logit(scaleSeconds: AssignmentMethod.defaultLogitScaleSeconds)
        case .equilibrium: assignment = .standard
        }
        let lanes: ((Crossing, Mode) -> Int)? = scenario.map { chosen in { chosen.lanes(of: $0, mode: $1, at: moment) } }
        let officers = baseline.behaviour.officersTakenThroughput
        let throughput: ((Crossing) -> Double)? = scenario.map { chosen in { chosen.throughput(of: $0, at: moment, fitted: officers) } }
        let diversion = try DiversionModel(network: network, demand: baseline.demand, constants: baseline.constants,
                                           behaviour: baseline.behaviour, method: assignment)
            .divert(closures: closures, at: moment, lanes: lanes, throughput: throughput)
        let title = (scenario.map { "\($0.title) — " } ?? "") + (moment.map { "on \($0)" } ?? "with the closures given")
        return Run(network: network, scenario: scenario, moment: moment, diversion: diversion, title: title)
    }
}

/// Where GeoJSON goes: the options `divert`, `route` and `export` share.
struct GeoJSONOutputOptions: ParsableArguments {
    @Flag(help: "Write GeoJSON text sequences (RFC 8142, newline-delimited, .geojsons) instead of FeatureCollections.")
    var seq = false

    var encoding: GeoJSONEncoding { seq ? .textSequence : .featureCollection }

    /// Writes the layers and says where on standard error, so standard output stays the report.
    func write(_ layers: [GeoJSONLayer], to path: String) throws {
        let files = try GeoJSONLayerFiles.write(layers, to: URL(fileURLWithPath: path), encoding: encoding)
        for file in files { FileHandle.standardError.write(Data("wrote \(file.path)\n".utf8)) }
    }
}
