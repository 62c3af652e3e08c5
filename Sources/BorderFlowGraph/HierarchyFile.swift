// A file of contraction hierarchies, one per cost layer of one graph, read back with one copy per array.
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
        let path = url.path(percentEncoded: false)
        let temporary = GraphFile.temporaryName(beside: path)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw GraphFileError.system(path: path, operation: "cannot create \(temporary)") }
        do {
            let writer = GraphFile.Writer(descriptor: descriptor, path: path)
            var header = GraphFile.ByteWriter()
            header.bytes += magic
            header.append(version)
            header.append(UInt32(hierarchies.count))
            try writer.write(header.bytes)
            for hierarchy in hierarchies {
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
        let path = url.path(percentEncoded: false)
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw GraphFileError(path: path, reason: .system(operation: "cannot read", message: "\(error)"))
        }
        func fault(_ detail: String) -> GraphFileError { GraphFileError(path: path, reason: .malformed(detail)) }
        return try data.withUnsafeBytes { buffer in
            guard buffer.count >= 24, Array(buffer[0..<8]) == magic else {
                throw GraphFileError(path: path, reason: .notANetworkFile)
            }
            guard buffer.count % 8 == 0 else { throw GraphFileError(path: path, reason: .malformed("its length is not a whole number of 8-byte words")) }
            var checksum = GraphFile.Checksum()
            checksum.add(UnsafeRawBufferPointer(rebasing: buffer[0..<(buffer.count - 8)]))
            guard checksum.value == UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: buffer.count - 8, as: UInt64.self)) else {
                throw GraphFileError(path: path, reason: .checksumMismatch)
            }
            var offset = 8
            func value<T: FixedWidthInteger>(_: T.Type) throws -> T {
                guard offset + MemoryLayout<T>.size <= buffer.count - 8 else { throw GraphFileError(path: path, reason: .cutShort(bytes: buffer.count, expected: offset + MemoryLayout<T>.size)) }
                defer { offset += MemoryLayout<T>.size }
                return T(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: T.self))
            }
            func array<T: FixedWidthInteger>(_ count: Int) throws -> [T] {
                let bytes = count * MemoryLayout<T>.size, padded = GraphFile.padded(bytes)
                guard count >= 0, offset + padded <= buffer.count - 8 else { throw GraphFileError(path: path, reason: .cutShort(bytes: buffer.count, expected: offset + padded)) }
                let values = [T](unsafeUninitializedCapacity: count) { target, initialized in
                    UnsafeMutableRawBufferPointer(target).copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + bytes)]))
                    initialized = count
                }
                offset += padded
                return GraphFile.hostIsLittleEndian ? values : values.map { T(littleEndian: $0) }
            }
            let fileVersion = try value(UInt32.self)
            guard fileVersion == version else { throw GraphFileError(path: path, reason: .unsupportedVersion(fileVersion)) }
            let count = Int(try value(UInt32.self))
            var hierarchies: [ContractionHierarchy] = []
            // Each edge's source, found once for every check.
            var sources = [Int32](repeating: 0, count: graph.edgeCount)
            for node in 0..<graph.nodeCount {
                for position in Int(graph.offsets[node])..<Int(graph.offsets[node + 1]) { sources[Int(graph.edge(atPosition: position))] = Int32(node) }
            }
            let limit = UInt64(Int32.max)
            for index in 0..<count {
                let counts = try (0..<6).map { _ in try value(UInt64.self) }
                guard counts.allSatisfy({ $0 < limit }) else { throw fault("hierarchy \(index) claims more items than a graph holds") }
                let (layer, nodes, edges, ups, downs, shortcuts) = (Int(counts[0]), Int(counts[1]), Int(counts[2]), Int(counts[3]), Int(counts[4]), Int(counts[5]))
                let fingerprint = try value(UInt64.self)
                guard nodes == graph.nodeCount, edges == graph.edgeCount, layer < graph.layerCount else {
                    throw fault("hierarchy \(index) is for a graph of \(nodes) nodes and \(edges) edges, not this one of \(graph.nodeCount) and \(graph.edgeCount)")
                }
                guard fingerprint == ContractionHierarchy.fingerprint(of: graph, layer: layer, outside: outside.closedEdges) else {
                    throw fault("hierarchy \(index) was built on other road costs or crossings than this network has; import the roads again")
                }
                let hierarchy = ContractionHierarchy(
                    layer: layer, nodeCount: nodes, edgeCount: edges, rank: try array(nodes),
                    upOffsets: try array(nodes + 1), upNode: try array(ups), upCost: try array(ups), upArc: try array(ups),
                    downOffsets: try array(nodes + 1), downNode: try array(downs), downCost: try array(downs), downArc: try array(downs),
                    shortcutFirst: try array(shortcuts), shortcutSecond: try array(shortcuts), outside: outside.closedEdges)
                if let problem = hierarchy.problem(in: graph, sources: sources) { throw fault("hierarchy \(index): \(problem)") }
                hierarchies.append(hierarchy)
            }
            guard offset == buffer.count - 8 else { throw fault("\(buffer.count - 8 - offset) bytes follow the last hierarchy") }
            return hierarchies
        }
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
    func problem(in graph: Graph, sources: [Int32]) -> String? {
        let nodes = nodeCount, shortcuts = shortcutFirst.count
        guard rank.count == nodes, upOffsets.count == nodes + 1, downOffsets.count == nodes + 1 else { return "its arrays do not fit the graph" }
        for offsets in [upOffsets, downOffsets] {
            guard offsets.first == 0, zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 }) else { return "its arc offsets are out of order" }
        }
        guard Int(upOffsets[nodes]) == upNode.count, Int(downOffsets[nodes]) == downNode.count else { return "its arc offsets do not match its arcs" }
        // Each shortcut's ends and cost, from its halves, which come before it.
        var from = [Int32](repeating: 0, count: shortcuts), to = from, cost = [UInt64](repeating: 0, count: shortcuts)
        func ends(_ arc: Int32) -> (Int32, Int32, UInt64)? {
            if arc >= 0 { return Int(arc) < shortcuts ? (from[Int(arc)], to[Int(arc)], cost[Int(arc)]) : nil }
            let edge = -1 - arc
            guard Int(edge) < edgeCount, !outside.contains(Int(edge)) else { return nil }
            let edgeCost = graph.costMilliseconds(of: edge, layer: layer)
            guard edgeCost != Graph.impassable else { return nil }
            return (sources[Int(edge)], graph.target(of: edge), UInt64(edgeCost))
        }
        for shortcut in 0..<shortcuts {
            let first = shortcutFirst[shortcut], second = shortcutSecond[shortcut]
            guard first < shortcut, second < shortcut, let a = ends(first), let b = ends(second), a.1 == b.0 else {
                return "shortcut \(shortcut) does not join two earlier arcs that meet"
            }
            from[shortcut] = a.0
            to[shortcut] = b.1
            cost[shortcut] = a.2 + b.2
        }
        for node in 0..<nodes {
            guard rank[node] >= 0 else { return "node \(node) has a negative rank" }
            for index in Int(upOffsets[node])..<Int(upOffsets[node + 1]) {
                guard let arc = ends(upArc[index]), arc.0 == Int32(node), arc.1 == upNode[index], arc.2 == UInt64(upCost[index]) else {
                    return "upward arc \(index) of node \(node) is not a path of its cost"
                }
            }
            for index in Int(downOffsets[node])..<Int(downOffsets[node + 1]) {
                guard let arc = ends(downArc[index]), arc.1 == Int32(node), arc.0 == downNode[index], arc.2 == UInt64(downCost[index]) else {
                    return "downward arc \(index) of node \(node) is not a path of its cost"
                }
            }
        }
        return nil
    }
}
