import BorderFlowGraph
import BorderFlowSpatial

extension BorderNetwork {
    /// Answers "how do I get from here to there by this mode, with these closures?" completely: the best open
    /// route, the all-open route for the detour, the alternatives, and the reason when nothing is open.
    ///
    /// - Parameters:
    ///   - origin: a place id or name (case- and accent-insensitive).
    ///   - destination: a place id or name.
    ///   - mode: how the trip travels.
    ///   - closures: what is closed.
    ///   - moment: when; adds opening hours and picks closures by their windows.
    ///   - alternatives: how many distinct crossings to offer (0 for none).
    ///   - algorithm: A*, Dijkstra or the contraction hierarchy (the same costs); nil for the hierarchy where the
    ///     network has one (an imported network), A* otherwise.
    /// - Returns: the answer, with the reason when there is no route.
    /// - Throws: `LookupError` for an unknown place, `ClosureError` for an unknown crossing, port or sector,
    ///   `NetworkError.noHierarchy` for the hierarchy on a network without one.
    public func compareRoutes(
        from origin: String, to destination: String, mode: Mode, closures: Closures = Closures(), at moment: Moment? = nil,
        alternatives: Int = 0, algorithm: SearchAlgorithm? = nil
    ) throws -> RouteComparison {
        let from = try dataset.place(named: origin)
        let to = try dataset.place(named: destination)
        let mask = try self.mask(for: closures, at: moment)
        let search = RouteSearch(network: self, mask: mask)
        let route = try search.route(from: from.id, to: to.id, mode: mode, algorithm: algorithm)
        let applied = !mask.isEmpty
        let allOpen = applied ? try RouteSearch(network: self).route(from: from.id, to: to.id, mode: mode, algorithm: algorithm) : route
        let others = try search.alternatives(from: from.id, to: to.id, mode: mode, count: alternatives)
        var reason: String?
        if route == nil {
            if let allOpen {
                // Out-of-service crossings are never closed; they are not counted among those that serve.
                let crossings = dataset.crossings
                let serving = crossings.typedIndices.filter { crossings[$0].inService && crossings[$0].serves(mode) }
                let closedCount = serving.filter { isClosed(crossing: $0, to: mode, under: mask) }.count
                reason = "no open route: \(closedCount) of the \(serving.count) crossings that take \(mode.displayName) traffic are closed\(moment == nil ? "" : " or outside their hours"), including every one this trip could use; with all crossings open it would cross at \(allOpen.crossing ?? "none")"
            } else {
                reason = "no route even with every crossing open: the network does not connect \(from.id) to \(to.id) for \(mode.displayName) traffic"
            }
        }
        var allOpenCrossingClosure: CrossingClosureReason?
        if let unused = allOpen?.crossing, unused != route?.crossing {
            allOpenCrossingClosure = try closureReason(crossing: unused, mode: mode, closures: closures, at: moment)
        }
        return RouteComparison(origin: from, destination: to, mode: mode, route: route, allOpen: allOpen,
                               closuresApplied: applied, alternatives: others, reason: reason,
                               allOpenCrossingClosure: allOpenCrossingClosure)
    }
}
