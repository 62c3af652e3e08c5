/// A position on the Earth in degrees: longitude first, as GeoJSON and every mapping tool order it.
public struct Coordinate: Hashable, Sendable, CustomStringConvertible {
    public var longitude: Double
    public var latitude: Double

    public init(longitude: Double, latitude: Double) {
        self.longitude = longitude
        self.latitude = latitude
    }

    /// Whether both values are finite and inside the ranges a longitude and a latitude can take.
    public var isValidGeographic: Bool {
        longitude.isFinite && latitude.isFinite && abs(longitude) <= 180 && abs(latitude) <= 90
    }

    public var description: String {
        "(\(formatDegrees(longitude)), \(formatDegrees(latitude)))"
    }
}

/// A position in a projected coordinate reference system, in that system's units (metres for the working CRS).
///
/// For a geographic CRS the same type carries longitude in `x` and latitude in `y` (the order PROJ uses
/// after normalisation for visualisation), so one transformer API serves every pair of CRSs.
public struct Position: Hashable, Sendable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    public init(_ coordinate: Coordinate) {
        self.init(x: coordinate.longitude, y: coordinate.latitude)
    }

    /// Straight-line distance in the plane of the CRS.
    public func planarDistance(to other: Position) -> Double {
        ((x - other.x) * (x - other.x) + (y - other.y) * (y - other.y)).squareRoot()
    }
}

extension Coordinate {
    public init(_ position: Position) {
        self.init(longitude: position.x, latitude: position.y)
    }
}

/// Degrees with six decimals and no trailing zeros: about 0.1 m, the precision RFC 7946 output uses.
func formatDegrees(_ value: Double) -> String {
    formatFixed(value, decimals: 6)
}

/// A decimal string with at most `decimals` digits after the point, trailing zeros removed, "-0" written as "0".
public func formatFixed(_ value: Double, decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    if rounded == 0 { return "0" }
    let negative = rounded < 0
    let magnitude = abs(rounded)
    let whole = magnitude.rounded(.towardZero)
    var fraction = Int(((magnitude - whole) * scale).rounded())
    var wholePart = whole
    if fraction >= Int(scale) {
        fraction -= Int(scale)
        wholePart += 1
    }
    var text = wholePart < 1e15 ? String(Int64(wholePart)) : String(wholePart)
    if fraction > 0 {
        var digits = String(fraction)
        digits = String(repeating: "0", count: decimals - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        text += "." + digits
    }
    return negative ? "-" + text : text
}
