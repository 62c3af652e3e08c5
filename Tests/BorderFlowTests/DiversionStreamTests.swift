import Foundation
import Testing
@testable import BorderFlow

/// The origin–crossing–destination streams of a diversion and the lines they follow, on the bundled data.
@Suite("Streams of a diversion")
struct DiversionStreamTests {
    static let lukeville = Result { () throws -> Diversion in
        let network = try BundledRoutingTests.loaded.get()
        let (demand, constants) = try DiversionTests.baseline.get()
        var closures = Closures()
        try closures.close(crossing: "lukeville")
        try closures.close(mode: .rail, atPort: "2303")
        return try network.divert(demand: demand, constants: constants, behaviour: try FittedBehaviour.load(), closures: closures, at: nil)
    }
    let network: BorderNetwork
    let diversion: Diversion

    init() throws {
        network = try BundledRoutingTests.loaded.get()
        diversion = try Self.lukeville.get()
    }

    @Test func streamsThroughEachCrossingAddUpToItsBaselineAndScenarioVolumes() throws {
        let streams = diversion.streams(in: network.dataset)
        for change in diversion.crossings {
            let through = streams.filter { $0.crossing == change.crossing && $0.mode == change.mode }
            let baseline = through.reduce(0) { $0 + $1.baseline }, scenario = through.reduce(0) { $0 + $1.scenario }
            let id = network.dataset.crossings[change.crossing].id
            #expect(abs(baseline - change.baseline) <= 1e-6 * max(1, change.baseline), "\(id) \(change.mode) baseline \(baseline) against \(change.baseline)")
            // Drivers who walk across are pedestrians at the crossing but no pedestrian trip's stream.
            let served = change.scenario - change.walkedInstead
            #expect(abs(scenario - served) <= 1e-6 * max(1, served), "\(id) \(change.mode) scenario \(scenario) against \(served)")
        }
        #expect(!streams.contains { $0.crossing == network.dataset.crossingIndex(id: "lukeville")! && $0.scenario > 0 })
    }

    @Test func aStreamRunsFromItsOriginThroughItsCrossingToItsDestination() throws {
        let dataset = network.dataset
        let sonoyta = dataset.placeIndex(id: "sonoyta")!, phoenix = dataset.placeIndex(id: "phoenix")!
        let nogales = dataset.crossingIndex(id: "nogales-deconcini")!
        let line = network.geometry(of: [(sonoyta, nogales, phoenix, .pov)])[0]
        #expect(line.first == dataset.places[sonoyta].coordinate)
        #expect(line.contains(dataset.crossings[nogales].coordinate))
        // Roads end within a kilometre of their nodes; the last vertex is the destination's road end.
        let last = try #require(line.last)
        #expect(abs(last.longitude - dataset.places[phoenix].coordinate.longitude) < 0.02 && abs(last.latitude - dataset.places[phoenix].coordinate.latitude) < 0.02)
        // Via Nogales, not Lukeville: the line passes east of 111°W.
        #expect(line.contains { $0.longitude > -111.0 })
        #expect(zip(line, line.dropFirst()).allSatisfy { $0 != $1 }, "no repeated vertices")
    }
}
