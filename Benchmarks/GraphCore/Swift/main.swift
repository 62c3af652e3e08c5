import BorderFlowGraph
import Foundation

// BorderFlowGraph on a DIMACS graph, for Benchmarks/graph-core to set beside a plain C++ Dijkstra and scipy.
//
//   GraphCore tree FILE.gr
//       a full shortest-path tree (`ShortestPathSearch.tree`) from each of 10 sources spread over the node ids
//       (source k, 0-based, is node (2k + 1) * N / 20, as in reference_dijkstra.cpp and scipy_dijkstra.py);
//       per tree the same line as the C++ program: checksum (nodes reached, sum of their costs) and milliseconds
//   GraphCore queries FILE.gr FILE.co [--count 10000] [--timed 200] [--closures]
//       seeded random one-to-one queries (100 targets per source), every cost checked against a full Dijkstra
//       tree from its source; Dijkstra, A* and ALT each answer the first --timed pairs (mean nodes settled, mean
//       microseconds per query, ratios to Dijkstra) and ALT answers all --count. --closures closes a seeded 1%
//       of the arcs with a `ClosureMask` for every query (and the trees).
//
//   GraphCore file SIDE [--landmarks K]
//       a jittered grid of SIDE × SIDE nodes (SyntheticGraph.jitteredGrid; side 1582 gives 10 million edges),
//       written as a network file (with K landmark tables' worth of one layer, when asked) and read back: the
//       file's size, the time to write it and the best of three reads
//
// The first two print the graph's memory: how much the resident set grew while the graph was built, and the peak.

func usage() -> Never {
    FileHandle.standardError.write(Data("usage: GraphCore tree FILE.gr\n       GraphCore queries FILE.gr FILE.co [--count N] [--timed N] [--closures]\n       GraphCore file SIDE [--landmarks K]\n".utf8))
    exit(2)
}

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch (arguments.first, arguments.count) {
    case ("tree", 2):
        try runTrees(graphPath: arguments[1])
    case ("file", 2...):
        guard let side = Int(arguments[1]), side > 1 else { usage() }
        var landmarks = 0
        if arguments.count == 4, arguments[2] == "--landmarks", let count = Int(arguments[3]), (1...64).contains(count) {
            landmarks = count
        } else if arguments.count != 2 {
            usage()
        }
        try runFile(side: side, landmarks: landmarks)
    case ("queries", 3...):
        var count = 10_000
        var timed = 200
        var closures = false
        var options = arguments.dropFirst(3).makeIterator()
        while let option = options.next() {
            switch option {
            case "--count":
                guard let value = options.next().flatMap({ Int($0) }), value > 0 else { usage() }
                count = value
            case "--timed":
                guard let value = options.next().flatMap({ Int($0) }), value > 0 else { usage() }
                timed = value
            case "--closures": closures = true
            default: usage()
            }
        }
        try runQueries(graphPath: arguments[1], coordinatesPath: arguments[2], count: count, timed: timed, closures: closures)
    default:
        usage()
    }
} catch {
    FileHandle.standardError.write(Data("GraphCore: \(error)\n".utf8))
    exit(1)
}
