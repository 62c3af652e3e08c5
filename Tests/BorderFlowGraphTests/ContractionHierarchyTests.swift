import Foundation
import Testing
@testable import BorderFlowGraph

@Suite("Contraction hierarchies")
struct ContractionHierarchyTests {
    /// A road-like graph where about one link in ten runs one way only, in one layer and then another layer where
    /// a random fifth of the edges cannot be used: costs that differ by direction, as one-way streets make them.
    static func oneWayGraph(nodes: Int, seed: UInt64) throws -> Graph {
        let (base, _) = try SyntheticGraph.roadLike(nodes: nodes, seed: seed)
        var random = SplitMix64(seed: seed ^ 0xABCD)
        var sources: [Int32] = [], targets: [Int32] = [], cars: [UInt32] = [], other: [UInt32] = []
        for edge in 0..<Int32(base.edgeCount) {
            guard Int.random(in: 0..<20, using: &random) != 0 else { continue }
            sources.append(base.source(of: edge))
            targets.append(base.target(of: edge))
            let cost = base.costMilliseconds(of: edge, layer: 0)
            cars.append(cost)
            other.append(Int.random(in: 0..<10, using: &random) == 0 ? Graph.impassable : cost * 2 + 7)
        }
        return try Graph(nodeCount: nodes, sources: sources, targets: targets, costMilliseconds: cars + other, coordinates: base.coordinates)
    }

    /// Checks a path against the graph: it runs from `source` to `target`, edge after edge, and costs `cost`.
    static func check(path: [Graph.EdgeID], from source: Int32, to target: Int32, cost: UInt64, graph: Graph, layer: Int) -> Bool {
        var at = source, total: UInt64 = 0
        for edge in path {
            guard graph.source(of: edge) == at else { return false }
            total += UInt64(graph.costMilliseconds(of: edge, layer: layer))
            at = graph.target(of: edge)
        }
        return at == target && total == cost
    }

    @Test(arguments: [(400, UInt64(1), 80), (400, UInt64(2), 6), (1_500, UInt64(3), 80)])
    func routesEqualDijkstrasUnderClosuresOfOutsideEdges(nodes: Int, seed: UInt64, largestDegree: Int) throws {
        let graph = try Self.oneWayGraph(nodes: nodes, seed: seed)
        var random = SplitMix64(seed: seed)
        // A few edges outside the hierarchy, as crossing edges are: closed or open query by query.
        var outside = ClosureMask(for: graph)
        let outsideEdges = (0..<12).map { _ in Int32.random(in: 0..<Int32(graph.edgeCount), using: &random) }
        for edge in outsideEdges { outside.close(edge: edge) }
        let dijkstra = ShortestPathSearch(graph: graph)
        for layer in 0..<2 {
            let hierarchy = ContractionHierarchy(graph: graph, layer: layer, outside: outside, largestDegree: largestDegree)
            #expect(hierarchy.coreCount >= Set(outsideEdges.flatMap { [graph.source(of: $0), graph.target(of: $0)] }).count)
            let search = HierarchySearch(hierarchy: hierarchy, graph: graph)
            var path: [Graph.EdgeID] = []
            var found = 0
            for query in 0..<600 {
                var mask = ClosureMask(for: graph)
                for edge in outsideEdges where Bool.random(using: &random) { mask.close(edge: edge) }
                let from = Int32.random(in: 0..<Int32(nodes), using: &random), to = Int32.random(in: 0..<Int32(nodes), using: &random)
                let expected = dijkstra.cost(from: from, to: to, layer: layer, mask: mask)
                let cost = search.cost(from: from, to: to, mask: mask)
                #expect(cost == expected, "seed \(seed) layer \(layer) query \(query): \(from) → \(to)")
                guard let cost else { continue }
                found += 1
                search.path(into: &path)
                #expect(Self.check(path: path, from: from, to: to, cost: cost, graph: graph, layer: layer))
                #expect(!path.contains { mask.isClosed(edge: $0) })
            }
            #expect(found > 200)
        }
    }

