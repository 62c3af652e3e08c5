import BorderFlowGraph
import BorderFlowSpatial

extension BorderNetwork {
    /// The road and rail geometry of trips through given crossings, in WGS 84 longitude/latitude: the best
    /// path from the origin to the crossing on the origin's side, the crossing, and the best path from the
    /// crossing to the destination on the other side (the cheapest route through that crossing). A trip
    /// without a crossing (`crossing == nil`) follows its best path within one country.
    ///
    /// One search serves every trip from the same origin, and one every trip to the same destination: a tree
    /// over the network, or on an imported network with contraction hierarchies a climb to the core, where the
    /// crossings' sides are. Closures do not matter: they close crossings, not roads.
    ///
    /// - Parameter trips: places by dataset index; the crossing by dataset index.
    /// - Returns: one line per trip, empty where no path exists.
    public func geometry(of trips: [(origin: PlaceIndex, crossing: CrossingIndex?, destination: PlaceIndex, mode: Mode)]) -> [[Coordinate]] {
        let paths = EndPaths(network: self)
        struct End: Hashable { let place: PlaceIndex; let layer: Int }
        // Paths by (end, crossing index or -1 - place index for the other place), as edge lists in travel order.
        var outbound: [End: [Int: [Graph.EdgeID]]] = [:]
        var inbound: [End: [Int: [Graph.EdgeID]]] = [:]
        func node(ofPlace index: PlaceIndex) -> Graph.NodeID { nodeIndex[dataset.places[index].id]! }

        let byOrigin = Dictionary(grouping: trips.indices) { End(place: trips[$0].origin, layer: roadLayer[trips[$0].mode.index]) }
        for (end, members) in byOrigin.sorted(by: { ($0.key.place.rawValue, $0.key.layer) < ($1.key.place.rawValue, $1.key.layer) }) {
            let origin = node(ofPlace: end.place)
            paths.search(from: origin, direction: .forward, layer: end.layer)
            let country = dataset.places[end.place].country
            for t in members {
                let trip = trips[t]
                let key = trip.crossing?.rawValue ?? -1 - trip.destination.rawValue
                guard outbound[end, default: [:]][key] == nil else { continue }
                if let crossing = trip.crossing {
                    outbound[end, default: [:]][key] = crossingSideNodes[crossing][country].flatMap { paths.path(to: $0) }
                } else {
                    outbound[end, default: [:]][key] = paths.pathWithinCountry(from: origin, to: node(ofPlace: trip.destination), layer: end.layer)
                }
            }
        }
        let crossingTrips = trips.indices.filter { trips[$0].crossing != nil }
        let byDestination = Dictionary(grouping: crossingTrips) { End(place: trips[$0].destination, layer: roadLayer[trips[$0].mode.index]) }
        for (end, members) in byDestination.sorted(by: { ($0.key.place.rawValue, $0.key.layer) < ($1.key.place.rawValue, $1.key.layer) }) {
            paths.search(from: node(ofPlace: end.place), direction: .backward, layer: end.layer)
            let country = dataset.places[end.place].country
            for t in members {
                let crossing = trips[t].crossing!
                if inbound[end, default: [:]][crossing.rawValue] == nil, let side = crossingSideNodes[crossing][country] {
                    inbound[end, default: [:]][crossing.rawValue] = paths.path(to: side)
                }
            }
        }

        return trips.map { trip in
            let layer = roadLayer[trip.mode.index]
            let start = dataset.places[trip.origin].coordinate
            guard let crossing = trip.crossing else {
                guard let edges = outbound[End(place: trip.origin, layer: layer)]?[-1 - trip.destination.rawValue] else { return [] }
                return line(start: start, edges: edges)
            }
            guard let near = outbound[End(place: trip.origin, layer: layer)]?[crossing.rawValue],
                  let far = inbound[End(place: trip.destination, layer: layer)]?[crossing.rawValue] else { return [] }
            var coordinates = line(start: start, edges: near)
            append([dataset.crossings[crossing].coordinate], to: &coordinates)
            append(line(start: dataset.crossings[crossing].coordinate, edges: far), to: &coordinates)
            return coordinates
        }
    }

