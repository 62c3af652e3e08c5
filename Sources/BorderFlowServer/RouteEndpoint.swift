import BorderFlow
import BorderFlowOutput
import BorderFlowSpatial

/// `GET /api/route`: the `route --format json` answer with its map layers, for the query's places, mode,
/// closures, moment and alternatives.
struct RouteEndpoint {
    let served: ServedDataset

    static let parameters = ["from", "to", "mode", "close", "at", "alternatives"]

    /// The most alternatives listed, as `route --alternatives` allows.
    static let largestAlternatives = 100

    /// The answer's JSON text: the report's members, then `geojson`, a FeatureCollection of the route's layers.
    ///
    /// - Parameter query: the request's query.
    /// - Returns: the JSON text.
    /// - Throws: `APIError` naming the parameter at fault.
    func answer(_ query: QueryParameters) throws -> String {
        try query.check(known: Self.parameters)
        let dataset = served.dataset, network = served.network
        guard let from = query["from"] else { throw APIError.parameter("from", "from is required: where the trip starts (place id or name)") }
        guard let to = query["to"] else { throw APIError.parameter("to", "to is required: where the trip ends (place id or name)") }
        // Looked up here as well as in the search so that a fault names its parameter.
        do { _ = try dataset.place(named: from) } catch { throw APIError.parameter("from", "\(error)") }
        do { _ = try dataset.place(named: to) } catch { throw APIError.parameter("to", "\(error)") }
        var mode = Mode.pov
        if let text = query["mode"] {
            guard let typed = Mode(rawValue: text) else {
                throw APIError.parameter("mode", "'\(text)' is not a mode; choose from \(Mode.validNames)")
            }
            mode = typed
        }
        let closures = try Self.closures(query.all("close"), parameter: "close", on: network)
        let moment = try query["at"].map { try ServerMoment.moment($0, parameter: .parameter("at")) }
        let alternatives = try query.integer("alternatives", in: 0...Self.largestAlternatives, default: 0, counting: "alternatives")
        let comparison = try network.compareRoutes(from: from, to: to, mode: mode, closures: closures, at: moment,
                                                   alternatives: alternatives)
        let report = try JSONTextWriter().text(of: RouteReport(comparison: comparison, crossingNames: served.crossingNames).json())
        let layers = try GeoJSONLayerFiles.combinedText(of: comparison.layers(on: network), name: "route", encoding: .featureCollection)
        return JSONMembers.appending([("geojson", layers)], to: report)
    }

    /// Crossings closed by id in any case, each checked against the dataset.
    ///
    /// - Parameters:
    ///   - values: the parameter's values, each a comma list.
    ///   - parameter: the parameter's name, for errors.
    ///   - network: the network whose crossings they name.
    /// - Returns: the closures.
    /// - Throws: `APIError` with the closest ids for an unknown crossing.
    static func closures(_ values: [String], parameter: String, on network: BorderNetwork) throws -> Closures {
        var closures = Closures()
        for id in Closures.items(values) {
            do {
                var one = Closures()
                try one.close(typedCrossing: id, in: network.dataset)
                try network.check(one)
                closures.add(contentsOf: one)
            } catch {
                throw APIError.parameter(parameter, "\(error)")
            }
        }
        return closures
    }
}
