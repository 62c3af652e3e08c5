import ArgumentParser
import BorderFlow
import Foundation

/// The closure options `route` and `divert` share: a scenario and closures typed on the command line.
struct ClosureOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Apply a scenario's closures (a bundled name such as dec-2023, or a file).", valueName: "NAME|FILE"))
    var scenario: String?

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

    func validate() throws {
        for entry in closeModes {
            let parts = entry.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, Mode(rawValue: parts[0]) != nil else {
                throw ValidationError("--close-mode '\(entry)' must be MODE:ID with MODE one of \(Mode.validNames), e.g. rail:eagle-pass-rail or rail:2303")
            }
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

    /// The closures typed on the command line, polygon files read.
    func typedClosures() throws -> Closures {
        var closures = Closures()
        for id in closeCrossings { try closures.close(crossing: id) }
        for code in closePorts { try closures.close(port: code) }
        for id in closeSectors { try closures.close(sector: id) }
        for entry in closeModes {
            let parts = entry.split(separator: ":", maxSplits: 1).map(String.init)
            guard let mode = Mode(rawValue: parts[0]) else { continue }
            if parts[1].count == 4, parts[1].allSatisfy(\.isNumber) {
                try closures.close(mode: mode, atPort: parts[1])
            } else {
                try closures.close(mode: mode, atCrossing: parts[1])
            }
        }
        for path in closePolygons { try closures.close(polygonsIn: URL(fileURLWithPath: path)) }
        return closures
    }
}
