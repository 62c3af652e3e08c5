import BorderFlowSpatial

/// What BorderFlow knows about a point: its side of the border, its sector, how far the border and the
/// nearest crossings are.
public struct Location: Sendable, Equatable {
    /// A crossing near the point.
    public struct NearbyCrossing: Sendable, Equatable {
        /// The crossing's id.
        public let id: String
        /// The crossing's name.
        public let name: String
        /// Geodesic distance on the WGS 84 ellipsoid.
        public let distanceKm: Double
    }

    /// The point asked about.
    public let coordinate: Coordinate
    /// Nil outside the modelled region (longitude -125 to -90, latitude 10 to 45).
    public let country: Country?
    /// The sector whose polygon covers the point; nil in Mexico or beyond the 100-mile zone.
    public let sector: Sector?
    /// Distance to the boundary line, in kilometres.
    public let distanceToBorderKm: Double
    /// Nearest first; ties broken by id.
    public let nearestCrossings: [NearbyCrossing]
}

extension BorderRegion {
    /// Locates a coordinate against the dataset.
    ///
    /// - Parameters:
    ///   - coordinate: longitude and latitude in degrees (WGS 84).
    ///   - crossings: the crossings to rank by distance.
    ///   - limit: how many nearest crossings to return.
    /// - Returns: the point's side, sector, distance to the boundary and nearest crossings.
    /// - Throws: `LocateError.invalidCoordinate` for a coordinate that is not a valid longitude/latitude;
    ///   `SpatialError` when the point cannot be projected.
    public func locate(_ coordinate: Coordinate, crossings: [Crossing], limit: Int = 5) throws -> Location {
        guard coordinate.isValidGeographic else {
            throw LocateError.invalidCoordinate(coordinate)
        }
        let country = try self.country(at: coordinate)
        let sector = try self.sector(at: coordinate)
        let toBorder = try distanceToBoundaryMeters(from: coordinate) / 1000
        let ranked = crossings
            .map { Location.NearbyCrossing(id: $0.id, name: $0.name, distanceKm: geodesicDistanceMeters(from: coordinate, to: $0.coordinate) / 1000) }
            .sorted { ($0.distanceKm, $0.id) < ($1.distanceKm, $1.id) }
        return Location(coordinate: coordinate, country: country, sector: sector, distanceToBorderKm: toBorder,
                        nearestCrossings: Array(ranked.prefix(max(0, limit))))
    }
}

/// Why a point cannot be located.
public enum LocateError: Error, Sendable, CustomStringConvertible {
    /// Not a longitude from -180 to 180 and a latitude from -90 to 90.
    case invalidCoordinate(Coordinate)

    /// A message for people, with a hint when longitude and latitude look swapped.
    public var description: String {
        switch self {
        case let .invalidCoordinate(coordinate):
            let swapped = Coordinate(longitude: coordinate.latitude, latitude: coordinate.longitude)
            let hint = swapped.isValidGeographic && !coordinate.isValidGeographic ? " Longitude comes first: did you mean \(swapped.longitude) \(swapped.latitude)?" : ""
            return "\(coordinate) is not a valid longitude/latitude (longitude -180 to 180, latitude -90 to 90).\(hint)"
        }
    }
}
