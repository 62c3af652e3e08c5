/// Which nodes can reach a crossing, and be reached from one, by car along one-way streets: a place that one-way
/// streets leave reachable one way only could send trips over the border but never receive them, or the reverse,
/// and the flow model would count them lost. Two breadth-first searches over the car's directed edges.
struct OneWayReach {
    /// Nodes some crossing's side reaches.
    let fromCrossings: [Bool]
    /// Nodes that reach some crossing's side.
    let toCrossings: [Bool]

    /// - Parameters:
    ///   - lines: the road lines.
    ///   - topology: their graph.
    ///   - excluded: edges that are no roads now (the crossings' own segments).
    ///   - sides: the nodes at crossings' sides.
    init(lines: RoadLines, topology: RoadTopology, excluded: Set<Int>, sides: [Int32]) {
        let nodeCount = topology.nodeCount
        // Directed car edges as two adjacency lists in compressed rows: out-edges and in-edges per node.
        var outCount = [Int32](repeating: 0, count: nodeCount + 1), inCount = outCount
        var arcs: [(Int32, Int32)] = []
        for (index, edge) in topology.edges.enumerated() where !excluded.contains(index) && edge.from != edge.to {
            let tags = lines.kinds[Int(lines.kindOfLine[Int(edge.line)])].tags
            guard CrossingMatcher.usable(tags, by: .pov) else { continue }
            if tags.direction != .backward { arcs.append((edge.from, edge.to)) }
            if tags.direction != .forward { arcs.append((edge.to, edge.from)) }
        }
        for (from, to) in arcs {
            outCount[Int(from) + 1] += 1
            inCount[Int(to) + 1] += 1
        }
        for node in 0..<nodeCount {
            outCount[node + 1] += outCount[node]
            inCount[node + 1] += inCount[node]
        }
        var outTargets = [Int32](repeating: 0, count: arcs.count), inSources = outTargets
        var outNext = outCount, inNext = inCount
        for (from, to) in arcs {
            outTargets[Int(outNext[Int(from)])] = to
            outNext[Int(from)] += 1
            inSources[Int(inNext[Int(to)])] = from
            inNext[Int(to)] += 1
        }
        func search(_ offsets: [Int32], _ neighbours: [Int32]) -> [Bool] {
            var seen = [Bool](repeating: false, count: nodeCount)
            var queue: [Int32] = []
            for side in sides where !seen[Int(side)] {
                seen[Int(side)] = true
                queue.append(side)
            }
            var head = 0
            while head < queue.count {
                let node = Int(queue[head])
                head += 1
                for position in Int(offsets[node])..<Int(offsets[node + 1]) {
                    let next = neighbours[position]
                    if !seen[Int(next)] {
                        seen[Int(next)] = true
                        queue.append(next)
                    }
                }
            }
            return seen
        }
        fromCrossings = search(outCount, outTargets)
        toCrossings = search(inCount, inSources)
    }
}
