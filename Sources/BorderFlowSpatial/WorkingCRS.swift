/// The CRS in metres that BorderFlow computes in, and how far it departs from true scale over a dataset.
public enum WorkingCRS {
    /// The default working CRS: a Lambert conformal conic fitted to the U.S.–Mexico border strip.
    ///
    /// Conformal, so angles and shapes are kept locally and the scale depends on latitude only; its standard
    /// parallels follow the one-sixth rule over latitudes 24°N–34.2°N (the southernmost places to the northern
    /// edge of the 100-mile border zone), which balances the scale error at the middle and the edges of the strip.
    public static let borderStrip = CoordinateReferenceSystem(
        definition: "+proj=lcc +lat_0=29.1 +lon_0=-106 +lat_1=25.7 +lat_2=32.5 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs +type=crs")

    /// The one-line name shown to users.
    public static let borderStripName = "Lambert conformal conic, border strip (standard parallels 25.7°N and 32.5°N, central meridian 106°W, WGS 84)"
}

/// The scale error of a projection measured at every coordinate of a dataset with `proj_factors`.
public struct ScaleErrorSurvey: Sendable, Equatable {
    /// How many coordinates were measured.
    public let pointCount: Int
    /// The smallest scale factor (meridional or parallel) seen.
    public let smallestScaleFactor: Double
    /// The largest scale factor seen; A* divides straight-line distances by it to stay a lower bound.
    public let largestScaleFactor: Double
    /// Where the worst departure from 1 occurs; (0, 0) when no coordinates were measured.
    public let worstCoordinate: Coordinate

    /// The worst relative scale error, |k − 1|, as a fraction (0.002 is 0.2 %).
    public var worstScaleError: Double {
        max(abs(largestScaleFactor - 1), abs(1 - smallestScaleFactor))
    }

    /// Measures the scale of `crs` at every coordinate.
    ///
    /// - Parameters:
    ///   - crs: A projected CRS, such as ``WorkingCRS/borderStrip``.
    ///   - coordinates: WGS 84 coordinates in degrees; with none, both scale factors are 1.
    /// - Throws: `SpatialError` when the CRS is not a projection or a coordinate is outside its domain.
    public init(crs: CoordinateReferenceSystem, coordinates: [Coordinate]) throws {
        let distortion = try ProjectionDistortion(crs: crs)
        var smallest = Double.infinity
        var largest = -Double.infinity
        var worst = coordinates.first ?? Coordinate(longitude: 0, latitude: 0)
        var worstError = -1.0
        for coordinate in coordinates {
            let factors = try distortion.scaleFactors(at: coordinate)
            for factor in [factors.meridional, factors.parallel] {
                smallest = min(smallest, factor)
                largest = max(largest, factor)
                if abs(factor - 1) > worstError {
                    worstError = abs(factor - 1)
                    worst = coordinate
                }
            }
        }
        if coordinates.isEmpty {
            smallest = 1
            largest = 1
        }
        pointCount = coordinates.count
        smallestScaleFactor = smallest
        largestScaleFactor = largest
        worstCoordinate = worst
    }
}
