import ArgumentParser
import BorderFlow
import BorderFlowOutput
import Foundation

extension AssignmentModelName: @retroactive ExpressibleByArgument {}

/// The options `divert` and `map` share, and the run they describe: the fitted baseline against a scenario.
struct DiversionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The day to look at: closures and lane changes in force then, demand at its month's level (default with --scenario: the scenario's date). \(MomentOption.formats).", valueName: "DATE"))
    var on: String?

    @Option(help: "Assignment model: aon, logit or equilibrium.")
    var model: AssignmentModelName = .equilibrium

    @OptionGroup var demandOptions: DemandOptions

    @Option(parsing: .unconditional, help: ArgumentHelp("Also run the scenario under N draws of the behaviour within its fitted ranges and give each crossing's change as a median with a 10–90% band.", valueName: "N"))
    var uncertainty: Int?

    @Option(help: "The seed of the --uncertainty draws, from 0 to 2^53 − 1 (the same seed gives the same bands).")
    var seed: UInt64 = 1

    func validate() throws {
        if let uncertainty, !(1...10_000).contains(uncertainty) {
            throw ValidationError("--uncertainty must be from 1 to 10000 draws")
        }
        guard seed <= SeedOption.largest else { throw ValidationError(SeedOption.tooLarge) }
        if let on { _ = try MomentOption.moment(on, option: "--on") }
    }

    /// What a run produced, with what is needed to present it.
    struct Run {
        let network: BorderNetwork
        let scenario: Scenario?
        let moment: Moment?
        let diversion: Diversion
        /// Bands over draws of the behaviour, when `--uncertainty` asks for them.
        let uncertainty: DiversionUncertainty?
        /// "Scenario title — on date".
        let title: String
        /// The closures typed on the command line, beside the scenario's.
        let typedClosures: Closures
    }

    func run(_ options: DatasetOptions, _ closureOptions: ClosureOptions) throws -> Run {
        let inputs = try Inputs(options, closureOptions)
        let network = inputs.network, scenario = inputs.scenario
        let moment = try inputs.moment(typed: on, option: "--on")
        let closures = inputs.closures(at: moment)
        let baseline = try demandOptions.baseline(for: network)
        let model = DiversionModel(network: network, demand: baseline.demand, constants: baseline.constants,
                                   behaviour: baseline.behaviour, method: self.model.method, season: try network.season(at: moment))
        let diversion = try model.divert(scenario: scenario, closures: closures, at: moment)
        let bands = try uncertainty.map {
            try model.uncertainty(scenario: scenario, rows: try network.behaviourRows(), draws: $0, seed: seed, closures: closures, at: moment)
        }
        return Run(network: network, scenario: scenario, moment: moment, diversion: diversion, uncertainty: bands,
                   title: DiversionTitle.title(scenario: scenario, moment: moment, typed: inputs.typedClosures),
                   typedClosures: inputs.typedClosures)
    }
}

/// Where GeoJSON goes: the options `divert`, `route` and `export` share.
struct GeoJSONOutputOptions: ParsableArguments {
    @Flag(help: "Write GeoJSON text sequences (RFC 8142, newline-delimited) instead of FeatureCollections; a file named .geojsons is one without it.")
    var seq = false

    @OptionGroup var inPlace: InPlaceOption

    /// How a path is written: a `.geojsons` file as a text sequence, a `.geojson` or `.json` file as a
    /// FeatureCollection, a folder as `--seq` says.
    ///
    /// - Throws: `ValidationError` when `--seq` asks for a sequence in a file named as a FeatureCollection.
    func encoding(for path: String) throws -> GeoJSONEncoding {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "geojsons":
            return .textSequence
        case "geojson", "json":
            guard !seq else {
                throw ValidationError("--seq writes a GeoJSON text sequence, which is not what a file named '\(URL(fileURLWithPath: path).lastPathComponent)' holds; name it .geojsons, or leave out --seq for a FeatureCollection")
            }
            return .featureCollection
        default:
            return seq ? .textSequence : .featureCollection
        }
    }

    /// The files the layers make at a path: one named file, or a file per layer in a folder, which may not
    /// replace a dataset's own files without `--in-place`.
    func files(_ layers: [GeoJSONLayer], to path: String) throws -> [OutputFile] {
        let url = URL(fileURLWithPath: path)
        let files = try GeoJSONLayerFiles.texts(of: layers, at: url, encoding: encoding(for: path)).map { OutputFile($0.text, at: $0.url) }
        if !GeoJSONLayerFiles.isSingleFile(url) {
            try inPlace.check(files.map(\.url), elsewhere: "name another folder or a .geojson file")
        }
        return files
    }

    /// Writes the layers and says where on standard error, so standard output stays the report.
    func write(_ layers: [GeoJSONLayer], to path: String) throws {
        try OutputFiles.write(try files(layers, to: path))
    }
}

/// Writing a command's files.
enum OutputFiles {
    /// Writes the files as one unit and says where on standard error, so standard output stays the report.
    static func write(_ files: [OutputFile]) throws {
        try AtomicFile.write(files)
        for file in files { StandardError.writeLine("wrote \(file.url.path)") }
    }
}
