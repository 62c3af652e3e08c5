import BorderFlowGraph
import BorderFlowSpatial

/// Searches the graph for one route at a time, A* or Dijkstra, under one closure mask: the engine behind
/// `BorderNetwork.compareRoutes`, and the reference that `Router`'s precomputed answers are tested against.
///
/// Not part of the library's API: the package and its tests use it, and the benchmarks reach it through
/// `@_spi(Internals) import BorderFlow` to measure `Router` against it, as the tests do to check it.
///
/// Holds search buffers that are reused from query to query, so it is not thread-safe: make one per task
/// (cheap: two arrays per node). The network it reads is shared.
@_spi(Internals) public final class RouteSearch {
    /// The network searched.
    public let network: BorderNetwork
    /// What is closed: crossing edges (or any nodes and edges) the search must not use.
    public let mask: ClosureMask
    // Made on first use: each holds state for every node, which a hierarchy search never needs.
    private lazy var search = ShortestPathSearch(graph: network.graph)
    private lazy var reverseSearch = ShortestPathSearch(graph: network.graph)
    private var edgeBuffer: [Graph.EdgeID] = []
    private var reverseBuffer: [Graph.EdgeID] = []

    /// A search over a network under a closure mask.
    ///
    /// - Parameters:
    ///   - network: the network to search.
    ///   - mask: the mask to apply (from `BorderNetwork.mask(for:at:applyingOpeningHours:)`); nil for none.
    public init(network: BorderNetwork, mask: ClosureMask? = nil) {
        self.network = network
        self.mask = mask ?? ClosureMask(for: network.graph)
    }

    /// The best route between two places for a mode, or nil when every route is closed.
    ///
    /// A trip from Mexico to the U.S. may use only northbound crossing edges, one from the U.S. to Mexico
    /// only southbound ones, and a trip within one country none, so a route crosses the border once at most.
    ///
    /// - Parameters:
    ///   - origin: the origin's place id.
    ///   - destination: the destination's place id.
    ///   - mode: how the trip travels.
    ///   - algorithm: A*, Dijkstra or the contraction hierarchy (the same costs); nil for the hierarchy where the
    ///     network has one, A* otherwise.
    /// - Returns: the route, or nil when every route is closed.
    /// - Throws: `NetworkError.unknownNode` for a place id not in the network, `NetworkError.noHierarchy` when
    ///   the hierarchy is asked for and the network has none.
    public func route(from origin: String, to destination: String, mode: Mode,
                      algorithm: SearchAlgorithm? = nil) throws -> Route? {
        let (source, target, exclusions) = try endpoints(origin, destination)
        let layer = mode.index
        let chosen = algorithm ?? (network.hierarchy(for: mode) != nil ? .hierarchy : .astar)
        guard let graphAlgorithm = chosen.graphAlgorithm else {
            guard let hierarchy = network.hierarchy(for: mode) else { throw NetworkError.noHierarchy }
            let climb = HierarchySearch(hierarchy: hierarchy, graph: network.graph)
            guard let cost = climb.cost(from: source, to: target, mask: mask, exclusions: exclusions, outsideLayer: layer) else { return nil }
            climb.path(into: &edgeBuffer)
            return describe(source: source, edges: edgeBuffer, origin: origin, destination: destination, mode: mode, costMilliseconds: cost)
        }
        guard search.cost(from: source, to: target, layer: layer, mask: mask, exclusions: exclusions,
                          algorithm: graphAlgorithm, millisecondsPerMeter: network.millisecondsPerMeter[layer]) != nil else { return nil }
        search.path(to: target, into: &edgeBuffer)
        return describe(source: source, edges: edgeBuffer, origin: origin, destination: destination, mode: mode,
                        costMilliseconds: search.cost(to: target) ?? 0)
    }

    /// The best route through each of up to `count` distinct crossings, best first: one search forward from
    /// the origin and one backward from the destination, each kept on its own side, joined at every open
    /// crossing edge the mode may use.
    ///
    /// - Parameters:
    ///   - origin: the origin's place id.
    ///   - destination: the destination's place id.
    ///   - mode: how the trip travels.
    ///   - count: how many crossings to offer at most.
    /// - Returns: one route per crossing, cheapest first; empty for a trip within one country.
    /// - Throws: `NetworkError.unknownNode` for a place id not in the network.
    public func alternatives(from origin: String, to destination: String, mode: Mode, count: Int) throws -> [Route] {
        let (source, target, _) = try endpoints(origin, destination)
        guard count > 0, let direction = tripDirection(source, target) else { return [] }
        let layer = mode.index
        let toCrossing: (Int32) -> UInt64?, fromCrossing: (Int32) -> UInt64?
        if let (up, down) = climbToCrossings(source, target, mode: mode) {
            toCrossing = up.coreCost(of:)
            fromCrossing = down.coreCost(of:)
        } else {
            search.tree(from: source, direction: .forward, layer: layer, mask: mask, exclusions: network.allCrossingEdges)
            reverseSearch.tree(from: target, direction: .backward, layer: layer, mask: mask, exclusions: network.allCrossingEdges)
            toCrossing = search.cost(to:)
            fromCrossing = reverseSearch.cost(to:)
        }
        var candidates: [(cost: UInt64, crossing: String, edge: Graph.EdgeID)] = []
        for id in network.crossingEdges.joined().map(\.edge).sorted() {
            guard case let .crossing(crossingIndex, edgeMode, northbound) = network.edges[Int(id)].kind, edgeMode == mode,
                  northbound == direction else { continue }
            guard !mask.isClosed(edge: id) else { continue }
            let cost = network.graph.costMilliseconds(of: id, layer: layer)
            guard cost != Graph.impassable,
                  let near = toCrossing(network.graph.source(of: id)),
                  let far = fromCrossing(network.graph.target(of: id)) else { continue }
            candidates.append((near + UInt64(cost) + far, network.dataset.crossings[crossingIndex].id, id))
        }
        candidates.sort { ($0.cost, $0.crossing) < ($1.cost, $1.crossing) }
        return candidates.prefix(count).map { candidate in
            describe(source: source, through: candidate.edge, origin: origin, destination: destination, mode: mode,
                     costMilliseconds: candidate.cost)
        }
    }

