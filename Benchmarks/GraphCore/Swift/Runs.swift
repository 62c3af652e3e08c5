import BorderFlowGraph
import Foundation

/// The generator's top speed (generate_road_grid.cpp): no arc is faster, so straight-line metres at this speed
/// are a lower bound on every path's cost, which A* needs to return Dijkstra's costs.
let topSpeedKilometresPerHour = 110.0
let aStarMillisecondsPerMeter = 1000 / (topSpeedKilometresPerHour / 3.6)
let treeSourceCount = 10
let querySeed: UInt64 = 20_261_206
let closureSeed: UInt64 = 1_206
let closedArcsPerHundred: UInt64 = 1

/// The number of landmarks of the ALT table the queries use.
let landmarkCount = 16

/// One way of answering a one-to-one query. The first in `queryAlgorithms` is the reference the others must
/// match; another algorithm is one more entry there.
struct QueryAlgorithm {
    let name: String
    let cost: (ShortestPathSearch, Graph.NodeID, Graph.NodeID, ClosureMask?) -> UInt64?
}

/// Dijkstra, A* with the straight-line bound, and ALT with a landmark table of the open graph.
func queryAlgorithms(landmarks: LandmarkTable) -> [QueryAlgorithm] {
    [
        QueryAlgorithm(name: "Dijkstra") { search, source, target, mask in
            search.cost(from: source, to: target, layer: 0, mask: mask, algorithm: .dijkstra)
        },
        QueryAlgorithm(name: "A*") { search, source, target, mask in
            search.cost(from: source, to: target, layer: 0, mask: mask, algorithm: .astar,
                        millisecondsPerMeter: aStarMillisecondsPerMeter)
        },
        QueryAlgorithm(name: "ALT") { search, source, target, mask in
            search.cost(from: source, to: target, landmarks: landmarks, mask: mask)
        },
    ]
}

/// Reads the files and builds a one-layer graph with the flat builder, the arcs in order of their tail node
/// (as a road network importer lists them, so the graph keeps no map between edge ids and positions), checks
/// that every arc keeps its milliseconds, and prints the graph's size and memory.
func loadGraph(graphPath: String, coordinatesPath: String?) throws -> Graph {
    let clock = ContinuousClock()
    let start = clock.now
    var arcs = try readArcs(graphPath)
    sortByTail(&arcs)
    let coordinates = try coordinatesPath.map { try readCoordinates($0, nodeCount: arcs.nodeCount) }
    let read = clock.now
    // From here the resident set grows by what the build needs beyond its input.
    let residentBefore = processMemoryBytes("VmRSS")
    resetPeakMemory()
    let graph = try Graph(nodeCount: arcs.nodeCount, sources: arcs.tails, targets: arcs.heads,
                          costMilliseconds: arcs.milliseconds, coordinates: coordinates)
    let buildPeak = processMemoryBytes("VmHWM") - residentBefore
    let built = clock.now
    for arc in arcs.milliseconds.indices where graph.costMilliseconds(of: Graph.EdgeID(arc), layer: 0) != arcs.milliseconds[arc]
        || graph.source(of: Graph.EdgeID(arc)) != arcs.tails[arc] || graph.target(of: Graph.EdgeID(arc)) != arcs.heads[arc] {
        throw DimacsError(description: "arc \(arc + 1) is not in the graph as the file gives it")
    }
    print("graph nodes=\(graph.nodeCount) arcs=\(graph.edgeCount) read_s=\(seconds(read - start)) build_s=\(seconds(built - read)) costs_round_trip=yes")
    // Per arc: what the arcs' arrays hold, without the per-node offsets and coordinates.
    let nodeBytes = 8 * (graph.nodeCount + 1) + MemoryLayout<Graph.Point>.stride * (graph.coordinates?.count ?? 0)
    let perArc = Double(graph.memoryBytes - nodeBytes) / Double(max(1, graph.edgeCount))
    print("memory graph_mb=\(megabytes(graph.memoryBytes)) bytes_per_arc=\(String(format: "%.1f", perArc)) build_peak_bytes_per_node=\(buildPeak / max(1, graph.nodeCount)) peak_mb=\(megabytes(processMemoryBytes("VmHWM")))")
    return graph
}

