// A compact binary network file: a built `Graph` and its landmark tables, read back with one `read` per
// array and no rebuilding.
//
// The format, version 1. Every integer is little-endian, whatever the host; every floating-point number is
// an IEEE 754 binary64 stored as its bit pattern, little-endian.
//
//   Header, 56 bytes:
//     0   8  magic "BFGRAPH" followed by a zero byte (42 46 47 52 41 50 48 00)
//     8   4  format version, UInt32: 1
//     12  4  flags, UInt32: bit 0 coordinates present, bit 1 id map present (edgeAtPosition and
//            positionOfEdge); every other bit zero
//     16  8  nodeCount, UInt64 (below 2^31 − 1)
//     24  8  edgeCount, UInt64 (below 2^31 − 1)
//     32  8  layerCount, UInt64 (at least 1; exactly 1 when there are no edges)
//     40  8  landmark table count, UInt64
//     48  8  file length in bytes, UInt64, counting the header and the checksum
//
//   Then sections, in this order, each: kind UInt32, zero UInt32, payload byte length UInt64, the payload,
//   and zero bytes up to the next multiple of 8 (so every section starts 8-byte aligned):
//     1  offsets            Int32 × (nodeCount + 1)
//     2  targets            Int32 × edgeCount
//     3  costs              UInt32 × (layerCount × edgeCount), layer after layer, by forward position
//     4  edgeAtPosition     Int32 × edgeCount      (only with the id map flag)
//     5  positionOfEdge     Int32 × edgeCount      (only with the id map flag)
//     6  reverseOffsets     Int32 × (nodeCount + 1)
//     7  reverseSources     Int32 × edgeCount
//     8  reversePositions   Int32 × edgeCount
//     9  coordinates        Float64 × 2 × nodeCount, x then y per node (only with the coordinates flag)
//   and for each landmark table:
//     10 landmark table     layer UInt32, landmark count UInt32 (8 bytes)
//     11 landmarks          Int32 × count
//     12 fromLandmark       UInt32 × (nodeCount × count), node-major
//     13 toLandmark         UInt32 × (nodeCount × count), node-major
//
//   Last, 8 bytes: the checksum, UInt64, of every byte before it. Those bytes are read as little-endian
//   64-bit words w0, w1, …; word i goes to lane i mod 4 with the round of xxHash64,
//   lane = rotl(lane + w × P2, 31) × P1, the lanes starting at (P1 + P2, P2, 0, −P1); the result is
//   h = rotl(lane0, 1) + rotl(lane1, 7) + rotl(lane2, 12) + rotl(lane3, 18), then h ^= wordCount × P1 and
//   xxHash64's avalanche (h ^= h >> 33; h ×= P2; h ^= h >> 29; h ×= P3; h ^= h >> 32), all modulo 2^64,
//   with P1 = 0x9E3779B185EBCA87, P2 = 0xC2B2AE3D27D4EB4F, P3 = 0x165667B19E3779F9. Every step is a
//   bijection of the lane, so a change to any one word always changes the checksum; four independent lanes
//   run at several gigabytes a second.

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

/// Writes a ``Graph`` and its ``LandmarkTable``s to a compact binary file, and reads them back without
/// rebuilding: each stored array is read in one piece, checked, and used as it is.
///
/// All integers in the file are little-endian, so a file reads the same on any host. Writing is atomic: the
/// file is written beside its destination under a temporary name and renamed into place, so a reader never
/// sees half a file and a failed write leaves nothing behind. Reading trusts nothing in the file: a wrong
/// magic number or version, a file cut short, any damaged byte (caught by a 64-bit checksum) and any
/// structure the graph could not have had (offsets out of order, a node, edge or landmark out of range, a
/// position map that is not a permutation, a coordinate that is not finite) is a ``GraphFileError``, never
/// a crash, then or in later searches. The byte layout is documented at the top of `GraphFile.swift`.
public enum GraphFile {
    /// The format version this program writes and the newest it reads.
    public static let version: UInt32 = 1

    static let magic: [UInt8] = [0x42, 0x46, 0x47, 0x52, 0x41, 0x50, 0x48, 0x00] // "BFGRAPH\0"
    static let headerSize = 56
    static let sectionHeaderSize = 16
    static let checksumSize = 8
    static let coordinatesFlag: UInt32 = 1
    static let idMapFlag: UInt32 = 2
    /// More landmarks than `LandmarkTable` ever chooses.
    static let maximumLandmarks = 64

    /// The kind tag of each section, in the order the sections come.
    enum Section: UInt32, CaseIterable {
        case offsets = 1, targets, costs, edgeAtPosition, positionOfEdge, reverseOffsets, reverseSources,
             reversePositions, coordinates, landmarkTable, landmarks, fromLandmark, toLandmark

        var name: String {
            switch self {
            case .offsets: return "offsets"
            case .targets: return "targets"
            case .costs: return "costs"
            case .edgeAtPosition: return "edgeAtPosition"
            case .positionOfEdge: return "positionOfEdge"
            case .reverseOffsets: return "reverseOffsets"
            case .reverseSources: return "reverseSources"
            case .reversePositions: return "reversePositions"
            case .coordinates: return "coordinates"
            case .landmarkTable: return "landmark table"
            case .landmarks: return "landmarks"
            case .fromLandmark: return "fromLandmark"
            case .toLandmark: return "toLandmark"
            }
        }
    }

    // MARK: Writing

