import BorderFlow
import BorderFlowSpatial

/// A diversion as map layers: crossings, streams along their roads, sectors and the boundary.
///
/// Volumes are daily, in each mode's units (persons, vehicles, buses, trucks, railcars); `crossings_*`
/// fields add the units of every mode, each counted once (a car, a pedestrian and a railcar each count one).
public struct DiversionLayers: Sendable {
    /// Points: each crossing's status, and per mode its baseline, scenario and change, with waits.
    public let crossings: GeoJSONLayer
    /// Lines: each origin–crossing–destination stream along its roads, with its volumes.
    public let flows: GeoJSONLayer
    /// MultiPolygons: each sector's totals over its crossings.
    public let sectors: GeoJSONLayer
    /// The boundary line.
    public let boundary: GeoJSONLayer
    /// The streams drawn in `flows`, with their geometry in WGS 84 longitude/latitude.
    public let streams: [(stream: FlowStream, line: [Coordinate])]

    /// The four layers in the order they are written.
    public var all: [GeoJSONLayer] { [crossings, flows, sectors, boundary] }

    /// Streams carrying fewer daily trips than this in both baseline and scenario are left out by default:
    /// the bundled December 2023 run has tens of thousands of streams, most of them a fraction of a trip.
    public static let defaultMinimumVolume = 1.0

    /// The layers of a diversion, with each stream's line traced along its roads.
    ///
    /// - Parameters:
    ///   - diversion: the diversion to draw.
    ///   - network: the network it was assigned on, for the roads the streams follow.
    ///   - minimumVolume: the smallest stream to include, in daily trips (0 includes every one).
    ///   - uncertainty: bands of the changes over draws of the behaviour (`divert --uncertainty`), which the
    ///     crossings layer carries as `{mode}_change_p10`, `_median` and `_p90`; none when nil.
    ///   - largestChanges: keep only this many streams, those whose daily change is largest in size (in the
    ///     streams' order among equals), for a map that draws no more; nil keeps every one. Tracing each
    ///     stream along its roads and writing it is most of a diversion's GeoJSON, so a page asks for few.
    public init(diversion: Diversion, network: BorderNetwork, minimumVolume: Double = defaultMinimumVolume,
                uncertainty: DiversionUncertainty? = nil, largestChanges: Int? = nil) {
        let dataset = network.dataset
        crossings = Self.crossingLayer(diversion, dataset, uncertainty)
        var kept = diversion.streams(in: dataset).filter { max($0.baseline, $0.scenario) >= minimumVolume && max($0.baseline, $0.scenario) > 0 }
        if let largestChanges, largestChanges < kept.count {
            let order = kept.indices.sorted { a, b in
                let sizeA = abs(kept[a].scenario - kept[a].baseline), sizeB = abs(kept[b].scenario - kept[b].baseline)
                return sizeA != sizeB ? sizeA > sizeB : a < b
            }
            kept = order.prefix(max(0, largestChanges)).sorted().map { kept[$0] }
        }
        let lines = network.geometry(of: kept.map { ($0.origin, $0.crossing, $0.destination, $0.mode) })
        streams = zip(kept, lines).filter { !$0.1.isEmpty }.map { ($0, $1) }
        flows = Self.flowLayer(streams, dataset)
        sectors = Self.sectorLayer(diversion, dataset)
        boundary = DatasetLayers.boundaryLayer(dataset)
    }

