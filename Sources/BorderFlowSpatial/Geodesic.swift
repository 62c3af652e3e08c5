import CPROJ

/// Distances on the WGS 84 ellipsoid, from PROJ's geodesic routines (`proj_geod`, Karney's algorithm).
///
/// Not thread-safe: it owns a PROJ context. Make one per task.
public final class Geodesic {
    private let context: ProjContext
    private let ellipsoid: OpaquePointer

    /// Sets up the WGS 84 ellipsoid in a PROJ context that this object owns.
    ///
    /// - Throws: `SpatialError.unknownCRS` when PROJ cannot create the ellipsoid.
    public init() throws {
        context = ProjContext()
        // An ellipsoidal lon/lat operation: proj_geod uses its ellipsoid.
        ellipsoid = try context.create(CoordinateReferenceSystem(definition: "+proj=longlat +ellps=WGS84"))
    }

    deinit {
        proj_destroy(ellipsoid)
    }

    /// The length in metres of the shortest path on the ellipsoid between two coordinates.
    ///
    /// - Parameters:
    ///   - a: The start, in degrees.
    ///   - b: The end, in degrees.
    /// - Returns: The geodesic distance in metres.
    public func distanceMeters(from a: Coordinate, to b: Coordinate) -> Double {
        let radians = Double.pi / 180
        let start = proj_coord(a.longitude * radians, a.latitude * radians, 0, 0)
        let end = proj_coord(b.longitude * radians, b.latitude * radians, 0, 0)
        return proj_geod(ellipsoid, start, end).v.0
    }

    /// The length in metres of a polyline on the ellipsoid, segment by segment.
    ///
    /// - Parameter line: The polyline's vertices, in degrees.
    /// - Returns: The sum of the geodesic lengths of its segments in metres; 0 for fewer than two vertices.
    public func lengthMeters(of line: [Coordinate]) -> Double {
        var total = 0.0
        for index in line.indices.dropFirst() {
            total += distanceMeters(from: line[index - 1], to: line[index])
        }
        return total
    }
}
