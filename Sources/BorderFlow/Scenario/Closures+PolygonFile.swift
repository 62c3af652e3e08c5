import BorderFlowSpatial
import Foundation

extension Closures {
    /// Closes every crossing inside the polygons of a GeoJSON file: one closure per feature, named by the file
    /// and the feature's index for messages.
    ///
    /// - Parameter file: GeoJSON in longitude/latitude: a Polygon or MultiPolygon, a Feature holding one, or a
    ///   FeatureCollection whose every feature holds one.
    /// - Throws: `GeoJSONError` naming the file (and the feature) when it cannot be read, is not GeoJSON, or has
    ///   a feature without a polygon; `ClosureError.polygonOutsideRegion` for a position outside the border region
    ///   (such as longitude and latitude swapped); `ClosureError.invalidPolygon` for a polygon GEOS finds invalid.
    public mutating func close(polygonsIn file: URL) throws {
        let collection = try GeoJSONReader.readAnyObject(contentsOf: file)
        for feature in collection.features {
            guard let geometry = feature.geometry, !geometry.polygons.isEmpty else {
                throw feature.error(field: "geometry", "expected a Polygon or MultiPolygon to close the crossings inside it")
            }
            try close(polygon: geometry, named: "\(collection.file) feature \(feature.index)")
        }
    }
}
