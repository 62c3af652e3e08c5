import BorderFlowGraph
import Foundation

/// Road and rail costs that no closure changes: between every place and every crossing's side in the place's
/// country, and between places on one side, per road layer, in whole milliseconds and metres.
///
/// Closures only ever close crossing edges, and these searches keep off the crossings, so one table serves
/// every closure state: a route is then the cheapest open crossing of `near + crossing + far`. Where every road
/// and rail segment is two edges of equal cost (no one-way roads), the cost from a place to a crossing's side is
/// also the cost back, and one tree per place and layer gives both. With one-way roads a second tree per place,
/// grown backward, gives the way back (`fromCrossing`). Built once per network, on first use, by
/// `BorderNetwork.accessCosts`; immutable afterwards.
final class AccessCosts: Sendable {
    /// Marks an unreachable entry. Real costs stay far below it (it is 49 days), so a sum that includes it
    /// is never the cheapest.
    static let unreachable = UInt32.max

    let placeCount: Int
    let crossingCount: Int
    /// The table slot of each mode's graph layer: modes whose road costs are equal share one.
    let slotOfLayer: [Int]
    /// Whether each place is in Mexico.
    let placeIsInMexico: [Bool]
    /// `[(slot × places + place) × crossings + crossing]`: from the place to the crossing's side in the
    /// place's country.
    let toCrossing: [UInt32]
    let toCrossingMeters: [Double]
    /// The same, from the crossing's side to the place: the very same storage as `toCrossing` where no road is
    /// one-way.
    let fromCrossing: [UInt32]
    let fromCrossingMeters: [Double]
    /// `[(slot × places + origin) × places + destination]`: within one country, no crossing used.
    let betweenPlaces: [UInt32]
    let betweenPlacesMeters: [Double]

    init(network: BorderNetwork) {
        let places = network.dataset.places
        let placeCount = places.count, crossingCount = network.dataset.crossings.count
        let layers = Array(Set(network.roadLayer)).sorted()
        let slots = network.roadLayer.map { layers.firstIndex(of: $0)! }
        slotOfLayer = slots
        placeIsInMexico = places.map { $0.country == .mx }
        self.placeCount = placeCount
        self.crossingCount = crossingCount

        let placeNodes = places.map { network.nodeIndex[$0.id]! }
        let twoWay = !network.hasOneWayRoads
        guard network.dataset.importedRoads == nil else {
            // An imported network has millions of nodes: its hierarchies answer each place's costs with a search of
            // a few thousand nodes; without them, trees grow from the crossings, which are fewer than the places.
            let hierarchies = layers.compactMap { network.hierarchies[$0] }
            let tables = hierarchies.count == layers.count
                ? Self.searchesUpHierarchies(network: network, hierarchies: hierarchies, slotOfLayer: slots, placeNodes: placeNodes, twoWay: twoWay)
                : Self.treesFromCrossings(network: network, layers: layers, slotOfLayer: slots, placeNodes: placeNodes,
                                                 twoWay: twoWay)
            toCrossing = tables.toCrossing
            toCrossingMeters = tables.toCrossingMeters
            fromCrossing = tables.fromCrossing
            fromCrossingMeters = tables.fromCrossingMeters
            betweenPlaces = []
            betweenPlacesMeters = []
            return
        }

        // One tree per layer and place (two with one-way roads), each filling its own rows: grown in chunks at
        // once, each chunk with its own search, and its rows laid end to end in tree order, which is the tables' order.
        let chunks = ConcurrentChunks.map(layers.count * placeCount, minimumChunk: 16) { trees in
            let walker = AccessTreeWalker(network: network)
            var rows = (toCrossing: [UInt32](), toCrossingMeters: [Double](), betweenPlaces: [UInt32](), betweenPlacesMeters: [Double](),
                        fromCrossing: [UInt32](), fromCrossingMeters: [Double]())
            rows.toCrossing.reserveCapacity(trees.count * crossingCount)
            rows.toCrossingMeters.reserveCapacity(trees.count * crossingCount)
            rows.betweenPlaces.reserveCapacity(trees.count * placeCount)
            rows.betweenPlacesMeters.reserveCapacity(trees.count * placeCount)
            if !twoWay {
                rows.fromCrossing.reserveCapacity(trees.count * crossingCount)
                rows.fromCrossingMeters.reserveCapacity(trees.count * crossingCount)
            }
            for tree in trees {
                let layer = layers[tree / placeCount], place = tree % placeCount
                let country = places[place].country
                walker.grow(from: placeNodes[place], layer: layer, .forward)
                for crossing in 0..<crossingCount {
                    let found = network.crossingSideNodes[crossing][country].flatMap(walker.reach)
                    rows.toCrossing.append(found?.0 ?? Self.unreachable)
                    rows.toCrossingMeters.append(found?.1 ?? 0)
                }
                for otherNode in placeNodes {
                    let found = walker.reach(otherNode)
                    rows.betweenPlaces.append(found?.0 ?? Self.unreachable)
                    rows.betweenPlacesMeters.append(found?.1 ?? 0)
                }
                guard !twoWay else { continue }
                walker.grow(from: placeNodes[place], layer: layer, .backward)
                for crossing in 0..<crossingCount {
                    let found = network.crossingSideNodes[crossing][country].flatMap(walker.reach)
                    rows.fromCrossing.append(found?.0 ?? Self.unreachable)
                    rows.fromCrossingMeters.append(found?.1 ?? 0)
                }
            }
            return rows
        }
        let toCrossing = chunks.flatMap(\.toCrossing), toCrossingMeters = chunks.flatMap(\.toCrossingMeters)
        let betweenPlaces = chunks.flatMap(\.betweenPlaces), betweenPlacesMeters = chunks.flatMap(\.betweenPlacesMeters)
        self.toCrossing = toCrossing
        self.toCrossingMeters = toCrossingMeters
        self.betweenPlaces = betweenPlaces
        self.betweenPlacesMeters = betweenPlacesMeters
        fromCrossing = twoWay ? toCrossing : chunks.flatMap(\.fromCrossing)
        fromCrossingMeters = twoWay ? toCrossingMeters : chunks.flatMap(\.fromCrossingMeters)
    }

