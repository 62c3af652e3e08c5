import CGEOS

/// The outcome of a GEOS validity check.
public enum GeometryValidity: Equatable, Sendable {
    /// GEOS found nothing wrong.
    case valid
    /// GEOS found a problem: `reason` is its account (for example "Self-intersection") and `location` where it
    /// found it, in the geometry's CRS, when GEOS gives one.
    case invalid(reason: String, location: Position?)

    /// Whether GEOS found nothing wrong.
    public var isValid: Bool { self == .valid }
}

/// An immutable GEOS geometry owned by a `GEOSContext`, which it keeps alive.
///
/// Not thread-safe: use it only on the thread that uses its context.
public final class Geometry {
    /// The GEOS context that made the geometry; it lives as long as the geometry.
    public let context: GEOSContext
    let handle: OpaquePointer

    init(context: GEOSContext, handle: OpaquePointer) {
        self.context = context
        self.handle = handle
    }

    deinit {
        GEOSGeom_destroy_r(context.handle, handle)
    }

    // MARK: Building

    /// Builds a GEOS geometry from a GeoJSON geometry value.
    ///
    /// - Parameters:
    ///   - geometry: The geometry value, in the CRS the geometry is to be used in.
    ///   - context: The context that will own the geometry.
    /// - Throws: `SpatialError.invalidGeometry` for a ring with fewer than four positions, an unclosed ring,
    ///   a line with fewer than two positions or a non-finite value; `SpatialError.geometryOperationFailed`
    ///   when GEOS cannot build it.
    public convenience init(_ geometry: GeoJSONGeometry, context: GEOSContext) throws {
        let handle = try Self.build(geometry, context: context)
        self.init(context: context, handle: handle)
    }

    /// A point geometry.
    ///
    /// - Parameters:
    ///   - point: The point's position.
    ///   - context: The context that will own the geometry.
    /// - Throws: `SpatialError.invalidGeometry` when the position is not finite.
    public convenience init(point: Position, context: GEOSContext) throws {
        try self.init(.point(point), context: context)
    }

