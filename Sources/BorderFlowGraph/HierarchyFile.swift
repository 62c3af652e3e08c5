// A file of contraction hierarchies, one per cost layer of one graph, read straight into their arrays.
//
// The format, version 1, every integer little-endian:
//   magic "BFHIERCH" (42 46 48 49 45 52 43 48), version UInt32 (1), hierarchy count UInt32;
//   then per hierarchy: layer UInt64, nodeCount UInt64, edgeCount UInt64, up arc count UInt64, down arc count
//   UInt64, shortcut count UInt64, the graph's fingerprint UInt64 (`ContractionHierarchy.fingerprint`), and the
//   arrays rank (Int32 × nodes), upOffsets (Int32 × nodes + 1), upNode, upCost, upArc (× up arcs), downOffsets,
//   downNode, downCost, downArc (× down arcs), shortcutFirst, shortcutSecond (Int32 × shortcuts), each padded
//   with zeros to a multiple of 8 bytes;
//   last, the checksum of every byte before it, as `GraphFile` computes it.

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Dispatch)
import Dispatch
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes the contraction hierarchies of a graph's layers to one file, and reads them back checked against the
/// graph they are for.
///
/// Reading trusts nothing: a file cut short or damaged (a 64-bit checksum), an index out of range, a shortcut
/// that joins arcs that do not meet or that does not cost what its two halves cost, an arc whose cost is not
/// its path's, and a hierarchy built on other costs or other outside edges (the graph's fingerprint) are each an
/// error naming the file. A hierarchy that passes may be slow but never gives a cost below the graph's.
public enum HierarchyFile {
    /// The format version this program writes and the only one it reads.
    public static let version: UInt32 = 1
    static let magic = Array("BFHIERCH".utf8)

    /// Writes hierarchies, atomically (under a temporary name, then renamed into place).
    ///
    /// - Parameters:
    ///   - hierarchies: hierarchies of one graph.
    ///   - graph: the graph they were built on, for its fingerprint.
    ///   - url: the file.
    /// - Throws: `GraphFileError` when the file cannot be written.
    public static func write(_ hierarchies: [ContractionHierarchy], of graph: Graph, to url: URL) throws {
        try write(count: hierarchies.count, of: graph, to: url) { emit in
            for hierarchy in hierarchies { try emit(hierarchy) }
        }
    }

    /// Writes hierarchies as something else makes them, one at a time, so that none need be held once written;
    /// atomically, as above.
    ///
    /// - Parameters:
    ///   - count: how many hierarchies `produce` gives.
    ///   - graph: the graph they are built on, for its fingerprint.
    ///   - url: the file.
    ///   - produce: gives each hierarchy to the function it receives, `count` in all; an error it throws leaves
    ///     no file.
    /// - Throws: `GraphFileError` when the file cannot be written, or what `produce` throws.
    public static func write(count: Int, of graph: Graph, to url: URL,
                             producing produce: ((ContractionHierarchy) throws -> Void) throws -> Void) throws {
        let path = url.path(percentEncoded: false)
        let temporary = GraphFile.temporaryName(beside: path)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw GraphFileError.system(path: path, operation: "cannot create \(temporary)") }
        do {
            let writer = GraphFile.Writer(descriptor: descriptor, path: path)
            var header = GraphFile.ByteWriter()
            header.bytes += magic
            header.append(version)
            header.append(UInt32(count))
            try writer.write(header.bytes)
            var written = 0
            try produce { hierarchy in
                written += 1
                precondition(written <= count, "more hierarchies than the \(count) announced")
                var head = GraphFile.ByteWriter()
                for value in [hierarchy.layer, hierarchy.nodeCount, hierarchy.edgeCount, hierarchy.upNode.count,
                              hierarchy.downNode.count, hierarchy.shortcutFirst.count] {
                    head.append(UInt64(value))
                }
                head.append(ContractionHierarchy.fingerprint(of: graph, layer: hierarchy.layer, outside: hierarchy.outside))
                try writer.write(head.bytes)
                func array<T: FixedWidthInteger>(_ values: [T]) throws {
                    try writer.writeValues(values)
                    try writer.writePadding(after: values.count * MemoryLayout<T>.size)
                }
                try array(hierarchy.rank)
                try array(hierarchy.upOffsets)
                try array(hierarchy.upNode)
                try array(hierarchy.upCost)
                try array(hierarchy.upArc)
                try array(hierarchy.downOffsets)
                try array(hierarchy.downNode)
                try array(hierarchy.downCost)
                try array(hierarchy.downArc)
                try array(hierarchy.shortcutFirst)
                try array(hierarchy.shortcutSecond)
            }
            precondition(written == count, "\(written) hierarchies where \(count) were announced")
            var checksum = GraphFile.ByteWriter()
            checksum.append(writer.checksum.value)
            try writer.write(checksum.bytes, addingToChecksum: false)
            guard fsync(descriptor) == 0 else { throw GraphFileError.system(path: path, operation: "cannot flush") }
            close(descriptor)
            guard rename(temporary, path) == 0 else { throw GraphFileError.system(path: path, operation: "cannot rename \(temporary) to") }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
    }