    /// The tables from trees grown at each crossing's sides: forward from a side for the way from the crossing to
    /// every place on that side, backward for the way to it (the same tree where no road is one-way). Only the
    /// crossings that take a mode of a slot get that slot's trees: the others' entries stay unreachable, and no
    /// one reads them, since every reader keeps to the crossings open to the trip's mode. `betweenPlaces` is left
    /// empty: the flow model has no trip within one country, and a route within one country is searched.
    private static func treesFromCrossings(network: BorderNetwork, layers: [Int], slotOfLayer: [Int], placeNodes: [Int32], twoWay: Bool)
        -> (toCrossing: [UInt32], toCrossingMeters: [Double], fromCrossing: [UInt32], fromCrossingMeters: [Double]) {
        let places = network.dataset.places, crossings = network.dataset.crossings
        let placeCount = places.count, crossingCount = crossings.count
        var tasks: [(slot: Int, crossing: Int, country: Country, direction: ShortestPathSearch.Direction)] = []
        for (slot, _) in layers.enumerated() {
            for (index, crossing) in crossings.enumerated() where crossing.inService
                && crossing.modes.contains(where: { slotOfLayer[$0.index] == slot }) {
                for country in Country.allCases where network.crossingSideNodes[index][country] != nil {
                    tasks.append((slot, index, country, .forward))
                    if !twoWay { tasks.append((slot, index, country, .backward)) }
                }
            }
        }
        let placesOf: [Country: [Int]] = Dictionary(grouping: places.indices, by: { places[$0].country })
        let allTasks = tasks
        let chunks = ConcurrentChunks.map(allTasks.count, minimumChunk: 1) { range in
            let walker = AccessTreeWalker(network: network)
            var found: [(index: Int, cost: UInt32, meters: Double, forward: Bool)] = []
            for task in allTasks[range] {
                guard let side = network.crossingSideNodes[task.crossing][task.country] else { continue }
                walker.grow(from: side, layer: layers[task.slot], task.direction)
                for place in placesOf[task.country] ?? [] {
                    guard let (cost, meters) = walker.reach(placeNodes[place]) else { continue }
                    found.append(((task.slot * placeCount + place) * crossingCount + task.crossing, cost, meters, task.direction == .forward))
                }
            }
            return found
        }
        // A forward tree from a crossing's side is the way from it to the places; a backward tree, the way to it.
        // With no one-way road the two are one, and the forward tree serves both tables.
        return tables(chunks.joined().map { ($0.index, $0.cost, $0.meters, twoWay || !$0.forward) },
                      size: layers.count * placeCount * crossingCount, twoWay: twoWay)
    }

