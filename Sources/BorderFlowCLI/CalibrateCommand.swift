import ArgumentParser
import BorderFlow
import BorderFlowOutput
import Foundation

struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Fit baseline demand to the crossings' observed volumes and write demand.csv and crossing-constants.csv.",
        discussion: """
            A gravity model of northbound trips between places — pedestrians only between places within 30 minutes \
            of a crossing on each side, cars and pedestrians mostly local, trucks and trains from where the \
            industry is (freight-origins.csv, when the dataset has one) — fitted by repeated equilibrium \
            assignment so that every crossing's modelled daily volume per mode is within the tolerance of its \
            observed volume. The bundled GeoData holds the result; run this after changing crossings, places, \
            roads or freight origins. `borderflow demand` shows the fitted trips' lengths per mode.
            """)

    @OptionGroup var options: DatasetOptions

    @Option(help: ArgumentHelp("Where to write the two files (default: the dataset folder).", valueName: "DIR"))
    var out: String?

    @Option(help: "Largest relative miss allowed at any crossing and mode.")
    var tolerance: Double = 0.05

    func run() throws {
        let network = try options.loadNetwork()
        let dataset = network.dataset
        let fit = GravityDemand.fit(network: network, freightOrigins: try network.freightOrigins(), tolerance: tolerance)
        try CalibrationShortfall.check(fit, dataset: dataset, tolerance: tolerance)
        let directory = out.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? options.directory
        try DemandFiles.write(fit, dataset: dataset, to: directory)
        let report = CalibrationReport(fit: fit, dataset: dataset)
        try options.print(report)
        FileHandle.standardError.write(Data("wrote \(DemandFiles.demand) and \(DemandFiles.constants) to \(directory.path)\n".utf8))
    }
}
