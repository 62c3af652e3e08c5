import ArgumentParser
import BorderFlow
import BorderFlowOutput
import BorderFlowSpatial
import Foundation

/// How results are printed: `table` for people; `json` and `csv` are stable contracts for scripts.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case json
    case csv
}

extension Mode: ExpressibleByArgument {}

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

    @Option(name: .long, help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    var directory: URL { dataFolder.directory }

    var workingCRS: CoordinateReferenceSystem {
        crs.map(CoordinateReferenceSystem.init(parsing:)) ?? WorkingCRS.borderStrip
    }

    func loadDataset() throws -> Dataset {
        try Dataset.load(from: directory, workingCRS: workingCRS)
    }

    func region(for dataset: Dataset) throws -> BorderRegion {
        try BorderRegion(sectors: dataset.sectors, boundary: dataset.boundary, workingCRS: workingCRS)
    }

    /// Prints one of a report's three forms.
    func print(table: () -> String, json: () -> JSONValue, csv: () -> String) throws {
        switch format {
        case .table: Swift.print(table(), terminator: "")
        case .json: Swift.print(try JSONTextWriter().prettyText(of: json()), terminator: "")
        case .csv: Swift.print(csv(), terminator: "")
        }
    }
}

/// Runs a command body; a failure prints a plain message (no stack, no Swift type names) and exits 1.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        FileHandle.standardError.write(Data("borderflow: error: \(error)\n".utf8))
        throw ExitCode.failure
    }
}