    /// The two tables from their entries, each to its place: `toCrossing` tells which table an entry is of.
    private static func tables(_ entries: [(index: Int, cost: UInt32, meters: Double, toCrossing: Bool)], size: Int, twoWay: Bool)
        -> (toCrossing: [UInt32], toCrossingMeters: [Double], fromCrossing: [UInt32], fromCrossingMeters: [Double]) {
        var to = [UInt32](repeating: unreachable, count: size), toMeters = [Double](repeating: 0, count: size)
        var from = twoWay ? [] : to, fromMeters = twoWay ? [] : toMeters
        for entry in entries {
            if entry.toCrossing {
                to[entry.index] = entry.cost
                toMeters[entry.index] = entry.meters
            } else {
                from[entry.index] = entry.cost
                fromMeters[entry.index] = entry.meters
            }
        }
        return twoWay ? (to, toMeters, to, toMeters) : (to, toMeters, from, fromMeters)
    }

    /// The tables from one search up each slot's contraction hierarchy from each place: forward for the costs to
    /// the crossing sides of its country (core nodes of the hierarchy, where such a search's costs are the
    /// graph's), backward for the costs back. Metres are summed along the arcs found, each shortcut's length
    /// worked out once from the edges it stands for. Which entries are filled follows `treesFromCrossings`.
    private static func searchesUpHierarchies(network: BorderNetwork, hierarchies: [ContractionHierarchy], slotOfLayer: [Int],
                                              placeNodes: [Int32], twoWay: Bool)
        -> (toCrossing: [UInt32], toCrossingMeters: [Double], fromCrossing: [UInt32], fromCrossingMeters: [Double]) {
        let places = network.dataset.places, crossings = network.dataset.crossings
        let placeCount = places.count, crossingCount = crossings.count
        let edges = network.edges
        let shortcutMeters = hierarchies.map { hierarchy in hierarchy.shortcutTotals { edges[Int($0)].lengthMeters } }
        let size = hierarchies.count * placeCount * crossingCount
        let directions: [ShortestPathSearch.Direction] = twoWay ? [.forward] : [.forward, .backward]
        let chunks = ConcurrentChunks.map(hierarchies.count * placeCount, minimumChunk: 8) { range in
            var found: [(index: Int, cost: UInt32, meters: Double, forward: Bool)] = []
            var searches: [Int: HierarchySearch] = [:]
            for task in range {
                let slot = task / placeCount, place = task % placeCount
                let country = places[place].country
                let search = searches[slot] ?? HierarchySearch(hierarchy: hierarchies[slot], graph: network.graph)
                searches[slot] = search
                let meters = shortcutMeters[slot]
                for direction in directions {
                    search.searchToCore(from: placeNodes[place], direction: direction)
                    for (index, crossing) in crossings.enumerated() where crossing.inService
                        && crossing.modes.contains(where: { slotOfLayer[$0.index] == slot }) {
                        guard let side = network.crossingSideNodes[index][country], let cost = search.coreCost(of: side) else { continue }
                        var length = 0.0
                        search.forEachArc(towards: side) { arc in length += arc < 0 ? edges[Int(-1 - arc)].lengthMeters : meters[Int(arc)] }
                        found.append(((slot * placeCount + place) * crossingCount + index, UInt32(cost), length, direction == .forward))
                    }
                }
            }
            return found
        }
        // A forward search from a place is the way to the crossings; a backward one, the way back.
        return tables(chunks.joined().map { ($0.index, $0.cost, $0.meters, $0.forward) }, size: size, twoWay: twoWay)
    }