    private static func build(_ geometry: GeoJSONGeometry, context: GEOSContext) throws -> OpaquePointer {
        let h = context.handle
        func sequence(_ positions: [Position]) throws -> OpaquePointer {
            guard positions.allSatisfy({ $0.x.isFinite && $0.y.isFinite }) else {
                throw SpatialError.invalidGeometry("a coordinate is not a finite number")
            }
            let sequence = positions.withUnsafeBytes { bytes in
                GEOSCoordSeq_copyFromBuffer_r(
                    h, bytes.baseAddress?.assumingMemoryBound(to: Double.self), UInt32(positions.count), 0, 0)
            }
            guard let sequence else {
                throw SpatialError.geometryOperationFailed(operation: "GEOSCoordSeq_copyFromBuffer_r", reason: context.takeLastError())
            }
            return sequence
        }
        func ring(_ positions: [Position]) throws -> OpaquePointer {
            guard positions.count >= 4 else {
                throw SpatialError.invalidGeometry("a polygon ring has \(positions.count) positions; a closed ring needs at least 4")
            }
            guard positions.first == positions.last else {
                throw SpatialError.invalidGeometry("a polygon ring is not closed (its first and last positions differ)")
            }
            guard let made = GEOSGeom_createLinearRing_r(h, try sequence(positions)) else {
                throw SpatialError.geometryOperationFailed(operation: "GEOSGeom_createLinearRing_r", reason: context.takeLastError())
            }
            return made
        }
        func polygon(_ rings: [[Position]]) throws -> OpaquePointer {
            guard let exterior = rings.first else {
                guard let empty = GEOSGeom_createEmptyPolygon_r(h) else {
                    throw SpatialError.geometryOperationFailed(operation: "GEOSGeom_createEmptyPolygon_r", reason: context.takeLastError())
                }
                return empty
            }
            let shell = try ring(exterior)
            var holes: [OpaquePointer?] = []
            do {
                for hole in rings.dropFirst() { holes.append(try ring(hole)) }
            } catch {
                GEOSGeom_destroy_r(h, shell)
                for hole in holes { GEOSGeom_destroy_r(h, hole) }
                throw error
            }
            let made = holes.withUnsafeMutableBufferPointer { buffer in
                GEOSGeom_createPolygon_r(h, shell, buffer.baseAddress, UInt32(buffer.count))
            }
            guard let made else {
                throw SpatialError.geometryOperationFailed(operation: "GEOSGeom_createPolygon_r", reason: context.takeLastError())
            }
            return made
        }
        func line(_ positions: [Position]) throws -> OpaquePointer {
            guard positions.count >= 2 else {
                throw SpatialError.invalidGeometry("a line has \(positions.count) position(s); it needs at least 2")
            }
            guard let made = GEOSGeom_createLineString_r(h, try sequence(positions)) else {
                throw SpatialError.geometryOperationFailed(operation: "GEOSGeom_createLineString_r", reason: context.takeLastError())
            }
            return made
        }
        func point(_ position: Position) throws -> OpaquePointer {
            guard position.x.isFinite, position.y.isFinite else {
                throw SpatialError.invalidGeometry("a coordinate is not a finite number")
            }
            guard let made = GEOSGeom_createPointFromXY_r(h, position.x, position.y) else {
                throw SpatialError.geometryOperationFailed(operation: "GEOSGeom_createPointFromXY_r", reason: context.takeLastError())
            }
            return made
        }
        func collection(_ type: Int32, _ members: [OpaquePointer]) throws -> OpaquePointer {
            var parts: [OpaquePointer?] = members
            let made = parts.withUnsafeMutableBufferPointer { buffer in
                GEOSGeom_createCollection_r(h, type, buffer.baseAddress, UInt32(buffer.count))
            }
            guard let made else {
                throw SpatialError.geometryOperationFailed(operation: "GEOSGeom_createCollection_r", reason: context.takeLastError())
            }
            return made
        }
        func many<T>(_ items: [T], _ make: (T) throws -> OpaquePointer) throws -> [OpaquePointer] {
            var made: [OpaquePointer] = []
            do {
                for item in items { made.append(try make(item)) }
            } catch {
                for part in made { GEOSGeom_destroy_r(h, part) }
                throw error
            }
            return made
        }

        switch geometry {
        case let .point(p): return try point(p)
        case let .multiPoint(ps): return try collection(Int32(GEOS_MULTIPOINT.rawValue), try many(ps, point))
        case let .lineString(ps): return try line(ps)
        case let .multiLineString(lines): return try collection(Int32(GEOS_MULTILINESTRING.rawValue), try many(lines, line))
        case let .polygon(rings): return try polygon(rings)
        case let .multiPolygon(polygons): return try collection(Int32(GEOS_MULTIPOLYGON.rawValue), try many(polygons, polygon))
        case let .geometryCollection(members):
            return try collection(Int32(GEOS_GEOMETRYCOLLECTION.rawValue), try many(members) { try build($0, context: context) })
        }
    }

    // MARK: Reading back

    /// The geometry as a GeoJSON value (`GEOSGeomTypeId_r`, `GEOSCoordSeq_copyToBuffer_r`).
    ///
    /// A linear ring reads as a LineString, an empty point as an empty MultiPoint (a GeoJSON Point needs a
    /// position), and empty polygons inside a MultiPolygon are dropped.
    ///
    /// - Returns: The geometry value, in the geometry's CRS.
    /// - Throws: `SpatialError.geometryOperationFailed` when GEOS cannot give a part's coordinates.
    public func geoJSON() throws -> GeoJSONGeometry {
        try Self.read(handle, context: context)
    }

