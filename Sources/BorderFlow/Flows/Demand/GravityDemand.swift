import Foundation

/// The gravity model of baseline demand and its fit to observed volumes.
///
/// Seed: trips from a Mexican place to a U.S. place by a mode ∝ origin weight × destination population ×
/// `DistanceDecay.weight` of the trip's cheapest way across. The origin weight is the place's population for
/// pedestrians, cars and buses, and its share of freight (`FreightOrigins`) for trucks and trains. A pedestrian
/// trip exists only where some crossing has both its ends within `PedestrianReach`, and costs what the cheapest
/// such crossing costs. Each mode's seed is scaled to the mode's observed total, then fitted (see `DemandFit`)
/// over the options `divert` gives the baseline, a pedestrian's only within its reach.
public enum GravityDemand {
    /// Builds and fits baseline demand on a network with every crossing open.
    ///
    /// - Parameters:
    ///   - network: the network, whose crossings carry the observed daily volumes.
    ///   - freightOrigins: where trucks and trains start (`BorderNetwork.freightOrigins(in:)` reads the dataset's
    ///     table); empty for in proportion to population.
    ///   - pedestrianReachSeconds: how far, in access cost, a pedestrian trip's ends may be from its crossing.
    ///   - tolerance: the largest relative miss accepted at any crossing-mode with observed volume.
    ///   - maximumRounds: how many rounds of assignment and adjustment to run at most.
    ///   - method: how each round's demand is spread over the crossings.
    /// - Returns: the demand, the crossing constants, the last assignment and the fit per crossing and mode.
    public static func fit(network: BorderNetwork, freightOrigins: FreightOrigins = FreightOrigins(),
                           pedestrianReachSeconds: Double = PedestrianReach.standardSeconds,
                           tolerance: Double = 0.05, maximumRounds: Int = 200,
                           method: AssignmentMethod = .standard) -> DemandFit {
        let dataset = network.dataset
        let reach = PedestrianReach(network: network, reachSeconds: pedestrianReachSeconds)
        /// The trips' options; a pedestrian's only through crossings that have both its ends within reach. They
        /// decide which trips exist and what each costs.
        func options(_ trips: [Trip]) -> CrossingChoices {
            network.crossingChoices(for: trips).filtered { t, option in
                trips[t].mode != .pedestrian || reach.allows(trips[t], through: option.crossing)
            }
        }
        let origins = dataset.places.typedIndices.filter { dataset.places[$0].country == .mx }
        let destinations = dataset.places.typedIndices.filter { dataset.places[$0].country == .us }
        var trips: [Trip] = []
        for mode in Mode.allCases where dataset.crossings.contains(where: { ($0.dailyVolume[mode] ?? 0) > 0 }) {
            for origin in origins {
                for destination in destinations {
                    trips.append(.init(origin: origin, destination: destination, mode: mode))
                }
            }
        }
        let allChoices = options(trips)
        // Keep trips that have a way across.
        trips = trips.indices.filter { allChoices.offsets[$0] < allChoices.offsets[$0 + 1] }.map { trips[$0] }
        let seedChoices = options(trips)

        let freightShare = freightOrigins.originShares(in: dataset)
        var demand = trips.indices.map { t -> Double in
            let trip = trips[t]
            let cheapest = seedChoices.options(ofTrip: t).first!.accessSeconds
            let origin = trip.mode.isFreight ? freightShare[trip.origin.rawValue] : Double(dataset.places[trip.origin].population)
            let mass = origin * Double(dataset.places[trip.destination].population)
            return mass * DistanceDecay.standard(trip.mode).weight(seconds: cheapest)
        }
        // Scale each mode's seed to the mode's observed total.
        for mode in Mode.allCases {
            let observed = dataset.crossings.reduce(0) { $0 + ($1.dailyVolume[mode] ?? 0) }
            let seeded = trips.indices.filter { trips[$0].mode == mode }.reduce(0) { $0 + demand[$1] }
            guard seeded > 0 else { continue }
            for t in trips.indices where trips[t].mode == mode { demand[t] *= observed / seeded }
        }

        // Drop the gravity model's far tail: trips under a millionth of what their cheapest crossing is seeded
        // with. Relative to the crossing, not the mode, so that a remote crossing keeps its few trips
        // (Boquillas' pedestrians are a millionth of San Ysidro's).
        var seeded = [PerMode<Double>](repeating: [:], count: dataset.crossings.count)
        for t in trips.indices {
            seeded[seedChoices.options(ofTrip: t).first!.crossing][trips[t].mode, default: 0] += demand[t]
        }
        let significant = trips.indices.filter { t in
            demand[t] >= 1e-6 * (seeded[seedChoices.options(ofTrip: t).first!.crossing][trips[t].mode] ?? 0)
        }
        trips = significant.map { trips[$0] }
        demand = significant.map { demand[$0] }
        // Pedestrians cross only within their reach, here as in `DiversionModel`, so `divert`'s baseline is this fit's.
        let choices = options(trips)

        let crossingCount = dataset.crossings.count
        var constants = [PerMode<Double>](repeating: [:], count: crossingCount)
        // Each constant moves by its own step, halved whenever its error changes sign: a bisection that
        // settles even where the split is a steep function of the constant.
        var steps = [PerMode<Double>](repeating: [:], count: crossingCount)
        var lastSign = [PerMode<Double>](repeating: [:], count: crossingCount)
        // A constant only moves trips that could go elsewhere: where no trip through a crossing has another
        // option (Boquillas and Presidio on foot, the San Ysidro and Tecate rail lines), it stays 0 and the trip
        // scaling alone meets the count; moving it would change nothing but the cost `divert` starts from.
        var contested = [PerMode<Bool>](repeating: [:], count: crossingCount)
        for t in trips.indices where choices.options(ofTrip: t).count > 1 {
            for option in choices.options(ofTrip: t) { contested[option.crossing][trips[t].mode] = true }
        }
        var assignment = assign(choices, demand, constants, method, dataset)
        var rounds = 0
        func misses() -> Double {
            var worst = 0.0
            for (index, crossing) in dataset.crossings.enumerated() {
                for (mode, observed) in crossing.dailyVolume where observed > 0 {
                    worst = max(worst, abs((assignment.volumes[index][mode] ?? 0) - observed) / observed)
                }
            }
            return worst
        }
        // A round scales a freight trip by at most 1.25 either way: freight origins are known (the industry),
        // so the constants, not the trips, take up the differences between neighbouring ports. Unbounded, a
        // port short of trucks multiplies its few local trips many times over before its constant can draw the
        // through trips that really use it: the village of Colombia (514 people) became the origin of a tenth
        // of all northbound trucks. Passenger trips are scaled freely: the gravity seed says little of how
        // often the people of a place cross.
        let freightStep = Foundation.log(1.25)
        while misses() > tolerance && rounds < maximumRounds {
            rounds += 1
            // Observed ÷ modelled at each crossing-mode (1 where nothing is observed and nothing modelled).
            var ratio = [PerMode<Double>](repeating: [:], count: crossingCount)
            for (index, crossing) in dataset.crossings.enumerated() {
                for mode in crossing.modes {
                    let observed = crossing.dailyVolume[mode] ?? 0
                    let modelled = assignment.volumes[index][mode] ?? 0
                    ratio[index][mode] = (observed + 1) / (modelled + 1)
                }
            }
            for t in trips.indices {
                var weighted = 0.0, total = 0.0
                for (offset, option) in choices.options(ofTrip: t).enumerated() {
                    let flow = assignment.optionFlows[choices.offsets[t] + offset]
                    weighted += flow * Foundation.log(ratio[option.crossing][trips[t].mode] ?? 1)
                    total += flow
                }
                let limit = trips[t].mode.isFreight ? freightStep : .infinity
                if total > 0 { demand[t] *= Foundation.exp(max(-limit, min(limit, weighted / total))) }
            }
            for index in 0..<crossingCount {
                for (mode, value) in ratio[index] where contested[index][mode] == true {
                    let error = Foundation.log(value)
                    guard abs(error) > 1e-9 else { continue }
                    let sign: Double = error > 0 ? 1 : -1
                    var step = steps[index][mode] ?? 600
                    if let previous = lastSign[index][mode], previous != sign { step /= 2 }
                    steps[index][mode] = step
                    lastSign[index][mode] = sign
                    // Lower the cost where the crossing carries too little, raise it where too much.
                    constants[index][mode, default: 0] -= step * max(-1, min(1, error))
                }
            }
            assignment = assign(choices, demand, constants, method, dataset)
        }
        var fit: [(CrossingIndex, Mode, Double, Double)] = []
        for (index, crossing) in zip(dataset.crossings.typedIndices, dataset.crossings) {
            for mode in crossing.modes {
                fit.append((index, mode, crossing.dailyVolume[mode] ?? 0, assignment.volumes[index][mode] ?? 0))
            }
        }
        return DemandFit(demand: Demand(trips: trips, dailyTrips: demand), choices: choices, constants: constants,
                         assignment: assignment, rounds: rounds, fit: fit)
    }

    static func assign(_ choices: CrossingChoices, _ demand: [Double], _ constants: [PerMode<Double>],
                       _ method: AssignmentMethod, _ dataset: Dataset) -> CrossingAssignment {
        let adjusted = choices.shifted(by: constants)
        return adjusted.assign(demand: demand, method: method, crossingCount: dataset.crossings.count) { crossing, mode in
            dataset.crossings[crossing].queue(for: mode)
        }
    }
}
