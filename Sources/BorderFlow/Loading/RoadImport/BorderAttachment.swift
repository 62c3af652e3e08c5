import BorderFlowSpatial
import Foundation

/// How an imported road graph meets the dataset: each crossing matched to the road over the border, the side of
/// the border of every part of the network, the parts kept, and each place joined to its nearest road node.
struct BorderAttachment {
    /// A crossing and the edge that became it.
    struct MatchedCrossing {
        let crossing: Int
        let edge: Int
        let mexicoNode: Int32
        let usNode: Int32
        let distanceMeters: Double
        /// The name of the road that became the crossing.
        let roadName: String
    }

    /// A place and the node it is joined to.
    struct JoinedPlace {
        let place: Int
        let node: Int32
        let distanceMeters: Double
    }

    let matched: [MatchedCrossing]
    /// Each node's part (an index into `partCountry`), -1 for a node with no edge.
    let partOfNode: [Int32]
    let partCountry: [Country?]
    let partKept: [Bool]
    let partsDropped: Int
    let nodesDropped: Int
    let joinedPlaces: [JoinedPlace]
    /// Places inside the area with no usable road near enough, with the reason.
    let placesLeftOut: [(place: Int, reason: String)]

    func isKept(node: Int32) -> Bool {
        let part = partOfNode[Int(node)]
        return part >= 0 && partKept[Int(part)]
    }

    func country(of node: Int32) -> Country? {
        let part = partOfNode[Int(node)]
        return part >= 0 ? partCountry[Int(part)] : nil
    }

