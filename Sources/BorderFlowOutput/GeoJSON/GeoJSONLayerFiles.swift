import BorderFlow
import BorderFlowSpatial
import Foundation

/// Writes layers to one file or to a folder with a file per layer.
///
/// A path ending in `.geojson`, `.json` or `.geojsons` is one file: every layer's features in it, each with
/// its layer's name as the first property, `layer`. Any other path is a folder (made if needed) holding
/// `<layer>.geojson` per layer (`.geojsons` for text sequences). Nothing is written until every layer has been
/// turned into text, and the files are then written as one unit (`AtomicFile.write(_:)`), so a failure never
/// leaves half a result.
public enum GeoJSONLayerFiles {
    /// The extensions that make a path one file rather than a folder.
    public static let fileExtensions: Set<String> = ["geojson", "json", "geojsons"]

    /// Whether a path names one file rather than a folder.
    ///
    /// - Parameter url: the output path.
    /// - Returns: true for a path ending in one of `fileExtensions` that is not an existing folder.
    public static func isSingleFile(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue { return false }
        return fileExtensions.contains(url.pathExtension.lowercased())
    }

    /// The files and texts that `write` would write.
    ///
    /// - Parameters:
    ///   - layers: the layers.
    ///   - url: one file, or a folder for a file per layer (see `isSingleFile(_:)`).
    ///   - encoding: FeatureCollection or text sequence.
    /// - Returns: each file's location and its whole text.
    /// - Throws: `JSONWriteError` for a NaN or infinite value.
    public static func texts(of layers: [GeoJSONLayer], at url: URL, encoding: GeoJSONEncoding) throws -> [(url: URL, text: String)] {
        if isSingleFile(url) {
            return [(url, try combinedText(of: layers, name: url.deletingPathExtension().lastPathComponent, encoding: encoding))]
        }
        return try layers.map { layer in
            (url.appendingPathComponent("\(layer.name).\(encoding.fileExtension)"), try text(of: layer, encoding: encoding))
        }
    }

    /// One layer's text, as its own file in a folder holds it: its features untagged, a FeatureCollection
    /// named after the layer.
    ///
    /// - Parameters:
    ///   - layer: the layer.
    ///   - encoding: FeatureCollection or text sequence.
    /// - Returns: the GeoJSON text.
    /// - Throws: `JSONWriteError` for a NaN or infinite value.
    public static func text(of layer: GeoJSONLayer, encoding: GeoJSONEncoding = .featureCollection) throws -> String {
        try text(of: layer.features, name: layer.name, encoding: encoding)
    }

    /// Every layer's features in one text, each tagged with its layer's name as the first property, `layer`.
    ///
    /// - Parameters:
    ///   - layers: the layers, written one after another.
    ///   - name: the FeatureCollection's name.
    ///   - encoding: FeatureCollection or text sequence.
    /// - Returns: the GeoJSON text.
    /// - Throws: `JSONWriteError` for a NaN or infinite value.
    public static func combinedText(of layers: [GeoJSONLayer], name: String, encoding: GeoJSONEncoding) throws -> String {
        let features = layers.flatMap { layer in
            layer.features.map { feature in
                var tagged = feature
                tagged.properties = JSONObject([("layer", .string(layer.name))] + feature.properties.members.map { ($0.key, $0.value) })
                return tagged
            }
        }
        return try text(of: features, name: name, encoding: encoding)
    }

    private static func text(of features: [GeoJSONOutputFeature], name: String, encoding: GeoJSONEncoding) throws -> String {
        switch encoding {
        case .featureCollection: return try GeoJSONWriter().featureCollection(features, name: name)
        case .textSequence: return try GeoJSONWriter().textSequence(features)
        }
    }

    /// Writes the layers and returns the files written.
    ///
    /// - Parameters:
    ///   - layers: the layers.
    ///   - url: one file, or a folder for a file per layer (see `isSingleFile(_:)`).
    ///   - encoding: FeatureCollection or text sequence.
    /// - Returns: the files written.
    /// - Throws: `JSONWriteError` for a NaN or infinite value; `OutputError` when a file cannot be written.
    ///   Either way nothing is written.
    @discardableResult
    public static func write(_ layers: [GeoJSONLayer], to url: URL, encoding: GeoJSONEncoding = .featureCollection) throws -> [URL] {
        let files = try texts(of: layers, at: url, encoding: encoding).map { OutputFile($0.text, at: $0.url) }
        try AtomicFile.write(files)
        return files.map(\.url)
    }
}
