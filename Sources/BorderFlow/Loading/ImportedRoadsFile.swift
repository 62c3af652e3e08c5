import BorderFlowSpatial
import Foundation

/// `roads.bfroads`: an imported network's nodes, segments, names and shapes (`ImportedRoads`) in flat binary
/// sections, read back with one copy per array.
///
/// The network's graph is not stored: it is rebuilt from the segments when a network loads (`BorderNetwork`),
/// about a second for ten million edges, so that costs always follow the current speed rules and the dataset's own
/// crossings and places are joined to it as they are now.
///
/// Layout, little-endian: the magic `BFROADS\0`; the version (UInt32) and 4 reserved bytes; the counts of nodes,
/// edges, segments, shape points and names (UInt64 each); then the arrays in `ImportedRoads` order, each padded
/// to 8 bytes (names as their UTF-8 lengths, UInt32, then their bytes); last, a 64-bit FNV-1a checksum of
/// everything before it. A file that is cut short, altered, or whose indices point outside their arrays is refused
/// with its path and the fault.
public enum ImportedRoadsFile {
    /// The file's name in a dataset folder.
    public static let name = "roads.bfroads"
    static let magic = Array("BFROADS\0".utf8)
    static let version: UInt32 = 1

    /// The bytes of a file.
    ///
    /// - Parameter roads: the network.
    /// - Returns: the file's contents.
    public static func data(_ roads: ImportedRoads) -> Data {
        var writer = Writer()
        writer.bytes(magic)
        writer.value(version)
        writer.value(UInt32(0))
        for count in [roads.nodeCount, roads.segmentOfEdge.count, roads.segmentCount, roads.shapes.count, roads.names.count] {
            writer.value(UInt64(count))
        }
        writer.array(roads.nodeCountry.map { $0 == .mx ? UInt8(1) : 0 })
        writer.array(roads.nodeCoordinates.flatMap { [$0.longitude.bitPattern, $0.latitude.bitPattern] })
        writer.array(roads.edgeSource)
        writer.array(roads.segmentOfEdge)
        writer.array(roads.segmentFrom)
        writer.array(roads.segmentTo)
        writer.array(roads.segmentName)
        writer.array(roads.segmentClass.map { UInt8(Road.RoadClass.allCases.firstIndex(of: $0) ?? 0) })
        writer.array(roads.segmentSpeedKph.map(\.bitPattern))
        writer.array(roads.segmentLengthMeters.map(\.bitPattern))
        writer.array(roads.segmentFlags)
        writer.array(roads.shapeStart)
        writer.array(roads.shapes.flatMap { [$0.longitude.bitPattern, $0.latitude.bitPattern] })
        let utf8 = roads.names.map { Array($0.utf8) }
        writer.array(utf8.map { UInt32($0.count) })
        writer.array(utf8.flatMap { $0 })
        writer.value(writer.checksum)
        return writer.data
    }

