import ArgumentParser
import BorderFlow
import BorderFlowOutput
import BorderFlowSpatial
import Foundation

struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Fit baseline demand to the crossings' observed volumes and write demand.csv, crossing-constants.csv and seasons.csv.",
        discussion: """
            A gravity model of northbound trips between places — pedestrians only between places within 30 minutes \
            of a crossing on each side, cars and pedestrians mostly local, trucks and trains from where the \
            industry is (freight-origins.csv, when the dataset has one) — fitted by repeated equilibrium \
            assignment so that every crossing's modelled daily volume per mode is within the tolerance of its \
            observed volume. The bundled GeoData holds the result; run this after changing crossings, places, \
            roads or freight origins. `borderflow demand` shows the fitted trips' lengths per mode. Then each \
            month's level is fitted to the crossings' seasonal factors (baselines.csv) and written to seasons.csv, \
            which a dated `divert` runs at.
            """)

    @OptionGroup var options: DatasetOptions

    @Option(help: ArgumentHelp("Where to write the files (default: the dataset folder, with --in-place).", valueName: "DIR"))
    var out: String?

    @OptionGroup var inPlace: InPlaceOption

    @Option(help: "Largest relative miss allowed at any crossing and mode, above 0 and at most 1 (0.05 is 5%).")
    var tolerance: Double = 0.05

    func validate() throws {
        guard tolerance > 0, tolerance <= 1 else {
            throw ValidationError("--tolerance \(tolerance) is out of range; give a share above 0 and at most 1, such as 0.05 for 5%")
        }
    }

    func run() throws {
        let directory = out.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? options.directory
        // Refused before the fit, which takes minutes.
        try inPlace.check([DemandFiles.demand, DemandFiles.constants, DemandFiles.seasons].map { directory.appendingPathComponent($0) },
                          elsewhere: "give --out DIR")
        let network = try options.loadNetwork()
        let dataset = network.dataset
        let fit = GravityDemand.fit(network: network, freightOrigins: try network.freightOrigins(), tolerance: tolerance)
        try CalibrationShortfall.check(fit, dataset: dataset, tolerance: tolerance)
        let seasons = try fitSeasons(network: network, fit: fit)
        // The demand and its months are one fit: all three files are written, or none.
        try AtomicFile.write(DemandFiles.files(fit, dataset: dataset, in: directory)
                             + (seasons.map { [DemandFiles.seasonsFile($0.map(\.season), dataset: dataset, at: directory.appendingPathComponent(DemandFiles.seasons))] } ?? []))
        let report = CalibrationReport(fit: fit, dataset: dataset)
        try options.print(report)
        StandardError.writeLine("wrote \(DemandFiles.demand) and \(DemandFiles.constants) to \(directory.path)")
        if let seasons {
            let worst = seasons.max { $0.worstRelativeError < $1.worstRelativeError }!
            StandardError.writeLine("wrote \(DemandFiles.seasons): twelve months fitted to the seasonal factors, worst miss \(formatFixed(worst.worstRelativeError * 100, decimals: 1)) % (\(worst.season.name), \(worst.rounds) rounds)")
        } else {
            StandardError.writeLine("no \(BaselineTable.fileName): no \(DemandFiles.seasons) written; dated runs stay at an ordinary day's level")
        }
    }

    /// Each month's level, fitted to the crossings' seasonal factors, when the dataset has baselines.
    private func fitSeasons(network: BorderNetwork, fit: DemandFit) throws -> [SeasonalFit.MonthFit]? {
        guard let baselines = try network.crossingBaselines() else { return nil }
        let seasonal = SeasonalFit(network: network, demand: fit.demand, constants: fit.constants, baselines: baselines)
        return seasonal.fitEveryMonth(tolerance: tolerance)
    }
}
