import BorderFlow
import BorderFlowOutput
import BorderFlowSpatial
import Foundation

/// `POST /api/divert`: the `divert --format json` report for a scenario and closures, with the layers
/// `divert --geojson DIR` writes.
struct DivertEndpoint {
    let served: ServedDataset

    /// The answer's JSON text: `{"report": ..., "layers": {"crossings": ..., "flows": ..., "sectors": ...}}`.
    ///
    /// - Parameter request: the request, read from its body.
    /// - Returns: the JSON text.
    /// - Throws: `APIError` naming the field at fault.
    func answer(_ request: DivertRequest) async throws -> String {
        let network = served.network, dataset = served.dataset
        let scenario = try scenario(request.scenario)
        var typed = Closures()
        try add(request.close, field: "close", kind: .crossing, to: &typed)
        try add(request.closePorts, field: "closePorts", kind: .port, to: &typed)
        try add(request.closeSectors, field: "closeSectors", kind: .sector, to: &typed)
        try add(request.closeModes, field: "closeModes", kind: .modeAtCrossingOrPort, to: &typed)
        let moment = try moment(typed: request.on, scenario: scenario)
        let closures = Scenario.closures(of: scenario, at: moment, in: dataset, adding: typed)
        let season = try network.season(at: moment)
        let model = try await served.diversions.model(request.model, season: season)
        let rows = try served.diversions.baseline.get().behaviourRows
        let title = DiversionTitle.title(scenario: scenario, moment: moment, typed: typed)
        return try await served.diversionTurns.run { try await BackgroundWork.run {
            let diversion = try model.divert(scenario: scenario, closures: closures, at: moment)
            let bands = request.uncertainty > 0
                ? try model.uncertainty(scenario: scenario, rows: rows, draws: request.uncertainty, seed: request.seed,
                                        closures: closures, at: moment)
                : nil
            let report = DiversionReport(diversion: diversion, dataset: dataset, title: title, uncertainty: bands)
            let layers = DiversionLayers(diversion: diversion, network: network, minimumVolume: request.minVolume, uncertainty: bands,
                                         largestChanges: request.maxStreams)
            return JSONMembers.object([
                ("report", try JSONTextWriter().text(of: report.json())),
                ("layers", JSONMembers.object(try [layers.crossings, layers.flows, layers.sectors].map {
                    ($0.name, try GeoJSONLayerFiles.text(of: $0))
                })),
            ])
        } }
    }

    /// The scenario asked for: a bundled one by id (never a path: a request reads no file it names), or a
    /// document read as a scenario file is, and checked against the dataset.
    private func scenario(_ source: DivertRequest.ScenarioSource?) throws -> Scenario? {
        switch source {
        case nil:
            return nil
        case let .bundled(id):
            return try served.bundledScenario(id, at: .field("scenario"))
        case let .document(document):
            do {
                let text = try JSONTextWriter().text(of: .object(document))
                return try Scenario.read(text, name: document["id"]?.stringValue ?? "scenario", dataset: served.dataset)
            } catch let error as ScenarioError {
                throw APIError.field(error.field.map { "scenario.\($0)" } ?? "scenario", error.message)
            } catch let error as InputFileError {
                throw APIError.field("scenario", error.message)
            }
        }
    }

    /// Adds each entry of a list member, checked against the dataset on its own so that an error names it.
    private func add(_ entries: [String], field: String, kind: Closures.TypedKind, to closures: inout Closures) throws {
        for (index, entry) in entries.enumerated() {
            do {
                var one = Closures()
                try one.close(typed: entry.trimmingCharacters(in: .whitespaces), as: kind, in: served.dataset)
                try served.network.check(one)
                closures.add(contentsOf: one)
            } catch {
                throw APIError.field("\(field)[\(index)]", "\(error)")
            }
        }
    }

    /// The day looked at: the one given, else the scenario's date, as `divert --on` decides it.
    private func moment(typed text: String?, scenario: Scenario?) throws -> Moment? {
        let given = try text.map { try ServerMoment.moment($0, parameter: .field("on")) }
        do {
            return try Scenario.moment(given: given, scenario: scenario)
        } catch {
            throw APIError.field("on", error.message(advice: "give on as YYYY-MM-DD"))
        }
    }
}