    /// Writes a graph and landmark tables built on it to a file, atomically: the file is written under a
    /// temporary name in the same folder, flushed to disk and renamed over `url`, so that `url` holds either
    /// its old contents or the whole new file, and a failure leaves no partial file behind.
    ///
    /// - Parameters:
    ///   - graph: the graph to write.
    ///   - landmarks: landmark tables built on `graph`, in the order `read(from:)` returns them.
    ///   - url: the file to write; its folder must exist.
    /// - Throws: `GraphFileError` when a table was built on another graph, or the file cannot be created,
    ///   written, flushed or renamed.
    public static func write(_ graph: Graph, landmarks: [LandmarkTable] = [], to url: URL) throws {
        let path = url.withUnsafeFileSystemRepresentation { $0.map { String(cString: $0) } } ?? url.path(percentEncoded: false)
        for (index, table) in landmarks.enumerated()
        where table.nodeCount != graph.nodeCount || table.layer < 0 || table.layer >= graph.layerCount {
            throw GraphFileError(path: path, reason: .landmarkTableForAnotherGraph(index: index))
        }
        let temporaryPath = temporaryName(beside: path)
        let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw GraphFileError.system(path: path, operation: "cannot create \(temporaryPath)") }
        var closed = false
        do {
            let writer = Writer(descriptor: descriptor, path: path)
            try writeContents(graph, landmarks: landmarks, with: writer)
            guard fsync(descriptor) == 0 else { throw GraphFileError.system(path: path, operation: "cannot flush") }
            closed = true
            guard close(descriptor) == 0 else { throw GraphFileError.system(path: path, operation: "cannot close") }
            guard rename(temporaryPath, path) == 0 else { throw GraphFileError.system(path: path, operation: "cannot rename \(temporaryPath) to") }
        } catch {
            if !closed { close(descriptor) }
            unlink(temporaryPath)
            throw error
        }
    }

    /// A name in the same folder as `path` (so that renaming is atomic) that no other writer picks.
    static func temporaryName(beside path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return "\(folder).\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).partial"
    }

    private static func writeContents(_ graph: Graph, landmarks: [LandmarkTable], with writer: Writer) throws {
        let nodes = graph.nodeCount, edges = graph.edgeCount
        let hasIdMap = graph.edgeAtPosition != nil && graph.positionOfEdge != nil
        var sections: [(Section, Int)] = [(.offsets, 4 * (nodes + 1)), (.targets, 4 * edges), (.costs, 4 * graph.costs.count)]
        if hasIdMap { sections += [(.edgeAtPosition, 4 * edges), (.positionOfEdge, 4 * edges)] }
        sections += [(.reverseOffsets, 4 * (nodes + 1)), (.reverseSources, 4 * edges), (.reversePositions, 4 * edges)]
        if graph.coordinates != nil { sections.append((.coordinates, 16 * nodes)) }
        for table in landmarks {
            let width = table.landmarks.count
            sections += [(.landmarkTable, 8), (.landmarks, 4 * width), (.fromLandmark, 4 * nodes * width), (.toLandmark, 4 * nodes * width)]
        }
        let length = headerSize + sections.reduce(0) { $0 + sectionHeaderSize + padded($1.1) } + checksumSize

        var header = ByteWriter()
        header.bytes += magic
        header.append(version)
        header.append((graph.coordinates != nil ? coordinatesFlag : 0) | (hasIdMap ? idMapFlag : 0))
        for value in [nodes, edges, graph.layerCount, landmarks.count, length] { header.append(UInt64(value)) }
        try writer.write(header.bytes)

        var remaining = sections[...]
        func section<T: FixedWidthInteger>(_ values: [T]) throws {
            let (kind, bytes) = remaining.removeFirst()
            try writer.writeSectionHeader(kind, bytes: bytes)
            try writer.writeValues(values)
            try writer.writePadding(after: bytes)
        }
        try section(graph.offsets)
        try section(graph.targets)
        try section(graph.costs)
        if hasIdMap, let edgeAtPosition = graph.edgeAtPosition, let positionOfEdge = graph.positionOfEdge {
            try section(edgeAtPosition)
            try section(positionOfEdge)
        }
        try section(graph.reverseOffsets)
        try section(graph.reverseSources)
        try section(graph.reversePositions)
        if let coordinates = graph.coordinates {
            var bits = [UInt64]()
            bits.reserveCapacity(2 * coordinates.count)
            for point in coordinates {
                bits.append(point.x.bitPattern)
                bits.append(point.y.bitPattern)
            }
            try section(bits)
        }
        for table in landmarks {
            try section([UInt32(table.layer), UInt32(table.landmarks.count)])
            try section(table.landmarks)
            try section(table.fromLandmark)
            try section(table.toLandmark)
        }
        var checksum = ByteWriter()
        checksum.append(writer.checksum.value)
        try writer.write(checksum.bytes, addingToChecksum: false)
    }

    /// `bytes` rounded up to a multiple of 8.
    static func padded(_ bytes: Int) -> Int { (bytes + 7) & ~7 }

    static let hostIsLittleEndian = UInt16(1).littleEndian == 1

    // MARK: Reading

    /// Reads a graph and its landmark tables from a file written by `write(_:landmarks:to:)`, checking
    /// everything: the result is exactly the graph written, or an error.
    ///
    /// - Parameter url: the file to read.
    /// - Returns: the graph, equal in every edge, cost and coordinate to the one written, and its landmark
    ///   tables in the order written.
    /// - Throws: `GraphFileError` when the file cannot be read, is not a BorderFlow network file, is of a
    ///   newer version, is cut short or too long, fails its checksum, or holds arrays that could not belong
    ///   to a graph (offsets out of order, a node, edge or landmark out of range, a position map that is not a
    ///   permutation, a coordinate that is not finite, or a section of the wrong kind or length).
    public static func read(from url: URL) throws -> (graph: Graph, landmarks: [LandmarkTable]) {
        try withReader(of: url) { try $0.readAll() }
    }

    /// Opens a file for reading front to back, and closes it once `body` is done with its reader.
    static func withReader<Result>(of url: URL, _ body: (Reader) throws -> Result) throws -> Result {
        let path = url.withUnsafeFileSystemRepresentation { $0.map { String(cString: $0) } } ?? url.path(percentEncoded: false)
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw GraphFileError.system(path: path, operation: "cannot open") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw GraphFileError.system(path: path, operation: "cannot read the size of") }
        return try body(Reader(descriptor: descriptor, path: path, fileSize: Int(status.st_size)))
    }
}

