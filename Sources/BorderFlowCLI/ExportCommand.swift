import ArgumentParser
import BorderFlow
import BorderFlowOutput
import Foundation

extension DatasetLayers.Name: @retroactive ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the network as GeoJSON for QGIS, kepler.gl or geojson.io.",
        discussion: """
            Writes RFC 7946 GeoJSON in WGS 84 longitude/latitude, with simplestyle properties (marker-color, \
            stroke, fill, ...) beside the data fields. --out ending .geojson, .json or .geojsons is one file with \
            every layer (each feature tagged with its layer); any other path is a folder with a file per layer.
            """)

    @OptionGroup var dataFolder: DataFolderOption

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Layers, comma-separated: \(DatasetLayers.Name.validNames).", valueName: "LAYERS"))
    var layers: [String] = [DatasetLayers.Name.allCases.map(\.rawValue).joined(separator: ",")]

    @Option(help: ArgumentHelp("A file (.geojson, .json, .geojsons) or a folder.", valueName: "FILE|DIR"))
    var out: String

    @OptionGroup var geoJSONOutput: GeoJSONOutputOptions

    var layerNames: [DatasetLayers.Name] {
        get throws {
            var names: [DatasetLayers.Name] = []
            for entry in layers.flatMap({ $0.split(separator: ",") }) {
                let text = entry.trimmingCharacters(in: .whitespaces).lowercased()
                guard let name = DatasetLayers.Name(rawValue: text) else {
                    throw ValidationError("--layers: '\(text)' is not a layer; choose from \(DatasetLayers.Name.validNames)")
                }
                if !names.contains(name) { names.append(name) }
            }
            guard !names.isEmpty else { throw ValidationError("--layers names no layer; choose from \(DatasetLayers.Name.validNames)") }
            return names
        }
    }

    func validate() throws {
        _ = try layerNames
        _ = try geoJSONOutput.encoding(for: out)
    }

    func run() throws {
        let dataset = try Dataset.load(from: dataFolder.directory)
        try geoJSONOutput.write(DatasetLayers.layers(try layerNames, of: dataset), to: out)
    }
}
