import BorderFlowGraph

/// Answers route questions on a ``BorderNetwork`` under one closure state, fast, from any number of tasks.
///
/// Make one with ``BorderNetwork/router(closures:at:applyingOpeningHours:)`` each time the closures change
/// (it takes microseconds): it keeps, per mode and direction, the crossings open under those closures, and
/// shares the network's table of road costs between every place and every crossing, which no closure
/// changes. A route is then the cheapest open crossing of road-to-crossing + inspection + road-from-crossing:
/// about a hundred nanoseconds, with no allocation and no lock. The answers equal a graph search's
/// (the library's internal `RouteSearch`) on every query; ties between crossings of equal cost go to the lower crossing index.
///
/// Immutable and `Sendable`: share one router between tasks.
public struct Router: Sendable {
    /// One open crossing edge: its crossing and its inspection time.
    struct OpenCrossing: Sendable {
        let crossing: Int32
        let costMilliseconds: UInt32
        let edge: Graph.EdgeID
    }

    /// The network routed on.
    public let network: BorderNetwork
    /// The closures this router applies.
    public let closures: Closures
    /// The moment the closures were read at, or nil for every closure whatever its window.
    public let moment: Moment?
    /// The graph mask the closures and moment make.
    @_spi(Internals) public let mask: ClosureMask
    let access: AccessCosts
    /// Open crossings per mode and direction, by crossing index: `open[slot(mode, northbound)]`.
    let open: [[OpenCrossing]]

    init(network: BorderNetwork, closures: Closures, moment: Moment?, mask: ClosureMask) {
        self.network = network
        self.closures = closures
        self.moment = moment
        self.mask = mask
        access = network.accessCosts
        var open = [[OpenCrossing]](repeating: [], count: 2 * Mode.allCases.count)
        for (crossing, edges) in zip(network.crossings.typedIndices, network.crossingEdges) {
            for (mode, edge) in edges {
                guard case let .crossing(_, _, northbound) = network.edges[Int(edge)].kind,
                      network.isOpen(crossing: crossing, mode: mode, northbound: northbound, mask: mask) else { continue }
                let cost = network.graph.costMilliseconds(of: edge, layer: mode.index)
                guard cost != Graph.impassable else { continue }
                open[Self.slot(mode, northbound: northbound)].append(
                    OpenCrossing(crossing: Int32(crossing.rawValue), costMilliseconds: UInt32(cost), edge: edge))
            }
        }
        self.open = open
    }

    @inline(__always)
    static func slot(_ mode: Mode, northbound: Bool) -> Int { 2 * mode.index + (northbound ? 0 : 1) }

