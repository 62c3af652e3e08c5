import BorderFlowSpatial

/// How `RoadImporter` reads a source and builds the network: the area, the profiles, and for a plain GIS layer
/// which attributes hold the class, speed, one-way flag and name.
public struct RoadImportOptions: Sendable {
    /// An area in longitude and latitude: only lines with a vertex inside are read, and only crossings and places
    /// inside are kept.
    public struct BoundingBox: Sendable, Equatable, CustomStringConvertible {
        /// The western edge, degrees of longitude.
        public let west: Double
        /// The southern edge, degrees of latitude.
        public let south: Double
        /// The eastern edge, degrees of longitude.
        public let east: Double
        /// The northern edge, degrees of latitude.
        public let north: Double

        /// A box; nil unless west < east and south < north, all finite and within longitude and latitude range.
        public init?(west: Double, south: Double, east: Double, north: Double) {
            guard [west, south, east, north].allSatisfy(\.isFinite), west < east, south < north,
                  west >= -180, east <= 180, south >= -90, north <= 90 else { return nil }
            self.west = west
            self.south = south
            self.east = east
            self.north = north
        }

        /// Whether a coordinate lies inside or on the edge.
        public func contains(_ coordinate: Coordinate) -> Bool {
            coordinate.longitude >= west && coordinate.longitude <= east && coordinate.latitude >= south && coordinate.latitude <= north
        }

        /// The box as the option takes it: `west,south,east,north`.
        public var description: String { "\(west),\(south),\(east),\(north)" }
    }

    /// Only lines with a vertex inside, and crossings and places inside; nil for everything.
    public var boundingBox: BoundingBox?
    /// The profiles to build; a mode whose profile is left out gets no roads, and crossings of it no routes.
    public var profiles: Set<RoadProfile> = Set(RoadProfile.allCases)
    /// The layer to read; nil for `lines` in OpenStreetMap or the first line layer elsewhere.
    public var layer: String?
    /// The attribute with the road class (OpenStreetMap `highway` values such as `primary`, `residential`, `ferry`).
    public var classField = "highway"
    /// The attribute with the speed limit (km/h, or "NN mph"); a missing or unreadable value takes the class default.
    public var speedField = "maxspeed"
    /// The attribute with the one-way flag (`yes`/`no`/`-1`, `true`/`false`, `FT`/`TF`/`B`).
    public var onewayField = "oneway"
    /// The attribute with the road's name.
    public var nameField = "name"
    /// Default speeds replaced, km/h by class value (`residential=30`).
    public var speedOverrides: [String: Double] = [:]

    /// How close a plain line's end must come to another line to join it there (OpenStreetMap ways join only at
    /// shared nodes).
    public static let endJoinMeters = 0.5
    /// How far the road a crossing is matched to may lie from the crossing's point.
    public static let crossingMatchMeters = 1_000.0
    /// How far a place may lie from the nearest road it is joined to.
    public static let placeJoinMeters = 25_000.0
    /// The speed of the straight connector from a place to its nearest road node.
    public static let connectorSpeedKph = 30.0

    /// Every option at its default: the whole source, all three profiles.
    public init() {}
}