    private static func read(_ g: OpaquePointer, context: GEOSContext) throws -> GeoJSONGeometry {
        let h = context.handle
        func positions(_ geometry: OpaquePointer) throws -> [Position] {
            guard let sequence = GEOSGeom_getCoordSeq_r(h, geometry) else {
                throw SpatialError.geometryOperationFailed(operation: "GEOSGeom_getCoordSeq_r", reason: context.takeLastError())
            }
            var size: UInt32 = 0
            GEOSCoordSeq_getSize_r(h, sequence, &size)
            var result = [Position](repeating: Position(x: 0, y: 0), count: Int(size))
            if size > 0 {
                result.withUnsafeMutableBytes { bytes in
                    _ = GEOSCoordSeq_copyToBuffer_r(h, sequence, bytes.baseAddress!.assumingMemoryBound(to: Double.self), 0, 0)
                }
            }
            return result
        }
        func rings(_ polygon: OpaquePointer) throws -> [[Position]] {
            if GEOSisEmpty_r(h, polygon) == 1 { return [] }
            guard let exterior = GEOSGetExteriorRing_r(h, polygon) else { return [] }
            var result = [try positions(exterior)]
            let holeCount = GEOSGetNumInteriorRings_r(h, polygon)
            if holeCount > 0 {
                for index in 0..<holeCount {
                    if let hole = GEOSGetInteriorRingN_r(h, polygon, index) { result.append(try positions(hole)) }
                }
            }
            return result
        }
        func parts(_ collection: OpaquePointer) -> [OpaquePointer] {
            let count = GEOSGetNumGeometries_r(h, collection)
            guard count > 0 else { return [] }
            return (0..<count).compactMap { GEOSGetGeometryN_r(h, collection, $0) }
        }
        switch GEOSGeomTypeId_r(h, g) {
        case Int32(GEOS_POINT.rawValue):
            let ps = try positions(g)
            guard let first = ps.first else { return .multiPoint([]) }
            return .point(first)
        case Int32(GEOS_LINESTRING.rawValue), Int32(GEOS_LINEARRING.rawValue):
            return .lineString(try positions(g))
        case Int32(GEOS_POLYGON.rawValue):
            return .polygon(try rings(g))
        case Int32(GEOS_MULTIPOINT.rawValue):
            return .multiPoint(try parts(g).flatMap { try positions($0) })
        case Int32(GEOS_MULTILINESTRING.rawValue):
            return .multiLineString(try parts(g).map { try positions($0) })
        case Int32(GEOS_MULTIPOLYGON.rawValue):
            return .multiPolygon(try parts(g).map { try rings($0) }.filter { !$0.isEmpty })
        default:
            return .geometryCollection(try parts(g).map { try read($0, context: context) })
        }
    }

    // MARK: Predicates and measures

    /// `GEOSisValidDetail_r`: whether the geometry is valid and, if not, GEOS's reason and location.
    ///
    /// - Returns: ``GeometryValidity/valid``, or the first problem GEOS found.
    public func validity() -> GeometryValidity {
        let h = context.handle
        var reason: UnsafeMutablePointer<CChar>?
        var location: OpaquePointer?
        let result = GEOSisValidDetail_r(h, handle, 0, &reason, &location)
        defer {
            if let reason { GEOSFree_r(h, reason) }
            if let location { GEOSGeom_destroy_r(h, location) }
        }
        if result == 1 { return .valid }
        let text = reason.map { String(cString: $0) } ?? context.takeLastError()
        var position: Position?
        if let location {
            var x = 0.0, y = 0.0
            if GEOSGeomGetX_r(h, location, &x) == 1, GEOSGeomGetY_r(h, location, &y) == 1 {
                position = Position(x: x, y: y)
            }
        }
        return .invalid(reason: text, location: position)
    }

    /// Whether the geometry has no points (`GEOSisEmpty_r`).
    public var isEmpty: Bool { GEOSisEmpty_r(context.handle, handle) == 1 }

    /// Area in the square units of the CRS (`GEOSArea_r`).
    public var area: Double {
        var value = 0.0
        GEOSArea_r(context.handle, handle, &value)
        return value
    }

    /// Length in the units of the CRS (`GEOSLength_r`).
    public var length: Double {
        var value = 0.0
        GEOSLength_r(context.handle, handle, &value)
        return value
    }

    /// Shortest planar distance to another geometry (`GEOSDistance_r`).
    ///
    /// - Parameter other: A geometry in the same CRS.
    /// - Returns: The distance in the units of the CRS; 0 when the geometries meet, and also when either is empty.
    /// - Throws: `SpatialError.geometryOperationFailed` with GEOS's reason when GEOS cannot measure it.
    public func distance(to other: Geometry) throws -> Double {
        var value = 0.0
        guard GEOSDistance_r(context.handle, handle, other.handle, &value) == 1 else {
            throw SpatialError.geometryOperationFailed(operation: "distance", reason: context.takeLastError())
        }
        return value
    }

