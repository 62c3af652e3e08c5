/// A trip: from one place to another by one mode, places by index in the dataset. What a `Router` routes,
/// `Demand` counts and an assignment spreads over the crossings.
public struct Trip: Sendable, Hashable {
    /// The origin, by index in the dataset's places.
    public let origin: PlaceIndex
    /// The destination, by index in the dataset's places.
    public let destination: PlaceIndex
    /// How the trip travels.
    public let mode: Mode

    /// A trip between two places by index.
    ///
    /// - Parameters:
    ///   - origin: the origin's index in `BorderNetwork.places`.
    ///   - destination: the destination's index.
    ///   - mode: how the trip travels.
    public init(origin: PlaceIndex, destination: PlaceIndex, mode: Mode) {
        self.origin = origin
        self.destination = destination
        self.mode = mode
    }
}