/// Orders the arcs by tail node, keeping the file's order among arcs of one tail (a counting sort).
func sortByTail(_ arcs: inout DimacsArcs) {
    var start = [Int](repeating: 0, count: arcs.nodeCount + 1)
    for tail in arcs.tails { start[Int(tail) + 1] += 1 }
    for node in 0..<arcs.nodeCount { start[node + 1] += start[node] }
    var tails = arcs.tails, heads = arcs.heads, milliseconds = arcs.milliseconds
    for arc in arcs.tails.indices {
        let slot = start[Int(arcs.tails[arc])]
        start[Int(arcs.tails[arc])] += 1
        tails[slot] = arcs.tails[arc]
        heads[slot] = arcs.heads[arc]
        milliseconds[slot] = arcs.milliseconds[arc]
    }
    arcs.tails = tails
    arcs.heads = heads
    arcs.milliseconds = milliseconds
}

func seconds(_ duration: Duration) -> String { String(format: "%.2f", milliseconds(duration) / 1000) }
func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

func runTrees(graphPath: String) throws {
    let graph = try loadGraph(graphPath: graphPath, coordinatesPath: nil)
    let search = ShortestPathSearch(graph: graph)
    let clock = ContinuousClock()
    var times: [Double] = []
    for k in 0..<treeSourceCount {
        let source = Graph.NodeID((2 * k + 1) * graph.nodeCount / (2 * treeSourceCount))
        let start = clock.now
        search.tree(from: source, direction: .forward, layer: 0)
        times.append(milliseconds(clock.now - start))
        var reached = 0
        var costSum: UInt64 = 0
        for node in 0..<Graph.NodeID(graph.nodeCount) {
            guard let cost = search.cost(to: node) else { continue }
            reached += 1
            costSum += cost
        }
        print("tree source=\(source + 1) reached=\(reached) distance_sum=\(costSum) ms=\(String(format: "%.3f", times.last!))")
    }
    print("median_ms=\(String(format: "%.3f", median(times)))")
    print("memory with_search_peak_mb=\(megabytes(processMemoryBytes("VmHWM")))")
}

