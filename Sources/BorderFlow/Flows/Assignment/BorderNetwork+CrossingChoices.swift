import BorderFlowGraph

extension BorderNetwork {
    /// The crossing options of each trip under a closure mask.
    ///
    /// A trip's options are the open crossings serving its mode in the direction of travel (northbound from
    /// Mexico, southbound from the U.S.), reachable from its origin on its own side and reaching its
    /// destination on the other. Options costing more than `maximumExtraSeconds` over the trip's cheapest
    /// are left out (nobody drives six hours round to save a queue), and at most `maximumOptions` are kept.
    /// A trip within one country has no options.
    ///
    /// - Parameters:
    ///   - trips: places by dataset index.
    ///   - mask: the closure mask (from `mask(for:at:)`); only its crossing edges are read.
    ///   - capacity: each crossing's daily capacity for a mode, when a crossing left with no lanes is to count as
    ///     closed (the network's one closure rule, `isOpen`); not asked when nil.
    ///   - maximumOptions: how many options a trip keeps at most.
    ///   - maximumExtraSeconds: how much dearer than its cheapest an option may be.
    ///   - admitting: whether a trip may use a crossing at all (a pedestrian's reach); asked before the limits
    ///     are applied, so a crossing it refuses is not the cheapest either. Every crossing when nil.
    /// - Returns: the trips with their options, cheapest first.
    package func crossingChoices(
        for trips: [Trip], mask: ClosureMask? = nil, capacity: ((CrossingIndex, Mode) -> Double)? = nil,
        maximumOptions: Int = 8, maximumExtraSeconds: Double = 6 * 3600,
        admitting: (@Sendable (Trip, CrossingIndex) -> Bool)? = nil
    ) -> CrossingChoices {
        let mask = mask ?? ClosureMask(for: graph)
        let access = accessCosts
        let crossingCount = dataset.crossings.count, modeCount = Mode.allCases.count
        // Whether each crossing is open to each mode each way: the same for every trip, so asked once.
        @Sendable func way(_ crossing: Int, _ mode: Mode, northbound: Bool) -> Int { (crossing * modeCount + mode.index) * 2 + (northbound ? 1 : 0) }
        let isOpenWay = (0..<crossingCount * modeCount * 2).map { index in
            let crossing = CrossingIndex(index / (modeCount * 2)), mode = Mode.allCases[index / 2 % modeCount]
            let isServed = isOpen(crossing: crossing, mode: mode, northbound: index % 2 == 1, mask: mask)
            // Capacity is asked only of a crossing serving the mode, whose queue exists.
            guard isServed, let capacity else { return isServed }
            return isOpen(crossing: crossing, mode: mode, northbound: index % 2 == 1, mask: mask, capacity: capacity(crossing, mode))
        }
        // Trips are independent: searched in chunks at once, joined in trip order.
        let chunks = ConcurrentChunks.map(trips.count, minimumChunk: 1_000) { range in
            var counts: [Int] = []
            var options: [CrossingChoices.Option] = []
            var found = CheapestOptions(capacity: maximumOptions)
            counts.reserveCapacity(range.count)
            // Room for every option a trip may keep: the list never moves as it grows, and untouched room costs nothing.
            options.reserveCapacity(range.count * min(maximumOptions, crossingCount))
            for trip in trips[range] {
                let from = dataset.places[trip.origin].country, to = dataset.places[trip.destination].country
                found.removeAll()
                if from != to {
                    let northbound = from == .mx
                    let near = access.row(place: trip.origin, mode: trip.mode), far = access.row(place: trip.destination, mode: trip.mode)
                    for crossing in 0..<crossingCount where isOpenWay[way(crossing, trip.mode, northbound: northbound)] {
                        guard let a = access.cost(atRow: near, crossing: CrossingIndex(crossing)),
                              let b = access.returnCost(atRow: far, crossing: CrossingIndex(crossing)) else { continue }
                        let option = CrossingChoices.Option(crossing: CrossingIndex(crossing), accessSeconds: Double(a + b) / 1000)
                        // Whether the trip may use it is asked last: of many crossings, few are cheap enough to keep.
                        guard found.wouldKeep(option), admitting?(trip, CrossingIndex(crossing)) ?? true else { continue }
                        found.offer(option)
                    }
                    let cheapestFirst = found.options
                    if let cheapest = cheapestFirst.first?.accessSeconds {
                        options += cheapestFirst.prefix { $0.accessSeconds - cheapest <= maximumExtraSeconds }
                    }
                }
                counts.append(options.count)
            }
            return (counts: counts, options: options)
        }
        var offsets = [0]
        var options: [CrossingChoices.Option] = []
        offsets.reserveCapacity(trips.count + 1)
        options.reserveCapacity(chunks.reduce(0) { $0 + $1.options.count })
        for chunk in chunks {
            let base = options.count
            offsets += chunk.counts.lazy.map { base + $0 }
            options += chunk.options
        }
        return CrossingChoices(trips: trips, offsets: offsets, options: options)
    }
}
