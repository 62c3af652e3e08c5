import BorderFlowSpatial
import Foundation

/// What maps draw under the data: land, lakes, coastlines and state and province lines of the border region.
///
/// For drawing only, never for analysis: `borderflow build-basemap` makes it from Natural Earth, clipped to
/// the map's extent and simplified for it.
public struct Basemap: Sendable, Equatable {
    /// The four layers, one feature each in `basemap.geojson`.
    public enum Layer: String, Sendable, CaseIterable {
        /// Land (MultiPolygon).
        case land
        /// Lakes and reservoirs (MultiPolygon).
        case lakes
        /// The sea coast (MultiLineString).
        case coast
        /// Lines between states and provinces on both sides of the border (MultiLineString).
        case stateLines = "state-lines"

        /// Whether the layer holds areas (land, lakes) rather than lines.
        public var isArea: Bool { self == .land || self == .lakes }
    }

    /// Each layer's geometry in WGS 84: polygons for areas, lines for the others.
    public var layers: [Layer: GeoJSONGeometry]

    /// A basemap of the given layers.
    ///
    /// - Parameter layers: each layer's geometry; a layer left out is not drawn.
    public init(layers: [Layer: GeoJSONGeometry]) {
        self.layers = layers
    }

    /// Reads `basemap.geojson`: one feature per layer, its id the layer's name.
    ///
    /// - Parameter url: the file.
    /// - Returns: the layers the file holds.
    /// - Throws: `InputFileError` when the file cannot be read or is not JSON; `GeoJSONError` naming the
    ///   feature for an unknown layer id, or an area layer without polygons or a line layer without lines.
    public static func read(contentsOf url: URL) throws -> Basemap {
        let collection = try GeoJSONReader.read(contentsOf: url)
        var layers: [Layer: GeoJSONGeometry] = [:]
        for feature in collection.features {
            guard let id = feature.id, let layer = Layer(rawValue: id) else {
                throw feature.error(field: "id", "expected one of \(Layer.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard let geometry = feature.geometry, layer.isArea ? !geometry.polygons.isEmpty : !geometry.lines.isEmpty else {
                throw feature.error(field: "geometry", layer.isArea ? "expected a Polygon or MultiPolygon" : "expected a LineString or MultiLineString")
            }
            layers[layer] = geometry
        }
        return Basemap(layers: layers)
    }
}