    // swiftlint:disable:next function_body_length
    init(lines: RoadLines, topology: RoadTopology, matcher: CrossingMatcher, dataset: Dataset, region: BorderRegion,
         places: [Int]) throws {
        let edges = topology.edges
        func tags(of edge: Int) -> RoadTags { lines.kinds[Int(lines.kindOfLine[Int(edges[edge].line)])].tags }

        // 1. The edges that became crossings: each matched segment, whose ends the topology made nodes.
        var edgeOfSegment: [Int: [Int: Int]] = [:]
        for (index, edge) in edges.enumerated() where edge.last == edge.first + 1 {
            edgeOfSegment[Int(edge.line), default: [:]][Int(edge.first)] = index
        }
        var matchedEdges: [Int: Int] = [:]
        var matches: [(crossing: Int, edge: Int, distance: Double)] = []
        for match in matcher.matches {
            guard let edge = edgeOfSegment[match.line]?[match.offset] else { continue }
            matchedEdges[edge] = match.crossing
            matches.append((match.crossing, edge, match.distanceMeters))
        }

        // 2. Parts: nodes joined by the edges that remain, direction ignored.
        var parent = [Int32](0..<Int32(topology.nodeCount))
        func root(_ node: Int32) -> Int32 {
            var node = node
            while parent[Int(node)] != node {
                parent[Int(node)] = parent[Int(parent[Int(node)])]
                node = parent[Int(node)]
            }
            return node
        }
        var hasEdge = [Bool](repeating: false, count: topology.nodeCount)
        for (index, edge) in edges.enumerated() where edge.from != edge.to {
            hasEdge[Int(edge.from)] = true
            hasEdge[Int(edge.to)] = true
            guard matchedEdges[index] == nil else { continue }
            let a = root(edge.from), b = root(edge.to)
            if a != b { parent[Int(max(a, b))] = min(a, b) }
        }
        var partOfRoot: [Int32: Int32] = [:]
        var partOfNode = [Int32](repeating: -1, count: topology.nodeCount)
        var partNodes: [[Int32]] = []
        for node in 0..<Int32(topology.nodeCount) where hasEdge[Int(node)] {
            let top = root(node)
            let part: Int32
            if let known = partOfRoot[top] {
                part = known
            } else {
                part = Int32(partNodes.count)
                partOfRoot[top] = part
                partNodes.append([])
            }
            partOfNode[Int(node)] = part
            partNodes[Int(part)].append(node)
        }

        // 3. Each part's country: the side of the boundary line most of its nodes lie on (up to 2,000 asked).
        var partCountry = [Country?](repeating: nil, count: partNodes.count)
        for (part, nodes) in partNodes.enumerated() {
            let step = max(1, nodes.count / 2_000)
            var mexico = 0, us = 0
            for offset in stride(from: 0, to: nodes.count, by: step) {
                let coordinate = lines.coordinates[Int(topology.vertexOfNode[Int(nodes[offset])])]
                switch try region.country(at: coordinate) {
                case .mx?: mexico += 1
                case .us?: us += 1
                case nil: break
                }
            }
            partCountry[part] = mexico == us ? nil : (mexico > us ? .mx : .us)
        }

        // 4. Each crossing's sides, and the parts kept: those that hold a crossing's side.
        var partKept = [Bool](repeating: false, count: partNodes.count)
        var matched: [MatchedCrossing] = []
        for match in matches {
            let crossing = dataset.crossings[match.crossing]
            let edge = edges[match.edge]
            let partA = partOfNode[Int(edge.from)], partB = partOfNode[Int(edge.to)]
            guard partA != partB else {
                throw RoadImportError.crossingSidesNotSeparate(
                    crossing: crossing.id,
                    reason: "the roads at the two ends of its road \"\(lines.kinds[Int(lines.kindOfLine[Int(edge.line)])].name)\" are joined without it, so the network links Mexico and the United States somewhere other than a crossing of the dataset; crop the source with --bbox or add the crossing there")
            }
            let countryA = partCountry[Int(partA)], countryB = partCountry[Int(partB)]
            guard let countryA, let countryB, countryA != countryB else {
                throw RoadImportError.crossingSidesNotSeparate(
                    crossing: crossing.id,
                    reason: "both ends of its road \"\(lines.kinds[Int(lines.kindOfLine[Int(edge.line)])].name)\" lead to roads on the \(countryA?.rawValue ?? countryB?.rawValue ?? "same") side of the boundary line; the road matched is not the one over the border")
            }
            partKept[Int(partA)] = true
            partKept[Int(partB)] = true
            matched.append(MatchedCrossing(crossing: match.crossing, edge: match.edge,
                                           mexicoNode: countryA == .mx ? edge.from : edge.to,
                                           usNode: countryA == .mx ? edge.to : edge.from, distanceMeters: match.distance,
                                           roadName: lines.kinds[Int(lines.kindOfLine[Int(edge.line)])].name))
        }
        var nodesDropped = 0, partsDropped = 0
        for (part, nodes) in partNodes.enumerated() where !partKept[part] {
            partsDropped += 1
            nodesDropped += nodes.count
        }

        // 5. Places: each joined to the nearest kept node on its side on a road, not a footway (pedestrians ride cars).
        var carNode = [Bool](repeating: false, count: topology.nodeCount)
        for (index, edge) in edges.enumerated() where matchedEdges[index] == nil && tags(of: index).roadClass != .footway {
            carNode[Int(edge.from)] = true
            carNode[Int(edge.to)] = true
        }
        func longitude(_ node: Int32) -> Double { lines.coordinates[Int(topology.vertexOfNode[Int(node)])].longitude }
        var candidates: [Int32] = []
        for node in 0..<Int32(topology.nodeCount) where carNode[Int(node)] {
            let part = partOfNode[Int(node)]
            if part >= 0, partKept[Int(part)] { candidates.append(node) }
        }
        candidates.sort { longitude($0) < longitude($1) }
        let longitudes = candidates.map(longitude)
        var joined: [JoinedPlace] = []
        var leftOut: [(Int, String)] = []
        let reach = RoadImportOptions.placeJoinMeters
        // A place joins only where a car can come from a crossing and go to one: one-way streets may cut it off
        // one way.
        let vehicleSides = matched.filter { match in
            dataset.crossings[match.crossing].modes.contains { $0 == .pov || $0 == .bus || $0 == .truck }
        }.flatMap { [$0.mexicoNode, $0.usNode] }
        let oneWay = OneWayReach(lines: lines, topology: topology, excluded: Set(matchedEdges.keys), sides: vehicleSides)
        for placeIndex in places {
            let place = dataset.places[placeIndex]
            let window = reach / 80_000 * 1.5
            var index = RoadLines.firstIndex(in: longitudes, notBelow: place.coordinate.longitude - window)
            var best: (node: Int32, distance: Double)?
            while index < candidates.count, longitudes[index] <= place.coordinate.longitude + window {
                let node = candidates[index]
                index += 1
                let coordinate = lines.coordinates[Int(topology.vertexOfNode[Int(node)])]
                guard abs(coordinate.latitude - place.coordinate.latitude) <= window,
                      partCountry[Int(partOfNode[Int(node)])] == place.country else { continue }
                let distance = region.geodesicDistanceMeters(from: place.coordinate, to: coordinate)
                if distance <= reach, best.map({ distance < $0.distance }) ?? true { best = (node, distance) }
            }
            if let best, !vehicleSides.isEmpty, !oneWay.fromCrossings[Int(best.node)] || !oneWay.toCrossings[Int(best.node)] {
                leftOut.append((placeIndex, oneWay.toCrossings[Int(best.node)]
                    ? "its nearest road is reached from no crossing along one-way streets"
                    : "its nearest road leads to no crossing along one-way streets"))
            } else if let best {
                joined.append(JoinedPlace(place: placeIndex, node: best.node, distanceMeters: best.distance))
            } else {
                leftOut.append((placeIndex, "no road on its side within \(Int(reach / 1000)) km"))
            }
        }

        // 6. Every crossing's sides must be on a part some place is joined to.
        let reachedParts = Set(joined.map { partOfNode[Int($0.node)] })
        for match in matched {
            for (node, side) in [(match.mexicoNode, "Mexican"), (match.usNode, "U.S.")] where !reachedParts.contains(partOfNode[Int(node)]) {
                throw RoadImportError.crossingUnreachable(crossing: dataset.crossings[match.crossing].id, side: side,
                                                          partNodes: partNodes[Int(partOfNode[Int(node)])].count)
            }
        }

        self.matched = matched
        self.partOfNode = partOfNode
        self.partCountry = partCountry
        self.partKept = partKept
        self.partsDropped = partsDropped
        self.nodesDropped = nodesDropped
        joinedPlaces = joined
        placesLeftOut = leftOut
    }
}
