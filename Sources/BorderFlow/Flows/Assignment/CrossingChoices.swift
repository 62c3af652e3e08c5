import BorderFlowGraph

/// For a list of trips, the crossings each could use and what each would cost apart from the wait at the
/// crossing itself: the road or rail time from the origin to the crossing's near side, plus from its far
/// side to the destination.
///
/// Road costs do not depend on traffic in BorderFlow (congestion is modelled at the crossings) nor on closures
/// (which close crossings only), so these access costs come from one table per network, built with one
/// search tree from and one to every place; an assignment then only chooses among a trip's options.
public struct CrossingChoices: Sendable {
    /// One way across for one trip.
    public struct Option: Sendable, Equatable {
        /// The crossing, by index in the dataset.
        public let crossing: CrossingIndex
        /// Travel time on the roads or rails either side, without the crossing, in seconds.
        public let accessSeconds: Double
    }

    /// The trips, in the order given.
    public let trips: [Trip]
    /// The options of trip `t` are `options[offsets[t]..<offsets[t + 1]]`, cheapest first.
    public let offsets: [Int]
    /// Every trip's options, trip after trip (see `offsets`).
    public let options: [Option]

    /// The options of one trip, cheapest first.
    ///
    /// - Parameter index: the trip's index in `trips`.
    /// - Returns: its options; empty when it has none.
    public func options(ofTrip index: Int) -> ArraySlice<Option> {
        options[offsets[index]..<offsets[index + 1]]
    }

    /// Each trip's options cut to the cheapest `maximumOptions` within `maximumExtraSeconds` of its cheapest.
    ///
    /// - Parameters:
    ///   - maximumOptions: how many options a trip keeps at most.
    ///   - maximumExtraSeconds: how much dearer than the trip's cheapest an option may be.
    /// - Returns: the same trips with fewer options, cheapest first.
    public func limited(maximumOptions: Int, maximumExtraSeconds: Double) -> CrossingChoices {
        var newOffsets = [0]
        var kept: [Option] = []
        newOffsets.reserveCapacity(offsets.count)
        kept.reserveCapacity(options.count) // at most all of them; room never touched costs nothing
        for t in trips.indices {
            let list = options(ofTrip: t)
            if let cheapest = list.first?.accessSeconds {
                kept += list.prefix { $0.accessSeconds - cheapest <= maximumExtraSeconds }.prefix(maximumOptions)
            }
            newOffsets.append(kept.count)
        }
        return CrossingChoices(trips: trips, offsets: newOffsets, options: kept)
    }

    /// The same trips with only the options `keep` accepts (trip index, option); order is kept.
    ///
    /// - Parameter keep: whether to keep an option, given its trip's index in `trips` and the option.
    /// - Returns: the same trips with the options kept.
    public func filtered(_ keep: (Int, Option) -> Bool) -> CrossingChoices {
        adjusted { keep($0, $1) ? $1 : nil }
    }

    /// The same trips with each option replaced by what `transform` returns (trip index, option), or dropped
    /// when it returns nil; order is kept.
    ///
    /// - Parameter transform: the new option, or nil to drop it.
    /// - Returns: the same trips with the options transformed.
    public func adjusted(_ transform: (Int, Option) -> Option?) -> CrossingChoices {
        var newOffsets = [0]
        var kept: [Option] = []
        newOffsets.reserveCapacity(offsets.count)
        kept.reserveCapacity(options.count)
        for t in trips.indices {
            for option in options(ofTrip: t) { if let changed = transform(t, option) { kept.append(changed) } }
            newOffsets.append(kept.count)
        }
        return CrossingChoices(trips: trips, offsets: newOffsets, options: kept)
    }
}