    /// The closest pair of points, on this geometry and on `other` (`GEOSNearestPoints_r`).
    ///
    /// - Parameter other: A geometry in the same CRS.
    /// - Returns: The point on this geometry and the point on `other` that are nearest to each other.
    /// - Throws: `SpatialError.geometryOperationFailed` when GEOS cannot find them, as for an empty geometry.
    public func nearestPoints(to other: Geometry) throws -> (onSelf: Position, onOther: Position) {
        let h = context.handle
        guard let sequence = GEOSNearestPoints_r(h, handle, other.handle) else {
            throw SpatialError.geometryOperationFailed(operation: "nearest points", reason: context.takeLastError())
        }
        defer { GEOSCoordSeq_destroy_r(h, sequence) }
        var ax = 0.0, ay = 0.0, bx = 0.0, by = 0.0
        GEOSCoordSeq_getXY_r(h, sequence, 0, &ax, &ay)
        GEOSCoordSeq_getXY_r(h, sequence, 1, &bx, &by)
        return (Position(x: ax, y: ay), Position(x: bx, y: by))
    }

    /// Whether the geometries share at least one point (`GEOSIntersects_r`).
    ///
    /// - Parameter other: A geometry in the same CRS.
    /// - Returns: True when they touch or overlap.
    public func intersects(_ other: Geometry) -> Bool {
        GEOSIntersects_r(context.handle, handle, other.handle) == 1
    }

    /// Whether this geometry contains `other` (`GEOSContains_r`): no point of it outside, and interiors meet.
    ///
    /// - Parameter other: A geometry in the same CRS.
    /// - Returns: True when this geometry contains `other`; false for a point on the boundary.
    public func contains(_ other: Geometry) -> Bool {
        GEOSContains_r(context.handle, handle, other.handle) == 1
    }

    /// Whether this geometry covers `other` (`GEOSCovers_r`): no point of it outside, boundary included.
    ///
    /// - Parameter other: A geometry in the same CRS.
    /// - Returns: True when no point of `other` lies outside this geometry.
    public func covers(_ other: Geometry) -> Bool {
        GEOSCovers_r(context.handle, handle, other.handle) == 1
    }

    // MARK: Operations

    /// The points in either geometry (`GEOSUnion_r`).
    ///
    /// - Parameter other: A geometry in the same CRS.
    /// - Returns: A new geometry in this geometry's context.
    /// - Throws: `SpatialError.geometryOperationFailed` with GEOS's reason when the operation fails.
    public func union(_ other: Geometry) throws -> Geometry {
        try context.wrap(GEOSUnion_r(context.handle, handle, other.handle), operation: "union")
    }

    /// `GEOSUnaryUnion_r`: dissolves the parts of this geometry into one.
    ///
    /// - Returns: A new geometry in this geometry's context.
    /// - Throws: `SpatialError.geometryOperationFailed` with GEOS's reason when the operation fails.
    public func unaryUnion() throws -> Geometry {
        try context.wrap(GEOSUnaryUnion_r(context.handle, handle), operation: "unary union")
    }

    /// The points both geometries share (`GEOSIntersection_r`).
    ///
    /// - Parameter other: A geometry in the same CRS.
    /// - Returns: A new geometry in this geometry's context; empty when they do not meet.
    /// - Throws: `SpatialError.geometryOperationFailed` with GEOS's reason when the operation fails.
    public func intersection(_ other: Geometry) throws -> Geometry {
        try context.wrap(GEOSIntersection_r(context.handle, handle, other.handle), operation: "intersection")
    }

    /// The points of this geometry that are not in `other` (`GEOSDifference_r`).
    ///
    /// - Parameter other: A geometry in the same CRS.
    /// - Returns: A new geometry in this geometry's context.
    /// - Throws: `SpatialError.geometryOperationFailed` with GEOS's reason when the operation fails.
    public func difference(_ other: Geometry) throws -> Geometry {
        try context.wrap(GEOSDifference_r(context.handle, handle, other.handle), operation: "difference")
    }

