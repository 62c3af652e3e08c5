import CGEOS

/// A geometry prepared for fast repeated predicates (`GEOSPrepare_r`).
///
/// Not thread-safe: GEOS builds its internal indexes lazily on the first query, so even read-only queries
/// mutate it. Use it only on the thread that uses its context.
public final class PreparedGeometry {
    /// The geometry that was prepared; through it the prepared geometry keeps its GEOS context alive.
    public let geometry: Geometry
    private let handle: OpaquePointer

    /// Prepares a geometry in its own context.
    ///
    /// - Parameter geometry: The geometry to prepare; queries then use its context.
    /// - Throws: `SpatialError.geometryOperationFailed` when GEOS cannot prepare it.
    public init(_ geometry: Geometry) throws {
        self.geometry = geometry
        guard let prepared = GEOSPrepare_r(geometry.context.handle, geometry.handle) else {
            throw SpatialError.geometryOperationFailed(operation: "prepare", reason: geometry.context.takeLastError())
        }
        handle = prepared
    }

    deinit {
        GEOSPreparedGeom_destroy_r(geometry.context.handle, handle)
    }

    /// Whether the prepared geometry contains `other` (`GEOSPreparedContains_r`); a point must lie in the interior.
    ///
    /// - Parameter other: A geometry in the same CRS and context.
    /// - Returns: True when no point of `other` is outside and interiors meet.
    public func contains(_ other: Geometry) -> Bool {
        GEOSPreparedContains_r(geometry.context.handle, handle, other.handle) == 1
    }

    /// Whether the prepared geometry covers `other` (`GEOSPreparedCovers_r`); a point may lie on the boundary.
    ///
    /// - Parameter other: A geometry in the same CRS and context.
    /// - Returns: True when no point of `other` is outside.
    public func covers(_ other: Geometry) -> Bool {
        GEOSPreparedCovers_r(geometry.context.handle, handle, other.handle) == 1
    }

    /// Whether the prepared geometry covers a position (boundary included).
    ///
    /// - Parameter position: A position in the geometry's CRS.
    /// - Returns: True when the position is inside or on the boundary.
    /// - Throws: `SpatialError.invalidGeometry` when the position is not finite.
    public func covers(_ position: Position) throws -> Bool {
        covers(try Geometry(point: position, context: geometry.context))
    }

    /// Whether the prepared geometry and `other` share at least one point (`GEOSPreparedIntersects_r`).
    ///
    /// - Parameter other: A geometry in the same CRS and context.
    /// - Returns: True when they touch or overlap.
    public func intersects(_ other: Geometry) -> Bool {
        GEOSPreparedIntersects_r(geometry.context.handle, handle, other.handle) == 1
    }
}