    /// The road and rail geometry of routes, in WGS 84 longitude/latitude: for each, the line from its origin
    /// through its crossing to its destination along the edges its search found, so that the line drawn is the
    /// route whose roads are listed. A route found on another network is drawn as `geometry(of:)` draws the
    /// same trip.
    ///
    /// - Parameter routes: routes of this network (their place and crossing ids are looked up here).
    /// - Returns: one line per route, empty where a place or crossing id is not in the network or no path exists.
    public func geometry(of routes: [Route]) -> [[Coordinate]] {
        var lines = [[Coordinate]](repeating: [], count: routes.count)
        var others: [(line: Int, trip: (origin: PlaceIndex, crossing: CrossingIndex?, destination: PlaceIndex, mode: Mode))] = []
        for (index, route) in routes.enumerated() {
            // Looked up one by one: a route answer draws a few lines, and a table of every place cost more.
            guard let origin = dataset.placeIndex(id: route.origin), let destination = dataset.placeIndex(id: route.destination) else { continue }
            if route.foundOn === identity {
                lines[index] = line(start: dataset.places[origin].coordinate, edges: route.edges)
                continue
            }
            guard let id = route.crossing else {
                others.append((index, (origin, nil, destination, route.mode)))
                continue
            }
            guard let crossing = crossingIndex[id] else { continue }
            others.append((index, (origin, CrossingIndex(crossing), destination, route.mode)))
        }
        for (other, drawn) in zip(others, geometry(of: others.map(\.trip))) { lines[other.line] = drawn }
        return lines
    }

    /// The coordinates along road and rail edges, in travel order, starting from `start`; a crossing edge adds
    /// the crossing's own position.
    func line(start: Coordinate, edges: [Graph.EdgeID]) -> [Coordinate] {
        var coordinates = [start]
        for edge in edges {
            switch self.edges[Int(edge)].kind {
            case let .road(index):
                let road = dataset.roads[index]
                // A road's geometry runs from its `from` node to its `to` node; an edge may travel it either way.
                let forward = nodes[Int(graph.source(of: edge))].id == road.from
                append(forward ? road.geometry : road.geometry.reversed(), to: &coordinates)
            case let .importedRoad(segment):
                guard let imported = dataset.importedRoads else { continue }
                let line = imported.line(segment: segment)
                // The imported nodes are the graph's first nodes, numbered alike.
                append(imported.segmentFrom[segment] == UInt32(graph.source(of: edge)) ? line : line.reversed(), to: &coordinates)
            case let .crossing(index, _, _):
                append([dataset.crossings[index].coordinate], to: &coordinates)
            }
        }
        return coordinates
    }

    private func append(_ part: [Coordinate], to line: inout [Coordinate]) {
        for coordinate in part where line.last != coordinate { line.append(coordinate) }
    }
}

/// The paths from one place to the nodes a drawing needs, kept off the crossings: from a tree over the network,
/// or, where the layer has a contraction hierarchy, from a climb up it to the core (where every crossing's
/// sides are), its shortcuts unpacked into edges. Either gives a cheapest path.
private final class EndPaths {
    let network: BorderNetwork
    private lazy var tree = ShortestPathSearch(graph: network.graph)
    private var climbs: [Int: HierarchySearch] = [:]
    private var pointToPoint: [Int: HierarchySearch] = [:]
    private var usesClimb = false
    private var edges: [Graph.EdgeID] = []
    private var layer = 0

    init(network: BorderNetwork) { self.network = network }

    /// Searches from a place's node, forward (paths from it) or backward (paths to it).
    func search(from node: Graph.NodeID, direction: ShortestPathSearch.Direction, layer: Int) {
        self.layer = layer
        if let hierarchy = network.hierarchies[layer] {
            let climb = climbs[layer] ?? HierarchySearch(hierarchy: hierarchy, graph: network.graph)
            climbs[layer] = climb
            climb.searchToCore(from: node, direction: direction)
            usesClimb = true
        } else {
            tree.tree(from: node, direction: direction, layer: layer, mask: ClosureMask(for: network.graph),
                      exclusions: network.allCrossingEdges)
            usesClimb = false
        }
    }

    /// The path between the last search's place and a crossing's side, in travel order; nil when there is none.
    func path(to side: Graph.NodeID) -> [Graph.EdgeID]? {
        guard usesClimb, let climb = climbs[layer] else { return tree.path(to: side, into: &edges) ? edges : nil }
        edges.removeAll(keepingCapacity: true)
        return climb.appendCorePath(to: side, into: &edges) ? edges : nil
    }

    /// The path between two places of one country, off the crossings; nil when there is none.
    func pathWithinCountry(from origin: Graph.NodeID, to destination: Graph.NodeID, layer: Int) -> [Graph.EdgeID]? {
        guard usesClimb, let hierarchy = network.hierarchies[layer] else { return tree.path(to: destination, into: &edges) ? edges : nil }
        let search = pointToPoint[layer] ?? HierarchySearch(hierarchy: hierarchy, graph: network.graph)
        pointToPoint[layer] = search
        guard search.cost(from: origin, to: destination, exclusions: network.allCrossingEdges) != nil else { return nil }
        search.path(into: &edges)
        return edges
    }
}
