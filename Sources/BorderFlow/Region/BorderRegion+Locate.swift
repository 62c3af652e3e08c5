import BorderFlowSpatial

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
        let offset = try crossings.map { try distanceToBoundaryMeters(from: $0.coordinate) / 1000 }.max() ?? 0
        return Location(coordinate: coordinate, country: country, sector: sector, distanceToBorderKm: toBorder,
                        nearestCrossings: Array(ranked.prefix(max(0, limit))), boundaryLineOffsetKm: offset)
    }
}
