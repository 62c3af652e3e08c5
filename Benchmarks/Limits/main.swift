import BorderFlow
import BorderFlowGraph
import Foundation

// Measures how much memory BorderFlow needs as networks and demand grow, for the limits in the README.
//
//   swift run -c release Limits graph NODES     a road-like jittered grid of about NODES nodes (one layer, built
//                                               with the flat builder), its memory per edge and the build's peak
//                                               per node, and one full shortest-path tree on it
//   swift run -c release Limits demand          the bundled network with every possible trip: each origin to each
//                                               destination across the border, in every mode, assigned at equilibrium
//   swift run -c release Limits crossings DIR   a dataset folder (Scripts/make-many-crossings makes one with many
//                                               crossings) loaded, its demand prepared for diversion in December and
//                                               one crossing closed
//
// Prints one line: what was built, its size, the peak resident memory of the process and the time taken.

/// The process's peak resident set, in bytes (Linux: VmHWM in /proc/self/status).
func peakResidentBytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
    return kilobytes * 1024
}

/// The process's resident set now, in bytes (Linux: VmRSS in /proc/self/status).
func residentBytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
          let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
    return kilobytes * 1024
}

func megabytes(_ bytes: Int) -> String { String(format: "%.0f MB", Double(bytes) / 1_048_576) }

let arguments = CommandLine.arguments.dropFirst()
let clock = ContinuousClock()
let start = clock.now
switch arguments.first {
case "graph":
    guard let nodes = arguments.dropFirst().first.flatMap({ Int($0) }), nodes > 1 else {
        FileHandle.standardError.write(Data("usage: Limits graph NODES\n".utf8))
        exit(2)
    }
    // A jittered grid of about NODES nodes, built straight into flat arrays with one layer, then one full tree.
    let before = residentBytes()
    let (graph, _) = try SyntheticGraph.jitteredGrid(side: Int(Double(nodes).squareRoot().rounded()), seed: 7)
    let buildPeak = peakResidentBytes() - before
    let search = ShortestPathSearch(graph: graph)
    search.tree(from: 0, direction: .forward, layer: 0)
    let reached = (0..<Int32(graph.nodeCount)).reduce(0) { $0 + (search.cost(to: $1) == nil ? 0 : 1) }
    // Per edge: what the edges' arrays hold, without the per-node offsets and coordinates.
    let nodeBytes = 8 * (graph.nodeCount + 1) + MemoryLayout<Graph.Point>.stride * graph.nodeCount
    let perEdge = Double(graph.memoryBytes - nodeBytes) / Double(graph.edgeCount)
    print("graph nodes=\(graph.nodeCount) edges=\(graph.edgeCount) layers=\(graph.layerCount) reached=\(reached) graph=\(megabytes(graph.memoryBytes)) bytesPerEdge=\(String(format: "%.1f", perEdge)) buildPeakBytesPerNode=\(buildPeak / graph.nodeCount) peak=\(megabytes(peakResidentBytes())) seconds=\(clock.now - start)")
case "demand":
    let network = try BorderNetwork(dataset: try Dataset.load())
    let places = network.dataset.places
    var trips: [Trip] = []
    for origin in places.typedIndices {
        for destination in places.typedIndices where places[origin].country != places[destination].country {
            for mode in Mode.allCases { trips.append(Trip(origin: origin, destination: destination, mode: mode)) }
        }
    }
    let demand = Demand(trips: trips, dailyTrips: trips.map { _ in 1 })
    let constants = [PerMode<Double>](repeating: [:], count: network.dataset.crossings.count)
    let model = DiversionModel(network: network, demand: demand, constants: constants, behaviour: try network.behaviour())
    print("demand trips=\(trips.count) options=\(model.baseline.choices.options.count) peak=\(megabytes(peakResidentBytes())) bytesPerTrip=\(peakResidentBytes() / trips.count) seconds=\(clock.now - start)")
case "crossings":
    guard let folder = arguments.dropFirst().first else {
        FileHandle.standardError.write(Data("usage: Limits crossings DIR\n".utf8))
        exit(2)
    }
    let network = try BorderNetwork(dataset: try Dataset.load(from: URL(fileURLWithPath: folder)))
    let (demand, constants) = try network.baselineDemand()
    let season = try network.season(month: 12)
    let model = DiversionModel(network: network, demand: demand, constants: constants, behaviour: try network.behaviour(),
                               season: season)
    var closures = Closures()
    try closures.close(crossing: network.dataset.crossings[0].id)
    let diversion = try model.divert(closures: closures, at: nil)
    print("crossings crossings=\(network.dataset.crossings.count) trips=\(demand.trips.count) options=\(model.baseline.choices.options.count) reached=\(diversion.reachedTrips) peak=\(megabytes(peakResidentBytes())) seconds=\(clock.now - start)")
default:
    FileHandle.standardError.write(Data("usage: Limits graph NODES | Limits demand | Limits crossings DIR\n".utf8))
    exit(2)
}
