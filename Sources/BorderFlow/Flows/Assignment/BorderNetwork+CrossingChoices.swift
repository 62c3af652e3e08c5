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
    ///   - maximumOptions: how many options a trip keeps at most.
    ///   - maximumExtraSeconds: how much dearer than its cheapest an option may be.
    /// - Returns: the trips with their options, cheapest first.
    package func crossingChoices(
        for trips: [Trip], mask: ClosureMask? = nil,
        maximumOptions: Int = 8, maximumExtraSeconds: Double = 6 * 3600
    ) -> CrossingChoices {
        let mask = mask ?? ClosureMask(for: graph)
        let access = accessCosts
        let crossingCount = dataset.crossings.count
        var offsets = [0]
        var options: [CrossingChoices.Option] = []
        offsets.reserveCapacity(trips.count + 1)
        for trip in trips {
            let from = dataset.places[trip.origin].country, to = dataset.places[trip.destination].country
            var found: [CrossingChoices.Option] = []
            if from != to {
                let northbound = from == .mx
                let near = access.row(place: trip.origin, mode: trip.mode), far = access.row(place: trip.destination, mode: trip.mode)
                for crossing in (0..<crossingCount).lazy.map(CrossingIndex.init) {
                    guard let a = access.cost(atRow: near, crossing: crossing), let b = access.cost(atRow: far, crossing: crossing),
                          isOpen(crossing: crossing, mode: trip.mode, northbound: northbound, mask: mask) else { continue }
                    found.append(CrossingChoices.Option(crossing: crossing, accessSeconds: Double(a + b) / 1000))
                }
                found.sort { ($0.accessSeconds, $0.crossing) < ($1.accessSeconds, $1.crossing) }
                if let cheapest = found.first?.accessSeconds {
                    found = Array(found.prefix { $0.accessSeconds - cheapest <= maximumExtraSeconds }.prefix(maximumOptions))
                }
            }
            options += found
            offsets.append(options.count)
        }
        return CrossingChoices(trips: trips, offsets: offsets, options: options)
    }
}
