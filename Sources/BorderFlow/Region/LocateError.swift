import BorderFlowSpatial

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