    /// Layers built together: the second follows the first's order while its nodes have at most
    /// `followedDegree` arcs and orders the rest itself. Wherever it switches (never, at once, or on the way),
    /// both answer as Dijkstra does.
    @Test(arguments: [0, 10, 12, Int.max])
    func layersBuiltTogetherAnswerAsDijkstraWhereverTheSecondStopsFollowing(followedDegree: Int) throws {
        let graph = try Self.oneWayGraph(nodes: 900, seed: 21)
        var random = SplitMix64(seed: 21)
        var outside = ClosureMask(for: graph)
        let outsideEdges = (0..<10).map { _ in Int32.random(in: 0..<Int32(graph.edgeCount), using: &random) }
        for edge in outsideEdges { outside.close(edge: edge) }
        var built: [ContractionHierarchy] = []
        ContractionHierarchy.build(graph: graph, layers: [0, 1], outside: outside, largestDegree: 80, followedDegree: followedDegree) {
            built.append($0)
        }
        #expect(built.map(\.layer) == [0, 1])
        let dijkstra = ShortestPathSearch(graph: graph)
        var path: [Graph.EdgeID] = []
        for hierarchy in built {
            let search = HierarchySearch(hierarchy: hierarchy, graph: graph)
            for query in 0..<300 {
                var mask = ClosureMask(for: graph)
                for edge in outsideEdges where Bool.random(using: &random) { mask.close(edge: edge) }
                let from = Int32.random(in: 0..<900, using: &random), to = Int32.random(in: 0..<900, using: &random)
                let cost = search.cost(from: from, to: to, mask: mask)
                #expect(cost == dijkstra.cost(from: from, to: to, layer: hierarchy.layer, mask: mask),
                        "followed degree \(followedDegree) layer \(hierarchy.layer) query \(query): \(from) → \(to)")
                guard let cost else { continue }
                search.path(into: &path)
                #expect(Self.check(path: path, from: from, to: to, cost: cost, graph: graph, layer: hierarchy.layer))
            }
        }
        // Built alone, the first layer is the same hierarchy: the second changes nothing of it.
        let alone = ContractionHierarchy(graph: graph, layer: 0, outside: outside)
        #expect(alone.upArc == built[0].upArc && alone.upCost == built[0].upCost && alone.shortcutFirst == built[0].shortcutFirst)
    }

    @Test func costsToTheCoreEqualDijkstrasOffTheOutsideEdges() throws {
        let graph = try Self.oneWayGraph(nodes: 800, seed: 9)
        var outside = ClosureMask(for: graph)
        for edge in stride(from: Int32(5), to: Int32(graph.edgeCount), by: 97) { outside.close(edge: edge) }
        let hierarchy = ContractionHierarchy(graph: graph, layer: 0, outside: outside)
        let core = (0..<Int32(graph.nodeCount)).filter { hierarchy.rank[Int($0)] == ContractionHierarchy.coreRank }
        let search = HierarchySearch(hierarchy: hierarchy, graph: graph)
        let dijkstra = ShortestPathSearch(graph: graph)
        for root in stride(from: Int32(0), to: Int32(graph.nodeCount), by: 37) {
            for direction in [ShortestPathSearch.Direction.forward, .backward] {
                search.searchToCore(from: root, direction: direction)
                dijkstra.tree(from: root, direction: direction, layer: 0, exclusions: outside)
                for node in core {
                    #expect(search.coreCost(of: node) == dijkstra.cost(to: node), "root \(root) \(direction) core node \(node)")
                    var total: UInt64 = 0
                    search.forEachArc(towards: node) { arc in
                        var edges: [Graph.EdgeID] = [], stack: [Int32] = []
                        hierarchy.unpack(arc, into: &edges, stack: &stack)
                        total += edges.reduce(0) { $0 + UInt64(graph.costMilliseconds(of: $1, layer: 0)) }
                    }
                    if let cost = search.coreCost(of: node) { #expect(total == cost) }
                    // The same path as graph edges in travel order: from the root going forward, to it backward.
                    var path: [Graph.EdgeID] = []
                    let found = search.appendCorePath(to: node, into: &path)
                    #expect(found == (search.coreCost(of: node) != nil))
                    if let cost = search.coreCost(of: node) {
                        let (from, to) = direction == .forward ? (root, node) : (node, root)
                        #expect(Self.check(path: path, from: from, to: to, cost: cost, graph: graph, layer: 0))
                    }
                }
            }
        }
        // A node outside the core has no cost to offer: the search's labels there are not the graph's costs.
        if let ordinary = (0..<Int32(graph.nodeCount)).first(where: { hierarchy.rank[Int($0)] != ContractionHierarchy.coreRank }) {
            #expect(search.coreCost(of: ordinary) == nil)
        }
    }

    @Test func shortcutTotalsAreTheSumsOfTheirEdges() throws {
        let graph = try Self.oneWayGraph(nodes: 500, seed: 4)
        let hierarchy = ContractionHierarchy(graph: graph, layer: 0)
        #expect(hierarchy.shortcutCount > 0)
        let totals = hierarchy.shortcutTotals { Double(graph.costMilliseconds(of: $0, layer: 0)) }
        var edges: [Graph.EdgeID] = [], stack: [Int32] = []
        for shortcut in 0..<hierarchy.shortcutCount {
            edges.removeAll()
            hierarchy.unpack(Int32(shortcut), into: &edges, stack: &stack)
            #expect(totals[shortcut] == edges.reduce(0) { $0 + Double(graph.costMilliseconds(of: $1, layer: 0)) })
        }
    }

    @Test func onlyMasksOfOutsideEdgesApply() throws {
        let graph = try Self.oneWayGraph(nodes: 200, seed: 5)
        var outside = ClosureMask(for: graph)
        outside.close(edge: 3)
        let hierarchy = ContractionHierarchy(graph: graph, layer: 0, outside: outside)
        var mask = ClosureMask(for: graph)
        #expect(hierarchy.canApply(mask))
        mask.close(edge: 3)
        #expect(hierarchy.canApply(mask))
        mask.close(edge: 4)
        #expect(!hierarchy.canApply(mask))
        var nodes = ClosureMask(for: graph)
        nodes.close(node: 0)
        #expect(!hierarchy.canApply(nodes))
    }
}

