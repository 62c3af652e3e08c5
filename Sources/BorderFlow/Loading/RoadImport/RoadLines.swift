import BorderFlowSpatial
import Foundation

/// The road lines of a source, read by the rules in `RoadTags`, with every vertex stored once: vertices at the
/// same position (to 1e-7°, OpenStreetMap's own precision) are one vertex, which is how lines that share a node
/// or a vertex are joined.
struct RoadLines {
    /// What a line is as a road, and its name; lines alike share one entry.
    struct Kind: Hashable {
        let tags: RoadTags
        let name: String
    }

    /// Each vertex's position, rounded to 1e-7°.
    private(set) var coordinates: [Coordinate] = []
    /// How many line positions use each vertex, up to 255.
    private(set) var uses: [UInt8] = []
    /// Whether a vertex is the first or last of some line.
    private(set) var isEnd: [Bool] = []
    /// Line `i` is `vertices[starts[i]..<starts[i + 1]]`.
    private(set) var starts: [Int] = [0]
    private(set) var vertices: [Int32] = []
    /// Each line's kind, by index in `kinds`.
    private(set) var kindOfLine: [Int32] = []
    private(set) var kinds: [Kind] = []
    private var kindIndex: [Kind: Int32] = [:]
    private var vertexOfKey: [UInt64: Int32] = [:]

    var lineCount: Int { kindOfLine.count }
    var vertexCount: Int { coordinates.count }

    /// A line's vertices.
    func line(_ index: Int) -> ArraySlice<Int32> { vertices[starts[index]..<starts[index + 1]] }

    /// Adds one line part; repeated consecutive positions are dropped, and a part left with one vertex is not a line.
    mutating func add(_ part: [Coordinate], kind: Kind) {
        var line: [Int32] = []
        line.reserveCapacity(part.count)
        for coordinate in part {
            let vertex = self.vertex(at: coordinate)
            if line.last != vertex { line.append(vertex) }
        }
        guard line.count >= 2 else { return }
        append(line, kind: kind)
    }

    private mutating func append(_ line: [Int32], kind: Kind) {
        for vertex in line where uses[Int(vertex)] < .max { uses[Int(vertex)] += 1 }
        isEnd[Int(line[0])] = true
        isEnd[Int(line[line.count - 1])] = true
        vertices.append(contentsOf: line)
        starts.append(vertices.count)
        if let existing = kindIndex[kind] {
            kindOfLine.append(existing)
        } else {
            kindIndex[kind] = Int32(kinds.count)
            kindOfLine.append(Int32(kinds.count))
            kinds.append(kind)
        }
    }

    private mutating func vertex(at coordinate: Coordinate) -> Int32 {
        let longitude = Int32((coordinate.longitude * 1e7).rounded()), latitude = Int32((coordinate.latitude * 1e7).rounded())
        let key = UInt64(UInt32(bitPattern: longitude)) << 32 | UInt64(UInt32(bitPattern: latitude))
        if let vertex = vertexOfKey[key] { return vertex }
        let vertex = Int32(coordinates.count)
        vertexOfKey[key] = vertex
        coordinates.append(Coordinate(longitude: Double(longitude) / 1e7, latitude: Double(latitude) / 1e7))
        uses.append(0)
        isEnd.append(false)
        return vertex
    }

    /// Joins plain lines where one's end lies on another between its vertices (within `toleranceMeters`): the
    /// other line gets that end as a vertex. Lines that cross with no vertex at the crossing stay apart: that is
    /// a bridge or an overpass. GEOS measures each candidate's distance in the working CRS.
    ///
    /// - Returns: how many ends were joined this way.
    mutating func joinEndsLyingOnLines(toleranceMeters: Double, toMeters transformer: CoordinateTransformer) throws -> Int {
        // Ends that no other line uses, sorted by longitude, for a window search per segment.
        let loose = (0..<vertexCount).filter { isEnd[$0] && uses[$0] == 1 }
            .sorted { coordinates[$0].longitude < coordinates[$1].longitude }
        guard !loose.isEmpty else { return 0 }
        let looseLongitudes = loose.map { coordinates[$0].longitude }
        // The tolerance in degrees, generously: a degree is at least 80 km east-west in the border region.
        let slack = toleranceMeters / 80_000 * 2
        let context = GEOSContext()
        var insertions: [Int: [(segment: Int, along: Double, vertex: Int32)]] = [:]
        var joined = Set<Int32>()
        for lineIndex in 0..<lineCount {
            let line = self.line(lineIndex)
            for offset in 0..<(line.count - 1) {
                let a = coordinates[Int(line[line.startIndex + offset])], b = coordinates[Int(line[line.startIndex + offset + 1])]
                let west = min(a.longitude, b.longitude) - slack, east = max(a.longitude, b.longitude) + slack
                let south = min(a.latitude, b.latitude) - slack, north = max(a.latitude, b.latitude) + slack
                var index = Self.firstIndex(in: looseLongitudes, notBelow: west)
                while index < loose.count, looseLongitudes[index] <= east {
                    let vertex = Int32(loose[index])
                    index += 1
                    let point = coordinates[Int(vertex)]
                    guard point.latitude >= south, point.latitude <= north, !line.contains(vertex), !joined.contains(vertex) else { continue }
                    let positions = try [a, b, point].map { try transformer.forward(Position($0)) }
                    let segment = try Geometry(.lineString([positions[0], positions[1]]), context: context)
                    let distance = try segment.distance(to: Geometry(point: positions[2], context: context))
                    guard distance <= toleranceMeters else { continue }
                    let dx = positions[1].x - positions[0].x, dy = positions[1].y - positions[0].y
                    let along = ((positions[2].x - positions[0].x) * dx + (positions[2].y - positions[0].y) * dy) / max(dx * dx + dy * dy, 1e-12)
                    insertions[lineIndex, default: []].append((offset, along, vertex))
                    joined.insert(vertex)
                }
            }
        }
        guard !insertions.isEmpty else { return 0 }
        // Rebuild the lines with the joined ends as vertices, in order along each segment.
        var rebuilt = RoadLines()
        rebuilt.coordinates = coordinates
        rebuilt.vertexOfKey = vertexOfKey
        rebuilt.uses = [UInt8](repeating: 0, count: vertexCount)
        rebuilt.isEnd = [Bool](repeating: false, count: vertexCount)
        for lineIndex in 0..<lineCount {
            let line = Array(self.line(lineIndex))
            var result = line
            if let added = insertions[lineIndex] {
                result = []
                for offset in 0..<line.count {
                    result.append(line[offset])
                    for insertion in added.filter({ $0.segment == offset }).sorted(by: { $0.along < $1.along }) {
                        result.append(insertion.vertex)
                    }
                }
            }
            rebuilt.append(result, kind: kinds[Int(kindOfLine[lineIndex])])
        }
        self = rebuilt
        return joined.count
    }

    /// The first index whose value is at least `value`, in an ascending array.
    static func firstIndex(in sorted: [Double], notBelow value: Double) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
