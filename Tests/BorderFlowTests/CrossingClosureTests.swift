import BorderFlowGraph
import Foundation
import BorderFlowTestSupport
import Testing
@testable import BorderFlow

/// The one rule for whether a crossing is closed to a mode, which routers, crossing choices, diversions and
/// route answers all ask.
@Suite("Crossing closure rule")
struct CrossingClosureTests {
    let network: BorderNetwork
    let gateA: CrossingIndex, gateB: CrossingIndex

    init() throws {
        let directory = try Fixtures.network()
        defer { try? FileManager.default.removeItem(at: directory) }
        network = try BorderNetwork(dataset: try Dataset.load(from: directory))
        gateA = try #require(network.dataset.crossingIndex(id: "gate-a"))
        gateB = try #require(network.dataset.crossingIndex(id: "gate-b"))
    }

    @Test func aClosedModeIsClosedBothWaysAndTheOthersStayOpen() throws {
        var closures = Closures()
        try closures.close(mode: .pov, atCrossing: "gate-a")
        let mask = try network.mask(for: closures)
        #expect(network.isClosed(crossing: gateA, to: .pov, under: mask))
        #expect(network.isClosed(crossing: gateA, to: .pov, northbound: false, under: mask))
        #expect(!network.isOpen(crossing: gateA, mode: .pov, northbound: true, mask: mask))
        #expect(!network.isClosed(crossing: gateA, to: .pedestrian, under: mask))
        #expect(network.isOpen(crossing: gateA, mode: .pedestrian, northbound: true, mask: mask))
        #expect(network.isOpen(crossing: gateB, mode: .pov, northbound: false, mask: mask))
    }

    @Test func oneDirectionClosedIsClosedThatWayOnly() throws {
        var mask = ClosureMask(for: network.graph)
        for (mode, edge) in network.crossingEdges[gateB] where mode == .truck {
            if case .crossing(_, _, true) = network.edges[Int(edge)].kind { mask.close(edge: edge) }
        }
        #expect(network.isClosed(crossing: gateB, to: .truck, northbound: true, under: mask))
        #expect(!network.isClosed(crossing: gateB, to: .truck, northbound: false, under: mask))
        #expect(network.isClosed(crossing: gateB, to: .truck, under: mask), "either way closed counts")
        #expect(network.isOpen(crossing: gateB, mode: .truck, northbound: false, mask: mask))
    }

    @Test func aModeWithNoCapacityIsClosedAndOneNotServedIsNeitherOpenNorClosed() {
        let mask = ClosureMask(for: network.graph)
        #expect(network.isClosed(crossing: gateB, to: .truck, under: mask, capacity: 0))
        #expect(!network.isOpen(crossing: gateB, mode: .truck, northbound: true, mask: mask, capacity: 0))
        #expect(network.isOpen(crossing: gateB, mode: .truck, northbound: true, mask: mask, capacity: 1_000))
        #expect(!network.isOpen(crossing: gateA, mode: .truck, northbound: true, mask: mask), "gate-a takes no trucks")
        #expect(!network.isClosed(crossing: gateA, to: .truck, under: mask))
    }
}