@Suite("Hierarchy files")
struct HierarchyFileTests {
    @Test func hierarchiesReadBackAsWrittenAndAnswerTheSame() throws {
        let graph = try ContractionHierarchyTests.oneWayGraph(nodes: 300, seed: 11)
        var outside = ClosureMask(for: graph)
        outside.close(edge: 7)
        let first = ContractionHierarchy(graph: graph, layer: 0, outside: outside)
        let second = ContractionHierarchy(graph: graph, layer: 1, outside: outside, order: first)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hierarchy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("roads.bfch")
        try HierarchyFile.write([first, second], of: graph, to: file)
        let read = try HierarchyFile.read(from: file, for: graph, outside: outside)
        #expect(read.map(\.layer) == [0, 1])
        #expect(read[1].upArc == second.upArc && read[1].downNode == second.downNode && read[1].shortcutFirst == second.shortcutFirst)
        let dijkstra = ShortestPathSearch(graph: graph), search = HierarchySearch(hierarchy: read[1], graph: graph)
        for from in stride(from: Int32(0), to: 300, by: 13) {
            for to in stride(from: Int32(5), to: 300, by: 29) {
                #expect(search.cost(from: from, to: to) == dijkstra.cost(from: from, to: to, layer: 1))
            }
        }
    }

    /// Hierarchies written as they are built read back as the array-taking write gives them; a builder that fails
    /// half-way leaves no file, and no temporary one.
    @Test func hierarchiesWrittenAsBuiltReadBackAndAFailureLeavesNothing() throws {
        let graph = try ContractionHierarchyTests.oneWayGraph(nodes: 300, seed: 15)
        var outside = ClosureMask(for: graph)
        outside.close(edge: 4)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hierarchy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let streamed = folder.appendingPathComponent("streamed.bfch"), whole = folder.appendingPathComponent("whole.bfch")
        try HierarchyFile.write(count: 2, of: graph, to: streamed) { emit in
            try ContractionHierarchy.build(graph: graph, layers: [0, 1], outside: outside, each: emit)
        }
        try HierarchyFile.write(ContractionHierarchy.build(graph: graph, layers: [0, 1], outside: outside), of: graph, to: whole)
        #expect(try Data(contentsOf: streamed) == Data(contentsOf: whole))
        #expect(try HierarchyFile.read(from: streamed, for: graph, outside: outside).map(\.layer) == [0, 1])

        struct Stopped: Error {}
        let failed = folder.appendingPathComponent("failed.bfch")
        #expect(throws: Stopped.self) {
            try HierarchyFile.write(count: 2, of: graph, to: failed) { emit in
                try ContractionHierarchy.build(graph: graph, layers: [0, 1], outside: outside) { hierarchy in
                    guard hierarchy.layer == 0 else { throw Stopped() }
                    try emit(hierarchy)
                }
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["streamed.bfch", "whole.bfch"])
    }