    /// The route through one crossing edge, from the access trees: one search forward from the origin and
    /// one backward from the destination, each kept on its own side.
    func route(from origin: String, to destination: String, mode: Mode, through edge: Graph.EdgeID,
               costMilliseconds: UInt64) throws -> Route {
        let (source, target, _) = try endpoints(origin, destination)
        if climbToCrossings(source, target, mode: mode) == nil {
            let layer = mode.index
            search.tree(from: source, direction: .forward, layer: layer, exclusions: network.allCrossingEdges)
            reverseSearch.tree(from: target, direction: .backward, layer: layer, exclusions: network.allCrossingEdges)
        }
        return describe(source: source, through: edge, origin: origin, destination: destination, mode: mode,
                        costMilliseconds: costMilliseconds)
    }

    /// With a hierarchy for the mode, searches up it from the origin and from the destination to the core, where
    /// the crossings' sides are, keeping off the crossings: what two full trees give, for a few thousand nodes.
    private func climbToCrossings(_ source: Int32, _ target: Int32, mode: Mode) -> (HierarchySearch, HierarchySearch)? {
        guard let hierarchy = network.hierarchy(for: mode) else {
            climbs = nil
            return nil
        }
        let up = HierarchySearch(hierarchy: hierarchy, graph: network.graph)
        let down = HierarchySearch(hierarchy: hierarchy, graph: network.graph)
        up.searchToCore(from: source, direction: .forward)
        down.searchToCore(from: target, direction: .backward)
        climbs = (up, down)
        return (up, down)
    }

    /// The last `climbToCrossings`' searches, when it had a hierarchy.
    private var climbs: (up: HierarchySearch, down: HierarchySearch)?

    /// Describes the route the last two trees (or climbs) join at a crossing edge.
    private func describe(source: Int32, through edge: Graph.EdgeID, origin: String, destination: String, mode: Mode,
                          costMilliseconds: UInt64) -> Route {
        if let (up, down) = climbs {
            edgeBuffer.removeAll(keepingCapacity: true)
            up.appendCorePath(to: network.graph.source(of: edge), into: &edgeBuffer)
            edgeBuffer.append(edge)
            down.appendCorePath(to: network.graph.target(of: edge), into: &edgeBuffer)
            return describe(source: source, edges: edgeBuffer, origin: origin, destination: destination, mode: mode,
                            costMilliseconds: costMilliseconds)
        }
        search.path(to: network.graph.source(of: edge), into: &edgeBuffer)
        reverseSearch.path(to: network.graph.target(of: edge), into: &reverseBuffer)
        return describe(source: source, edges: edgeBuffer + [edge] + reverseBuffer, origin: origin,
                        destination: destination, mode: mode, costMilliseconds: costMilliseconds)
    }

    /// Northbound (true) for Mexico to the U.S., southbound (false) for the reverse, nil within one country.
    private func tripDirection(_ source: Int32, _ target: Int32) -> Bool? {
        let from = network.nodes[Int(source)].country, to = network.nodes[Int(target)].country
        if from == to { return nil }
        return from == .mx
    }

    private func endpoints(_ origin: String, _ destination: String) throws -> (Int32, Int32, ClosureMask) {
        guard let source = network.node(id: origin) else { throw NetworkError.unknownNode(origin) }
        guard let target = network.node(id: destination) else { throw NetworkError.unknownNode(destination) }
        let exclusions: ClosureMask
        switch tripDirection(source, target) {
        case true?: exclusions = network.southboundEdges
        case false?: exclusions = network.northboundEdges
        case nil: exclusions = network.allCrossingEdges
        }
        return (source, target, exclusions)
    }

    private func describe(source: Int32, edges: [Graph.EdgeID], origin: String, destination: String, mode: Mode,
                          costMilliseconds: UInt64) -> Route {
        var path = [network.nodes[Int(source)].id]
        var roads: [String] = []
        var crossing: String?
        var length = 0.0
        for edge in edges {
            let description = network.edges[Int(edge)]
            length += description.lengthMeters
            switch description.kind {
            case let .importedRoad(segment):
                if let imported = network.dataset.importedRoads {
                    let name = imported.names[Int(imported.segmentName[segment])]
                    if roads.last != name { roads.append(name) }
                }
            case let .road(index):
                let name = network.dataset.roads[index].name
                if roads.last != name { roads.append(name) }
                // Places the route passes; a crossing's side node is named only by the crossing edge itself.
                let node = network.nodes[Int(network.graph.target(of: edge))]
                if case .place = node.kind, path.last != node.id { path.append(node.id) }
            case let .crossing(index, _, _):
                crossing = network.dataset.crossings[index].id
                if let crossing, path.last != crossing { path.append(crossing) }
            }
        }
        return Route(origin: origin, destination: destination, mode: mode, crossing: crossing,
                     travelSeconds: Double(costMilliseconds) / 1000, lengthMeters: length, path: path, roads: roads,
                     edges: edges, foundOn: network.identity)
    }
}
