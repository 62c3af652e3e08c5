import BorderFlowGraph
import Foundation

/// How far a demand's trips go, per mode: the shares of daily trips by the cost of the way across, by
/// straight-line distance, and between twin cities.
///
/// A trip's cost is its cheapest road or rail time from the origin to a crossing and on from it to the
/// destination, without the inspection or wait (a pedestrian's, through a crossing within `PedestrianReach`
/// when there is one); its distance is the straight line from origin to destination in the working CRS. A
/// twin-city trip has both ends within 25 km, in a straight line, of one crossing: Tijuana–San Diego,
/// Juárez–El Paso, Reynosa–McAllen.
public struct TripLengths: Sendable {
    /// A range of costs or distances, lower bound included, upper bound excluded.
    public struct Band: Sendable, Equatable {
        /// A name for people: `<30 min`, `1–2 h`, `≥500 km`.
        public let label: String
        /// The lower bound: seconds or metres.
        public let lower: Double
        /// The upper bound, infinite for the last band.
        public let upper: Double

        /// Whether a value falls in the band.
        ///
        /// - Parameter value: seconds or metres.
        /// - Returns: true when `lower ≤ value < upper`.
        public func contains(_ value: Double) -> Bool { value >= lower && value < upper }
    }

    /// Bands of a trip's cost across, in seconds.
    public static let costBands: [Band] = [
        Band(label: "<30 min", lower: 0, upper: 1_800),
        Band(label: "30–60 min", lower: 1_800, upper: 3_600),
        Band(label: "1–2 h", lower: 3_600, upper: 7_200),
        Band(label: "2–4 h", lower: 7_200, upper: 14_400),
        Band(label: "≥4 h", lower: 14_400, upper: .infinity),
    ]

    /// Bands of a trip's straight-line distance, in metres.
    public static let distanceBands: [Band] = [
        Band(label: "<25 km", lower: 0, upper: 25_000),
        Band(label: "25–50 km", lower: 25_000, upper: 50_000),
        Band(label: "50–100 km", lower: 50_000, upper: 100_000),
        Band(label: "100–250 km", lower: 100_000, upper: 250_000),
        Band(label: "250–500 km", lower: 250_000, upper: 500_000),
        Band(label: "≥500 km", lower: 500_000, upper: .infinity),
    ]

    /// How close to one crossing both ends of a twin-city trip are, in metres of straight line.
    public static let twinCityRadiusMeters = 25_000.0

    /// The trips of one mode.
    public struct ModeLengths: Sendable {
        /// The mode.
        public let mode: Mode
        /// Origin–destination pairs with trips.
        public let pairs: Int
        /// Daily trips with a way across, in the mode's units: what the shares are shares of.
        public let dailyTrips: Double
        /// Daily trips with no way across (none in a fitted demand).
        public let dailyTripsWithoutCrossing: Double
        /// Share of `dailyTrips` in each of `costBands`, 0 to 1.
        public let costShares: [Double]
        /// Share of `dailyTrips` in each of `distanceBands`, 0 to 1.
        public let distanceShares: [Double]
        /// Share of `dailyTrips` between twin cities, 0 to 1.
        public let twinCityShare: Double
    }

    /// One entry per mode with trips, in `Mode.allCases` order.
    public let modes: [ModeLengths]

    /// Measures a demand's trips on a network.
    ///
    /// - Parameters:
    ///   - demand: the demand.
    ///   - network: the network whose access costs and working CRS measure the trips.
    ///   - pedestrianReachSeconds: the reach that picks a pedestrian trip's crossings.
    public init(demand: Demand, network: BorderNetwork, pedestrianReachSeconds: Double = PedestrianReach.standardSeconds) {
        let dataset = network.dataset
        let reach = PedestrianReach(network: network, reachSeconds: pedestrianReachSeconds)
        let choices = network.crossingChoices(for: demand.trips)
        // Working-CRS positions of places and crossings (the graph's A* coordinates).
        let points = network.graph.coordinates ?? []
        func point(ofPlace place: PlaceIndex) -> Graph.Point? {
            network.node(id: dataset.places[place].id).flatMap { points.indices.contains(Int($0)) ? points[Int($0)] : nil }
        }
        let crossingPoints = network.crossingSideNodes.map { sides in
            sides[.us].flatMap { points.indices.contains(Int($0)) ? points[Int($0)] : nil }
        }
        func meters(_ a: Graph.Point, _ b: Graph.Point) -> Double { hypot(a.x - b.x, a.y - b.y) }

        var pairs: PerMode<Int> = [:], total: PerMode<Double> = [:], stranded: PerMode<Double> = [:], twin: PerMode<Double> = [:]
        var cost = [PerMode<Double>](repeating: [:], count: Self.costBands.count)
        var distance = [PerMode<Double>](repeating: [:], count: Self.distanceBands.count)
        for (t, trip) in demand.trips.enumerated() where demand.dailyTrips[t] > 0 {
            let daily = demand.dailyTrips[t], mode = trip.mode
            pairs[mode, default: 0] += 1
            let options = choices.options(ofTrip: t)
            let usable = mode == .pedestrian ? options.filter { reach.allows(trip, through: $0.crossing) } : Array(options)
            guard let seconds = (usable.isEmpty ? Array(options) : usable).map(\.accessSeconds).min(),
                  let from = point(ofPlace: trip.origin), let to = point(ofPlace: trip.destination) else {
                stranded[mode, default: 0] += daily
                continue
            }
            total[mode, default: 0] += daily
            if let band = Self.costBands.firstIndex(where: { $0.contains(seconds) }) { cost[band][mode, default: 0] += daily }
            let straight = meters(from, to)
            if let band = Self.distanceBands.firstIndex(where: { $0.contains(straight) }) { distance[band][mode, default: 0] += daily }
            let radius = Self.twinCityRadiusMeters
            if crossingPoints.contains(where: { $0.map { meters(from, $0) <= radius && meters(to, $0) <= radius } ?? false }) {
                twin[mode, default: 0] += daily
            }
        }
        modes = Mode.allCases.compactMap { mode in
            guard let count = pairs[mode] else { return nil }
            let daily = total[mode] ?? 0
            func share(_ value: Double?) -> Double { daily > 0 ? (value ?? 0) / daily : 0 }
            return ModeLengths(mode: mode, pairs: count, dailyTrips: daily, dailyTripsWithoutCrossing: stranded[mode] ?? 0,
                               costShares: cost.map { share($0[mode]) }, distanceShares: distance.map { share($0[mode]) },
                               twinCityShare: share(twin[mode]))
        }
    }
}
