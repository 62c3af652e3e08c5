import Foundation

extension GeoJSONReader {
    /// Reads any GeoJSON object as features: a FeatureCollection as it is, a Feature as a collection of one, a
    /// bare geometry (such as a Polygon drawn on geojson.io and saved alone) as one feature without id or
    /// properties.
    ///
    /// - Parameters:
    ///   - url: The file's location.
    ///   - name: How errors name the file (defaults to its last path component).
    /// - Returns: The features, positions in WGS 84 longitude/latitude as written in the file.
    /// - Throws: `InputFileError` when the file is missing, unreadable, empty, too large or not JSON;
    ///   `GeoJSONError` naming the file (and the feature and field) when it is no GeoJSON object or is malformed.
    public static func readAnyObject(contentsOf url: URL, name: String? = nil) throws -> GeoJSONFeatureCollection {
        let file = name ?? url.lastPathComponent
        let data = try fileReader.data(contentsOf: url, name: file)
        let root = try InputFileReader.json(data, file: file)
        let object = root.objectValue
        let type = object?["type"]?.stringValue
        if type != "FeatureCollection", object?["crs"] != nil {
            throw GeoJSONError(file: file, field: "crs", message: crsMemberMessage)
        }
        switch type {
        case "FeatureCollection"?:
            return try parse(data, file: file)
        case "Feature"?:
            return GeoJSONFeatureCollection(file: file, features: [try feature(root, index: 0, file: file)])
        case "Point"?, "MultiPoint"?, "LineString"?, "MultiLineString"?, "Polygon"?, "MultiPolygon"?, "GeometryCollection"?:
            let geometry = try geometry(root, file: file)
            return GeoJSONFeatureCollection(file: file, features: [GeoJSONFeature(file: file, index: 0, id: nil, geometry: geometry, properties: JSONObject())])
        default:
            // The FeatureCollection reader names what was found and what was expected.
            return try parse(data, file: file)
        }
    }
}
