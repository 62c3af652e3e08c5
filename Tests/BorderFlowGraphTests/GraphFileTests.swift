import Foundation
import Testing
@testable import BorderFlowGraph

/// The network file: what is written is read back exactly, and anything else is refused with a reason.
@Suite("Graph file")
struct GraphFileTests {
    // MARK: Round trips

    /// Graphs of every shape the builders make, each with and without its extras.
    static let shapes = ["grid", "grid without coordinates", "road-like, two layers", "road-like without coordinates",
                         "no nodes", "nodes without edges"]

    @Test(arguments: shapes)
    func aGraphReadBackIsTheGraphWritten(shape: String) throws {
        let graph = try Self.graph(shape)
        let tables = graph.nodeCount < 2 ? [] : (0..<graph.layerCount).map { LandmarkTable(graph: graph, layer: $0, count: 6) }
        for landmarks in [[], tables] {
            try withScratchFolder { folder in
                let url = folder.appendingPathComponent("network.bfgraph")
                try GraphFile.write(graph, landmarks: landmarks, to: url)
                let (read, readTables) = try GraphFile.read(from: url)
                expectSameGraph(read, graph)
                #expect(readTables.count == landmarks.count)
                for (readTable, table) in zip(readTables, landmarks) { expectSameTable(readTable, table) }
                expectSameSearches(read, graph, readTables: readTables, tables: landmarks)
                #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["network.bfgraph"],
                        "no temporary file is left beside the network")
            }
        }
    }

    /// A graph of one of the named shapes.
    static func graph(_ shape: String) throws -> Graph {
        switch shape {
        case "grid": return try SyntheticGraph.jitteredGrid(side: 12, seed: 7).graph
        case "grid without coordinates": return try withoutCoordinates(SyntheticGraph.jitteredGrid(side: 9, seed: 8).graph)
        case "road-like, two layers": return try SyntheticGraph.roadLike(nodes: 300, seed: 9).graph
        case "road-like without coordinates": return try withoutCoordinates(SyntheticGraph.roadLike(nodes: 200, seed: 10).graph)
        case "no nodes": return try Graph(nodeCount: 0, sources: [], targets: [], costMilliseconds: [])
        case "nodes without edges": return try Graph(nodeCount: 5, sources: [], targets: [], costMilliseconds: [])
        default: fatalError("no graph shape \(shape)")
        }
    }

    /// The same edges in the same order, with no coordinates.
    static func withoutCoordinates(_ graph: Graph) throws -> Graph {
        let ids = (0..<Int32(graph.edgeCount))
        let costs = (0..<graph.layerCount).flatMap { layer in ids.map { graph.costMilliseconds(of: $0, layer: layer) } }
        let copy = try Graph(nodeCount: graph.nodeCount, sources: ids.map(graph.source(of:)), targets: ids.map(graph.target(of:)),
                             costMilliseconds: costs)
        #expect(copy.coordinates == nil && (copy.edgeAtPosition == nil) == (graph.edgeAtPosition == nil))
        return copy
    }

    /// Every stored array is equal.
    func expectSameGraph(_ read: Graph, _ written: Graph, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(read.nodeCount == written.nodeCount, sourceLocation: sourceLocation)
        #expect(read.edgeCount == written.edgeCount, sourceLocation: sourceLocation)
        #expect(read.layerCount == written.layerCount, sourceLocation: sourceLocation)
        #expect(read.offsets == written.offsets, sourceLocation: sourceLocation)
        #expect(read.targets == written.targets, sourceLocation: sourceLocation)
        #expect(read.costs == written.costs, sourceLocation: sourceLocation)
        #expect(read.edgeAtPosition == written.edgeAtPosition, sourceLocation: sourceLocation)
        #expect(read.positionOfEdge == written.positionOfEdge, sourceLocation: sourceLocation)
        #expect(read.reverseOffsets == written.reverseOffsets, sourceLocation: sourceLocation)
        #expect(read.reverseSources == written.reverseSources, sourceLocation: sourceLocation)
        #expect(read.reversePositions == written.reversePositions, sourceLocation: sourceLocation)
        // Bit for bit, so that a NaN written would not pass as equal to itself either.
        #expect(read.coordinates.map { $0.map { [$0.x.bitPattern, $0.y.bitPattern] } }
                == written.coordinates.map { $0.map { [$0.x.bitPattern, $0.y.bitPattern] } }, sourceLocation: sourceLocation)
    }

    func expectSameTable(_ read: LandmarkTable, _ written: LandmarkTable) {
        #expect(read.layer == written.layer)
        #expect(read.landmarks == written.landmarks)
        #expect(read.nodeCount == written.nodeCount)
        #expect(read.fromLandmark == written.fromLandmark)
        #expect(read.toLandmark == written.toLandmark)
    }

    /// Dijkstra, A* and ALT on the graph read give the costs they give on the graph written.
    func expectSameSearches(_ read: Graph, _ written: Graph, readTables: [LandmarkTable], tables: [LandmarkTable]) {
        guard written.nodeCount > 0 else { return }
        let before = ShortestPathSearch(graph: written), after = ShortestPathSearch(graph: read)
        var random = SplitMix64(seed: 42)
        for _ in 0..<40 {
            let from = Int32.random(in: 0..<Int32(written.nodeCount), using: &random)
            let to = Int32.random(in: 0..<Int32(written.nodeCount), using: &random)
            for layer in 0..<written.layerCount {
                let expected = before.cost(from: from, to: to, layer: layer)
                #expect(after.cost(from: from, to: to, layer: layer) == expected)
                if read.coordinates != nil {
                    #expect(after.cost(from: from, to: to, layer: layer, algorithm: .astar, millisecondsPerMeter: 1) == expected)
                }
            }
            for (readTable, table) in zip(readTables, tables) {
                let expected = before.cost(from: from, to: to, landmarks: table)
                #expect(expected == before.cost(from: from, to: to, layer: table.layer))
                #expect(after.cost(from: from, to: to, landmarks: readTable) == expected)
            }
        }
    }

    // MARK: Damage

    /// A 5 × 5 grid with one landmark table: a file of a few kilobytes.
    static func smallFile() throws -> [UInt8] {
        let graph = try SyntheticGraph.jitteredGrid(side: 5, seed: 3).graph
        return try withScratchFolder { folder in
            let url = folder.appendingPathComponent("small.bfgraph")
            try GraphFile.write(graph, landmarks: [LandmarkTable(graph: graph, layer: 0, count: 4)], to: url)
            return try [UInt8](Data(contentsOf: url))
        }
    }

    /// The error reading these bytes as a file gives, or nil when they are read as a graph.
    static func readError(_ bytes: [UInt8], in folder: URL) throws -> GraphFileError? {
        let url = folder.appendingPathComponent("damaged.bfgraph")
        try Data(bytes).write(to: url)
        do {
            _ = try GraphFile.read(from: url)
            return nil
        } catch let error as GraphFileError {
            #expect(error.path == url.path)
            return error
        }
    }

    @Test func everyFlippedByteIsRefused() throws {
        let file = try Self.smallFile()
        #expect(file.count > 2_000 && file.count < 5_000)
        try withScratchFolder { folder in
            for index in file.indices {
                var damaged = file
                damaged[index] ^= 0xFF
                let error = try Self.readError(damaged, in: folder)
                #expect(error != nil, "byte \(index) flipped was read as a graph")
            }
            var damaged = file
            damaged[file.count / 2] ^= 0x01
            #expect(try Self.readError(damaged, in: folder)?.reason == .checksumMismatch)
        }
    }

    @Test func everyTruncationIsRefused() throws {
        let file = try Self.smallFile()
        try withScratchFolder { folder in
            for length in 0..<file.count {
                let error = try Self.readError(Array(file[..<length]), in: folder)
                #expect(error != nil, "the first \(length) bytes were read as a graph")
                if length >= GraphFile.headerSize {
                    #expect(error?.reason == .cutShort(bytes: length, expected: file.count))
                }
            }
            #expect(try Self.readError(file + [0], in: folder)?.reason == .tooLong(bytes: file.count + 1, expected: file.count))
        }
    }

    @Test func theMessagesNameTheFileAndTheFault() {
        let error = GraphFileError(path: "/data/roads.bfgraph", reason: .cutShort(bytes: 1_234, expected: 5_678))
        #expect(error.description == "/data/roads.bfgraph: cut short: 1,234 bytes where the header says 5,678")
        #expect(GraphFileError(path: "a", reason: .unsupportedVersion(7)).description
                == "a: version 7 is newer than this program reads (1)")
        #expect(GraphFileError(path: "a", reason: .checksumMismatch).description == "a: checksum does not match: the file is damaged")
        #expect(GraphFileError.grouped(1_234_567) == "1,234,567" && GraphFileError.grouped(12) == "12")
    }

    @Test func aFileOfAnotherKindIsRefused() throws {
        var file = try Self.smallFile()
        try withScratchFolder { folder in
            var other = file
            other.replaceSubrange(0..<8, with: Array("PK\u{3}\u{4}xxxx".utf8))
            #expect(try Self.readError(other, in: folder)?.description.hasSuffix("not a BorderFlow network file") == true)
            #expect(try Self.readError(Array("hello".utf8), in: folder)?.reason == .notANetworkFile)
            file.patch(UInt32(7), at: 8)
            file.resealChecksum()
            let error = try Self.readError(file, in: folder)
            #expect(error?.reason == .unsupportedVersion(7))
            #expect(error?.description.hasSuffix("version 7 is newer than this program reads (1)") == true)
        }
    }

    // MARK: Structural faults under a valid checksum

    /// The reason reading fails after `patch` changes the file and the checksum is made to match again.
    static func faultUnderValidChecksum(graph: Graph, landmarks: [LandmarkTable] = [],
                                        _ patch: (inout [UInt8]) -> Void) throws -> GraphFileError.Reason? {
        try withScratchFolder { folder in
            let url = folder.appendingPathComponent("network.bfgraph")
            try GraphFile.write(graph, landmarks: landmarks, to: url)
            var file = try [UInt8](Data(contentsOf: url))
            patch(&file)
            file.resealChecksum()
            return try readError(file, in: folder)?.reason
        }
    }

    @Test func offsetsThatDecreaseAreRefused() throws {
        let graph = try SyntheticGraph.jitteredGrid(side: 5, seed: 3).graph
        let reason = try Self.faultUnderValidChecksum(graph: graph) { file in
            let third = file.value(ofSection: .offsets, index: 3)
            file.patchSection(.offsets, index: 2, with: third + 1)
        }
        #expect(reason == .malformed("offsets decrease at node 2: \(graph.offsets[3]) after \(graph.offsets[3] + 1)"))
    }

    @Test func aTargetOutOfRangeIsRefused() throws {
        let graph = try SyntheticGraph.jitteredGrid(side: 5, seed: 3).graph
        let reason = try Self.faultUnderValidChecksum(graph: graph) { $0.patchSection(.targets, index: 4, with: 25) }
        #expect(reason == .malformed("targets[4] is node 25, but nodes are numbered 0..<25"))
        let negative = try Self.faultUnderValidChecksum(graph: graph) { $0.patchSection(.reverseSources, index: 0, with: -1) }
        #expect(negative == .malformed("reverseSources[0] is node -1, which is not where its edge starts"))
    }

    @Test func aLandmarkOutOfRangeIsRefused() throws {
        let graph = try SyntheticGraph.jitteredGrid(side: 5, seed: 3).graph
        let table = LandmarkTable(graph: graph, layer: 0, count: 3)
        let reason = try Self.faultUnderValidChecksum(graph: graph, landmarks: [table]) { $0.patchSection(.landmarks, index: 1, with: 99) }
        #expect(reason == .malformed("landmark table 0: landmark 1 is node 99, but nodes are numbered 0..<25"))
        let layer = try Self.faultUnderValidChecksum(graph: graph, landmarks: [table]) { $0.patchSection(.landmarkTable, index: 0, with: 1) }
        #expect(layer == .malformed("landmark table 0: its layer 1 is not one of the graph's 1"))
    }

    /// Landmark costs that a path could undercut would make ALT answers wrong: refused, as are costs that stop
    /// where a neighbour's go on.
    @Test func landmarkCostsThatCouldOverestimateAreRefused() throws {
        let graph = try SyntheticGraph.jitteredGrid(side: 5, seed: 3).graph
        let table = LandmarkTable(graph: graph, layer: 0, count: 3)
        let width = table.landmarks.count
        // Node 12, the grid's centre, lies an edge from node 13; landmark 0 is not node 12 or 13.
        #expect(!table.landmarks.contains(12) && !table.landmarks.contains(13))
        let raised = try Self.faultUnderValidChecksum(graph: graph, landmarks: [table]) { file in
            file.patchSection(.fromLandmark, index: 12 * width, with: Int32(bitPattern: table.fromLandmark[13 * width] + 1_000_000))
        }
        #expect(raised == .malformed("landmark table 0: landmark 0's cost to node 12 is more than its cost to node 7 plus the edge between them"))
        let cut = try Self.faultUnderValidChecksum(graph: graph, landmarks: [table]) { file in
            file.patchSection(.toLandmark, index: 12 * width + 1, with: Int32(bitPattern: LandmarkTable.unknown))
        }
        #expect(cut == .malformed("landmark table 0: node 12 has no cost to landmark 1 though node 7, an edge further, has one"))
    }

    @Test func positionMapsThatAreNotPermutationsAreRefused() throws {
        let graph = try SyntheticGraph.roadLike(nodes: 30, seed: 4).graph
        #expect(graph.edgeAtPosition != nil)
        let repeated = try Self.faultUnderValidChecksum(graph: graph) { file in
            file.patchSection(.edgeAtPosition, index: 1, with: file.value(ofSection: .edgeAtPosition, index: 0))
        }
        guard case let .malformed(message)? = repeated else { Issue.record("read: \(String(describing: repeated))"); return }
        #expect(message.hasPrefix("positionOfEdge["))
        let outside = try Self.faultUnderValidChecksum(graph: graph) { $0.patchSection(.reversePositions, index: 3, with: Int32(graph.edgeCount)) }
        #expect(outside == .malformed("reversePositions[3] is position \(graph.edgeCount), but there are \(graph.edgeCount) edges"))
        let twice = try Self.faultUnderValidChecksum(graph: graph) { file in
            file.patchSection(.reversePositions, index: 1, with: file.value(ofSection: .reversePositions, index: 0))
        }
        #expect(twice != nil)
    }

    @Test func aCoordinateThatIsNotANumberIsRefused() throws {
        let graph = try SyntheticGraph.jitteredGrid(side: 4, seed: 3).graph
        let reason = try Self.faultUnderValidChecksum(graph: graph) { file in
            let start = file.payloadStart(of: .coordinates) + 16 * 5 + 8
            file.patch(Double.nan.bitPattern, at: start)
        }
        #expect(reason == .malformed("node 5 has a coordinate that is not a finite number"))
    }

    @Test func countsBeyondTheFileAreRefusedBeforeAnythingIsAllocated() throws {
        let graph = try SyntheticGraph.jitteredGrid(side: 4, seed: 3).graph
        let nodes = try Self.faultUnderValidChecksum(graph: graph) { $0.patch(UInt64(2_000_000_000), at: 16) }
        #expect(nodes == .sectionLength(section: "offsets", bytes: UInt64(4 * 17), expected: 8_000_000_004))
        let layers = try Self.faultUnderValidChecksum(graph: graph) { $0.patch(UInt64.max, at: 32) }
        #expect(layers == .malformed("\(UInt64.max) cost layers is more than the file can hold"))
    }

    // MARK: Writing

    @Test func aFailedWriteLeavesNothingBehind() throws {
        let graph = try SyntheticGraph.jitteredGrid(side: 4, seed: 3).graph
        let other = try SyntheticGraph.jitteredGrid(side: 5, seed: 3).graph
        try withScratchFolder { folder in
            let url = folder.appendingPathComponent("network.bfgraph")
            try GraphFile.write(graph, to: url)
            let before = try Data(contentsOf: url)
            #expect(throws: GraphFileError(path: url.path, reason: .landmarkTableForAnotherGraph(index: 0))) {
                try GraphFile.write(graph, landmarks: [LandmarkTable(graph: other, layer: 0, count: 2)], to: url)
            }
            #expect(try Data(contentsOf: url) == before)
            let missing = folder.appendingPathComponent("no such folder/network.bfgraph")
            #expect(throws: GraphFileError.self) { try GraphFile.write(graph, to: missing) }
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["network.bfgraph"])
            // Writing over a file replaces it whole.
            try GraphFile.write(other, to: url)
            expectSameGraph(try GraphFile.read(from: url).graph, other)
        }
    }
}

