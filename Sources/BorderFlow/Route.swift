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

/// The answer to a route question, with what a user needs to read it.
public struct RouteAnswer: Sendable, Equatable {
    /// The place the trip starts at.
    public let origin: Place
    /// The place the trip ends at.
    public let destination: Place
    /// How the trip travels.
    public let mode: Mode
    /// The best open route, or nil.
    public let route: Route?
    /// The best route with every crossing open, to measure the detour against (nil when that has no route).
    public let allOpen: Route?
    /// Whether any closure or opening hours applied.
    public let closuresApplied: Bool
    /// The best route through each of the next-best distinct crossings, best first (the first is `route`).
    public let alternatives: [Route]
    /// Why there is no route, when there is none.
    public let reason: String?

    /// Extra time against the all-open route.
    public var detourSeconds: Double? {
        guard let route, let allOpen else { return nil }
        return route.travelSeconds - allOpen.travelSeconds
    }
}
