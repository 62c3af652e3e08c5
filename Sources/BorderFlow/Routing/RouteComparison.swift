/// The answer to a route question, with what a user needs to read it.
public struct RouteComparison: Sendable, Equatable {
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
    /// Why the route does not use the all-open route's crossing, when it does not (closed, outside its
    /// opening hours then, or not serving the mode).
    public let allOpenCrossingClosure: CrossingClosureReason?

    /// Extra time against the all-open route.
    public var detourSeconds: Double? {
        guard let route, let allOpen else { return nil }
        return route.travelSeconds - allOpen.travelSeconds
    }
}