/// One-to-one queries: `count` seeded pairs, 100 targets for each of `count / 100` sources, so that one full
/// Dijkstra tree per source gives the exact cost of every pair. The first `timed` pairs are answered by every
/// algorithm, for the settled and time ratios; the last algorithm (ALT) answers all of them. Every answer is
/// checked against the trees.
func runQueries(graphPath: String, coordinatesPath: String, count: Int, timed: Int, closures: Bool) throws {
    let graph = try loadGraph(graphPath: graphPath, coordinatesPath: coordinatesPath)
    var mask: ClosureMask?
    if closures {
        var closed = ClosureMask(for: graph)
        var random = SplitMix64Generator(seed: closureSeed)
        var closedCount = 0
        for arc in 0..<Graph.EdgeID(graph.edgeCount) where random.next() % 100 < closedArcsPerHundred {
            closed.close(edge: arc)
            closedCount += 1
        }
        print("closures closed_arcs=\(closedCount)")
        mask = closed
    }
    let targetsPerSource = 100
    var random = SplitMix64Generator(seed: querySeed)
    let sources = (0..<max(1, count / targetsPerSource)).map { _ in Graph.NodeID(random.next() % UInt64(graph.nodeCount)) }
    var pairs: [(Graph.NodeID, Graph.NodeID)] = []
    for source in sources {
        for _ in 0..<targetsPerSource { pairs.append((source, Graph.NodeID(random.next() % UInt64(graph.nodeCount)))) }
    }
    // Spread the timed sample over the sources.
    var order = SplitMix64(seed: querySeed ^ 1)
    pairs.shuffle(using: &order)
    let search = ShortestPathSearch(graph: graph)
    var exact: [Int: UInt64?] = [:]
    for source in Set(sources) {
        search.tree(from: source, layer: 0, mask: mask)
        for (index, pair) in pairs.enumerated() where pair.0 == source { exact[index] = search.cost(to: pair.1) }
    }
    let clock = ContinuousClock()
    let tableStart = clock.now
    let landmarks = LandmarkTable(graph: graph, layer: 0, count: landmarkCount)
    print("landmarks count=\(landmarks.landmarks.count) build_s=\(seconds(clock.now - tableStart)) table_mb=\(megabytes(landmarks.memoryBytes))")
    let algorithms = queryAlgorithms(landmarks: landmarks)
    var referenceSettled = 0.0, referenceMicroseconds = 0.0
    for (rank, algorithm) in algorithms.enumerated() {
        let answered = rank == algorithms.count - 1 ? pairs.count : min(timed, pairs.count)
        var settled = 0
        var elapsed = Duration.zero
        var sampleSettled = 0, sampleElapsed = Duration.zero
        for index in 0..<answered {
            let (source, target) = pairs[index]
            let start = clock.now
            let cost = algorithm.cost(search, source, target, mask)
            elapsed += clock.now - start
            settled += search.settledCount
            if index + 1 == min(timed, pairs.count) { (sampleSettled, sampleElapsed) = (settled, elapsed) }
            guard cost == exact[index] ?? nil else {
                throw DimacsError(description: "\(algorithm.name) gives \(cost.map(String.init) ?? "no path") from node \(source + 1) to \(target + 1), Dijkstra's tree \((exact[index] ?? nil).map(String.init) ?? "no path")")
            }
        }
        let sample = Double(min(timed, pairs.count))
        let meanSettled = Double(sampleSettled) / sample
        let meanMicroseconds = milliseconds(sampleElapsed) * 1000 / sample
        if rank == 0 { (referenceSettled, referenceMicroseconds) = (meanSettled, meanMicroseconds) }
        print("query algorithm=\(algorithm.name) closures=\(closures ? "yes" : "no") checked=\(answered) timed=\(Int(sample)) same_costs=yes mean_settled=\(Int(meanSettled.rounded())) mean_us=\(String(format: "%.1f", meanMicroseconds)) settled_ratio=\(String(format: "%.3f", meanSettled / referenceSettled)) time_ratio=\(String(format: "%.3f", meanMicroseconds / referenceMicroseconds)) all_mean_us=\(String(format: "%.1f", milliseconds(elapsed) * 1000 / Double(answered)))")
    }
}

/// SplitMix64, written out here so that the pairs and closures stay the same whatever the graph core provides.
struct SplitMix64Generator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Writes a jittered grid (and a landmark table, when asked) as a network file and reads it back, timed.
func runFile(side: Int, landmarks: Int) throws {
    let clock = ContinuousClock()
    let (graph, _) = try SyntheticGraph.jitteredGrid(side: side, seed: 1)
    let tables = landmarks > 0 ? [LandmarkTable(graph: graph, layer: 0, count: landmarks)] : []
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("graph-core-\(ProcessInfo.processInfo.processIdentifier)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("grid.bfgraph")
    let writeStart = clock.now
    try GraphFile.write(graph, landmarks: tables, to: url)
    let written = clock.now - writeStart
    let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0
    var reads: [Double] = []
    for _ in 0..<3 {
        let start = clock.now
        let (read, readTables) = try GraphFile.read(from: url)
        reads.append(milliseconds(clock.now - start))
        guard read.edgeCount == graph.edgeCount, readTables.count == tables.count else {
            throw DimacsError(description: "the file read back is not the graph written")
        }
    }
    print("file nodes=\(graph.nodeCount) edges=\(graph.edgeCount) landmarks=\(landmarks) bytes=\(size) write_ms=\(String(format: "%.0f", milliseconds(written))) best_read_ms=\(String(format: "%.0f", reads.min() ?? 0)) reads_ms=\(reads.map { String(format: "%.0f", $0) }.joined(separator: ","))")
}
