import Foundation

extension CrossingChoices {
    /// Assigns daily demand (one figure per trip) over the options.
    ///
    /// - Parameters:
    ///   - demand: daily trips per trip, in the mode's units (persons, vehicles, buses, trucks, railcars).
    ///   - method: how the demand is spread over each trip's options.
    ///   - crossingCount: how many crossings the dataset has.
    ///   - queue: the daily queue of a crossing (dataset index) for a mode: its hourly capacity and free time.
    ///   - background: daily volume per crossing and mode already at the crossings from trips not assigned here
    ///     (they queue with these trips but keep their own choices); none when nil.
    ///   - start: an equilibrium to start from (an assignment of these same choices): each trip's flows are
    ///     scaled to its demand, and the flow shifts go on from there; all-or-nothing when nil.
    /// - Returns: the flows per option, crossing and mode (background included), with their queues.
    public func assign(
        demand: [Double], method: AssignmentMethod, crossingCount: Int,
        queue: (CrossingIndex, Mode) -> DailyQueue, background: [PerMode<Double>]? = nil,
        start: CrossingAssignment? = nil
    ) -> CrossingAssignment {
        precondition(demand.count == trips.count, "one demand figure per trip")
        let modes = Mode.allCases
        let modeCount = modes.count
        // Links are (crossing, mode) pairs.
        func link(_ crossing: CrossingIndex, _ mode: Mode) -> Int { crossing.rawValue * modeCount + mode.index }
        var queues: [DailyQueue] = []
        var volume = [Double](repeating: 0, count: crossingCount * modeCount)
        queues.reserveCapacity(crossingCount * modeCount)
        for crossing in (0..<crossingCount).map(CrossingIndex.init) {
            for mode in modes {
                queues.append(queue(crossing, mode))
                volume[link(crossing, mode)] = background?[crossing.rawValue][mode] ?? 0
            }
        }
        var flows = [Double](repeating: 0, count: options.count)
        let optionLinks = trips.indices.flatMap { t in options(ofTrip: t).map { link($0.crossing, trips[t].mode) } }
        // Each link's wait at its current volume and its slope there, kept up to date as flows move.
        var waits = volume.indices.map { queues[$0].waitSeconds(volume: volume[$0]) }
        var slopes = [Double](repeating: 0, count: volume.count)
        func add(_ amount: Double, option index: Int) {
            let l = optionLinks[index]
            flows[index] += amount
            volume[l] += amount
        }
        func refresh(_ l: Int) {
            waits[l] = queues[l].waitSeconds(volume: volume[l])
            slopes[l] = queues[l].waitDerivative(volume: volume[l], wait: waits[l])
        }

        var iterations = 1
        var gap = 0.0
        switch method {
        case .equilibrium where start != nil:
            // The last equilibrium, each trip scaled to its demand now: a few shifts settle it again.
            let previous = start!
            precondition(previous.optionFlows.count == options.count, "the start assigns the same choices")
            for t in trips.indices where demand[t] > 0 && offsets[t] < offsets[t + 1] {
                let range = offsets[t]..<offsets[t + 1]
                let total = range.reduce(0) { $0 + previous.optionFlows[$1] }
                if total > 0 {
                    for index in range where previous.optionFlows[index] > 0 { add(demand[t] * previous.optionFlows[index] / total, option: index) }
                } else {
                    let best = range.min { (options[$0].accessSeconds + waits[optionLinks[$0]], $0) < (options[$1].accessSeconds + waits[optionLinks[$1]], $1) }!
                    add(demand[t], option: best)
                }
            }
        case .allOrNothing, .equilibrium:
            // Cheapest at the waits the background leaves: the start of the equilibrium too.
            for t in trips.indices where demand[t] > 0 && offsets[t] < offsets[t + 1] {
                let best = (offsets[t]..<offsets[t + 1]).min {
                    (options[$0].accessSeconds + waits[optionLinks[$0]], $0) < (options[$1].accessSeconds + waits[optionLinks[$1]], $1)
                }!
                add(demand[t], option: best)
            }
        case let .logit(scale):
            for t in trips.indices where demand[t] > 0 && offsets[t] < offsets[t + 1] {
                let range = offsets[t]..<offsets[t + 1]
                let cheapest = range.map { options[$0].accessSeconds + waits[optionLinks[$0]] }.min()!
                let total = range.reduce(0) { $0 + Foundation.exp(-(options[$1].accessSeconds + waits[optionLinks[$1]] - cheapest) / scale) }
                for index in range {
                    add(demand[t] * Foundation.exp(-(options[index].accessSeconds + waits[optionLinks[index]] - cheapest) / scale) / total, option: index)
                }
            }
        }
        for l in volume.indices { refresh(l) }

        if case let .equilibrium(target, maximumIterations) = method {
            iterations = 0
            gap = relativeGapOf(flows: flows, demand: demand, optionLinks: optionLinks, waits: waits)
            while gap > target && iterations < maximumIterations {
                iterations += 1
                for t in trips.indices where demand[t] > 0 && offsets[t + 1] - offsets[t] > 1 {
                    var best = offsets[t]
                    var bestCost = Double.infinity
                    for index in offsets[t]..<offsets[t + 1] {
                        let cost = options[index].accessSeconds + waits[optionLinks[index]]
                        if cost < bestCost { bestCost = cost; best = index }
                    }
                    for index in offsets[t]..<offsets[t + 1] where index != best && flows[index] > 0 {
                        let from = optionLinks[index], to = optionLinks[best]
                        let difference = options[index].accessSeconds + waits[from] - bestCost
                        guard difference > 0 else { continue }
                        let slope = slopes[from] + slopes[to]
                        let shift = slope > 0 ? min(flows[index], difference / slope) : flows[index]
                        add(-shift, option: index)
                        add(shift, option: best)
                        refresh(from)
                        refresh(to)
                        bestCost = options[best].accessSeconds + waits[to]
                    }
                }
                gap = relativeGapOf(flows: flows, demand: demand, optionLinks: optionLinks, waits: waits)
            }
        }

        var volumes = [PerMode<Double>](repeating: [:], count: crossingCount)
        var days = [PerMode<DailyQueue.Day>](repeating: [:], count: crossingCount)
        for crossing in (0..<crossingCount).map(CrossingIndex.init) {
            for mode in modes {
                let l = link(crossing, mode)
                if volume[l] > 0 { volumes[crossing][mode] = volume[l] }
                days[crossing][mode] = queues[l].day(volume: volume[l])
            }
        }
        return CrossingAssignment(choices: self, demand: demand, optionFlows: flows, volumes: volumes, days: days,
                                  method: method, iterations: iterations, relativeGap: gap)
    }

    /// (Σ flow × cost − Σ demand × cheapest cost) / Σ flow × cost.
    private func relativeGapOf(flows: [Double], demand: [Double], optionLinks: [Int], waits: [Double]) -> Double {
        var total = 0.0, shortest = 0.0
        for t in trips.indices where demand[t] > 0 && offsets[t] < offsets[t + 1] {
            var cheapest = Double.infinity
            for index in offsets[t]..<offsets[t + 1] {
                let cost = options[index].accessSeconds + waits[optionLinks[index]]
                if flows[index] > 0 { total += flows[index] * cost }
                cheapest = min(cheapest, cost)
            }
            shortest += demand[t] * cheapest
        }
        return total > 0 ? (total - shortest) / total : 0
    }
}
