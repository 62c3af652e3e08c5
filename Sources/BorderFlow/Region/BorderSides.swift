import BorderFlowSpatial

/// The two sides of the border as polygons, made by closing the boundary line around a box: east through
/// the Gulf of Mexico, round the region's far edge, and back to the Pacific end. A point outside the box
/// (longitude -125 to -90, latitude 10 to 45) has no side.
enum BorderSides {
    static let west = -125.0, east = -90.0, south = 10.0, north = 45.0

    /// The side's polygon in longitude/latitude, for a boundary line running west to east.
    static func polygon(boundary line: [Position], country: Country) -> GeoJSONGeometry {
        guard let first = line.first, let last = line.last else { return .polygon([]) }
        let farLatitude = country == .us ? north : south
        let closing = [
            Position(x: east, y: last.y),
            Position(x: east, y: farLatitude),
            Position(x: west, y: farLatitude),
            Position(x: west, y: first.y),
            first,
        ]
        return .polygon([line + closing])
    }
}
