import Foundation

/// Where pedestrian trips through each crossing may start and end: within a local reach of the crossing on each
/// side.
///
/// A pedestrian comes to the port on foot, by local bus or by taxi, walks across, and goes on by trolley, city
/// bus or a waiting car. The network prices that ride at car speed (`CrossingTimes.roadSpeedKph`: it has no
/// walking or transit speeds), so the reach is measured in the network's own access cost: 30 minutes, which on
/// the bundled data is 15–30 km from the crossing (Rosarito to San Ysidro 28 min and 24 km, Ciudad Río Bravo to
/// Progreso 15 min and 17 km), some 45 minutes to an hour by a local bus that stops. A pedestrian trip exists
/// only where a crossing has its origin within the reach on the Mexican side and its destination within it on
/// the U.S. side, and it costs what the cheapest such crossing costs (`GravityDemand`, `TripLengths`).
///
/// A crossing with no place of a side within the reach takes that side's nearest place instead, so that its
/// counted pedestrians come from somewhere: Boquillas, in Big Bend National Park, has Boquillas del Carmen 7
/// minutes away on the Mexican side but no U.S. place in the dataset within three hours, and its pedestrians
/// go to the nearest, Presidio.
public struct PedestrianReach: Sendable {
    /// The bundled reach: 30 minutes of the network's access cost from the crossing, on each side.
    public static let standardSeconds: Double = 30 * 60

    /// The reach, in seconds of access cost between a place and a crossing's side.
    public let reachSeconds: Double
    /// Per crossing (dataset index): the Mexican places a pedestrian trip through it may start from, in
    /// dataset order; empty for a crossing that takes no pedestrians.
    public let origins: [[PlaceIndex]]
    /// Per crossing (dataset index): the U.S. places a pedestrian trip through it may end at, in dataset order.
    public let destinations: [[PlaceIndex]]
    /// `[crossing × places + place]`: whether the place is among the crossing's origins or destinations.
    private let allowed: [Bool]
    private let placeCount: Int

    /// The reach of every crossing that takes pedestrians, measured on a network.
    ///
    /// - Parameters:
    ///   - network: the network whose access costs measure the reach.
    ///   - reachSeconds: the reach on each side, in seconds of access cost.
    public init(network: BorderNetwork, reachSeconds: Double = PedestrianReach.standardSeconds) {
        let dataset = network.dataset, access = network.accessCosts
        let placeCount = dataset.places.count
        var origins: [[PlaceIndex]] = [], destinations: [[PlaceIndex]] = []
        var allowed = [Bool](repeating: false, count: dataset.crossings.count * placeCount)
        for (index, crossing) in zip(dataset.crossings.typedIndices, dataset.crossings) {
            guard crossing.inService, crossing.modes.contains(.pedestrian) else {
                origins.append([])
                destinations.append([])
                continue
            }
            func side(_ country: Country) -> [PlaceIndex] {
                var within: [PlaceIndex] = []
                var nearest: (seconds: Double, place: PlaceIndex)?
                for place in dataset.places.typedIndices where dataset.places[place].country == country {
                    guard let milliseconds = access.cost(atRow: access.row(place: place, mode: .pedestrian), crossing: index) else { continue }
                    let seconds = Double(milliseconds) / 1000
                    if seconds <= reachSeconds { within.append(place) }
                    if nearest == nil || seconds < nearest!.seconds { nearest = (seconds, place) }
                }
                if within.isEmpty, let nearest { within = [nearest.place] }
                for place in within { allowed[index.rawValue * placeCount + place.rawValue] = true }
                return within
            }
            origins.append(side(.mx))
            destinations.append(side(.us))
        }
        self.reachSeconds = reachSeconds
        self.origins = origins
        self.destinations = destinations
        self.allowed = allowed
        self.placeCount = placeCount
    }

    /// Whether a pedestrian trip may use a crossing: its origin and destination are both within the crossing's reach.
    ///
    /// - Parameters:
    ///   - trip: the trip (any mode is judged as a pedestrian's).
    ///   - crossing: the crossing.
    /// - Returns: true when both ends are within reach.
    public func allows(_ trip: Trip, through crossing: CrossingIndex) -> Bool {
        let row = crossing.rawValue * placeCount
        return allowed[row + trip.origin.rawValue] && allowed[row + trip.destination.rawValue]
    }

    /// Whether a trip of any mode may use a crossing as far as the reach goes: a pedestrian's only within it,
    /// every other mode's always (what the crossing-choice searches ask).
    ///
    /// - Parameters:
    ///   - trip: the trip.
    ///   - crossing: the crossing.
    /// - Returns: false only for a pedestrian trip out of the crossing's reach.
    @Sendable public func admits(_ trip: Trip, _ crossing: CrossingIndex) -> Bool {
        trip.mode != .pedestrian || allows(trip, through: crossing)
    }
}