/// Why a network file could not be written or read: `path` names the file and `reason` what was wrong.
public struct GraphFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What was wrong with the file.
    public enum Reason: Equatable, Sendable {
        /// The file does not start with the network file's magic number.
        case notANetworkFile
        /// The file's format version, which is newer than this program reads (or 0, which no program wrote).
        case unsupportedVersion(UInt32)
        /// The file is shorter than the header: `bytes` is its length.
        case headerCutShort(bytes: Int)
        /// The file holds `bytes` bytes where its header says `expected`: cut short.
        case cutShort(bytes: Int, expected: Int)
        /// The file holds `bytes` bytes where its header says `expected`: something follows its end.
        case tooLong(bytes: Int, expected: Int)
        /// The checksum at the end does not match the bytes before it.
        case checksumMismatch
        /// A section of another kind (the number `found`) stands where the `expected` section should.
        case sectionOutOfPlace(found: UInt32, expected: String)
        /// A section holds `bytes` bytes where the header's counts need `expected`.
        case sectionLength(section: String, bytes: UInt64, expected: Int)
        /// The arrays cannot belong to a graph; the text says which array and where.
        case malformed(String)
        /// Landmark table `index` given to the writer was built on another graph.
        case landmarkTableForAnotherGraph(index: Int)
        /// A system call failed: `operation` says what was tried, `message` is the system's reason.
        case system(operation: String, message: String)
    }

    /// The file, as given.
    public let path: String
    /// What was wrong.
    public let reason: Reason

    /// Creates an error about a file.
    ///
    /// - Parameters:
    ///   - path: the file's path.
    ///   - reason: what was wrong with it.
    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// The error for the system call that just failed, with `errno`'s message.
    static func system(path: String, operation: String) -> GraphFileError {
        GraphFileError(path: path, reason: .system(operation: operation, message: String(cString: strerror(errno))))
    }

    /// A sentence naming the file and what was wrong with it.
    public var description: String {
        let problem: String
        switch reason {
        case .notANetworkFile: problem = "not a BorderFlow network file"
        case let .unsupportedVersion(found):
            problem = found > GraphFile.version
                ? "version \(found) is newer than this program reads (\(GraphFile.version))"
                : "version \(found) is not a version of the network file"
        case let .headerCutShort(bytes):
            problem = "cut short: \(Self.grouped(bytes)) bytes, less than the \(GraphFile.headerSize)-byte header"
        case let .cutShort(bytes, expected):
            problem = "cut short: \(Self.grouped(bytes)) bytes where the header says \(Self.grouped(expected))"
        case let .tooLong(bytes, expected):
            problem = "\(Self.grouped(bytes)) bytes where the header says \(Self.grouped(expected)): something follows the network"
        case .checksumMismatch: problem = "checksum does not match: the file is damaged"
        case let .sectionOutOfPlace(found, expected):
            problem = "section kind \(found) stands where the \(expected) section should"
        case let .sectionLength(section, bytes, expected):
            problem = "the \(section) section holds \(Self.grouped(bytes)) bytes where the header's counts need \(Self.grouped(expected))"
        case let .malformed(detail): problem = "not a valid network: \(detail)"
        case let .landmarkTableForAnotherGraph(index):
            problem = "landmark table \(index) was built on another graph (its node count or layer does not fit)"
        case let .system(operation, message): problem = "\(operation): \(message)"
        }
        return "\(path): \(problem)"
    }

    /// A count with thousands separators, as people read file sizes.
    static func grouped<T: BinaryInteger>(_ value: T) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }
}

// MARK: - Checksum

extension GraphFile {
    /// The file's checksum, fed any number of bytes at a time; documented at the top of this file.
    struct Checksum {
        static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
        static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        static let p3: UInt64 = 0x1656_67B1_9E37_79F9

        private var lane0 = Checksum.p1 &+ Checksum.p2, lane1 = Checksum.p2, lane2: UInt64 = 0, lane3: UInt64 = 0 &- Checksum.p1
        private var words = 0
        // A word begun by one call and finished by the next.
        private var pending: UInt64 = 0
        private var pendingBytes = 0

        @inline(__always)
        private static func round(_ lane: UInt64, _ word: UInt64) -> UInt64 {
            let mixed = lane &+ word &* p2
            return ((mixed << 31) | (mixed >> 33)) &* p1
        }

        @inline(__always)
        private static func rotate(_ value: UInt64, _ bits: UInt64) -> UInt64 { (value << bits) | (value >> (64 - bits)) }