    /// Baseline, scenario and change per mode, and the all-mode totals, as properties.
    static func volumeProperties(baseline: PerMode<Double>, scenario: PerMode<Double>) -> [(String, JSONValue)] {
        let total = (baseline.values.reduce(0, +), scenario.values.reduce(0, +))
        var properties: [(String, JSONValue)] = [
            ("crossings_baseline", PropertyValue.volume(total.0)), ("crossings_scenario", PropertyValue.volume(total.1)),
            ("crossings_change", PropertyValue.volume(total.1 - total.0)),
            ("crossings_percent_change", PropertyValue.percent(Diversion.percentChange(from: total.0, to: total.1))),
        ]
        for mode in Mode.allCases {
            let before = baseline[mode] ?? 0, after = scenario[mode] ?? 0
            properties += [("\(mode.rawValue)_baseline", PropertyValue.volume(before)), ("\(mode.rawValue)_scenario", PropertyValue.volume(after)),
                           ("\(mode.rawValue)_change", PropertyValue.volume(after - before))]
        }
        return properties
    }

    static func percentChange(baseline: PerMode<Double>, scenario: PerMode<Double>) -> Double? {
        Diversion.percentChange(from: baseline.values.reduce(0, +), to: scenario.values.reduce(0, +))
    }

    private static func crossingLayer(_ diversion: Diversion, _ dataset: Dataset, _ uncertainty: DiversionUncertainty?) -> GeoJSONLayer {
        var bands: [String: DiversionUncertainty.Band] = [:]
        if let uncertainty {
            for (change, band) in zip(diversion.crossings, uncertainty.changes) { bands["\(change.crossing.rawValue) \(change.mode.rawValue)"] = band }
        }
        let features = dataset.crossings.typedIndices.map { index -> GeoJSONOutputFeature in
            let crossing = dataset.crossings[index]
            let changes = diversion.changes(ofCrossing: index)
            let baseline = changes.mapValues(\.baseline), scenario = changes.mapValues(\.scenario)
            let status = diversion.status(ofCrossing: index, in: dataset)
            let percent = percentChange(baseline: baseline, scenario: scenario)
            var properties: [(String, JSONValue)] = [
                ("id", .string(crossing.id)), ("name", .string(crossing.name)), ("port", .string(crossing.port)),
                ("port_code", .string(crossing.portCode)), ("sector", crossing.sector.map(JSONValue.string) ?? .null),
                ("status", .string(status.rawValue)),
            ]
            properties += volumeProperties(baseline: baseline, scenario: scenario)
            for mode in Mode.allCases {
                let change = changes[mode]
                properties.append(("\(mode.rawValue)_wait_baseline", change.map { PropertyValue.minutes($0.waitMinutesBaseline) } ?? .null))
                properties.append(("\(mode.rawValue)_wait_scenario", change.flatMap { $0.closed ? nil : PropertyValue.minutes($0.waitMinutesScenario) } ?? .null))
                if uncertainty != nil {
                    // The change's 10–90 % band over the behaviour draws (`divert --uncertainty`).
                    let band = bands["\(index.rawValue) \(mode.rawValue)"]
                    properties.append(("\(mode.rawValue)_change_p10", band.map { .number($0.low, decimals: 1) } ?? .null))
                    properties.append(("\(mode.rawValue)_change_median", band.map { .number($0.median, decimals: 1) } ?? .null))
                    properties.append(("\(mode.rawValue)_change_p90", band.map { .number($0.high, decimals: 1) } ?? .null))
                }
            }
            let color: String
            switch status {
            case .closed: color = SimpleStyle.closed
            case .outOfService: color = SimpleStyle.outOfService
            case .open, .partial: color = SimpleStyle.changeColor(percent: percent)
            }
            properties += [
                ("title", .string("\(crossing.name) (\(status.rawValue))")),
                ("marker-color", .string(color)),
                ("marker-size", .string(SimpleStyle.markerSize(dailyCrossings: max(baseline.values.reduce(0, +), scenario.values.reduce(0, +))))),
            ]
            return GeoJSONOutputFeature(id: crossing.id, geometry: .point(Position(crossing.coordinate)), properties: JSONObject(properties))
        }
        return GeoJSONLayer(name: "crossings", features: features)
    }

