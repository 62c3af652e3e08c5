/// A position on the Earth in degrees: longitude first, as GeoJSON and every mapping tool order it.
public struct Coordinate: Hashable, Sendable, CustomStringConvertible {
    /// Degrees east of Greenwich on WGS 84; negative to the west, as everywhere on the border.
    public var longitude: Double
    /// Degrees north of the equator on WGS 84.
    public var latitude: Double

    /// A coordinate from its longitude and latitude in degrees, stored as given (see ``isValidGeographic``).
    ///
    /// - Parameters:
    ///   - longitude: Degrees east, from −180 to 180.
    ///   - latitude: Degrees north, from −90 to 90.
    public init(longitude: Double, latitude: Double) {
        self.longitude = longitude
        self.latitude = latitude
    }

    /// Whether both values are finite and inside the ranges a longitude and a latitude can take.
    public var isValidGeographic: Bool {
        longitude.isFinite && latitude.isFinite && abs(longitude) <= 180 && abs(latitude) <= 90
    }

    /// The coordinate as `(longitude, latitude)` in degrees with at most six decimals, e.g. `(-110.94, 31.36)`.
    public var description: String {
        "(\(formatDegrees(longitude)), \(formatDegrees(latitude)))"
    }
}

/// A position in a projected coordinate reference system, in that system's units (metres for the working CRS).
///
/// For a geographic CRS the same type carries longitude in `x` and latitude in `y` (the order PROJ uses
/// after normalisation for visualisation), so one transformer API serves every pair of CRSs.
public struct Position: Hashable, Sendable {
    /// Easting in the CRS's units, or longitude in degrees in a geographic CRS.
    public var x: Double
    /// Northing in the CRS's units, or latitude in degrees in a geographic CRS.
    public var y: Double

    /// A position from its two values in the CRS's units.
    ///
    /// - Parameters:
    ///   - x: Easting, or longitude in a geographic CRS.
    ///   - y: Northing, or latitude in a geographic CRS.
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// The position of a WGS 84 coordinate: longitude in `x`, latitude in `y`, both in degrees.
    ///
    /// - Parameter coordinate: The coordinate to carry as a position in a geographic CRS.
    public init(_ coordinate: Coordinate) {
        self.init(x: coordinate.longitude, y: coordinate.latitude)
    }

    /// Straight-line distance in the plane of the CRS.
    ///
    /// - Parameter other: Another position in the same CRS.
    /// - Returns: The Euclidean distance in the CRS's units (metres in the working CRS).
    public func planarDistance(to other: Position) -> Double {
        ((x - other.x) * (x - other.x) + (y - other.y) * (y - other.y)).squareRoot()
    }
}

extension Coordinate {
    /// The coordinate of a position in a geographic CRS: `x` as longitude, `y` as latitude, in degrees.
    ///
    /// The values are copied, not transformed: a projected position must first go back to WGS 84 through a
    /// ``CoordinateTransformer``.
    ///
    /// - Parameter position: A position whose `x` is longitude and `y` latitude.
    public init(_ position: Position) {
        self.init(longitude: position.x, latitude: position.y)
    }
}

/// Degrees with six decimals and no trailing zeros: about 0.1 m, the precision RFC 7946 output uses.
func formatDegrees(_ value: Double) -> String {
    formatFixed(value, decimals: 6)
}
