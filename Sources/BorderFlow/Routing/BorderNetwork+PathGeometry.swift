import BorderFlowGraph
import BorderFlowSpatial

extension BorderNetwork {
    /// The road and rail geometry of trips through given crossings, in WGS 84 longitude/latitude: the best
    /// path from the origin to the crossing on the origin's side, the crossing, and the best path from the
    /// crossing to the destination on the other side (the cheapest route through that crossing). A trip
    /// without a crossing (`crossing == nil`) follows its best path within one country.
    ///
    /// One search tree serves every trip from the same origin, and one every trip to the same destination.
    /// Closures do not matter: they close crossings, not roads.
    ///
    /// - Parameter trips: places by dataset index; the crossing by dataset index.
    /// - Returns: one line per trip, empty where no path exists.
    public func geometry(of trips: [(origin: PlaceIndex, crossing: CrossingIndex?, destination: PlaceIndex, mode: Mode)]) -> [[Coordinate]] {
        let search = ShortestPathSearch(graph: graph)
        var edgeBuffer: [Graph.EdgeID] = []
        struct End: Hashable { let place: PlaceIndex; let layer: Int }
        // Paths by (end, crossing index or -1 - place index for the other place), as edge lists in travel order.
        var outbound: [End: [Int: [Graph.EdgeID]]] = [:]
        var inbound: [End: [Int: [Graph.EdgeID]]] = [:]
        func node(ofPlace index: PlaceIndex) -> Graph.NodeID { nodeIndex[dataset.places[index].id]! }

        let byOrigin = Dictionary(grouping: trips.indices) { End(place: trips[$0].origin, layer: roadLayer[trips[$0].mode.index]) }
        for (end, members) in byOrigin.sorted(by: { ($0.key.place.rawValue, $0.key.layer) < ($1.key.place.rawValue, $1.key.layer) }) {
            search.tree(from: node(ofPlace: end.place), direction: .forward, layer: end.layer,
                        mask: ClosureMask(for: graph), exclusions: allCrossingEdges)
            let country = dataset.places[end.place].country
            for t in members {
                let trip = trips[t]
                let target = trip.crossing.flatMap { crossingSideNodes[$0][country] } ?? node(ofPlace: trip.destination)
                let key = trip.crossing?.rawValue ?? -1 - trip.destination.rawValue
                if outbound[end, default: [:]][key] == nil {
                    outbound[end, default: [:]][key] = search.path(to: target, into: &edgeBuffer) ? edgeBuffer : nil
                }
            }
        }
        let crossingTrips = trips.indices.filter { trips[$0].crossing != nil }
        let byDestination = Dictionary(grouping: crossingTrips) { End(place: trips[$0].destination, layer: roadLayer[trips[$0].mode.index]) }
        for (end, members) in byDestination.sorted(by: { ($0.key.place.rawValue, $0.key.layer) < ($1.key.place.rawValue, $1.key.layer) }) {
            search.tree(from: node(ofPlace: end.place), direction: .backward, layer: end.layer,
                        mask: ClosureMask(for: graph), exclusions: allCrossingEdges)
            let country = dataset.places[end.place].country
            for t in members {
                let crossing = trips[t].crossing!
                if inbound[end, default: [:]][crossing.rawValue] == nil, let side = crossingSideNodes[crossing][country] {
                    inbound[end, default: [:]][crossing.rawValue] = search.path(to: side, into: &edgeBuffer) ? edgeBuffer : nil
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
    /// through its crossing to its destination that `geometry(of:)` draws for the same trip.
    ///
    /// - Parameter routes: routes of this network (their place and crossing ids are looked up here).
    /// - Returns: one line per route, empty where a place or crossing id is not in the network or no path exists.
    public func geometry(of routes: [Route]) -> [[Coordinate]] {
        let places = Dictionary(uniqueKeysWithValues: dataset.places.enumerated().map { ($1.id, PlaceIndex($0)) })
        let trips = routes.map { route -> (origin: PlaceIndex, crossing: CrossingIndex?, destination: PlaceIndex, mode: Mode)? in
            guard let origin = places[route.origin], let destination = places[route.destination] else { return nil }
            guard let id = route.crossing else { return (origin, nil, destination, route.mode) }
            guard let crossing = crossingIndex[id] else { return nil }
            return (origin, CrossingIndex(crossing), destination, route.mode)
        }
        let known = trips.compactMap { $0 }
        var lines = geometry(of: known).makeIterator()
        return trips.map { $0 == nil ? [] : lines.next() ?? [] }
    }

    /// The coordinates along road and rail edges, in travel order, starting from `start`.
    func line(start: Coordinate, edges: [Graph.EdgeID]) -> [Coordinate] {
        var coordinates = [start]
        for edge in edges {
            guard case let .road(index) = self.edges[Int(edge)].kind else { continue }
            let road = dataset.roads[index]
            // A road's geometry runs from its `from` node to its `to` node; an edge may travel it either way.
            let forward = nodes[Int(graph.source(of: edge))].id == road.from
            append(forward ? road.geometry : road.geometry.reversed(), to: &coordinates)
        }
        return coordinates
    }

    private func append(_ part: [Coordinate], to line: inout [Coordinate]) {
        for coordinate in part where line.last != coordinate { line.append(coordinate) }
    }
}