    /// Reads the hierarchies of a file and checks each against the graph.
    ///
    /// - Parameters:
    ///   - url: the file.
    ///   - graph: the graph they are for.
    ///   - outside: the edges the hierarchies must leave out.
    /// - Returns: the hierarchies, in the order written.
    /// - Throws: `GraphFileError` naming the file and the fault.
    public static func read(from url: URL, for graph: Graph, outside: ClosureMask) throws -> [ContractionHierarchy] {
        // Read straight into the arrays (no mapping held beside them), the checksum taken on the way.
        try GraphFile.withReader(of: url) { reader in try read(reader, for: graph, outside: outside) }
    }

    private static func read(_ reader: GraphFile.Reader, for graph: Graph, outside: ClosureMask) throws -> [ContractionHierarchy] {
        let path = reader.path, fileSize = reader.fileSize
        func fault(_ detail: String) -> GraphFileError { GraphFileError(path: path, reason: .malformed(detail)) }
        reader.expectChecksumAtEnd()
        let start = try reader.readBytes(min(fileSize, 16))
        guard fileSize >= 24, Array(start[0..<8]) == magic else { throw GraphFileError(path: path, reason: .notANetworkFile) }
        guard fileSize % 8 == 0 else { throw fault("its length is not a whole number of 8-byte words") }
        func word<T: FixedWidthInteger>(_ bytes: [UInt8], at offset: Int, _: T.Type) -> T {
            bytes.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: T.self)) }
        }
        let fileVersion = word(start, at: 8, UInt32.self)
        guard fileVersion == version else { throw GraphFileError(path: path, reason: .unsupportedVersion(fileVersion)) }
        let count = Int(word(start, at: 12, UInt32.self))
        var hierarchies: [ContractionHierarchy] = []
        let limit = UInt64(Int32.max)
        for index in 0..<count {
            let head = try reader.paddedValues(7, of: UInt64.self)
            guard head[0..<6].allSatisfy({ $0 < limit }) else { throw fault("hierarchy \(index) claims more items than a graph holds") }
            let (layer, nodes, edges, ups, downs, shortcuts) = (Int(head[0]), Int(head[1]), Int(head[2]), Int(head[3]), Int(head[4]), Int(head[5]))
            guard nodes == graph.nodeCount, edges == graph.edgeCount, layer < graph.layerCount else {
                throw fault("hierarchy \(index) is for a graph of \(nodes) nodes and \(edges) edges, not this one of \(graph.nodeCount) and \(graph.edgeCount)")
            }
            guard head[6] == ContractionHierarchy.fingerprint(of: graph, layer: layer, outside: outside.closedEdges) else {
                throw fault("hierarchy \(index) was built on other road costs or crossings than this network has; import the roads again")
            }
            hierarchies.append(ContractionHierarchy(
                layer: layer, nodeCount: nodes, edgeCount: edges, rank: try reader.paddedValues(nodes),
                upOffsets: try reader.paddedValues(nodes + 1), upNode: try reader.paddedValues(ups),
                upCost: try reader.paddedValues(ups), upArc: try reader.paddedValues(ups),
                downOffsets: try reader.paddedValues(nodes + 1), downNode: try reader.paddedValues(downs),
                downCost: try reader.paddedValues(downs), downArc: try reader.paddedValues(downs),
                shortcutFirst: try reader.paddedValues(shortcuts), shortcutSecond: try reader.paddedValues(shortcuts),
                outside: outside.closedEdges))
        }
        guard reader.position == reader.end else { throw fault("\(reader.end - reader.position) bytes follow the last hierarchy") }
        try reader.checkChecksum()
        // The checksum says the file is as written; the checks say a builder wrote it for this graph. They take
        // longest, and each hierarchy's are its own, so they run side by side.
        let problems = ProblemList(count: hierarchies.count)
        DispatchQueue.concurrentPerform(iterations: hierarchies.count) { [hierarchies] index in
            problems.set(index, hierarchies[index].problem(in: graph))
        }
        if let (index, problem) = problems.first { throw fault("hierarchy \(index): \(problem)") }
        return hierarchies
    }
}

/// The faults found by checks that run side by side, one slot each.
private final class ProblemList: @unchecked Sendable { // each thread writes its own slot, read once all are done
    private let problems: UnsafeMutableBufferPointer<String?>

    init(count: Int) {
        problems = .allocate(capacity: count)
        problems.initialize(repeating: nil)
    }

    deinit {
        problems.deinitialize()
        problems.deallocate()
    }

    func set(_ index: Int, _ problem: String?) { problems[index] = problem }

