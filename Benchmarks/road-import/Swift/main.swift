// Route queries on an imported network, timed in the library: the network is loaded once, then each query is
// what `borderflow route` asks of it (`compareRoutes`, A* from place to place with one crossing).
//
// Usage: ImportedNetwork DIR [QUERIES [show]]; with `show`, each pair with no route is printed with the reason.
import BorderFlow
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: ImportedNetwork DIR [QUERIES]\n".utf8))
    exit(64)
}
let folder = URL(fileURLWithPath: arguments[1], isDirectory: true)
let queries = arguments.count > 2 ? Int(arguments[2]) ?? 200 : 200

func seconds(since start: DispatchTime) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9 }

let loadStart = DispatchTime.now()
let network = try BorderNetwork(contentsOf: folder)
let loadSeconds = seconds(since: loadStart)
print("loaded \(network.dataset.importedRoads?.nodeCount ?? 0) imported nodes, \(network.dataset.importedRoads?.segmentCount ?? 0) segments in \(String(format: "%.2f", loadSeconds)) s")

// Pairs across the border, drawn with a fixed generator so that every run asks the same.
/// SplitMix64.
struct Draws {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
var draws = Draws()
let mexican = network.places.filter { $0.country == .mx }, american = network.places.filter { $0.country == .us }
var times: [Double] = []
var answered = 0
for _ in 0..<queries {
    let from = mexican[Int(draws.next() % UInt64(mexican.count))], to = american[Int(draws.next() % UInt64(american.count))]
    let start = DispatchTime.now()
    let comparison = try network.compareRoutes(from: from.id, to: to.id, mode: .pov)
    times.append(seconds(since: start) * 1000)
    if comparison.route != nil { answered += 1 } else if CommandLine.arguments.count > 3 { print("no route: \(from.id) → \(to.id): \(comparison.reason ?? "")") }
}
let sorted = times.sorted()
let quantile = { (q: Double) in sorted[min(sorted.count - 1, Int(q * Double(sorted.count)))] }
print("\(queries) routes Mexico → U.S. by car (\(answered) answered): median \(String(format: "%.1f", quantile(0.5))) ms, p90 \(String(format: "%.1f", quantile(0.9))) ms, p99 \(String(format: "%.1f", quantile(0.99))) ms, max \(String(format: "%.1f", sorted.last ?? 0)) ms")
