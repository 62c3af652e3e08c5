import BorderFlowSpatial

/// Finds, for each crossing of the dataset, the road segment over the border beside it: among the segments (two
/// consecutive vertices of a road line) usable by the crossing's modes within `RoadImportOptions.crossingMatchMeters`
/// of its point, one on a line that shares a distinctive word with the crossing's name wins, then the nearest.
/// Distances are GEOS's, in the working CRS.
struct CrossingMatcher {
    /// A crossing and its segment: the line, and the offset of the segment's first vertex in it.
    struct Match {
        let crossing: Int
        let line: Int
        let offset: Int
        let distanceMeters: Double
    }

    let matches: [Match]

    init(lines: RoadLines, dataset: Dataset, crossings: [Int], toMeters transformer: CoordinateTransformer) throws {
        let context = GEOSContext()
        var taken: [Int: [Int: Int]] = [:] // line → offset → crossing
        var matches: [Match] = []
        var unmatched: [(crossing: Crossing, usableBy: String)] = []
        // A generous window in degrees around each crossing (a degree is at least 80 km east-west here), so that
        // GEOS measures only the segments that may be near.
        let window = RoadImportOptions.crossingMatchMeters / 80_000 * 1.5
        // Each line's extent, so that a crossing looks only at the lines that come near it.
        var extents: [(west: Double, south: Double, east: Double, north: Double)] = []
        extents.reserveCapacity(lines.lineCount)
        for lineIndex in 0..<lines.lineCount {
            var extent = (west: Double.infinity, south: Double.infinity, east: -Double.infinity, north: -Double.infinity)
            for vertex in lines.line(lineIndex) {
                let c = lines.coordinates[Int(vertex)]
                extent = (min(extent.west, c.longitude), min(extent.south, c.latitude), max(extent.east, c.longitude), max(extent.north, c.latitude))
            }
            extents.append(extent)
        }
        for crossingIndex in crossings {
            let crossing = dataset.crossings[crossingIndex]
            let modes = crossing.modes.filter { $0 != .rail }
            let point = crossing.coordinate
            let words = Self.words(crossing.name)
            let pointGeometry = try Geometry(point: transformer.forward(Position(point)), context: context)
            var best: (named: Bool, distance: Double, line: Int, offset: Int)?
            for lineIndex in 0..<lines.lineCount {
                let extent = extents[lineIndex]
                guard extent.west - window <= point.longitude, extent.east + window >= point.longitude,
                      extent.south - window <= point.latitude, extent.north + window >= point.latitude,
                      modes.contains(where: { Self.usable(lines.kinds[Int(lines.kindOfLine[lineIndex])].tags, by: $0) }) else { continue }
                let line = lines.line(lineIndex)
                let named = !words.isDisjoint(with: Self.words(lines.kinds[Int(lines.kindOfLine[lineIndex])].name))
                for offset in 0..<(line.count - 1) {
                    let a = lines.coordinates[Int(line[line.startIndex + offset])]
                    let b = lines.coordinates[Int(line[line.startIndex + offset + 1])]
                    guard min(a.longitude, b.longitude) - window <= point.longitude, max(a.longitude, b.longitude) + window >= point.longitude,
                          min(a.latitude, b.latitude) - window <= point.latitude, max(a.latitude, b.latitude) + window >= point.latitude
                    else { continue }
                    let segment = try Geometry(.lineString([transformer.forward(Position(a)), transformer.forward(Position(b))]), context: context)
                    let distance = try segment.distance(to: pointGeometry)
                    guard distance <= RoadImportOptions.crossingMatchMeters else { continue }
                    if let current = best, (current.named && !named) || (current.named == named && current.distance <= distance) { continue }
                    best = (named, distance, lineIndex, offset)
                }
            }
            guard let best else {
                unmatched.append((crossing, "open to \(modes.map { $0.displayName + (($0 == .bus) ? "es" : "s") }.joined(separator: " or "))"))
                continue
            }
            if let other = taken[best.line]?[best.offset] {
                throw RoadImportError.crossingsShareRoad(first: dataset.crossings[other].id, second: crossing.id,
                                                         road: lines.kinds[Int(lines.kindOfLine[best.line])].name)
            }
            taken[best.line, default: [:]][best.offset] = crossingIndex
            matches.append(Match(crossing: crossingIndex, line: best.line, offset: best.offset, distanceMeters: best.distance))
        }
        if let first = unmatched.first {
            throw RoadImportError.crossingNotMatched(crossing: first.crossing.id, name: first.crossing.name, at: "\(first.crossing.coordinate)",
                                                     usableBy: first.usableBy, others: unmatched.dropFirst().map(\.crossing.id))
        }
        self.matches = matches
    }

    /// The vertices the matched segments start and end at: each must be a node, so that the segment is an edge.
    func segmentEnds(in lines: RoadLines) -> Set<Int32> {
        var ends = Set<Int32>()
        for match in matches {
            let line = lines.line(match.line)
            ends.insert(line[line.startIndex + match.offset])
            ends.insert(line[line.startIndex + match.offset + 1])
        }
        return ends
    }

    /// Whether a mode may use a line with these tags.
    static func usable(_ tags: RoadTags, by mode: Mode) -> Bool {
        guard !tags.closedTo.contains(mode) else { return false }
        return tags.roadClass == .footway ? mode == .pedestrian : true
    }

    /// The words of a name that tell it apart: four letters or more, folded for case and accents, without the
    /// words every border road or crossing may carry ("port", "bridge", "puente", "international").
    static func words(_ name: String) -> Set<String> {
        Set(name.split(whereSeparator: { !$0.isLetter }).map { NameMatching.key(String($0)) }
            .filter { $0.count >= 4 && !commonWords.contains($0) })
    }

    private static let commonWords: Set<String> = [
        "port", "entry", "bridge", "bridges", "international", "puente", "internacional", "crossing", "border", "gate",
        "garita", "street", "road", "avenue", "avenida", "calle", "boulevard", "bulevar", "highway", "carretera", "lane",
        "pedestrian", "peatonal", "west", "east", "north", "south", "norte", "oeste", "este",
    ]
}
