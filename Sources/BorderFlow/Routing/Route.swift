/// One route through the network: where it crosses, how long it takes, how far it goes, what it passes.
public struct Route: Sendable, Equatable {
    /// The origin's place id.
    public let origin: String
    /// The destination's place id.
    public let destination: String
    /// How the trip travels.
    public let mode: Mode
    /// The crossing the route uses, or nil for a trip that stays on one side.
    public let crossing: String?
    /// Travel time: roads or rails plus the crossing's inspection time.
    public let travelSeconds: Double
    /// Length of the route: the geodesic lengths of its roads and rails.
    public let lengthMeters: Double
    /// Place and crossing ids along the way, origin first.
    public let path: [String]
    /// The roads travelled, by signed name, in order, each once per stretch.
    public let roads: [String]
}