        private mutating func add(word: UInt64) {
            switch words & 3 {
            case 0: lane0 = Self.round(lane0, word)
            case 1: lane1 = Self.round(lane1, word)
            case 2: lane2 = Self.round(lane2, word)
            default: lane3 = Self.round(lane3, word)
            }
            words += 1
        }

        mutating func add(_ bytes: UnsafeRawBufferPointer) {
            let count = bytes.count
            var index = 0
            while pendingBytes > 0, index < count {
                pending |= UInt64(bytes[index]) << UInt64(8 * pendingBytes)
                pendingBytes += 1
                index += 1
                if pendingBytes == 8 {
                    add(word: pending)
                    pending = 0
                    pendingBytes = 0
                }
            }
            while words & 3 != 0, count - index >= 8 {
                add(word: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
                index += 8
            }
            if count - index >= 32, let base = bytes.baseAddress {
                // Four independent chains: the multiplies overlap.
                var a = lane0, b = lane1, c = lane2, d = lane3
                let blocks = (count - index) / 32
                var at = base + index
                for _ in 0..<blocks {
                    a = Self.round(a, UInt64(littleEndian: at.loadUnaligned(as: UInt64.self)))
                    b = Self.round(b, UInt64(littleEndian: at.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
                    c = Self.round(c, UInt64(littleEndian: at.loadUnaligned(fromByteOffset: 16, as: UInt64.self)))
                    d = Self.round(d, UInt64(littleEndian: at.loadUnaligned(fromByteOffset: 24, as: UInt64.self)))
                    at += 32
                }
                lane0 = a; lane1 = b; lane2 = c; lane3 = d
                words += 4 * blocks
                index += 32 * blocks
            }
            while count - index >= 8 {
                add(word: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
                index += 8
            }
            while index < count {
                pending |= UInt64(bytes[index]) << UInt64(8 * pendingBytes)
                pendingBytes += 1
                index += 1
            }
        }

        /// The checksum of the bytes added so far; they must be a whole number of words.
        var value: UInt64 {
            precondition(pendingBytes == 0, "the checksum covers whole 8-byte words")
            var hash = Self.rotate(lane0, 1) &+ Self.rotate(lane1, 7) &+ Self.rotate(lane2, 12) &+ Self.rotate(lane3, 18)
            hash ^= UInt64(words) &* Self.p1
            hash ^= hash >> 33
            hash &*= Self.p2
            hash ^= hash >> 29
            hash &*= Self.p3
            hash ^= hash >> 32
            return hash
        }
    }
}

// MARK: - Writing bytes

extension GraphFile {
    /// Little-endian bytes for the header.
    struct ByteWriter {
        var bytes: [UInt8] = []

        mutating func append<T: FixedWidthInteger>(_ value: T) {
            withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
        }
    }

    /// Writes to a file descriptor, adding what it writes to the checksum.
    final class Writer {
        let descriptor: Int32
        let path: String
        var checksum = Checksum()
        /// Converted values for hosts that are not little-endian, a chunk at a time.
        private static let chunk = 1 << 16

        init(descriptor: Int32, path: String) {
            self.descriptor = descriptor
            self.path = path
        }

        func write(_ bytes: UnsafeRawBufferPointer, addingToChecksum: Bool = true) throws {
            if addingToChecksum { checksum.add(bytes) }
            guard var address = bytes.baseAddress else { return }
            var remaining = bytes.count
            while remaining > 0 {
                let written = systemWrite(descriptor, address, remaining)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw GraphFileError.system(path: path, operation: "cannot write")
                }
                address += written
                remaining -= written
            }
        }

        func write(_ bytes: [UInt8], addingToChecksum: Bool = true) throws {
            try bytes.withUnsafeBytes { try write($0, addingToChecksum: addingToChecksum) }
        }

        func writeSectionHeader(_ kind: Section, bytes: Int) throws {
            var header = ByteWriter()
            header.append(kind.rawValue)
            header.append(UInt32(0))
            header.append(UInt64(bytes))
            try write(header.bytes)
        }

        func writeValues<T: FixedWidthInteger>(_ values: [T]) throws {
            if GraphFile.hostIsLittleEndian {
                try values.withUnsafeBytes { try write($0) }
                return
            }
            var start = 0
            while start < values.count {
                let end = min(start + Self.chunk, values.count)
                let converted = values[start..<end].map(\.littleEndian)
                try converted.withUnsafeBytes { try write($0) }
                start = end
            }
        }

        func writePadding(after bytes: Int) throws {
            let padding = GraphFile.padded(bytes) - bytes
            if padding > 0 { try write([UInt8](repeating: 0, count: padding)) }
        }
    }
}

/// The system's `write`, by a name that `Writer.write` does not shadow.
@inline(__always)
private func systemWrite(_ descriptor: Int32, _ address: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, address, count)
}

/// Asks Linux to back a large buffer with 2 MB pages before it is first touched: filling a fresh 40 MB array
/// otherwise costs ten thousand page faults, more time than reading the file into it.
private func adviseHugePages(_ buffer: UnsafeMutableRawBufferPointer) {
    #if os(Linux)
    let huge = 2 << 20
    guard buffer.count >= 2 * huge, let base = buffer.baseAddress else { return }
    let start = (Int(bitPattern: base) + huge - 1) & ~(huge - 1)
    let end = (Int(bitPattern: base) + buffer.count) & ~(huge - 1)
    // Advice only: where it is refused, the pages are ordinary ones.
    if end > start { _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_HUGEPAGE) }
    #endif
}

/// The system's `read`, by a name that `Reader.read` does not shadow.
@inline(__always)
private func systemRead(_ descriptor: Int32, _ address: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, address, count)
}

