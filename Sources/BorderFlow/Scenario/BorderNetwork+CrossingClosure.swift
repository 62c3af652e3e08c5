import BorderFlowGraph

extension BorderNetwork {
    /// Whether a crossing is closed to a mode: the one rule routes, crossing choices, diversions and route
    /// answers all ask.
    ///
    /// A crossing is closed to a mode when the mask (closures, and opening hours at a moment; see
    /// ``mask(for:at:applyingOpeningHours:)``) closes its crossing edge for the mode, or when a scenario leaves
    /// the mode no capacity: a mode with no lanes processes nobody, so it is as closed as a closure would make
    /// it. A crossing out of service is never closed: it has no edges, and takes no traffic in any scenario.
    ///
    /// - Parameters:
    ///   - crossing: the crossing's index in the dataset.
    ///   - mode: the mode.
    ///   - northbound: the direction (true for Mexico to the U.S.); nil when either direction closed counts.
    ///   - mask: the closure mask.
    ///   - capacity: the mode's daily capacity at the crossing in the scenario; nil when lanes do not count.
    /// - Returns: true when the crossing is closed to the mode.
    func isClosed(crossing: CrossingIndex, to mode: Mode, northbound: Bool? = nil, under mask: ClosureMask, capacity: Double? = nil) -> Bool {
        guard dataset.crossings[crossing].inService else { return false }
        if let capacity, !(capacity > 0) { return true }
        return crossingEdges[crossing].contains { edge in
            edge.mode == mode && (northbound == nil || isNorthbound(edge.edge) == northbound) && mask.isClosed(edge: edge.edge)
        }
    }

    /// Whether a crossing takes a mode in a direction: it has an edge for the mode that way, and the one rule
    /// (``isClosed(crossing:to:northbound:under:capacity:)``) does not close it.
    ///
    /// - Parameters:
    ///   - crossing: the crossing's index in the dataset.
    ///   - mode: the mode.
    ///   - northbound: true for Mexico to the U.S.
    ///   - mask: the closure mask.
    ///   - capacity: the mode's daily capacity at the crossing in the scenario; nil when lanes do not count.
    /// - Returns: true when the crossing serves the mode that way and is not closed to it.
    func isOpen(crossing: CrossingIndex, mode: Mode, northbound: Bool, mask: ClosureMask, capacity: Double? = nil) -> Bool {
        crossingEdges[crossing].contains { $0.mode == mode && isNorthbound($0.edge) == northbound }
            && !isClosed(crossing: crossing, to: mode, northbound: northbound, under: mask, capacity: capacity)
    }

    /// The direction of a crossing edge; nil for a road edge.
    private func isNorthbound(_ edge: Graph.EdgeID) -> Bool? {
        guard case let .crossing(_, _, northbound) = edges[Int(edge)].kind else { return nil }
        return northbound
    }
}
