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
    /// Nil outside the modelled region, farther than `BorderRegion.modelledReachMeters` from the boundary line.
    public let country: Country?
    /// The sector whose polygon covers the point; nil in Mexico or beyond the 100-mile zone.
    public let sector: Sector?
    /// Distance to the boundary line, in kilometres.
    public let distanceToBorderKm: Double
    /// Nearest first; ties broken by id.
    public let nearestCrossings: [NearbyCrossing]
    /// How far from the boundary line the farthest crossing lies, in kilometres: crossings stand on the real
    /// border, so this is how far a generalised line strays from it, and how far off `distanceToBorderKm` may be.
    public let boundaryLineOffsetKm: Double
}
