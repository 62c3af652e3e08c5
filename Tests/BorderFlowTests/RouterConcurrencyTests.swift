import Foundation
import Testing
@testable import BorderFlow

/// Many tasks at once on one network and one router: the answers equal the serial ones. Run under the
/// thread sanitizer with `swift test --sanitize=thread --filter RouterConcurrencyTests`.
@Suite("Router shared between tasks")
struct RouterConcurrencyTests {
    static let taskCount = 8

    @Test func tasksSharingOneRouterGetTheSerialAnswers() async throws {
        let network = try BundledRoutingTests.loaded.get()
        let trips = try network.baselineDemand().demand.trips
        var closures = Closures()
        try closures.close(crossing: "lukeville")
        try closures.close(mode: .rail, atPort: "2303")
        let router = try network.router(closures: closures)
        let serial = router.route(trips)
        let parallel = await withTaskGroup(of: (Int, [RouteCost?]).self) { group in
            for task in 0..<Self.taskCount {
                // Each task walks the trips from its own starting point, so they read the same entries at once.
                group.addTask {
                    let offset = task * trips.count / Self.taskCount
                    let rotated = Array(trips[offset...] + trips[..<offset])
                    let answers = router.route(rotated)
                    return (task, Array(answers[(trips.count - offset)...] + answers[..<(trips.count - offset)]))
                }
            }
            var results: [[RouteCost?]] = Array(repeating: [], count: Self.taskCount)
            for await (task, answers) in group { results[task] = answers }
            return results
        }
        for answers in parallel { #expect(answers == serial) }
        #expect(serial.contains { $0 != nil })
    }

    @Test func tasksMakingTheFirstRoutersOfAFreshNetworkAtOnceShareOneTable() async throws {
        // A network of its own, so that the tasks race to build its table of road costs.
        let network = try BorderNetwork(dataset: BundledRoutingTests.loaded.get().dataset)
        let trip = try network.trip(from: "sonoyta", to: "phoenix", mode: .pov)
        let answers = await withTaskGroup(of: (ObjectIdentifier, RouteCost?).self) { group in
            for task in 0..<Self.taskCount {
                group.addTask {
                    var closures = Closures()
                    if task.isMultiple(of: 2) { try? closures.close(crossing: "lukeville") }
                    guard let router = try? network.router(closures: closures) else { return (ObjectIdentifier(network), nil) }
                    return (ObjectIdentifier(router.access), router.route(trip))
                }
            }
            var collected: [(ObjectIdentifier, RouteCost?)] = []
            for await answer in group { collected.append(answer) }
            return collected
        }
        #expect(Set(answers.map(\.0)).count == 1, "one table, built once")
        let lukeville = network.dataset.crossingIndex(id: "lukeville")
        #expect(answers.filter { $0.1?.crossing == lukeville }.count == Self.taskCount / 2)
        #expect(answers.allSatisfy { $0.1 != nil })
    }

    @Test func tasksAskingForDetailedRoutesAndLocationsAtOnceGetTheSerialAnswers() async throws {
        let network = try BundledRoutingTests.loaded.get()
        let router = try network.router()
        let pairs = [("sonoyta", "phoenix"), ("tijuana", "san-diego"), ("ciudad-juarez", "el-paso"), ("nuevo-laredo", "san-antonio")]
        let serial = try pairs.map { try router.route(from: $0.0, to: $0.1, mode: .pov) }
        let serialLocation = try network.locate(Coordinate(longitude: -110.94, latitude: 31.36))
        let parallel = try await withThrowingTaskGroup(of: ([Route?], Location).self) { group in
            for _ in 0..<Self.taskCount {
                group.addTask {
                    (try pairs.map { try router.route(from: $0.0, to: $0.1, mode: .pov) },
                     try network.locate(Coordinate(longitude: -110.94, latitude: 31.36)))
                }
            }
            var collected: [([Route?], Location)] = []
            for try await result in group { collected.append(result) }
            return collected
        }
        #expect(parallel.count == Self.taskCount)
        for (routes, location) in parallel {
            #expect(routes == serial)
            #expect(location == serialLocation)
        }
    }
}
