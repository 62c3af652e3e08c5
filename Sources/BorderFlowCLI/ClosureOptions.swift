import ArgumentParser
import BorderFlow
import Foundation

/// The closure options `route` and `divert` share: a scenario and closures typed on the command line.
struct ClosureOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Apply a scenario's closures (a bundled name such as dec-2023, or a file).", valueName: "NAME|FILE"))
    var scenario: String?

    @Option(name: .customLong("close"), help: ArgumentHelp("Close crossings by id, any case (repeatable, or a comma list).", valueName: "ID"))
    var closeCrossings: [String] = []

    @Option(name: .customLong("close-port"), help: ArgumentHelp("Close every facility of a CBP port (repeatable, or a comma list).", valueName: "CODE"))
    var closePorts: [String] = []

    @Option(name: .customLong("close-sector"), help: ArgumentHelp("Close every crossing in a sector, by id in any case (repeatable, or a comma list).", valueName: "ID"))
    var closeSectors: [String] = []

    @Option(name: .customLong("close-mode"), help: ArgumentHelp("Close one mode at a crossing or port, as MODE:ID or MODE:CODE (repeatable, or a comma list), e.g. rail:2303.", valueName: "MODE:ID"))
    var closeModes: [String] = []

    @Option(name: .customLong("close-polygon"), help: ArgumentHelp("Close every crossing inside the polygons of a GeoJSON file (repeatable).", valueName: "FILE"))
    var closePolygons: [String] = []

    func validate() throws {
        for entry in Closures.items(closeModes) where Closures.modeEntry(entry) == nil {
            throw ValidationError("--close-mode \(Closures.modeEntryProblem(entry))")
        }
    }

    /// Whether no scenario and no closure was given.
    var isEmpty: Bool {
        scenario == nil && closeCrossings.isEmpty && closePorts.isEmpty && closeSectors.isEmpty && closeModes.isEmpty && closePolygons.isEmpty
    }

    /// The scenario, if one was named, checked against the dataset.
    func loadScenario(dataset: Dataset) throws -> Scenario? {
        try scenario.map { try Scenario.find($0, dataset: dataset) }
    }

    /// The dataset's id that a typed id stands for (see `Closures.datasetID(_:among:)`).
    static func datasetID(_ typed: String, among ids: [String]) -> String {
        Closures.datasetID(typed, among: ids)
    }

    /// The closures typed on the command line, ids matched in any case, polygon files read.
    func typedClosures(dataset: Dataset) throws -> Closures {
        var closures = Closures()
        let typed: [([String], Closures.TypedKind)] = [(closeCrossings, .crossing), (closePorts, .port), (closeSectors, .sector),
                                                       (closeModes, .modeAtCrossingOrPort)]
        for (values, kind) in typed {
            for entry in Closures.items(values) { try closures.close(typed: entry, as: kind, in: dataset) }
        }
        for path in closePolygons { try closures.close(polygonsIn: URL(fileURLWithPath: path)) }
        return closures
    }
}