    /// The area within `distance` of the geometry (`GEOSBuffer_r`), with round corners and ends.
    ///
    /// - Parameters:
    ///   - distance: The buffer's width in the units of the CRS; a negative width shrinks a polygon.
    ///   - quadrantSegments: Segments per quarter circle in the rounded parts.
    /// - Returns: A new geometry in this geometry's context.
    /// - Throws: `SpatialError.geometryOperationFailed` with GEOS's reason when the operation fails.
    public func buffer(_ distance: Double, quadrantSegments: Int32 = 16) throws -> Geometry {
        try context.wrap(GEOSBuffer_r(context.handle, handle, distance, quadrantSegments), operation: "buffer")
    }

    /// A valid version of the geometry (`GEOSMakeValid_r`), which may be of another type: a self-intersecting
    /// polygon can become a MultiPolygon.
    ///
    /// - Returns: A new geometry in this geometry's context.
    /// - Throws: `SpatialError.geometryOperationFailed` with GEOS's reason when the operation fails.
    public func makeValid() throws -> Geometry {
        try context.wrap(GEOSMakeValid_r(context.handle, handle), operation: "make valid")
    }

    /// `GEOSLineMerge_r`: joins line parts that meet end to end.
    ///
    /// - Returns: A new geometry in this geometry's context.
    /// - Throws: `SpatialError.geometryOperationFailed` with GEOS's reason when the operation fails.
    public func lineMerge() throws -> Geometry {
        try context.wrap(GEOSLineMerge_r(context.handle, handle), operation: "line merge")
    }

    /// `GEOSDensify_r`: adds vertices so no segment is longer than `tolerance`.
    ///
    /// - Parameter tolerance: The longest segment allowed, in the units of the CRS.
    /// - Returns: A new geometry in this geometry's context.
    /// - Throws: `SpatialError.geometryOperationFailed` with GEOS's reason when the operation fails.
    public func densified(maxSegmentLength tolerance: Double) throws -> Geometry {
        try context.wrap(GEOSDensify_r(context.handle, handle, tolerance), operation: "densify")
    }

    /// `GEOSTopologyPreserveSimplify_r`: the geometry with vertices dropped wherever it stays within
    /// `tolerance` of the original (Douglas–Peucker), without letting rings cross or polygons collapse.
    ///
    /// - Parameter tolerance: How far the simplified geometry may stray, in the units of the CRS.
    /// - Returns: A new geometry in this geometry's context.
    /// - Throws: `SpatialError.geometryOperationFailed` with GEOS's reason when the operation fails.
    public func simplified(tolerance: Double) throws -> Geometry {
        try context.wrap(GEOSTopologyPreserveSimplify_r(context.handle, handle, tolerance), operation: "simplify")
    }

    /// `GEOSGeom_setPrecision_r`: the geometry snapped to a grid of `gridSize`, kept valid by GEOS.
    ///
    /// Used before writing coordinates with a fixed number of decimals, so rounding cannot break validity.
    ///
    /// - Parameter gridSize: The grid's spacing in the units of the CRS (`0.000001` for six decimals of degrees).
    /// - Returns: A new geometry in this geometry's context.
    /// - Throws: `SpatialError.geometryOperationFailed` with GEOS's reason when the operation fails.
    public func snapped(toGrid gridSize: Double) throws -> Geometry {
        try context.wrap(GEOSGeom_setPrecision_r(context.handle, handle, gridSize, 0), operation: "set precision")
    }

    /// `GEOSBoundary_r`: the outline of a polygon as lines.
    ///
    /// - Returns: A new geometry in this geometry's context.
    /// - Throws: `SpatialError.geometryOperationFailed` with GEOS's reason when the operation fails.
    public func outline() throws -> Geometry {
        try context.wrap(GEOSBoundary_r(context.handle, handle), operation: "boundary")
    }

