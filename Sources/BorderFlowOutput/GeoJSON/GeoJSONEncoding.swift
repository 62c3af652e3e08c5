import BorderFlow
import BorderFlowSpatial
import Foundation

/// How features are written: one FeatureCollection, or newline-delimited GeoJSON text sequences (RFC 8142:
/// each feature on its own line after an ASCII record separator), which large outputs can stream.
public enum GeoJSONEncoding: Sendable {
    /// One RFC 7946 FeatureCollection, written as `.geojson`.
    case featureCollection
    /// One feature per line, each after an ASCII record separator (RFC 8142), written as `.geojsons`.
    case textSequence

    /// The file extension GDAL and other readers recognise.
    public var fileExtension: String {
        switch self {
        case .featureCollection: return "geojson"
        case .textSequence: return "geojsons"
        }
    }
}
