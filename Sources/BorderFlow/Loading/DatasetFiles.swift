import Foundation

/// The files of a dataset directory, one per layer.
public enum DatasetFiles {
    /// The crossing facilities (points).
    public static let crossings = "crossings.geojson"
    /// The Border Patrol sectors (polygons).
    public static let sectors = "sectors.geojson"
    /// The international boundary (a line).
    public static let boundary = "boundary.geojson"
    /// The places trips start and end at (points).
    public static let places = "places.geojson"
    /// Optional: the road and rail network (needed for routing).
    public static let roads = "roads.geojson"
    /// Optional: road and rail nodes that are neither places nor crossings.
    public static let junctions = "junctions.geojson"
    /// Optional: land, lakes, coasts and state lines that maps are drawn on (see `Basemap`).
    public static let basemap = "basemap.geojson"

    /// The bundled Southwest border dataset: `BORDERFLOW_DATA` when set, otherwise the package's `GeoData`
    /// folder, found from this source file's location so that it loads from any working directory.
    public static var bundledDirectory: URL {
        if let override = ProcessInfo.processInfo.environment["BORDERFLOW_DATA"], !override.isEmpty {
            return URL(fileURLWithPath: override, isDirectory: true)
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()   // Dataset
            .deletingLastPathComponent()   // BorderFlow
            .deletingLastPathComponent()   // Sources
            .deletingLastPathComponent()   // package root
            .appendingPathComponent("GeoData", isDirectory: true)
    }
}