    /// The first index of a place's row of crossings for a mode.
    @inline(__always)
    func row(place: PlaceIndex, mode: Mode) -> Int {
        (slotOfLayer[mode.index] * placeCount + place.rawValue) * crossingCount
    }

    /// Milliseconds from a place to a crossing's side in its country, nil when unreachable.
    ///
    /// - Parameters:
    ///   - row: the place's row for a mode (`row(place:mode:)`).
    ///   - crossing: the crossing's index.
    func cost(atRow row: Int, crossing: CrossingIndex) -> UInt64? {
        let value = toCrossing[row + crossing.rawValue]
        return value == Self.unreachable ? nil : UInt64(value)
    }

    /// Milliseconds from a crossing's side to a place in its country, nil when unreachable.
    ///
    /// - Parameters:
    ///   - row: the place's row for a mode (`row(place:mode:)`).
    ///   - crossing: the crossing's index.
    func returnCost(atRow row: Int, crossing: CrossingIndex) -> UInt64? {
        let value = fromCrossing[row + crossing.rawValue]
        return value == Self.unreachable ? nil : UInt64(value)
    }
}

/// Holds a network's `AccessCosts` once built. The lock is taken once per `Router` made, never per query.
final class AccessCostsCache: @unchecked Sendable {
    private let lock = NSLock()
    private var table: AccessCosts?

    func table(for network: BorderNetwork) -> AccessCosts {
        lock.lock()
        defer { lock.unlock() }
        if let table { return table }
        let built = AccessCosts(network: network)
        table = built
        return built
    }
}

extension BorderNetwork {
    /// The closure-independent access costs, built on first use (tens of milliseconds on the bundled network)
    /// and shared by every router and crossing-choice search afterwards.
    var accessCosts: AccessCosts { accessCostsCache.table(for: self) }
}

/// Grows one access tree at a time and measures the metres from its root along it, filled in as nodes are asked
/// for: each tree node's metres are its parent's plus its tree edge, so every node is summed once per tree.
private final class AccessTreeWalker {
    private let network: BorderNetwork
    private let search: ShortestPathSearch
    private var meters: [Double]
    private var touched: [Graph.NodeID] = []
    private var chain: [Graph.NodeID] = []
    private var direction = ShortestPathSearch.Direction.forward

    init(network: BorderNetwork) {
        self.network = network
        search = ShortestPathSearch(graph: network.graph)
        meters = [Double](repeating: -1, count: network.graph.nodeCount)
    }

    /// Grows the tree of a root on its side of the border: forward for costs from it, backward for costs to it.
    func grow(from root: Graph.NodeID, layer: Int, _ towards: ShortestPathSearch.Direction) {
        for node in touched { meters[Int(node)] = -1 }
        touched.removeAll(keepingCapacity: true)
        direction = towards
        search.tree(from: root, direction: towards, layer: layer, exclusions: network.allCrossingEdges)
    }

    /// The cost and metres between the root and a node, nil when the tree does not reach it.
    func reach(_ node: Graph.NodeID) -> (UInt32, Double)? {
        guard let cost = search.cost(to: node) else { return nil }
        let graph = network.graph
        var current = node
        chain.removeAll(keepingCapacity: true)
        while meters[Int(current)] < 0 {
            touched.append(current)
            guard let edge = search.parentEdge(of: current) else {
                meters[Int(current)] = 0 // the root
                break
            }
            chain.append(current)
            // Towards the root: a forward tree edge's source, a backward tree edge's target.
            current = direction == .forward ? graph.source(of: edge) : graph.target(of: edge)
        }
        var total = meters[Int(current)]
        for link in chain.reversed() {
            guard let edge = search.parentEdge(of: link) else { break }
            total += network.edges[Int(edge)].lengthMeters
            meters[Int(link)] = total
        }
        return (UInt32(cost), meters[Int(node)])
    }
}