    /// A file whose checksum is right but whose arcs are not what a builder writes: an arc cheaper than its
    /// path, an arc to another node, a shortcut of arcs that do not meet. Each is refused, naming the fault.
    @Test func aFileWhoseArcsAreNotTheirPathsIsRefused() throws {
        let graph = try ContractionHierarchyTests.oneWayGraph(nodes: 300, seed: 14)
        let outside = ClosureMask(for: graph)
        let built = ContractionHierarchy(graph: graph, layer: 0, outside: outside)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hierarchy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("roads.bfch")
        func altered(upCost: [UInt32]? = nil, upNode: [Int32]? = nil, shortcutSecond: [Int32]? = nil) -> ContractionHierarchy {
            ContractionHierarchy(layer: built.layer, nodeCount: built.nodeCount, edgeCount: built.edgeCount, rank: built.rank,
                                 upOffsets: built.upOffsets, upNode: upNode ?? built.upNode, upCost: upCost ?? built.upCost,
                                 upArc: built.upArc, downOffsets: built.downOffsets, downNode: built.downNode,
                                 downCost: built.downCost, downArc: built.downArc, shortcutFirst: built.shortcutFirst,
                                 shortcutSecond: shortcutSecond ?? built.shortcutSecond, outside: built.outside)
        }
        let shortcutArc = try #require(built.upArc.firstIndex { $0 >= 0 })
        var cheaper = built.upCost
        cheaper[shortcutArc] -= 1
        var elsewhere = built.upNode
        elsewhere[0] = elsewhere[0] == 0 ? 1 : 0
        let lastShortcut = built.shortcutCount - 1
        var apart = built.shortcutSecond
        apart[lastShortcut] = built.shortcutFirst[lastShortcut]
        let cases: [(ContractionHierarchy, String)] = [
            (altered(upCost: cheaper), "is not a path of its cost"),
            (altered(upNode: elsewhere), "is not a path of its cost"),
            (altered(shortcutSecond: apart), "shortcut \(lastShortcut) does not join two earlier arcs that meet"),
        ]
        for (hierarchy, fault) in cases {
            try HierarchyFile.write([hierarchy], of: graph, to: file)
            #expect { try HierarchyFile.read(from: file, for: graph, outside: outside) } throws: {
                "\($0)".contains("roads.bfch") && "\($0)".contains(fault)
            }
        }
        try HierarchyFile.write([built], of: graph, to: file)
        #expect(try HierarchyFile.read(from: file, for: graph, outside: outside).count == 1)
    }

    @Test func aCutDamagedOrForeignFileIsRefusedByName() throws {
        let graph = try ContractionHierarchyTests.oneWayGraph(nodes: 200, seed: 12)
        let outside = ClosureMask(for: graph)
        let hierarchy = ContractionHierarchy(graph: graph, layer: 0, outside: outside)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hierarchy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("roads.bfch")
        try HierarchyFile.write([hierarchy], of: graph, to: file)
        let bytes = try Data(contentsOf: file)
        let damaged = folder.appendingPathComponent("damaged.bfch")
        for position in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) {
            var flipped = bytes
            flipped[position] ^= 0x01
            try flipped.write(to: damaged)
            #expect(throws: GraphFileError.self) { try HierarchyFile.read(from: damaged, for: graph, outside: outside) }
            try bytes.prefix(position).write(to: damaged)
            #expect(throws: GraphFileError.self) { try HierarchyFile.read(from: damaged, for: graph, outside: outside) }
        }
        // The same file against other costs, or other outside edges, is not this graph's.
        let other = try ContractionHierarchyTests.oneWayGraph(nodes: 200, seed: 13)
        #expect { try HierarchyFile.read(from: file, for: other, outside: ClosureMask(for: other)) } throws: {
            "\($0)".contains("roads.bfch") && "\($0)".contains("import the roads again") || "\($0)".contains("not this one")
        }
        var moved = outside
        moved.close(edge: 3)
        #expect { try HierarchyFile.read(from: file, for: graph, outside: moved) } throws: { "\($0)".contains("import the roads again") }
    }
}
