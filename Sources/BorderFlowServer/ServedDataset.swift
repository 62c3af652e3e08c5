import BorderFlow
import BorderFlowOutput
import BorderFlowSpatial
import Foundation
import Logging

/// Everything the server answers from, loaded and prepared once at startup and never changed: the dataset,
/// its network, the answers that depend on nothing in a request (as text, ready to send), the baseline for
/// diversions and the pools that requests borrow from.
///
/// Made once with ``prepare(configuration:logger:)``; tests share one between many applications.
///
/// Immutable, so any number of requests read it at once. The network is `Sendable` and each route search
/// makes its own buffers; what is not thread-safe (`BorderRegion`) is lent out by `RegionPool`, one request
/// at a time per instance.
public final class ServedDataset: Sendable {
    /// How the server was asked to run.
    let configuration: ServerConfiguration
    /// The dataset folder's name, which the ready line and `/api/health` show.
    let name: String
    let network: BorderNetwork
    var dataset: Dataset { network.dataset }
    /// Crossing names by id, for route reports.
    let crossingNames: [String: String]
    /// The bundled scenarios, checked against the dataset, by id.
    let scenarios: [Scenario]

    /// Answers that depend on nothing in the request, as the bytes sent.
    let health: String
    let config: String
    /// `/api/crossings`, `/api/sectors`, `/api/places` and `/api/network`, by layer name.
    let layers: [String: String]
    /// `scenarios --format json`, or why it cannot be given.
    let scenariosReport: Result<String, APIError>
    /// The dataset's basemap file, if it has one.
    let basemap: Data?

    /// The diversion models, one per assignment model and month.
    let diversions: DiversionModels
    /// `BorderRegion`s for `locate`, lent one per request.
    let regions: RegionPool
    /// Place names already resolved.
    let placeNames: PlaceLookup
    /// Route answers already given, by query: a few kilobytes each.
    let routeAnswers = AnswerCache(capacityBytes: 64 << 20)
    /// Diversion answers already given, by request body: megabytes each (every stream's line), so a few.
    let divertAnswers = AnswerCache(capacityBytes: 64 << 20)
    /// Diversions computed at once: one per core.
    let diversionTurns = WorkLimit(limit: ProcessInfo.processInfo.activeProcessorCount)

    /// Loads the dataset and prepares everything answered from memory.
    ///
    /// - Parameters:
    ///   - configuration: the dataset folder and the tile URL.
    ///   - logger: where warnings go (a dataset without a fitted demand serves everything but diversions).
    /// - Throws: what loading the dataset or building its network throws.
    init(configuration: ServerConfiguration, logger: Logger) throws {
        self.configuration = configuration
        let directory = configuration.dataDirectory
        name = directory.standardizedFileURL.lastPathComponent
        let dataset = try Dataset.load(from: directory, workingCRS: WorkingCRS.borderStrip)
        network = try BorderNetwork(dataset: dataset, workingCRS: WorkingCRS.borderStrip)
        crossingNames = Dictionary(uniqueKeysWithValues: dataset.crossings.map { ($0.id, $0.name) })

        let writer = JSONTextWriter()
        health = try writer.text(of: .object(JSONObject([
            ("status", .string("ok")), ("dataset", .string(name)),
            ("crossings", .number(Double(dataset.crossings.count))), ("places", .number(Double(dataset.places.count))),
        ])))
        config = try writer.text(of: .object(JSONObject([
            ("tiles", configuration.tilesURL.map(JSONValue.string) ?? .null),
            ("version", .string(BorderFlowVersion.current)),
        ])))

        // As `export --layers X --out X.geojson` and `export --out network.geojson` write them.
        var layers: [String: String] = [:]
        for name in [DatasetLayers.Name.crossings, .sectors, .places] {
            layers[name.rawValue] = try GeoJSONLayerFiles.combinedText(of: DatasetLayers.layers([name], of: dataset),
                                                                      name: name.rawValue, encoding: .featureCollection)
        }
        layers["network"] = try GeoJSONLayerFiles.combinedText(of: DatasetLayers.layers(DatasetLayers.Name.allCases, of: dataset),
                                                              name: "network", encoding: .featureCollection)
        self.layers = layers

        var scenarios: [Scenario] = []
        do {
            scenarios = try Scenario.bundledNames().map { try Scenario.find($0, dataset: dataset) }
            scenariosReport = .success(try writer.text(of: ScenariosReport(scenarios: scenarios).json()))
        } catch {
            logger.warning("the bundled scenarios do not apply to this dataset: \(error)")
            scenariosReport = .failure(APIError(status: .internalServerError, message: "\(error)", place: nil))
        }
        self.scenarios = scenarios

        let basemapFile = directory.appendingPathComponent(DatasetFiles.basemap)
        basemap = FileManager.default.fileExists(atPath: basemapFile.path) ? try Data(contentsOf: basemapFile) : nil

        diversions = DiversionModels(network: network, logger: logger)
        regions = RegionPool(dataset: dataset, workingCRS: WorkingCRS.borderStrip)
        placeNames = PlaceLookup(dataset: dataset)
    }

    /// Loads the dataset, prepares the network and builds the default diversion model.
    ///
    /// - Parameters:
    ///   - configuration: the dataset folder and the tile URL.
    ///   - logger: where warnings go.
    /// - Returns: the prepared dataset.
    /// - Throws: what loading the dataset or building its network throws.
    public static func prepare(configuration: ServerConfiguration, logger: Logger) async throws -> ServedDataset {
        let served = try await BackgroundWork.run { try ServedDataset(configuration: configuration, logger: logger) }
        if case .success = served.diversions.baseline { try await served.diversions.prepareDefault() }
        return served
    }
}

extension ServedDataset {
    /// A bundled scenario by id in any case: never a path, since a request reads no file it names.
    ///
    /// - Parameters:
    ///   - id: the id asked for.
    ///   - place: the parameter or field that names it, for the error.
    /// - Returns: the scenario, checked against the dataset.
    /// - Throws: `APIError` listing the known ids when none has this one.
    func bundledScenario(_ id: String, at place: APIError.Place) throws -> Scenario {
        if let scenario = scenarios.first(where: { $0.id.lowercased() == id.lowercased() }) { return scenario }
        throw APIError(status: .badRequest,
                       message: "no bundled scenario has the id \"\(id)\"; known scenarios: \(scenarios.map(\.id).joined(separator: ", "))",
                       place: place)
    }
}