// MARK: - Reading bytes

extension GraphFile {
    /// Reads a file front to back, checking each section's place and length before reading it into its array.
    final class Reader {
        let descriptor: Int32
        let path: String
        let fileSize: Int
        /// The bytes before the checksum, once the header has given the length.
        private(set) var end = 0
        private(set) var position = 0
        private var checksum = Checksum()
        /// Reads are this large so that each piece is still in cache when the checksum reads it.
        private static let piece = 1 << 18

        init(descriptor: Int32, path: String, fileSize: Int) {
            self.descriptor = descriptor
            self.path = path
            self.fileSize = fileSize
        }

        private func error(_ reason: GraphFileError.Reason) -> GraphFileError {
            GraphFileError(path: path, reason: reason)
        }

        /// Fills `buffer` from the file, adding the bytes to the checksum unless told not to.
        private func fill(_ buffer: UnsafeMutableRawBufferPointer, addingToChecksum: Bool = true) throws {
            guard let base = buffer.baseAddress else { return }
            adviseHugePages(buffer)
            var done = 0
            while done < buffer.count {
                let got = systemRead(descriptor, base + done, min(Self.piece, buffer.count - done))
                if got < 0 {
                    if errno == EINTR { continue }
                    throw GraphFileError.system(path: path, operation: "cannot read")
                }
                // The file shrank since its size was read.
                guard got > 0 else { throw error(.cutShort(bytes: position + done, expected: end + checksumSize)) }
                if addingToChecksum { checksum.add(UnsafeRawBufferPointer(start: base + done, count: got)) }
                done += got
            }
            position += buffer.count
        }

        func readBytes(_ count: Int) throws -> [UInt8] {
            try [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
                try fill(UnsafeMutableRawBufferPointer(buffer))
                initialized = count
            }
        }

