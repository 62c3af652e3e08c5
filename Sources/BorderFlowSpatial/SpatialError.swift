/// A failure in the spatial layer, carrying the message PROJ or GEOS gave.
public enum SpatialError: Error, Equatable, Sendable, CustomStringConvertible {
    /// PROJ could not understand a CRS definition: the `definition` as given, and PROJ's `reason`.
    case unknownCRS(definition: String, reason: String)
    /// PROJ understands a CRS but it cannot be the working CRS: the `definition` as given, and why (geographic,
    /// not projected, or in units other than metres).
    case unsuitableWorkingCRS(definition: String, reason: String)
    /// PROJ could not build an operation between two CRSs: the `source` and `target` definitions, and
    /// PROJ's `reason`.
    case noTransformation(source: String, target: String, reason: String)
    /// A coordinate could not be transformed (outside the projection's domain, for example): its `x` and `y`
    /// as given, and PROJ's `reason`.
    case transformationFailed(x: Double, y: Double, reason: String)
    /// A GEOS operation failed: the `operation`'s name, and GEOS's `reason`.
    case geometryOperationFailed(operation: String, reason: String)
    /// Geometry that cannot be built (too few points, an unclosed ring, a non-finite value); the value says why.
    case invalidGeometry(String)

    /// The message for users; for an unknown CRS it adds examples of definitions that work.
    public var description: String {
        switch self {
        case let .unknownCRS(definition, reason):
            return "unknown coordinate reference system '\(definition)': \(reason). Use an EPSG code (e.g. 32613 or EPSG:32613) or a PROJ string (e.g. '+proj=utm +zone=13 +datum=WGS84')."
        case let .unsuitableWorkingCRS(definition, reason):
            return "'\(definition)' cannot be the working CRS: \(reason). " + Self.workingCRSAdvice
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

    /// What a working CRS must be, with examples.
    public static let workingCRSAdvice = "Use a projected CRS in metres, such as 32613 (UTM zone 13N) or 6372 (Mexico ITRF2008 / LCC), or leave --crs out for the border-strip projection."
}