    /// The first fault, by slot.
    var first: (Int, String)? {
        problems.enumerated().lazy.compactMap { index, problem in problem.map { (index, $0) } }.first
    }
}

extension ContractionHierarchy {
    /// A checksum of what a hierarchy of a layer depends on: the layer's cost of every edge and which edges are
    /// outside. A hierarchy read from a file is used only on a graph of the same fingerprint.
    ///
    /// - Parameters:
    ///   - graph: the graph.
    ///   - layer: the layer.
    ///   - outside: the edges left out.
    /// - Returns: the fingerprint.
    static func fingerprint(of graph: Graph, layer: Int, outside: BitSet) -> UInt64 {
        var checksum = GraphFile.Checksum()
        let edges = graph.edgeCount
        graph.offsets.withUnsafeBytes { checksum.add($0) }
        graph.targets.withUnsafeBytes { checksum.add($0) }
        graph.costs.withUnsafeBytes { checksum.add(UnsafeRawBufferPointer(rebasing: $0[(4 * layer * edges)..<(4 * (layer + 1) * edges)])) }
        // The checksum takes whole 8-byte words: 4-byte values may leave half of one.
        if (graph.offsets.count + 2 * edges) % 2 == 1 { [UInt32(0)].withUnsafeBytes { checksum.add($0) } }
        outside.words.withUnsafeBytes { checksum.add($0) }
        return checksum.value
    }

    /// The first fault of a hierarchy against its graph, nil when there is none: every index in range, each list
    /// in order, every shortcut joining two earlier arcs that meet, and every arc running between the nodes it is
    /// listed with at the cost of its path.
    func problem(in graph: Graph) -> String? {
        let nodes = nodeCount, shortcuts = shortcutFirst.count
        guard rank.count == nodes, upOffsets.count == nodes + 1, downOffsets.count == nodes + 1 else { return "its arrays do not fit the graph" }
        for offsets in [upOffsets, downOffsets] {
            guard offsets.first == 0, zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 }) else { return "its arc offsets are out of order" }
        }
        guard Int(upOffsets[nodes]) == upNode.count, Int(downOffsets[nodes]) == downNode.count else { return "its arc offsets do not match its arcs" }
        // Each arc's ends and cost, a graph edge's by id and a shortcut's from its halves (which come before it),
        // in one record so that a lookup, at a place no earlier one predicts, touches one cache line.
        struct Ends: Equatable { var from: Int32, to: Int32, cost: UInt64 }
        let unusable = Ends(from: -1, to: -1, cost: .max)
        var edgeEnds = [Ends](repeating: unusable, count: edgeCount)
        for node in 0..<graph.nodeCount {
            for position in Int(graph.offsets[node])..<Int(graph.offsets[node + 1]) {
                let edge = Int(graph.edge(atPosition: position)), cost = graph.costs[layer * edgeCount + position]
                guard cost != Graph.impassable, !outside.contains(edge) else { continue }
                edgeEnds[edge] = Ends(from: Int32(node), to: graph.targets[position], cost: UInt64(cost))
            }
        }
        var shortcutEnds = [Ends](repeating: unusable, count: shortcuts)
        func ends(_ arc: Int32) -> Ends? {
            let found = arc >= 0 ? (Int(arc) < shortcuts ? shortcutEnds[Int(arc)] : unusable)
                : (Int(-1 - arc) < edgeCount ? edgeEnds[Int(-1 - arc)] : unusable)
            return found.cost == .max ? nil : found
        }
        for shortcut in 0..<shortcuts {
            let first = shortcutFirst[shortcut], second = shortcutSecond[shortcut]
            guard first < shortcut, second < shortcut, let a = ends(first), let b = ends(second), a.to == b.from else {
                return "shortcut \(shortcut) does not join two earlier arcs that meet"
            }
            let (cost, overflow) = a.cost.addingReportingOverflow(b.cost)
            guard !overflow, cost < .max else { return "shortcut \(shortcut) costs more than any path can" }
            shortcutEnds[shortcut] = Ends(from: a.from, to: b.to, cost: cost)
        }
        for node in 0..<nodes {
            guard rank[node] >= 0 else { return "node \(node) has a negative rank" }
            for index in Int(upOffsets[node])..<Int(upOffsets[node + 1]) {
                guard ends(upArc[index]) == Ends(from: Int32(node), to: upNode[index], cost: UInt64(upCost[index])) else {
                    return "upward arc \(index) of node \(node) is not a path of its cost"
                }
            }
            for index in Int(downOffsets[node])..<Int(downOffsets[node + 1]) {
                guard ends(downArc[index]) == Ends(from: downNode[index], to: Int32(node), cost: UInt64(downCost[index])) else {
                    return "downward arc \(index) of node \(node) is not a path of its cost"
                }
            }
        }
        return nil
    }
}
