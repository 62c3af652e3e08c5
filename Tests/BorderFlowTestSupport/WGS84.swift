import Foundation

/// Distances on the WGS 84 ellipsoid worked out by hand, for expectations that do not trust the code under
/// test: short arcs along a meridian or a parallel, from the ellipsoid's radii of curvature.
public enum WGS84 {
    static let semiMajorMeters = 6_378_137.0
    static let flattening = 1 / 298.257223563
    static let eccentricitySquared = flattening * (2 - flattening)

    /// Kilometres along a meridian between two latitudes (a short arc: the radius at the mean latitude).
    public static func meridianKm(from south: Double, to north: Double) -> Double {
        let s = sin((south + north) / 2 * .pi / 180)
        return semiMajorMeters * (1 - eccentricitySquared) / pow(1 - eccentricitySquared * s * s, 1.5)
            * (north - south) * .pi / 180 / 1000
    }

    /// Kilometres along a parallel spanning some degrees of longitude.
    public static func parallelKm(longitudes: Double, at latitude: Double) -> Double {
        let s = sin(latitude * .pi / 180)
        return semiMajorMeters / (1 - eccentricitySquared * s * s).squareRoot() * cos(latitude * .pi / 180)
            * (longitudes * .pi / 180) / 1000
    }

    /// Square kilometres of the quadrangle between two meridians and two parallels (the authalic formula).
    public static func quadrangleKm2(longitudes: Double, from south: Double, to north: Double) -> Double {
        let e = eccentricitySquared.squareRoot()
        func q(_ latitude: Double) -> Double {
            let s = sin(latitude * .pi / 180)
            return (1 - eccentricitySquared) * (s / (1 - eccentricitySquared * s * s) - log((1 - e * s) / (1 + e * s)) / (2 * e))
        }
        return semiMajorMeters * semiMajorMeters / 2 * (longitudes * .pi / 180) * (q(north) - q(south)) / 1e6
    }
}