    /// The centre of mass of the geometry (`GEOSGetCentroid_r`), which can lie outside a concave shape.
    ///
    /// - Returns: The centroid's position in the geometry's CRS.
    /// - Throws: `SpatialError.geometryOperationFailed` when the geometry is empty or GEOS fails.
    public func centroid() throws -> Position {
        let center = try context.wrap(GEOSGetCentroid_r(context.handle, handle), operation: "centroid")
        guard case let .point(position) = try center.geoJSON() else {
            throw SpatialError.geometryOperationFailed(operation: "centroid", reason: "the geometry is empty")
        }
        return position
    }

    /// `GEOSPointOnSurface_r`: a point inside the geometry (for a label), unlike the centroid of a concave shape.
    ///
    /// - Returns: The point's position in the geometry's CRS.
    /// - Throws: `SpatialError.geometryOperationFailed` when the geometry is empty or GEOS fails.
    public func pointOnSurface() throws -> Position {
        let point = try context.wrap(GEOSPointOnSurface_r(context.handle, handle), operation: "point on surface")
        guard case let .point(position) = try point.geoJSON() else {
            throw SpatialError.geometryOperationFailed(operation: "point on surface", reason: "the geometry is empty")
        }
        return position
    }

    /// The members of a collection (or the geometry itself when it is not one), as separate geometries.
    ///
    /// - Returns: New geometries in this geometry's context, or `[self]`.
    /// - Throws: `SpatialError` when a member cannot be read back or rebuilt.
    public func parts() throws -> [Geometry] {
        switch try geoJSON() {
        case let .multiPolygon(polygons): return try polygons.map { try Geometry(.polygon($0), context: context) }
        case let .multiLineString(lines): return try lines.map { try Geometry(.lineString($0), context: context) }
        case let .multiPoint(points): return try points.map { try Geometry(.point($0), context: context) }
        case let .geometryCollection(members): return try members.map { try Geometry($0, context: context) }
        default: return [self]
        }
    }

    /// The corners of the geometry's envelope: smallest x and y, largest x and y (`GEOSGeom_getXMin_r` and its
    /// siblings).
    ///
    /// - Returns: The lower-left and upper-right corners in the geometry's CRS.
    /// - Throws: `SpatialError.geometryOperationFailed` when GEOS cannot give them (for an empty geometry).
    public func bounds() throws -> (min: Position, max: Position) {
        var xmin = 0.0, ymin = 0.0, xmax = 0.0, ymax = 0.0
        let h = context.handle
        guard GEOSGeom_getXMin_r(h, handle, &xmin) == 1, GEOSGeom_getYMin_r(h, handle, &ymin) == 1,
              GEOSGeom_getXMax_r(h, handle, &xmax) == 1, GEOSGeom_getYMax_r(h, handle, &ymax) == 1 else {
            throw SpatialError.geometryOperationFailed(operation: "envelope", reason: context.takeLastError())
        }
        return (Position(x: xmin, y: ymin), Position(x: xmax, y: ymax))
    }
}

extension Geometry {
    /// The union of many geometries: clones gathered into one collection (`GEOSGeom_clone_r`,
    /// `GEOSGeom_createCollection_r`) and dissolved with one `GEOSUnaryUnion_r`.
    ///
    /// - Parameters:
    ///   - geometries: The geometries to join, all in the same CRS and made with `context`.
    ///   - context: The context that will own the result.
    /// - Returns: One geometry covering all of them; empty when there are none.
    /// - Throws: `SpatialError.geometryOperationFailed` with GEOS's reason when a step fails.
    public static func union(of geometries: [Geometry], context: GEOSContext) throws -> Geometry {
        let h = context.handle
        var clones: [OpaquePointer?] = []
        clones.reserveCapacity(geometries.count)
        for geometry in geometries {
            guard let clone = GEOSGeom_clone_r(h, geometry.handle) else {
                for made in clones { GEOSGeom_destroy_r(h, made) }
                throw SpatialError.geometryOperationFailed(operation: "clone", reason: context.takeLastError())
            }
            clones.append(clone)
        }
        // The collection takes ownership of the clones.
        let collection = clones.withUnsafeMutableBufferPointer { buffer in
            GEOSGeom_createCollection_r(h, Int32(GEOS_GEOMETRYCOLLECTION.rawValue), buffer.baseAddress, UInt32(buffer.count))
        }
        return try context.wrap(collection, operation: "collection").unaryUnion()
    }
}
