import ArgumentParser
import BorderFlow
import BorderFlowOutput
import Foundation

struct DivertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "divert",
        abstract: "Where traffic goes when crossings close: baseline against scenario, per crossing, port and sector.",
        discussion: """
            Assigns the fitted baseline demand (GeoData/demand.csv, from `borderflow calibrate`) with every crossing \
            open and again with the scenario's closures and lane changes in force on --on (default: the scenario's \
            date), and reports the difference. Closures typed with --close and friends add to the scenario's.

            --geojson writes the result for mapping tools: crossings, flows (every origin–crossing–destination \
            stream along its roads), sectors and the boundary, to one file (a path ending .geojson, .json or \
            .geojsons) or to a folder with a file per layer. --od writes the streams as a CSV for kepler.gl.
            """)

    @OptionGroup var options: DatasetOptions
    @OptionGroup var closureOptions: ClosureOptions
    @OptionGroup var diversionOptions: DiversionOptions

    @Option(help: ArgumentHelp("Write the result as GeoJSON to a file or a folder (a file per layer).", valueName: "FILE|DIR"))
    var geojson: String?

    @OptionGroup var geoJSONOutput: GeoJSONOutputOptions

    @Option(help: ArgumentHelp("Write the streams as an origin–destination CSV (kepler.gl arcs).", valueName: "FILE"))
    var od: String?

    @Option(name: .customLong("min-volume"), parsing: .unconditional, help: ArgumentHelp("Leave out streams below this many daily trips in both baseline and scenario (0 keeps every one).", valueName: "TRIPS"))
    var minimumVolume: Double = DiversionLayers.defaultMinimumVolume

    func validate() throws {
        guard minimumVolume >= 0, minimumVolume.isFinite else { throw ValidationError("--min-volume must be zero or more") }
        if geoJSONOutput.seq && geojson == nil { throw ValidationError("--seq applies to --geojson; give --geojson FILE|DIR too") }
        if let geojson { _ = try geoJSONOutput.encoding(for: geojson) }
    }

    func run() throws {
        let run = try diversionOptions.run(options, closureOptions)
        let report = DiversionReport(diversion: run.diversion, dataset: run.network.dataset, title: run.title,
                                     uncertainty: run.uncertainty)
        if geojson != nil || od != nil {
            let layers = DiversionLayers(diversion: run.diversion, network: run.network, minimumVolume: minimumVolume,
                                         uncertainty: run.uncertainty)
            // The GeoJSON and the CSV are one result: both are written, or neither.
            var files = try geojson.map { try geoJSONOutput.files(layers.all, to: $0) } ?? []
            if let od {
                files.append(OutputFile(FlowTable.csv(layers.streams.map(\.stream), dataset: run.network.dataset), at: URL(fileURLWithPath: od)))
            }
            try OutputFiles.write(files)
        }
        try options.print(report)
    }
}