/// Runs `body` with a new empty folder, removed afterwards.
private func withScratchFolder<Result>(_ body: (URL) throws -> Result) throws -> Result {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("GraphFileTests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try body(folder)
}

/// Patching a file's bytes as a buggy or hostile writer would, then sealing it with a matching checksum.
private extension [UInt8] {
    mutating func patch<T: FixedWidthInteger>(_ value: T, at offset: Int) {
        Swift.withUnsafeBytes(of: value.littleEndian) { replaceSubrange(offset..<offset + $0.count, with: $0) }
    }

    func value<T: FixedWidthInteger>(at offset: Int, as _: T.Type = T.self) -> T {
        withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: T.self)) }
    }

    /// The first byte of the first section of this kind, walking the sections from the header.
    func payloadStart(of kind: GraphFile.Section) -> Int {
        var offset = GraphFile.headerSize
        while offset + GraphFile.sectionHeaderSize <= count - GraphFile.checksumSize {
            let length = Int(value(at: offset + 8, as: UInt64.self))
            if value(at: offset, as: UInt32.self) == kind.rawValue { return offset + GraphFile.sectionHeaderSize }
            offset += GraphFile.sectionHeaderSize + GraphFile.padded(length)
        }
        fatalError("no \(kind.name) section")
    }

    func value(ofSection kind: GraphFile.Section, index: Int) -> Int32 {
        value(at: payloadStart(of: kind) + 4 * index)
    }

    mutating func patchSection(_ kind: GraphFile.Section, index: Int, with value: Int32) {
        patch(value, at: payloadStart(of: kind) + 4 * index)
    }

    /// Recomputes the checksum over everything before it.
    mutating func resealChecksum() {
        var checksum = GraphFile.Checksum()
        withUnsafeBytes { checksum.add(UnsafeRawBufferPointer(rebasing: $0[..<(count - GraphFile.checksumSize)])) }
        patch(checksum.value, at: count - GraphFile.checksumSize)
    }
}