    private static func flowLayer(_ streams: [(stream: FlowStream, line: [Coordinate])], _ dataset: Dataset) -> GeoJSONLayer {
        let largest = streams.map { max($0.stream.baseline, $0.stream.scenario) }.max() ?? 0
        let features = streams.map { stream, line -> GeoJSONOutputFeature in
            let origin = dataset.places[stream.origin], destination = dataset.places[stream.destination]
            let crossing = dataset.crossings[stream.crossing]
            let properties: [(String, JSONValue)] = [
                ("origin", .string(origin.id)), ("origin_name", .string(origin.name)),
                ("crossing", .string(crossing.id)), ("crossing_name", .string(crossing.name)),
                ("destination", .string(destination.id)), ("destination_name", .string(destination.name)),
                ("mode", .string(stream.mode.rawValue)), ("unit", .string(stream.mode.unit)),
                ("baseline", PropertyValue.volume(stream.baseline)), ("scenario", PropertyValue.volume(stream.scenario)),
                ("change", PropertyValue.volume(stream.change)),
                ("title", .string("\(origin.name) → \(crossing.name) → \(destination.name), \(stream.mode.displayName)")),
                ("stroke", .string(SimpleStyle.streamColor(change: stream.change, baseline: stream.baseline))),
                ("stroke-width", .number(SimpleStyle.strokeWidth(volume: max(stream.baseline, stream.scenario), largest: largest))),
                ("stroke-opacity", .number(0.8)),
            ]
            return GeoJSONOutputFeature(id: "\(origin.id)>\(crossing.id)>\(destination.id):\(stream.mode.rawValue)",
                                        geometry: .lineString(line.map(Position.init)), properties: JSONObject(properties))
        }
        return GeoJSONLayer(name: "flows", features: features)
    }

    private static func sectorLayer(_ diversion: Diversion, _ dataset: Dataset) -> GeoJSONLayer {
        let features = dataset.sectors.map { sector -> GeoJSONOutputFeature in
            let (baseline, scenario) = diversion.totals(ofSector: sector.id)
            let percent = percentChange(baseline: baseline, scenario: scenario)
            var properties: [(String, JSONValue)] = [("id", .string(sector.id)), ("name", .string(sector.name))]
            properties += volumeProperties(baseline: baseline, scenario: scenario)
            properties += [
                ("title", .string("\(sector.name) Sector")),
                ("stroke", .string("#555555")), ("stroke-width", .number(1)),
                ("fill", .string(SimpleStyle.changeColor(percent: percent))), ("fill-opacity", .number(0.45)),
            ]
            return GeoJSONOutputFeature(id: sector.id, geometry: DatasetLayers.multiPolygon(sector.geometry), properties: JSONObject(properties))
        }
        return GeoJSONLayer(name: "sectors", features: features)
    }
}

extension Diversion {
    /// The diversion as map layers: crossings, flows, sectors and the boundary.
    ///
    /// - Parameter minimumVolume: the smallest stream to include, in daily trips (0 includes every one).
    /// - Returns: the crossings, flows, sectors and boundary layers.
    public func layers(minimumVolume: Double = DiversionLayers.defaultMinimumVolume) -> DiversionLayers {
        DiversionLayers(diversion: self, network: network, minimumVolume: minimumVolume)
    }

    /// The diversion as one RFC 7946 FeatureCollection holding every layer, each feature tagged with its
    /// layer's name in the property `layer` (as `borderflow divert --geojson FILE.geojson` writes it).
    ///
    /// - Parameter minimumVolume: the smallest stream to include, in daily trips (0 includes every one).
    /// - Returns: the GeoJSON text.
    /// - Throws: `JSONWriteError` if a value is NaN or infinite.
    public func geoJSON(minimumVolume: Double = DiversionLayers.defaultMinimumVolume) throws -> String {
        try GeoJSONLayerFiles.combinedText(of: layers(minimumVolume: minimumVolume).all, name: "diversion", encoding: .featureCollection)
    }
}
