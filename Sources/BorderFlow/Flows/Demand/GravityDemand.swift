import Foundation

/// The gravity model of baseline demand and its fit to observed volumes.
public enum GravityDemand {
    /// How fast a mode's trips fall off with cost: τ in exp(−cost / τ).
    ///
    /// - Parameter mode: the mode.
    /// - Returns: τ in seconds (an hour for pedestrians, 1.5 h for cars and buses, 4 h for trucks, 12 h for trains).
    public static func decaySeconds(_ mode: Mode) -> Double {
        switch mode {
        case .pedestrian: return 3_600
        case .pov, .bus: return 5_400
        case .truck: return 4 * 3_600
        case .rail: return 12 * 3_600
        }
    }

    /// Builds and fits baseline demand on a network with every crossing open.
    ///
    /// - Parameters:
    ///   - network: the network, whose crossings carry the observed daily volumes.
    ///   - tolerance: the largest relative miss accepted at any crossing-mode with observed volume.
    ///   - maximumRounds: how many rounds of assignment and adjustment to run at most.
    ///   - method: how each round's demand is spread over the crossings.
    /// - Returns: the demand, the crossing constants, the last assignment and the fit per crossing and mode.
    public static func fit(network: BorderNetwork, tolerance: Double = 0.05, maximumRounds: Int = 200,
                           method: AssignmentMethod = .standard) -> DemandFit {
        let dataset = network.dataset
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
        let allChoices = network.crossingChoices(for: trips)
        // Keep trips that have a way across.
        let kept = trips.indices.filter { allChoices.offsets[$0] < allChoices.offsets[$0 + 1] }
        trips = kept.map { trips[$0] }
        let seedChoices = network.crossingChoices(for: trips)

        var demand = trips.indices.map { t -> Double in
            let trip = trips[t]
            let cheapest = seedChoices.options(ofTrip: t).first!.accessSeconds
            let mass = Double(dataset.places[trip.origin].population) * Double(dataset.places[trip.destination].population)
            return mass * Foundation.exp(-cheapest / decaySeconds(trip.mode))
        }
        // Scale each mode's seed to the mode's observed total.
        for mode in Mode.allCases {
            let observed = dataset.crossings.reduce(0) { $0 + ($1.dailyVolume[mode] ?? 0) }
            let seeded = trips.indices.filter { trips[$0].mode == mode }.reduce(0) { $0 + demand[$1] }
            guard seeded > 0 else { continue }
            for t in trips.indices where trips[t].mode == mode { demand[t] *= observed / seeded }
        }

        // Drop the gravity model's far tail: trips under a millionth of their mode's total.
        var modeTotal: PerMode<Double> = [:]
        for t in trips.indices { modeTotal[trips[t].mode, default: 0] += demand[t] }
        let significant = trips.indices.filter { demand[$0] >= 1e-6 * (modeTotal[trips[$0].mode] ?? 0) }
        trips = significant.map { trips[$0] }
        demand = significant.map { demand[$0] }
        let choices = network.crossingChoices(for: trips)

        let crossingCount = dataset.crossings.count
        var constants = [PerMode<Double>](repeating: [:], count: crossingCount)
        // Each constant moves by its own step, halved whenever its error changes sign: a bisection that
        // settles even where the split is a steep function of the constant.
        var steps = [PerMode<Double>](repeating: [:], count: crossingCount)
        var lastSign = [PerMode<Double>](repeating: [:], count: crossingCount)
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
                if total > 0 { demand[t] *= Foundation.exp(weighted / total) }
            }
            for index in 0..<crossingCount {
                for (mode, value) in ratio[index] {
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