        private func readHeader() throws -> (flags: UInt32, nodes: Int, edges: Int, layers: Int, tables: Int) {
            let prefix = min(fileSize, headerSize)
            let bytes = try readBytes(prefix)
            guard bytes.prefix(magic.count).elementsEqual(magic.prefix(min(prefix, magic.count))) else {
                throw error(.notANetworkFile)
            }
            guard prefix == headerSize else { throw error(.headerCutShort(bytes: fileSize)) }
            func value<T: FixedWidthInteger>(at offset: Int, _: T.Type) -> T {
                bytes.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: T.self)) }
            }
            let version = value(at: 8, UInt32.self)
            guard version == GraphFile.version else { throw error(.unsupportedVersion(version)) }
            let length = value(at: 48, UInt64.self)
            guard length >= UInt64(headerSize + checksumSize), length % 8 == 0, length <= UInt64(Int.max) else {
                throw error(.malformed("the header gives a file length of \(GraphFileError.grouped(length)) bytes"))
            }
            guard UInt64(fileSize) >= length else { throw error(.cutShort(bytes: fileSize, expected: Int(length))) }
            guard UInt64(fileSize) == length else { throw error(.tooLong(bytes: fileSize, expected: Int(length))) }
            end = Int(length) - checksumSize

            let flags = value(at: 12, UInt32.self)
            guard flags & ~(coordinatesFlag | idMapFlag) == 0 else {
                throw error(.malformed("unknown flags \(String(flags, radix: 16)) in the header"))
            }
            let limit = UInt64(Int32.max - 1)
            let nodes = value(at: 16, UInt64.self), edges = value(at: 24, UInt64.self)
            let layers = value(at: 32, UInt64.self), tables = value(at: 40, UInt64.self)
            guard nodes <= limit else { throw error(.malformed("\(nodes) nodes is more than a graph can hold")) }
            guard edges <= limit else { throw error(.malformed("\(edges) edges is more than a graph can hold")) }
            guard layers >= 1, edges > 0 || layers == 1 else {
                throw error(.malformed("\(layers) cost layers for \(edges) edges; a graph has at least one, and exactly one when it has no edges"))
            }
            // Each layer and each table takes bytes of the file: counts beyond its length are lies.
            guard edges == 0 || layers <= length / (4 * edges) else {
                throw error(.malformed("\(layers) cost layers is more than the file can hold"))
            }
            guard tables <= length / UInt64(sectionHeaderSize) else {
                throw error(.malformed("\(tables) landmark tables is more than the file can hold"))
            }
            return (flags, Int(nodes), Int(edges), Int(layers), Int(tables))
        }

        /// Reads the next section's kind and length, checking both and that the section fits in the file.
        private func readSectionHeader(_ kind: Section, bytes expected: Int) throws {
            guard end - position >= sectionHeaderSize else {
                throw error(.malformed("the file ends before the \(kind.name) section"))
            }
            let header = try readBytes(sectionHeaderSize)
            let found = header.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self)) }
            let zero = header.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: 4, as: UInt32.self)) }
            let length = header.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) }
            guard found == kind.rawValue, zero == 0 else { throw error(.sectionOutOfPlace(found: found, expected: kind.name)) }
            guard length == UInt64(expected) else { throw error(.sectionLength(section: kind.name, bytes: length, expected: expected)) }
            guard padded(expected) <= end - position else {
                throw error(.malformed("the \(kind.name) section runs \(GraphFileError.grouped(padded(expected) - (end - position))) bytes past the end of the file"))
            }
        }

        private func readPadding(after bytes: Int, of kind: Section) throws {
            let padding = padded(bytes) - bytes
            guard padding > 0 else { return }
            guard try readBytes(padding).allSatisfy({ $0 == 0 }) else {
                throw error(.malformed("the padding after the \(kind.name) section is not zero"))
            }
        }

        /// Reads a section of `count` integers straight into a new array.
        private func section<T: FixedWidthInteger>(_ kind: Section, count: Int, of _: T.Type = T.self) throws -> [T] {
            let bytes = count * MemoryLayout<T>.size
            try readSectionHeader(kind, bytes: bytes)
            var values = try [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                try fill(UnsafeMutableRawBufferPointer(buffer))
                initialized = count
            }
            try readPadding(after: bytes, of: kind)
            if !hostIsLittleEndian {
                for index in values.indices { values[index] = T(littleEndian: values[index]) }
            }
            return values
        }

        /// Reads the coordinates section: straight into the points where they are laid out as two doubles.
        private func coordinates(count: Int) throws -> [Graph.Point] {
            let direct = hostIsLittleEndian && MemoryLayout<Graph.Point>.size == 16 && MemoryLayout<Graph.Point>.stride == 16
                && MemoryLayout<Graph.Point>.offset(of: \.x) == 0 && MemoryLayout<Graph.Point>.offset(of: \.y) == 8
            guard direct else {
                let bits = try section(.coordinates, count: 2 * count, of: UInt64.self)
                return (0..<count).map { Graph.Point(x: Double(bitPattern: bits[2 * $0]), y: Double(bitPattern: bits[2 * $0 + 1])) }
            }
            let bytes = 16 * count
            try readSectionHeader(.coordinates, bytes: bytes)
            return try [Graph.Point](unsafeUninitializedCapacity: count) { buffer, initialized in
                try fill(UnsafeMutableRawBufferPointer(buffer))
                initialized = count
            }
        }

        // MARK: For files of other layouts with the same checksum (HierarchyFile)

        /// Takes every byte but the last 8 (the checksum) as content, for a file with no length in its header.
        func expectChecksumAtEnd() {
            end = max(0, fileSize - checksumSize)
        }

        /// Reads `count` integers and the zeros padding them to a multiple of 8 bytes, into a new array; throws
        /// before allocating when the file cannot hold them.
        func paddedValues<T: FixedWidthInteger>(_ count: Int, of _: T.Type = T.self) throws -> [T] {
            let bytes = count * MemoryLayout<T>.size
            guard count >= 0, padded(bytes) <= end - position else {
                throw error(.cutShort(bytes: fileSize, expected: position + padded(bytes) + checksumSize))
            }
            var values = try [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                try fill(UnsafeMutableRawBufferPointer(buffer))
                initialized = count
            }
            let padding = padded(bytes) - bytes
            if padding > 0, try !readBytes(padding).allSatisfy({ $0 == 0 }) {
                throw error(.malformed("the padding at byte \(position - padding) is not zero"))
            }
            if !hostIsLittleEndian {
                for index in values.indices { values[index] = T(littleEndian: values[index]) }
            }
            return values
        }

        /// Reads the stored checksum, once every content byte is read, and compares it with the bytes'.
        func checkChecksum() throws {
            var stored: UInt64 = 0
            try withUnsafeMutableBytes(of: &stored) { try fill($0, addingToChecksum: false) }
            guard UInt64(littleEndian: stored) == checksum.value else { throw error(.checksumMismatch) }
        }

        func readAll() throws -> (graph: Graph, landmarks: [LandmarkTable]) {
            let (flags, nodes, edges, layers, tableCount) = try readHeader()
            let offsets = try section(.offsets, count: nodes + 1, of: Int32.self)
            let targets = try section(.targets, count: edges, of: Int32.self)
            let costs = try section(.costs, count: layers * edges, of: UInt32.self)
            var edgeAtPosition: [Int32]?, positionOfEdge: [Int32]?
            if flags & idMapFlag != 0 {
                edgeAtPosition = try section(.edgeAtPosition, count: edges)
                positionOfEdge = try section(.positionOfEdge, count: edges)
            }
            let reverseOffsets = try section(.reverseOffsets, count: nodes + 1, of: Int32.self)
            let reverseSources = try section(.reverseSources, count: edges, of: Int32.self)
            let reversePositions = try section(.reversePositions, count: edges, of: Int32.self)
            let points = flags & coordinatesFlag != 0 ? try coordinates(count: nodes) : nil
            var tables: [(layer: Int, landmarks: [Int32], from: [UInt32], to: [UInt32])] = []
            for _ in 0..<tableCount {
                let head = try section(.landmarkTable, count: 2, of: UInt32.self)
                let width = Int(head[1])
                guard width <= maximumLandmarks else {
                    throw error(.malformed("landmark table \(tables.count) has \(width) landmarks; a table holds at most \(maximumLandmarks)"))
                }
                let landmarks = try section(.landmarks, count: width, of: Int32.self)
                let from = try section(.fromLandmark, count: nodes * width, of: UInt32.self)
                let to = try section(.toLandmark, count: nodes * width, of: UInt32.self)
                tables.append((Int(head[0]), landmarks, from, to))
            }
            guard position == end else {
                throw error(.malformed("\(GraphFileError.grouped(end - position)) bytes follow the last section"))
            }
            try checkChecksum()

            // The checksum says the file is as written; these say the writer wrote a graph.
            if let problem = Validation.offsets(offsets, name: "offsets", edgeCount: edges)
                ?? Validation.nodes(targets, name: "targets", nodeCount: nodes)
                ?? Validation.idMap(edgeAtPosition: edgeAtPosition, positionOfEdge: positionOfEdge, offsets: offsets)
                ?? Validation.offsets(reverseOffsets, name: "reverseOffsets", edgeCount: edges)
                ?? Validation.reverse(reverseOffsets: reverseOffsets, reverseSources: reverseSources,
                                      reversePositions: reversePositions, offsets: offsets, targets: targets,
                                      edgeAtPosition: edgeAtPosition)
                ?? Validation.coordinates(points) {
                throw error(.malformed(problem))
            }
            let landmarkTables = try tables.enumerated().map { index, table in
                if let problem = Validation.landmarks(table.landmarks, layer: table.layer, layerCount: layers, nodeCount: nodes)
                    ?? Validation.landmarkCosts(from: table.from, to: table.to, width: table.landmarks.count, layer: table.layer,
                                                offsets: offsets, targets: targets, costs: costs) {
                    throw error(.malformed("landmark table \(index): \(problem)"))
                }
                return LandmarkTable(layer: table.layer, landmarks: table.landmarks, nodeCount: nodes,
                                     fromLandmark: table.from, toLandmark: table.to)
            }
            let graph = Graph(nodeCount: nodes, edgeCount: edges, layerCount: layers, offsets: offsets, targets: targets,
                              costs: costs, edgeAtPosition: edgeAtPosition, positionOfEdge: positionOfEdge,
                              reverseOffsets: reverseOffsets, reverseSources: reverseSources,
                              reversePositions: reversePositions, coordinates: points)
            return (graph, landmarkTables)
        }
    }
}

