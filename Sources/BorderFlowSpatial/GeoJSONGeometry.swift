/// A GeoJSON geometry as a value (RFC 7946 §3.1), with positions as x/y pairs.
///
/// In a GeoJSON file x is longitude and y latitude; after projection the same shape carries metres.
public indirect enum GeoJSONGeometry: Equatable, Sendable {
    /// A single position.
    case point(Position)
    /// Unconnected positions.
    case multiPoint([Position])
    /// A line through the positions in order.
    case lineString([Position])
    /// Several lines, each given by its positions.
    case multiLineString([[Position]])
    /// A polygon given by its rings: the exterior first, then holes; each closed (first position equals last).
    case polygon([[Position]])
    /// Several polygons, each given by its rings as in a polygon.
    case multiPolygon([[[Position]]])
    /// Geometries of any type, collections included.
    case geometryCollection([GeoJSONGeometry])

    /// The GeoJSON `type` member.
    public var typeName: String {
        switch self {
        case .point: return "Point"
        case .multiPoint: return "MultiPoint"
        case .lineString: return "LineString"
        case .multiLineString: return "MultiLineString"
        case .polygon: return "Polygon"
        case .multiPolygon: return "MultiPolygon"
        case .geometryCollection: return "GeometryCollection"
        }
    }

    /// Every position, in order.
    public var allPositions: [Position] {
        switch self {
        case let .point(p): return [p]
        case let .multiPoint(ps), let .lineString(ps): return ps
        case let .multiLineString(lines), let .polygon(lines): return lines.flatMap { $0 }
        case let .multiPolygon(polygons): return polygons.flatMap { $0.flatMap { $0 } }
        case let .geometryCollection(members): return members.flatMap(\.allPositions)
        }
    }

    /// The same geometry with every position replaced; used to move it between CRSs in one batch.
    ///
    /// - Parameter positions: The new positions in the order of ``allPositions``; there must be at least as many.
    /// - Returns: A geometry of the same shape with the new positions.
    public func replacingPositions(with positions: [Position]) -> GeoJSONGeometry {
        var iterator = positions.makeIterator()
        return rebuilt { _ in iterator.next()! }
    }

    /// The same geometry with each position mapped by `transform`.
    ///
    /// - Parameter transform: The new position for an old one, called for each position in order.
    /// - Returns: A geometry of the same shape with the mapped positions.
    /// - Throws: Whatever `transform` throws.
    public func mapPositions(_ transform: (Position) throws -> Position) rethrows -> GeoJSONGeometry {
        try rebuilt(transform)
    }

    private func rebuilt(_ next: (Position) throws -> Position) rethrows -> GeoJSONGeometry {
        switch self {
        case let .point(p): return .point(try next(p))
        case let .multiPoint(ps): return .multiPoint(try ps.map(next))
        case let .lineString(ps): return .lineString(try ps.map(next))
        case let .multiLineString(lines): return .multiLineString(try lines.map { try $0.map(next) })
        case let .polygon(rings): return .polygon(try rings.map { try $0.map(next) })
        case let .multiPolygon(polygons): return .multiPolygon(try polygons.map { try $0.map { try $0.map(next) } })
        case let .geometryCollection(members): return .geometryCollection(try members.map { try $0.rebuilt(next) })
        }
    }

    /// Transforms the geometry with one batch call to PROJ.
    ///
    /// - Parameters:
    ///   - transformer: The transformer between the geometry's CRS and the wanted one.
    ///   - inverse: Whether to go from the transformer's target CRS to its source CRS instead.
    /// - Returns: A geometry of the same shape in the other CRS.
    /// - Throws: `SpatialError.transformationFailed` naming the first position PROJ could not transform.
    public func transformed(by transformer: CoordinateTransformer, inverse: Bool = false) throws -> GeoJSONGeometry {
        var positions = allPositions
        if inverse {
            try transformer.inverse(&positions)
        } else {
            try transformer.forward(&positions)
        }
        return replacingPositions(with: positions)
    }

    /// The polygon parts of a Polygon or MultiPolygon (or of polygons inside a collection).
    public var polygons: [[[Position]]] {
        switch self {
        case let .polygon(rings): return [rings]
        case let .multiPolygon(polygons): return polygons
        case let .geometryCollection(members): return members.flatMap(\.polygons)
        default: return []
        }
    }

    /// The line parts of a LineString or MultiLineString (or of lines inside a collection).
    public var lines: [[Position]] {
        switch self {
        case let .lineString(line): return [line]
        case let .multiLineString(lines): return lines
        case let .geometryCollection(members): return members.flatMap(\.lines)
        default: return []
        }
    }
}

/// Ring orientation helpers for RFC 7946's right-hand rule.
public enum RingOrientation {
    /// Twice the signed area of a ring (shoelace formula): positive when counter-clockwise.
    ///
    /// - Parameter ring: The ring's positions, closed or not, with x east and y north.
    /// - Returns: Twice the area in square units of the CRS, signed; 0 for fewer than three positions.
    public static func signedDoubleArea(_ ring: [Position]) -> Double {
        guard ring.count >= 3 else { return 0 }
        var sum = 0.0
        var previous = ring[ring.count - 1]
        for current in ring {
            sum += (previous.x * current.y) - (current.x * previous.y)
            previous = current
        }
        return sum
    }

    /// Whether a ring runs counter-clockwise, with x east and y north (its signed area is positive).
    ///
    /// - Parameter ring: The ring's positions, closed or not.
    /// - Returns: True when counter-clockwise; false when clockwise or of no area.
    public static func isCounterClockwise(_ ring: [Position]) -> Bool {
        signedDoubleArea(ring) > 0
    }

    /// Exterior ring counter-clockwise, holes clockwise, as RFC 7946 §3.1.6 asks.
    ///
    /// - Parameter rings: A polygon's rings, the exterior first.
    /// - Returns: The same rings, each reversed where its orientation was the wrong one.
    public static func rightHandRule(_ rings: [[Position]]) -> [[Position]] {
        rings.enumerated().map { index, ring in
            let wantCounterClockwise = index == 0
            return isCounterClockwise(ring) == wantCounterClockwise ? ring : ring.reversed()
        }
    }
}
