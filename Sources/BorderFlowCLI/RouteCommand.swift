import ArgumentParser
import BorderFlow
import BorderFlowGraph
import BorderFlowSpatial
import Foundation

extension ShortestPathSearch.Algorithm: ExpressibleByArgument {}

struct RouteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route",
        abstract: "Find the best route between two places and the crossing it uses, with closures and alternatives.",
        discussion: """
            FROM and TO are place ids or names, any case, with or without accents ("Ciudad Juarez", "sonoyta").
            Closures never rebuild the network. --at takes 2023-12-10T14:00 (read in each crossing's own time \
            zone) or a time with an offset (2023-12-10T14:00-07:00); crossings outside their hours are closed then.
            """)

    @Argument(help: "Where the trip starts (place id or name).")
    var from: String

    @Argument(help: "Where the trip ends (place id or name).")
    var to: String

    @OptionGroup var options: DatasetOptions

    @Option(help: ArgumentHelp("Travel mode: \(Mode.validNames).", valueName: "M"))
    var mode: Mode = .pov

    @Option(name: .customLong("close"), help: ArgumentHelp("Close a crossing by id (repeatable).", valueName: "ID"))
    var closeCrossings: [String] = []

    @Option(name: .customLong("close-port"), help: ArgumentHelp("Close every facility of a CBP port (repeatable).", valueName: "CODE"))
    var closePorts: [String] = []

    @Option(name: .customLong("close-sector"), help: ArgumentHelp("Close every crossing in a sector (repeatable).", valueName: "ID"))
    var closeSectors: [String] = []

    @Option(name: .customLong("close-mode"), help: ArgumentHelp("Close one mode at a crossing or port, as MODE:ID or MODE:CODE (repeatable), e.g. rail:2303.", valueName: "MODE:ID"))
    var closeModes: [String] = []

    @Option(name: .customLong("close-polygon"), help: ArgumentHelp("Close every crossing inside the polygons of a GeoJSON file (repeatable).", valueName: "FILE"))
    var closePolygons: [String] = []

    @Option(help: ArgumentHelp("Apply a scenario's closures (a bundled name such as dec-2023, or a file).", valueName: "NAME|FILE"))
    var scenario: String?

    @Option(help: ArgumentHelp("A moment: applies opening hours and closure windows (default with --scenario: the scenario's date).", valueName: "DATETIME"))
    var at: String?

    @Option(help: ArgumentHelp("Also list the best route through each of the K best distinct crossings.", valueName: "K"))
    var alternatives: Int = 0

    @Option(help: "Search algorithm: astar or dijkstra (the same costs; A* searches less).")
    var algorithm: ShortestPathSearch.Algorithm = .astar

    func validate() throws {
        guard alternatives >= 0 else { throw ValidationError("--alternatives must be zero or more") }
        if let at, Moment(parsing: at) == nil {
            throw ValidationError("--at '\(at)' is not a date and time; use 2023-12-10T14:00 or 2023-12-10T14:00-07:00")
        }
        for entry in closeModes {
            let parts = entry.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, Mode(rawValue: parts[0]) != nil else {
                throw ValidationError("--close-mode '\(entry)' must be MODE:ID with MODE one of \(Mode.validNames), e.g. rail:eagle-pass-rail or rail:2303")
            }
        }
    }

    func run() throws {
        try reportingErrors {
            let dataset = try options.loadDataset()
            let network = try BorderNetwork(dataset: dataset, workingCRS: options.workingCRS)
            let chosen = try scenario.map { try Scenario.find($0, dataset: dataset) }
            var closures = chosen?.closures ?? Closures()
            for id in closeCrossings { try closures.close(crossing: id) }
            for code in closePorts { try closures.close(port: code) }
            for id in closeSectors { try closures.close(sector: id) }
            for entry in closeModes {
                let parts = entry.split(separator: ":", maxSplits: 1).map(String.init)
                let mode = Mode(rawValue: parts[0])!
                if parts[1].count == 4, parts[1].allSatisfy(\.isNumber) {
                    try closures.close(mode: mode, atPort: parts[1])
                } else {
                    try closures.close(mode: mode, atCrossing: parts[1])
                }
            }
            for path in closePolygons {
                let collection = try GeoJSONReader.read(contentsOf: URL(fileURLWithPath: path))
                for feature in collection.features {
                    guard let geometry = feature.geometry, !geometry.polygons.isEmpty else {
                        throw feature.error(field: "geometry", "expected a Polygon or MultiPolygon to close the crossings inside it")
                    }
                    try closures.close(polygon: geometry, named: "\(collection.file) feature \(feature.index)")
                }
            }
            let moment = at.flatMap(Moment.init(parsing:)) ?? chosen?.date
            let answer = try network.answer(from: from, to: to, mode: mode, closures: closures,
                                            at: moment, alternatives: alternatives, algorithm: algorithm)
            let report = RouteReport(answer: answer)
            let names = Dictionary(uniqueKeysWithValues: dataset.crossings.map { ($0.id, $0.name) })
            try options.print(table: { report.table(crossingNames: names) }, json: report.json, csv: report.csv)
        }
    }
}
