/// A failure in the spatial layer, carrying the message PROJ or GEOS gave.
public enum SpatialError: Error, Equatable, Sendable, CustomStringConvertible {
    /// PROJ could not understand a CRS definition.
    case unknownCRS(definition: String, reason: String)
    /// PROJ could not build an operation between two CRSs.
    case noTransformation(source: String, target: String, reason: String)
    /// A coordinate could not be transformed (outside the projection's domain, for example).
    case transformationFailed(x: Double, y: Double, reason: String)
    /// A GEOS operation failed.
    case geometryOperationFailed(operation: String, reason: String)
    /// Geometry that cannot be built (too few points, an unclosed ring, a non-finite value).
    case invalidGeometry(String)

    public var description: String {
        switch self {
        case let .unknownCRS(definition, reason):
            return "unknown coordinate reference system '\(definition)': \(reason). Use an EPSG code (e.g. 4326 or EPSG:32613) or a PROJ string (e.g. '+proj=utm +zone=13 +datum=WGS84')."
        case let .noTransformation(source, target, reason):
            return "no transformation from '\(source)' to '\(target)': \(reason)"
        case let .transformationFailed(x, y, reason):
            return "cannot transform (\(x), \(y)): \(reason)"
        case let .geometryOperationFailed(operation, reason):
            return "GEOS \(operation) failed: \(reason)"
        case let .invalidGeometry(reason):
            return "invalid geometry: \(reason)"
        }
    }
}
