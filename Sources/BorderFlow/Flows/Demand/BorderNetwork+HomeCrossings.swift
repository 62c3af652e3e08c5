import BorderFlowGraph

extension BorderNetwork {
    /// Each trip's home crossing: the one of its cheapest way across with every crossing open, counting each
    /// crossing's constant, among every crossing the trip could use (not only the few it weighs, so a large
    /// constant cannot hide a crossing); nil for a trip with no way across.
    ///
    /// Found in one pass over the crossings per trip, holding nothing but the best so far: a dataset of many
    /// crossings costs time in proportion to trips × crossings and no memory beyond the answer. Of equal
    /// costs, the option of lower access cost wins, then the crossing of lower index.
    ///
    /// - Parameters:
    ///   - trips: places by dataset index.
    ///   - constants: seconds added to each crossing's cost per mode.
    ///   - admitting: whether a trip may use a crossing at all (a pedestrian's reach); every crossing when nil.
    /// - Returns: one home per trip, in the order given.
    func homeCrossings(
        of trips: [Trip], constants: [PerMode<Double>], admitting: (@Sendable (Trip, CrossingIndex) -> Bool)? = nil
    ) -> [CrossingIndex?] {
        let access = accessCosts, mask = ClosureMask(for: graph)
        let crossingCount = dataset.crossings.count, modeCount = Mode.allCases.count
        // Whether each crossing takes each mode each way with nothing closed: asked once, not per trip.
        let isOpenWay = (0..<crossingCount * modeCount * 2).map { index in
            isOpen(crossing: CrossingIndex(index / (modeCount * 2)), mode: Mode.allCases[index / 2 % modeCount],
                   northbound: index % 2 == 1, mask: mask)
        }
        let chunks = ConcurrentChunks.map(trips.count, minimumChunk: 1_000) { range in
            trips[range].map { trip -> CrossingIndex? in
                let from = dataset.places[trip.origin].country, to = dataset.places[trip.destination].country
                guard from != to else { return nil }
                let near = access.row(place: trip.origin, mode: trip.mode), far = access.row(place: trip.destination, mode: trip.mode)
                let northbound = from == .mx ? 1 : 0
                var best: (cost: Double, accessSeconds: Double, crossing: CrossingIndex)?
                for crossing in 0..<crossingCount where isOpenWay[(crossing * modeCount + trip.mode.index) * 2 + northbound] {
                    let index = CrossingIndex(crossing)
                    guard let a = access.cost(atRow: near, crossing: index), let b = access.returnCost(atRow: far, crossing: index) else { continue }
                    let accessSeconds = Double(a + b) / 1000
                    let cost = accessSeconds + (constants[crossing][trip.mode] ?? 0)
                    // Whether the trip may use it is asked last, of the few crossings cheaper than the best so far.
                    guard best == nil || (cost, accessSeconds) < (best!.cost, best!.accessSeconds),
                          admitting?(trip, index) ?? true else { continue }
                    best = (cost, accessSeconds, index)
                }
                return best?.crossing
            }
        }
        return chunks.flatMap { $0 }
    }
}
