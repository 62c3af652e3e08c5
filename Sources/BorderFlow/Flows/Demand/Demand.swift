import Foundation

/// Daily trips per mode between places, and how they were made.
public struct Demand: Sendable {
    /// The trips, places by index in the dataset.
    public let trips: [Trip]
    /// Daily trips per entry of `trips`, in the mode's units.
    public let dailyTrips: [Double]

    /// Demand from trips and their daily counts.
    ///
    /// - Parameters:
    ///   - trips: the trips, places by index in `BorderNetwork.places`.
    ///   - dailyTrips: one count per trip, zero or more, in the mode's units.
    public init(trips: [Trip], dailyTrips: [Double]) {
        precondition(trips.count == dailyTrips.count, "one daily count per trip")
        self.trips = trips
        self.dailyTrips = dailyTrips
    }
}