// MARK: - Checking the structure

extension GraphFile {
    /// Checks that arrays read from a file could have been built by `Graph`: each returns a description of
    /// the first fault, or nil. Every index is checked before it is used, so that nothing a file holds can
    /// make the reader (or a later search) read out of bounds.
    enum Validation {
        /// Offsets start at 0, never decrease and end at the edge count.
        static func offsets(_ offsets: [Int32], name: String, edgeCount: Int) -> String? {
            offsets.withUnsafeBufferPointer { offsets in
                guard let first = offsets.first else { return "\(name) are missing" }
                guard first == 0 else { return "\(name) start at \(first), not 0" }
                // A pass with no branch to leave early runs at memory speed; the slow one finds the node.
                var smallestStep = Int64.max
                for node in 1..<offsets.count { smallestStep = min(smallestStep, Int64(offsets[node]) - Int64(offsets[node - 1])) }
                if smallestStep < 0, let node = (1..<offsets.count).first(where: { offsets[$0] < offsets[$0 - 1] }) {
                    return "\(name) decrease at node \(node - 1): \(offsets[node]) after \(offsets[node - 1])"
                }
                let last = offsets[offsets.count - 1]
                return Int(last) == edgeCount ? nil : "\(name) end at \(last), but there are \(edgeCount) edges"
            }
        }

        /// The landmark costs hold along every edge (a node's cost from a landmark is at most its predecessor's
        /// plus the edge; its cost to a landmark at most the edge plus its successor's), and a node the edge
        /// leads from or to is not left without a cost where its neighbour has one. Costs that hold along every
        /// edge are lower bounds along every path, so a table that passes can make an ALT search slow but never
        /// wrong, whoever wrote it.
        static func landmarkCosts(from: [UInt32], to: [UInt32], width: Int, layer: Int,
                                  offsets: [Int32], targets: [Int32], costs: [UInt32]) -> String? {
            let nodes = offsets.count - 1, edges = targets.count
            guard from.count == nodes * width, to.count == nodes * width else { return "its costs are not one per node and landmark" }
            let unknown = LandmarkTable.unknown
            for node in 0..<nodes {
                for position in Int(offsets[node])..<Int(offsets[node + 1]) {
                    let cost = costs[layer * edges + position]
                    guard cost != Graph.impassable else { continue }
                    let next = Int(targets[position])
                    for landmark in 0..<width {
                        let fromHere = from[node * width + landmark], fromNext = from[next * width + landmark]
                        if fromHere != unknown, fromNext == unknown {
                            return "landmark \(landmark) has a cost to node \(node) but none to node \(next), an edge further"
                        }
                        if fromHere != unknown, UInt64(fromNext) > UInt64(fromHere) + UInt64(cost) {
                            return "landmark \(landmark)'s cost to node \(next) is more than its cost to node \(node) plus the edge between them"
                        }
                        let toHere = to[node * width + landmark], toNext = to[next * width + landmark]
                        if toNext != unknown, toHere == unknown {
                            return "node \(node) has no cost to landmark \(landmark) though node \(next), an edge further, has one"
                        }
                        if toNext != unknown, UInt64(toHere) > UInt64(cost) + UInt64(toNext) {
                            return "node \(node)'s cost to landmark \(landmark) is more than the edge to node \(next) plus that node's cost"
                        }
                    }
                }
            }
            return nil
        }

        /// Every value is a node id.
        static func nodes(_ values: [Int32], name: String, nodeCount: Int) -> String? {
            values.withUnsafeBufferPointer { values in
                var largest: UInt32 = 0
                // Negative ids become large unsigned ones.
                for value in values { largest = max(largest, UInt32(bitPattern: value)) }
                guard !values.isEmpty, Int(largest) >= nodeCount,
                      let index = values.firstIndex(where: { $0 < 0 || Int($0) >= nodeCount }) else { return nil }
                return "\(name)[\(index)] is node \(values[index]), but nodes are numbered 0..<\(nodeCount)"
            }
        }