    /// Reads a file and checks it whole.
    ///
    /// - Parameter url: the file.
    /// - Returns: the network.
    /// - Throws: `InputFileError` naming the file and what is wrong with it.
    public static func read(_ url: URL) throws -> ImportedRoads {
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw InputFileError(file: url.path, message: "cannot be read: \(error.localizedDescription)")
        }
        return try data.withUnsafeBytes { buffer in
            var reader = Reader(buffer: buffer, file: url.path)
            guard buffer.count >= 8 + 8 + 40 + 8, Array(buffer[0..<8]) == magic else {
                throw reader.fault("is not an imported road network (no BFROADS header); write it with borderflow import-roads")
            }
            reader.offset = 8
            let fileVersion: UInt32 = try reader.value()
            guard fileVersion == version else {
                throw reader.fault("is version \(fileVersion) of the imported road format; this BorderFlow reads version \(version): import the roads again")
            }
            _ = try reader.value() as UInt32
            let counts: [Int] = try (0..<5).map { _ in
                let count: UInt64 = try reader.value()
                guard count < UInt64(Int32.max) else { throw reader.fault("claims \(count) items in one array; the file is damaged") }
                return Int(count)
            }
            let (nodes, edges, segments, shapePoints, nameCount) = (counts[0], counts[1], counts[2], counts[3], counts[4])
            // The checksum first: every fault after it is one of meaning, not of bytes.
            let stored = buffer.loadUnaligned(fromByteOffset: buffer.count - 8, as: UInt64.self).littleEndian
            var sum = Checksum()
            sum.add(UnsafeRawBufferPointer(rebasing: buffer[0..<(buffer.count - 8)]))
            guard sum.value == stored else { throw reader.fault("is damaged: its checksum does not match its contents") }

            let countries: [UInt8] = try reader.array(nodes)
            let coordinates: [UInt64] = try reader.array(2 * nodes)
            let edgeSource: [UInt32] = try reader.array(edges)
            let segmentOfEdge: [UInt32] = try reader.array(edges)
            let from: [UInt32] = try reader.array(segments)
            let to: [UInt32] = try reader.array(segments)
            let name: [UInt32] = try reader.array(segments)
            let classes: [UInt8] = try reader.array(segments)
            let speeds: [UInt32] = try reader.array(segments)
            let lengths: [UInt64] = try reader.array(segments)
            let flags: [UInt8] = try reader.array(segments)
            let shapeStart: [UInt32] = try reader.array(segments + 1)
            let shapes: [UInt64] = try reader.array(2 * shapePoints)
            let nameLengths: [UInt32] = try reader.array(nameCount)
            let nameBytes: [UInt8] = try reader.array(nameLengths.reduce(0) { $0 + Int($1) })
            guard reader.offset == buffer.count - 8 else { throw reader.fault("has \(buffer.count - 8 - reader.offset) bytes more than its counts say") }

            guard countries.allSatisfy({ $0 <= 1 }) else { throw reader.fault("gives a node a country other than US (0) or MX (1)") }
            guard segmentOfEdge.allSatisfy({ Int($0) < segments }), edgeSource.allSatisfy({ Int($0) < nodes }),
                  zip(edgeSource, edgeSource.dropFirst()).allSatisfy({ $0 <= $1 }), from.allSatisfy({ Int($0) < nodes }), to.allSatisfy({ Int($0) < nodes }),
                  name.allSatisfy({ Int($0) < nameCount }), classes.allSatisfy({ Int($0) < Road.RoadClass.allCases.count }),
                  shapeStart.first == 0, shapeStart.last.map({ Int($0) == shapePoints }) ?? false,
                  zip(shapeStart, shapeStart.dropFirst()).allSatisfy({ $0 <= $1 })
            else { throw reader.fault("has an index outside its arrays; the file is damaged") }
            // Each edge leaves from an end of its segment, and runs against a one-way segment never.
            for edge in 0..<edges {
                let segment = Int(segmentOfEdge[edge]), source = edgeSource[edge]
                guard source == from[segment] || (source == to[segment] && flags[segment] & 1 == 0), from[segment] != to[segment] else {
                    throw reader.fault("has edge \(edge) leaving from a node that is not an end of its segment \(segment), or against a one-way segment")
                }
            }
            let speedValues = speeds.map { Float(bitPattern: $0) }, lengthValues = lengths.map { Double(bitPattern: $0) }
            guard speedValues.allSatisfy({ $0 >= 1 && $0 <= 200 }), lengthValues.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
                throw reader.fault("has a speed outside 1 to 200 km/h or a length that is not a finite distance")
            }
            func coordinatePairs(_ words: [UInt64]) throws -> [Coordinate] {
                var result: [Coordinate] = []
                result.reserveCapacity(words.count / 2)
                for index in stride(from: 0, to: words.count, by: 2) {
                    let coordinate = Coordinate(longitude: Double(bitPattern: words[index]), latitude: Double(bitPattern: words[index + 1]))
                    guard abs(coordinate.longitude) <= 180, abs(coordinate.latitude) <= 90 else {
                        throw reader.fault("has a position \(coordinate) that is not a longitude and latitude")
                    }
                    result.append(coordinate)
                }
                return result
            }
            var names: [String] = []
            var start = 0
            for length in nameLengths {
                guard let text = String(validating: nameBytes[start..<(start + Int(length))], as: UTF8.self) else {
                    throw reader.fault("has a road name that is not UTF-8")
                }
                names.append(text)
                start += Int(length)
            }
            return ImportedRoads(
                nodeCountry: countries.map { $0 == 1 ? .mx : .us }, nodeCoordinates: try coordinatePairs(coordinates),
                edgeSource: edgeSource, segmentOfEdge: segmentOfEdge, segmentFrom: from, segmentTo: to, segmentName: name,
                segmentClass: classes.map { Road.RoadClass.allCases[Int($0)] }, segmentSpeedKph: speedValues,
                segmentLengthMeters: lengthValues, segmentFlags: flags, shapeStart: shapeStart, shapes: try coordinatePairs(shapes),
                names: names)
        }
    }

    /// 64-bit FNV-1a over the bytes, eight at a time.
    struct Checksum {
        private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

        mutating func add(_ bytes: UnsafeRawBufferPointer) {
            var hash = value
            let words = bytes.count / 8
            for index in 0..<words {
                hash = (hash ^ bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)) &* 0x0000_0100_0000_01b3
            }
            for index in (words * 8)..<bytes.count { hash = (hash ^ UInt64(bytes[index])) &* 0x0000_0100_0000_01b3 }
            value = hash
        }
    }

    private struct Writer {
        var data = Data()
        var checksum: UInt64 {
            var sum = Checksum()
            data.withUnsafeBytes { sum.add($0) }
            return sum.value
        }

        mutating func bytes(_ bytes: [UInt8]) { data.append(contentsOf: bytes) }

        mutating func value<T: FixedWidthInteger>(_ value: T) {
            withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
        }

        mutating func array<T: FixedWidthInteger>(_ values: [T]) {
            values.map(\.littleEndian).withUnsafeBytes { data.append(contentsOf: $0) }
            let padding = (8 - (values.count * MemoryLayout<T>.size) % 8) % 8
            data.append(contentsOf: [UInt8](repeating: 0, count: padding))
        }
    }

    private struct Reader {
        let buffer: UnsafeRawBufferPointer
        let file: String
        var offset = 0

        func fault(_ message: String) -> InputFileError { InputFileError(file: file, message: message) }

        mutating func value<T: FixedWidthInteger>() throws -> T {
            guard offset + MemoryLayout<T>.size <= buffer.count - 8 else { throw fault("is cut short") }
            defer { offset += MemoryLayout<T>.size }
            return T(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: T.self))
        }

        mutating func array<T: FixedWidthInteger>(_ count: Int) throws -> [T] {
            let bytes = count * MemoryLayout<T>.size
            let padded = (bytes + 7) & ~7
            guard offset + padded <= buffer.count - 8 else { throw fault("is cut short") }
            let values = [T](unsafeUninitializedCapacity: count) { target, initialized in
                UnsafeMutableRawBufferPointer(target).copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + bytes)]))
                initialized = count
            }
            offset += padded
            #if _endian(big)
            return values.map { T(littleEndian: $0) }
            #else
            return values
            #endif
        }
    }
}
