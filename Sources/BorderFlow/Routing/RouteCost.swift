import BorderFlowGraph

/// Where a trip crosses and what it costs: the crossing, the travel time and the distance of its best route.
///
/// What ``Router/route(_:)->RouteCost?`` answers, millions of times a second; ask ``Router/route(from:to:mode:)`` for
/// the path and the roads.
public struct RouteCost: Sendable, Hashable {
    /// The crossing the route uses, by index in ``BorderNetwork/crossings``; nil for a trip within one country.
    public let crossing: CrossingIndex?
    /// Travel time in whole milliseconds: roads or rails, plus the crossing's inspection time.
    public let travelMilliseconds: UInt64
    /// Length of the route in metres (geodesic lengths of its roads and rails).
    public let lengthMeters: Double

    /// Travel time in seconds.
    public var travelSeconds: Double { Double(travelMilliseconds) / 1000 }
}
