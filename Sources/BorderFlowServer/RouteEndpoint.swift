import BorderFlow
import BorderFlowOutput
import BorderFlowSpatial

/// `GET /api/route`: the `route --format json` answer with its map layers, for the query's places, mode,
/// scenario and closures, moment and alternatives.
struct RouteEndpoint {
    let served: ServedDataset

    static let parameters = ["from", "to", "mode", "scenario", "close", "closePort", "closeSector", "closeMode", "at", "alternatives"]

    /// The parameters that close what they name, as `route --close`, `--close-port`, `--close-sector` and
    /// `--close-mode` do.
    static let closureParameters: [(name: String, kind: Closures.TypedKind)] = [
        ("close", .crossing), ("closePort", .port), ("closeSector", .sector), ("closeMode", .modeAtCrossingOrPort),
    ]

    /// The most alternatives listed, as `route --alternatives` allows.
    static let largestAlternatives = 100

    /// The answer's JSON text: the report's members, then `geojson`, a FeatureCollection of the route's layers.
    ///
    /// - Parameter query: the request's query.
    /// - Returns: the JSON text.
    /// - Throws: `APIError` naming the parameter at fault.
    func answer(_ query: QueryParameters) throws -> String {
        try query.check(known: Self.parameters)
        let network = served.network
        guard let from = query["from"] else { throw APIError.parameter("from", "from is required: where the trip starts (place id or name)") }
        guard let to = query["to"] else { throw APIError.parameter("to", "to is required: where the trip ends (place id or name)") }
        // Resolved here, so that a fault names its parameter and the search is given ids.
        let origin: String, destination: String
        do { origin = try served.placeNames.placeID(named: from) } catch { throw APIError.parameter("from", "\(error)") }
        do { destination = try served.placeNames.placeID(named: to) } catch { throw APIError.parameter("to", "\(error)") }
        var mode = Mode.pov
        if let text = query["mode"] {
            guard let typed = Mode(rawValue: text) else {
                throw APIError.parameter("mode", "'\(text)' is not a mode; choose from \(Mode.validNames)")
            }
            mode = typed
        }
        let scenario = try query["scenario"].map { try served.bundledScenario($0, at: .parameter("scenario")) }
        var typed = Closures()
        for (name, kind) in Self.closureParameters {
            typed.add(contentsOf: try Self.closures(query.all(name), kind: kind, parameter: name, on: network))
        }
        let given = try query["at"].map { try ServerMoment.moment($0, parameter: .parameter("at")) }
        let moment: Moment?
        do {
            moment = try Scenario.moment(given: given, scenario: scenario)
        } catch {
            throw APIError.parameter("at", error.message(advice: "give at as YYYY-MM-DD"))
        }
        // The scenario's closures then, then those typed: as `route --scenario` combines them.
        let closures = Scenario.closures(of: scenario, at: moment, in: network.dataset, adding: typed)
        let alternatives = try query.integer("alternatives", in: 0...Self.largestAlternatives, default: 0, counting: "alternatives")
        let comparison = try network.compareRoutes(from: origin, to: destination, mode: mode, closures: closures, at: moment,
                                                   alternatives: alternatives)
        let report = try JSONTextWriter().text(of: RouteReport(comparison: comparison, crossingNames: served.crossingNames).json())
        let layers = try GeoJSONLayerFiles.combinedText(of: comparison.layers(on: network), name: "route", encoding: .featureCollection)
        return JSONMembers.appending([("geojson", layers)], to: report)
    }

    /// What one closure parameter closes, each entry checked against the dataset on its own so that an
    /// error names the parameter.
    ///
    /// - Parameters:
    ///   - values: the parameter's values, each a comma list.
    ///   - kind: what its entries name.
    ///   - parameter: the parameter's name, for errors.
    ///   - network: the network whose crossings, ports and sectors they name.
    /// - Returns: the closures.
    /// - Throws: `APIError` for an entry the network cannot apply, with the closest ids for an unknown crossing
    ///   and the known ones for an unknown port or sector, as `route` says.
    static func closures(_ values: [String], kind: Closures.TypedKind, parameter: String, on network: BorderNetwork) throws -> Closures {
        var closures = Closures()
        for entry in Closures.items(values) {
            do {
                var one = Closures()
                try one.close(typed: entry, as: kind, in: network.dataset)
                try network.check(one)
                closures.add(contentsOf: one)
            } catch {
                throw APIError.parameter(parameter, "\(error)")
            }
        }
        return closures
    }
}
