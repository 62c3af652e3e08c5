import CGEOS

/// A geometry prepared for fast repeated predicates (`GEOSPrepare_r`).
///
/// Not thread-safe: GEOS builds its internal indexes lazily on the first query, so even read-only queries
/// mutate it. Use it only on the thread that uses its context.
public final class PreparedGeometry {
    public let geometry: Geometry
    private let handle: OpaquePointer

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

    /// `GEOSPreparedContains_r`: the point lies in the interior.
    public func contains(_ other: Geometry) -> Bool {
        GEOSPreparedContains_r(geometry.context.handle, handle, other.handle) == 1
    }

    /// `GEOSPreparedCovers_r`: the point lies in the interior or on the boundary.
    public func covers(_ other: Geometry) -> Bool {
        GEOSPreparedCovers_r(geometry.context.handle, handle, other.handle) == 1
    }

    /// Whether the prepared geometry covers a position (boundary included).
    public func covers(_ position: Position) throws -> Bool {
        covers(try Geometry(point: position, context: geometry.context))
    }

    /// `GEOSPreparedIntersects_r`.
    public func intersects(_ other: Geometry) -> Bool {
        GEOSPreparedIntersects_r(geometry.context.handle, handle, other.handle) == 1
    }
}