    /// The best route of a trip: where it crosses, how long it takes, how far it goes; nil when no open
    /// route exists (every crossing the trip could use is closed, or the network does not connect it).
    ///
    /// A trip from Mexico crosses northbound, one from the U.S. southbound, one within a country not at all.
    /// Allocates nothing, but for a trip within one country on an imported network, which is searched.
    ///
    /// - Parameter trip: places by index in ``BorderNetwork/places`` (see ``BorderNetwork/trip(from:to:mode:)``,
    ///   which checks names); like an array subscript, an index out of range stops the program.
    /// - Returns: the crossing, travel time and length, or nil.
    public func route(_ trip: Trip) -> RouteCost? {
        let access = self.access
        let mexicoToUS = access.placeIsInMexico[trip.origin]
        guard mexicoToUS != access.placeIsInMexico[trip.destination] else {
            // An imported network keeps no table between places (the flow model has no trip within one country):
            // such a trip is searched, and that search allocates.
            guard !access.betweenPlaces.isEmpty else {
                let places = network.dataset.places
                guard let route = try? RouteSearch(network: network).route(
                    from: places[trip.origin].id, to: places[trip.destination].id, mode: trip.mode) else { return nil }
                return RouteCost(crossing: nil, travelMilliseconds: UInt64((route.travelSeconds * 1000).rounded()), lengthMeters: route.lengthMeters)
            }
            let index = (access.slotOfLayer[trip.mode.index] * access.placeCount + trip.origin.rawValue)
                * access.placeCount + trip.destination.rawValue
            let cost = access.betweenPlaces[index]
            guard cost != AccessCosts.unreachable else { return nil }
            return RouteCost(crossing: nil, travelMilliseconds: UInt64(cost), lengthMeters: access.betweenPlacesMeters[index])
        }
        let near = access.row(place: trip.origin, mode: trip.mode)
        let far = access.row(place: trip.destination, mode: trip.mode)
        // A sum with an unreachable part is at least `unreachable`, so it never beats the starting bound.
        var best = UInt64(AccessCosts.unreachable)
        var chosen = -1
        access.toCrossing.withUnsafeBufferPointer { toCrossing in
            access.fromCrossing.withUnsafeBufferPointer { fromCrossing in
                open[Self.slot(trip.mode, northbound: mexicoToUS)].withUnsafeBufferPointer { candidates in
                    for candidate in candidates {
                        let crossing = Int(candidate.crossing)
                        let total = UInt64(toCrossing[near + crossing]) + UInt64(candidate.costMilliseconds)
                            + UInt64(fromCrossing[far + crossing])
                        if total < best {
                            best = total
                            chosen = crossing
                        }
                    }
                }
            }
        }
        guard chosen >= 0 else { return nil }
        return RouteCost(crossing: CrossingIndex(chosen), travelMilliseconds: best,
                         lengthMeters: access.toCrossingMeters[near + chosen] + access.fromCrossingMeters[far + chosen])
    }

    /// The best routes of many trips, in order: ``route(_:)->RouteCost?`` for each.
    ///
    /// - Parameter trips: the trips, places by index.
    /// - Returns: one answer per trip, nil where no open route exists.
    public func route(_ trips: some Sequence<Trip>) -> [RouteCost?] {
        trips.map { route($0) }
    }

    /// The best route between two places with its path and roads, for reading rather than counting: the
    /// crossing and cost are ``route(_:)->RouteCost?``'s, the path is rebuilt with two graph searches (tens of
    /// microseconds; it allocates).
    ///
    /// - Parameters:
    ///   - origin: a place id or name (any case, accents optional).
    ///   - destination: a place id or name.
    ///   - mode: how the trip travels.
    /// - Returns: the route, or nil when no open route exists.
    /// - Throws: `LookupError.unknownPlace` with the closest names, for a place not in the network.
    public func route(from origin: String, to destination: String, mode: Mode) throws -> Route? {
        let trip = try network.trip(from: origin, to: destination, mode: mode)
        let from = network.dataset.places[trip.origin].id, to = network.dataset.places[trip.destination].id
        guard let cost = route(trip) else { return nil }
        let search = RouteSearch(network: network, mask: mask)
        guard let crossing = cost.crossing else {
            return try search.route(from: from, to: to, mode: mode)
        }
        let northbound = access.placeIsInMexico[trip.origin]
        guard let edge = open[Self.slot(mode, northbound: northbound)].first(where: { Int($0.crossing) == crossing.rawValue })?.edge else {
            return nil
        }
        return try search.route(from: from, to: to, mode: mode, through: edge, costMilliseconds: cost.travelMilliseconds)
    }

    /// Whether a crossing is open to a mode in a direction under this router's closures.
    ///
    /// - Parameters:
    ///   - crossing: the crossing's index in ``BorderNetwork/crossings``.
    ///   - mode: the mode.
    ///   - northbound: true for Mexico to the U.S.
    /// - Returns: true when the crossing serves the mode and its edge that way is open.
    public func isOpen(crossing: CrossingIndex, mode: Mode, northbound: Bool = true) -> Bool {
        network.crossings.indices.contains(crossing.rawValue)
            && network.isOpen(crossing: crossing, mode: mode, northbound: northbound, mask: mask)
    }
}
