import Foundation

extension CrossingChoices {
    /// Assigns daily demand (one figure per trip) over the options.
    ///
    /// - Parameters:
    ///   - demand: daily trips per trip, in the mode's units (persons, vehicles, buses, trucks, railcars).
    ///   - method: how the demand is spread over each trip's options.
    ///   - crossingCount: how many crossings the dataset has.
    ///   - capacity: daily capacity of a crossing (dataset index) for a mode.
    ///   - freeSeconds: the wait at zero volume for a mode.
    /// - Returns: the flows per option, crossing and mode, with their waits.
    public func assign(
        demand: [Double], method: AssignmentMethod, crossingCount: Int,
        capacity: (CrossingIndex, Mode) -> Double, freeSeconds: (Mode) -> Double = { CrossingTimes.northboundMinutes($0) * 60 }
    ) -> CrossingAssignment {
        precondition(demand.count == trips.count, "one demand figure per trip")
        let modes = Mode.allCases
        let modeCount = modes.count
        // Links are (crossing, mode) pairs.
        func link(_ crossing: CrossingIndex, _ mode: Mode) -> Int { crossing.rawValue * modeCount + mode.index }
        var capacities = [Double](repeating: 0, count: crossingCount * modeCount)
        var free = [Double](repeating: 0, count: crossingCount * modeCount)
        for crossing in (0..<crossingCount).map(CrossingIndex.init) {
            for mode in modes {
                capacities[link(crossing, mode)] = capacity(crossing, mode)
                free[link(crossing, mode)] = freeSeconds(mode)
            }
        }
        var volume = [Double](repeating: 0, count: crossingCount * modeCount)
        var flows = [Double](repeating: 0, count: options.count)
        let tripLinks = trips.indices.map { t in options(ofTrip: t).map { link($0.crossing, trips[t].mode) } }
        func wait(_ l: Int) -> Double { CrossingDelay.waitSeconds(volume: volume[l], capacity: capacities[l], freeSeconds: free[l]) }

        var iterations = 1
        var gap = 0.0
        switch method {
        case .allOrNothing, .equilibrium:
            // Free-flow all-or-nothing: the start of the equilibrium too.
            for t in trips.indices where demand[t] > 0 && offsets[t] < offsets[t + 1] {
                let range = offsets[t]..<offsets[t + 1]
                let best = range.min { (options[$0].accessSeconds + free[tripLinks[t][$0 - offsets[t]]], $0) < (options[$1].accessSeconds + free[tripLinks[t][$1 - offsets[t]]], $1) }!
                flows[best] += demand[t]
                volume[tripLinks[t][best - offsets[t]]] += demand[t]
            }
        case let .logit(scale):
            for t in trips.indices where demand[t] > 0 && offsets[t] < offsets[t + 1] {
                let range = offsets[t]..<offsets[t + 1]
                let costs = range.map { options[$0].accessSeconds + free[tripLinks[t][$0 - offsets[t]]] }
                let cheapest = costs.min()!
                let weights = costs.map { Foundation.exp(-($0 - cheapest) / scale) }
                let total = weights.reduce(0, +)
                for (offset, index) in range.enumerated() {
                    let share = demand[t] * weights[offset] / total
                    flows[index] += share
                    volume[tripLinks[t][offset]] += share
                }
            }
        }

        if case let .equilibrium(target, maximumIterations) = method {
            iterations = 0
            gap = relativeGapOf(flows: flows, demand: demand, tripLinks: tripLinks, wait: wait)
            while gap > target && iterations < maximumIterations {
                iterations += 1
                for t in trips.indices where demand[t] > 0 && offsets[t + 1] - offsets[t] > 1 {
                    let base = offsets[t]
                    let links = tripLinks[t]
                    var best = base
                    var bestCost = Double.infinity
                    for index in base..<offsets[t + 1] {
                        let cost = options[index].accessSeconds + wait(links[index - base])
                        if cost < bestCost { bestCost = cost; best = index }
                    }
                    for index in base..<offsets[t + 1] where index != best && flows[index] > 0 {
                        let from = links[index - base], to = links[best - base]
                        let difference = options[index].accessSeconds + wait(from) - bestCost
                        guard difference > 0 else { continue }
                        let slope = CrossingDelay.waitDerivative(volume: volume[from], capacity: capacities[from], freeSeconds: free[from])
                            + CrossingDelay.waitDerivative(volume: volume[to], capacity: capacities[to], freeSeconds: free[to])
                        let shift = slope > 0 ? min(flows[index], difference / slope) : flows[index]
                        flows[index] -= shift
                        flows[best] += shift
                        volume[from] -= shift
                        volume[to] += shift
                        bestCost = options[best].accessSeconds + wait(to)
                    }
                }
                gap = relativeGapOf(flows: flows, demand: demand, tripLinks: tripLinks, wait: wait)
            }
        }

        var volumes = [PerMode<Double>](repeating: [:], count: crossingCount)
        var waits = [PerMode<Double>](repeating: [:], count: crossingCount)
        for crossing in (0..<crossingCount).map(CrossingIndex.init) {
            for mode in modes {
                let l = link(crossing, mode)
                if volume[l] > 0 { volumes[crossing][mode] = volume[l] }
                waits[crossing][mode] = wait(l)
            }
        }
        return CrossingAssignment(choices: self, demand: demand, optionFlows: flows, volumes: volumes, waits: waits,
                                  method: method, iterations: iterations, relativeGap: gap)
    }

    /// (Σ flow × cost − Σ demand × cheapest cost) / Σ flow × cost.
    private func relativeGapOf(flows: [Double], demand: [Double], tripLinks: [[Int]], wait: (Int) -> Double) -> Double {
        var total = 0.0, shortest = 0.0
        for t in trips.indices where demand[t] > 0 && offsets[t] < offsets[t + 1] {
            var cheapest = Double.infinity
            for index in offsets[t]..<offsets[t + 1] {
                let cost = options[index].accessSeconds + wait(tripLinks[t][index - offsets[t]])
                total += flows[index] * cost
                cheapest = min(cheapest, cost)
            }
            shortest += demand[t] * cheapest
        }
        return total > 0 ? (total - shortest) / total : 0
    }
}