        /// The two maps are inverse permutations, and each node's edges are in the order of their ids.
        static func idMap(edgeAtPosition: [Int32]?, positionOfEdge: [Int32]?, offsets: [Int32]) -> String? {
            guard let edgeAtPosition, let positionOfEdge else { return nil }
            let edges = edgeAtPosition.count
            return edgeAtPosition.withUnsafeBufferPointer { edgeAt in
                positionOfEdge.withUnsafeBufferPointer { positionOf in
                    for position in 0..<edges {
                        let edge = Int(edgeAt[position])
                        guard edge >= 0, edge < edges else {
                            return "edgeAtPosition[\(position)] is edge \(edge), but edges are numbered 0..<\(edges)"
                        }
                        // In range and its own inverse at every position: so both are permutations.
                        guard Int(positionOf[edge]) == position else {
                            return "positionOfEdge[\(edge)] is \(positionOf[edge]), but edge \(edge) is at position \(position)"
                        }
                    }
                    for node in 0..<(offsets.count - 1) where offsets[node] < offsets[node + 1] {
                        for position in Int(offsets[node]) + 1 ..< Int(offsets[node + 1]) where edgeAt[position] <= edgeAt[position - 1] {
                            return "the edges leaving node \(node) are not in the order of their ids"
                        }
                    }
                    return nil
                }
            }
        }

        /// The reverse adjacency lists every forward edge once, under its target, with its source, in the
        /// order of the edges' ids. Called after the forward arrays have passed.
        static func reverse(reverseOffsets: [Int32], reverseSources: [Int32], reversePositions: [Int32],
                            offsets: [Int32], targets: [Int32], edgeAtPosition: [Int32]?) -> String? {
            let nodes = offsets.count - 1, edges = targets.count
            var seen = [UInt64](repeating: 0, count: (edges + 63) / 64)
            return seen.withUnsafeMutableBufferPointer { seen in
                reverseOffsets.withUnsafeBufferPointer { reverseOffsets in
                    reverseSources.withUnsafeBufferPointer { sources in
                        reversePositions.withUnsafeBufferPointer { positions in
                            offsets.withUnsafeBufferPointer { offsets in
                                targets.withUnsafeBufferPointer { targets -> String? in
                                    for node in 0..<nodes {
                                        var previousEdge = -1
                                        for slot in Int(reverseOffsets[node])..<Int(reverseOffsets[node + 1]) {
                                            let position = Int(positions[slot]), source = Int(sources[slot])
                                            guard position >= 0, position < edges else {
                                                return "reversePositions[\(slot)] is position \(position), but there are \(edges) edges"
                                            }
                                            let bit: UInt64 = 1 << UInt64(position & 63)
                                            guard seen[position >> 6] & bit == 0 else {
                                                return "reversePositions lists position \(position) twice"
                                            }
                                            seen[position >> 6] |= bit
                                            guard Int(targets[position]) == node else {
                                                return "reversePositions[\(slot)] is among the edges entering node \(node), but its edge enters node \(targets[position])"
                                            }
                                            guard source >= 0, source < nodes,
                                                  offsets[source] <= position, position < offsets[source + 1] else {
                                                return "reverseSources[\(slot)] is node \(source), which is not where its edge starts"
                                            }
                                            let edge = edgeAtPosition.map { Int($0[position]) } ?? position
                                            guard edge > previousEdge else {
                                                return "the edges entering node \(node) are not in the order of their ids"
                                            }
                                            previousEdge = edge
                                        }
                                    }
                                    return nil
                                }
                            }
                        }
                    }
                }
            }
        }

        /// Every coordinate is a finite number.
        static func coordinates(_ points: [Graph.Point]?) -> String? {
            guard let points, let node = points.firstIndex(where: { !$0.x.isFinite || !$0.y.isFinite }) else { return nil }
            return "node \(node) has a coordinate that is not a finite number"
        }

        /// The layer exists and the landmarks are distinct nodes.
        static func landmarks(_ landmarks: [Int32], layer: Int, layerCount: Int, nodeCount: Int) -> String? {
            guard layer < layerCount else { return "its layer \(layer) is not one of the graph's \(layerCount)" }
            for (index, landmark) in landmarks.enumerated() {
                guard landmark >= 0, Int(landmark) < nodeCount else {
                    return "landmark \(index) is node \(landmark), but nodes are numbered 0..<\(nodeCount)"
                }
                if landmarks[..<index].contains(landmark) { return "node \(landmark) is a landmark twice" }
            }
            return nil
        }
    }
}

extension Graph {
    /// A graph from its stored arrays, as a network file holds them; `GraphFile` has checked them.
    init(nodeCount: Int, edgeCount: Int, layerCount: Int, offsets: [Int32], targets: [NodeID], costs: [UInt32],
         edgeAtPosition: [EdgeID]?, positionOfEdge: [Int32]?, reverseOffsets: [Int32], reverseSources: [NodeID],
         reversePositions: [Int32], coordinates: [Point]?) {
        self.nodeCount = nodeCount
        self.edgeCount = edgeCount
        self.layerCount = layerCount
        self.offsets = offsets
        self.targets = targets
        self.costs = costs
        self.edgeAtPosition = edgeAtPosition
        self.positionOfEdge = positionOfEdge
        self.reverseOffsets = reverseOffsets
        self.reverseSources = reverseSources
        self.reversePositions = reversePositions
        self.coordinates = coordinates
    }
}
