import BorderFlowGraph

/// One route through the network: where it crosses, how long it takes, how far it goes, what it passes.
///
/// Two routes are equal when what they say is equal, whichever network found them.
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

    /// The graph edges the search found, in travel order, so that the line drawn is the route listed.
    let edges: [Graph.EdgeID]
    /// The network whose graph `edges` belong to.
    let foundOn: BorderNetwork.Identity

    init(origin: String, destination: String, mode: Mode, crossing: String?, travelSeconds: Double, lengthMeters: Double,
         path: [String], roads: [String], edges: [Graph.EdgeID], foundOn: BorderNetwork.Identity) {
        self.origin = origin
        self.destination = destination
        self.mode = mode
        self.crossing = crossing
        self.travelSeconds = travelSeconds
        self.lengthMeters = lengthMeters
        self.path = path
        self.roads = roads
        self.edges = edges
        self.foundOn = foundOn
    }

    public static func == (lhs: Route, rhs: Route) -> Bool {
        (lhs.origin, lhs.destination, lhs.mode, lhs.crossing, lhs.travelSeconds, lhs.lengthMeters)
            == (rhs.origin, rhs.destination, rhs.mode, rhs.crossing, rhs.travelSeconds, rhs.lengthMeters)
            && lhs.path == rhs.path && lhs.roads == rhs.roads
    }
}
