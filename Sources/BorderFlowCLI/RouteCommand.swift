import ArgumentParser
import BorderFlow
import BorderFlowOutput
import Foundation

extension SearchAlgorithm: @retroactive ExpressibleByArgument {}

struct RouteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route",
        abstract: "Find the best route between two places and the crossing it uses, with closures and alternatives.",
        discussion: """
            FROM and TO are place ids, names or other names, any case, with or without accents or a leading \
            "Ciudad" or "Heroica" ("Juarez", "Matamoros", "sonoyta"); "Nogales, SON" picks one of a shared name. \
            `borderflow places` lists them.
            Closures never rebuild the network. --at takes 2023-12-10 (local noon that day at each crossing), \
            2023-12-10T14:00 (read in each crossing's own time zone) or a time with an offset \
            (2023-12-10T14:00-07:00); crossings outside their hours are closed then.
            """)

    @Argument(help: "Where the trip starts (place id or name).")
    var from: String

    @Argument(help: "Where the trip ends (place id or name).")
    var to: String

    @OptionGroup var options: DatasetOptions

    @Option(help: ArgumentHelp("Travel mode: \(Mode.validNames).", valueName: "M"))
    var mode: Mode = .pov

    @OptionGroup var closureOptions: ClosureOptions

    @Option(help: ArgumentHelp("A moment: applies opening hours and closure windows (default with --scenario: the scenario's date). \(MomentOption.formats).", valueName: "DATETIME"))
    var at: String?

    /// The most alternatives listed: more than the crossings of any border.
    static let largestAlternatives = 100

    @Option(parsing: .unconditional, help: ArgumentHelp("Also list the best route through each of the K best distinct crossings, K from 0 to \(largestAlternatives).", valueName: "K"))
    var alternatives: Int = 0

    @Option(help: "Search algorithm: hierarchy, astar or dijkstra (the same costs; default: hierarchy on an imported network, which has one, astar otherwise).")
    var algorithm: SearchAlgorithm?

    @Option(help: ArgumentHelp("Also write the routes as GeoJSON: the route, alternatives and all-open route along their roads, and the ends and crossings, to one file or to a folder with a file per geometry type (route, route-points), as Shapefiles need.", valueName: "FILE|DIR"))
    var geojson: String?

    @OptionGroup var geoJSONOutput: GeoJSONOutputOptions

    func validate() throws {
        if geoJSONOutput.seq && geojson == nil { throw ValidationError("--seq applies to --geojson; give --geojson FILE|DIR too") }
        if let geojson { _ = try geoJSONOutput.encoding(for: geojson) }
        guard (0...Self.largestAlternatives).contains(alternatives) else {
            throw ValidationError("--alternatives \(alternatives) is out of range; list from 0 to \(Self.largestAlternatives) alternatives")
        }
        if let at { _ = try MomentOption.moment(at, option: "--at") }
    }

    func run() throws {
        let inputs = try Inputs(options, closureOptions)
        let moment = try inputs.moment(typed: at, option: "--at")
        let answer = try inputs.network.compareRoutes(from: from, to: to, mode: mode, closures: inputs.closures(at: moment),
                                               at: moment, alternatives: alternatives, algorithm: algorithm)
        if let geojson { try geoJSONOutput.write(answer.layers(on: inputs.network), to: geojson) }
        let names = Dictionary(uniqueKeysWithValues: inputs.dataset.crossings.map { ($0.id, $0.name) })
        try options.print(RouteReport(comparison: answer, crossingNames: names))
    }
}
