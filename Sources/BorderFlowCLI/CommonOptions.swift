import ArgumentParser
import BorderFlow
import BorderFlowOutput
import Foundation

extension ReportFormat: @retroactive ExpressibleByArgument {}

extension Mode: @retroactive ExpressibleByArgument {}

/// The dataset folder option, on its own for commands without the other dataset options.
struct DataFolderOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A dataset folder in the BorderFlow schema (default: the bundled GeoData).", valueName: "DIR"))
    var data: String?

    var directory: URL {
        data.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? DatasetFiles.bundledDirectory
    }
}

/// Options every dataset command takes.
struct DatasetOptions: ParsableArguments {
    @OptionGroup var dataFolder: DataFolderOption

    @Option(name: .long, help: ArgumentHelp("Working CRS in metres: an EPSG code or a PROJ string (default: the border-strip Lambert conformal conic).", valueName: "CRS"))
    var crs: String?

    @Option(name: .customLong("format"), help: "Output format: table, json or csv (default: table).")
    var formatGiven: ReportFormat?

    /// The report's format: as given, or a table.
    var format: ReportFormat { formatGiven ?? .table }

    var directory: URL { dataFolder.directory }

    var workingCRS: CoordinateReferenceSystem {
        crs.map(CoordinateReferenceSystem.init(parsing:)) ?? WorkingCRS.borderStrip
    }

    func loadDataset() throws -> Dataset {
        try Dataset.load(from: directory, workingCRS: workingCRS)
    }

    /// The dataset and the network built from it in the working CRS.
    func loadNetwork() throws -> BorderNetwork {
        try BorderNetwork(dataset: loadDataset(), workingCRS: workingCRS)
    }

    func region(for dataset: Dataset) throws -> BorderRegion {
        try BorderRegion(sectors: dataset.sectors, boundary: dataset.boundary, workingCRS: workingCRS)
    }

    /// Prints the report in the form `--format` asks for.
    func print(_ report: some Report) throws {
        Swift.print(try report.text(in: format), terminator: "")
    }
}
