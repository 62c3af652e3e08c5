import BorderFlowGraph
#if canImport(Glibc)
import Glibc
#endif

/// A file that could not be read as DIMACS, with what was wrong.
struct DimacsError: Error, CustomStringConvertible {
    let description: String
}

/// The arcs of a DIMACS shortest-path `.gr` file, in file order, with 0-based node ids.
struct DimacsArcs {
    var nodeCount = 0
    var tails: [Graph.NodeID] = []
    var heads: [Graph.NodeID] = []
    var milliseconds: [UInt32] = []
}

/// The whole file as bytes: parsing bytes instead of a `String` split into lines reads millions of lines in a
/// fraction of a second.
func readBytes(_ path: String) throws -> [UInt8] {
    guard let file = fopen(path, "rb") else { throw DimacsError(description: "cannot open \(path)") }
    defer { fclose(file) }
    fseek(file, 0, SEEK_END)
    let size = ftell(file)
    fseek(file, 0, SEEK_SET)
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
        count = fread(buffer.baseAddress, 1, size, file)
    }
    guard bytes.count == size else { throw DimacsError(description: "cannot read \(path)") }
    return bytes
}

/// Walks DIMACS lines: a type letter, then numbers separated by spaces.
private struct LineScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    var lineNumber = 1

    var atEnd: Bool { position >= bytes.count }
    var lineType: UInt8 { bytes[position] }

    mutating func skipBlanks() {
        while position < bytes.count, bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t") {
            position += 1
        }
    }

    mutating func skipWord() {
        skipBlanks()
        while position < bytes.count, bytes[position] > UInt8(ascii: " ") { position += 1 }
    }

    mutating func integer() throws -> Int {
        skipBlanks()
        let negative = position < bytes.count && bytes[position] == UInt8(ascii: "-")
        if negative { position += 1 }
        let start = position
        var value = 0
        while position < bytes.count, bytes[position] &- UInt8(ascii: "0") < 10 {
            value = value * 10 + Int(bytes[position] &- UInt8(ascii: "0"))
            position += 1
        }
        guard position > start else { throw DimacsError(description: "line \(lineNumber): expected a number") }
        return negative ? -value : value
    }

    mutating func nextLine() {
        while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
        position += 1
        lineNumber += 1
    }
}

/// Reads a `.gr` file: `p sp N M`, then `a u v w` per arc (1-based nodes, whole-millisecond weights).
func readArcs(_ path: String) throws -> DimacsArcs {
    let bytes = try readBytes(path)
    return try bytes.withUnsafeBufferPointer { buffer in
        var scanner = LineScanner(bytes: buffer)
        var arcs = DimacsArcs()
        while !scanner.atEnd {
            switch scanner.lineType {
            case UInt8(ascii: "p"):
                scanner.position += 1
                scanner.skipWord()
                arcs.nodeCount = try scanner.integer()
                let arcCount = try scanner.integer()
                arcs.tails.reserveCapacity(arcCount)
                arcs.heads.reserveCapacity(arcCount)
                arcs.milliseconds.reserveCapacity(arcCount)
            case UInt8(ascii: "a"):
                scanner.position += 1
                let tail = try scanner.integer(), head = try scanner.integer(), weight = try scanner.integer()
                guard (1...arcs.nodeCount).contains(tail), (1...arcs.nodeCount).contains(head) else {
                    throw DimacsError(description: "\(path) line \(scanner.lineNumber): arc \(tail) → \(head) names a missing node")
                }
                guard (0..<Int(UInt32.max)).contains(weight) else {
                    throw DimacsError(description: "\(path) line \(scanner.lineNumber): weight \(weight) out of range")
                }
                arcs.tails.append(Graph.NodeID(tail - 1))
                arcs.heads.append(Graph.NodeID(head - 1))
                arcs.milliseconds.append(UInt32(weight))
            default:
                break  // comments and blank lines
            }
            scanner.nextLine()
        }
        guard arcs.nodeCount > 0 else { throw DimacsError(description: "\(path) has no 'p sp N M' line") }
        return arcs
    }
}

/// Reads a `.co` file: `p aux sp co N`, then `v id x y` per node (1-based ids, coordinates in metres).
func readCoordinates(_ path: String, nodeCount: Int) throws -> [Graph.Point] {
    let bytes = try readBytes(path)
    return try bytes.withUnsafeBufferPointer { buffer in
        var scanner = LineScanner(bytes: buffer)
        var points = [Graph.Point](repeating: Graph.Point(x: .nan, y: .nan), count: nodeCount)
        while !scanner.atEnd {
            if scanner.lineType == UInt8(ascii: "v") {
                scanner.position += 1
                let node = try scanner.integer(), x = try scanner.integer(), y = try scanner.integer()
                guard (1...nodeCount).contains(node) else {
                    throw DimacsError(description: "\(path) line \(scanner.lineNumber): node \(node) is not in the graph")
                }
                points[node - 1] = Graph.Point(x: Double(x), y: Double(y))
            }
            scanner.nextLine()
        }
        if let missing = points.firstIndex(where: { $0.x.isNaN }) {
            throw DimacsError(description: "\(path) gives no position for node \(missing + 1)")
        }
        return points
    }
}
