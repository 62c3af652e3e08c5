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
        for entry in Self.items(closeModes) {
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

    /// The entries of a repeatable option, each of which may be a comma list: `--close a,b --close c`.
    static func items(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The dataset's id that a typed id stands for: the same id, or the one id equal to it in another case
    /// (`Pharr` for `pharr`); the typed id as it is when none matches, for the closure's own error.
    static func datasetID(_ typed: String, among ids: [String]) -> String {
        if ids.contains(typed) { return typed }
        let matches = ids.filter { $0.lowercased() == typed.lowercased() }
        return matches.count == 1 ? matches[0] : typed
    }

    /// The closures typed on the command line, ids matched in any case, polygon files read.
    func typedClosures(dataset: Dataset) throws -> Closures {
        var closures = Closures()
        let crossingIDs = dataset.crossings.map(\.id)
        for id in Self.items(closeCrossings) { try closures.close(crossing: Self.datasetID(id, among: crossingIDs)) }
        for code in Self.items(closePorts) { try closures.close(port: code) }
        for id in Self.items(closeSectors) { try closures.close(sector: Self.datasetID(id, among: dataset.sectors.map(\.id))) }
        for entry in Self.items(closeModes) {
            let parts = entry.split(separator: ":", maxSplits: 1).map(String.init)
            guard let mode = Mode(rawValue: parts[0]) else { continue }
            if parts[1].count == 4, parts[1].allSatisfy(\.isNumber) {
                try closures.close(mode: mode, atPort: parts[1])
            } else {
                try closures.close(mode: mode, atCrossing: Self.datasetID(parts[1], among: crossingIDs))
            }
        }
        for path in closePolygons { try closures.close(polygonsIn: URL(fileURLWithPath: path)) }
        return closures
    }
}
