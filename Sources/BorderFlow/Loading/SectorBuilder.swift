import BorderFlowSpatial
import Foundation

/// Builds the Border Patrol sector polygons and the boundary line from public inputs, reproducibly.
///
/// No authoritative sector polygon file is public, so each sector is the GEOS union of the counties in its
/// documented area of responsibility (`sector-areas.json`), with named parts of counties moved between
/// sectors where a sector line runs through a county, clipped to the 100-mile border zone: a GEOS buffer of
/// the boundary line in the working CRS. The boundary is the counties' outline traced along the Natural Earth
/// line (its parts merged), which follows the river more closely.
public struct SectorBuilder {
    /// The result: the merged boundary and one sector polygon per entry of the areas file.
    public struct Output: Sendable {
        /// The boundary line, west to east: the county outlines traced along the Natural Earth line.
        public let boundary: [Coordinate]
        /// One polygon per sector of the areas file.
        public let sectors: [Sector]
        /// County names per sector, for the record.
        public let countyNames: [String: [String]]
    }

    /// The county polygons (GeoJSON, WGS 84).
    public let counties: URL
    /// The boundary line (GeoJSON, WGS 84).
    public let boundary: URL
    /// The county-to-sector plan.
    public let areas: URL
    /// The CRS in metres the 100-mile zone is buffered in.
    public let workingCRS: CoordinateReferenceSystem

    /// A builder for three input files.
    ///
    /// - Parameters:
    ///   - counties: county polygons.
    ///   - boundary: the boundary line.
    ///   - areas: the county-to-sector plan.
    ///   - workingCRS: the CRS in metres for the buffer.
    public init(counties: URL, boundary: URL, areas: URL, workingCRS: CoordinateReferenceSystem = WorkingCRS.borderStrip) {
        self.counties = counties
        self.boundary = boundary
        self.areas = areas
        self.workingCRS = workingCRS
    }

    /// Reads the three inputs and builds the boundary line and the sector polygons.
    ///
    /// - Returns: the boundary, one sector per entry of the areas file (in its order), and each sector's counties.
    /// - Throws: `SectorBuildError` naming the input and what is wrong with it; `InputFileError` for unreadable
    ///   files or bad JSON; `GeoJSONError` for malformed GeoJSON; `SpatialError` when PROJ or GEOS fails.
    public func build() throws -> Output {
        let context = GEOSContext()
        let toWorking = try CoordinateTransformer(from: .wgs84, to: workingCRS)
        let plan = try SectorAreas.read(areas)

        // Counties by FIPS, projected.
        let countyFile = try GeoJSONReader.read(contentsOf: counties)
        var countyGeometry: [String: Geometry] = [:]
        var countyName: [String: String] = [:]
        for feature in countyFile.features {
            // The project's names, or the Census shapefile's own.
            let fips = try feature.optionalString("fips") ?? feature.string("GEOID")
            let name = try feature.optionalString("name") ?? feature.optionalString("NAMELSAD") ?? feature.string("NAME")
            let state = try feature.optionalString("state") ?? feature.string("STUSPS")
            guard let geometry = feature.geometry, !geometry.polygons.isEmpty else {
                throw feature.error(field: "geometry", "expected a Polygon or MultiPolygon county outline")
            }
            countyGeometry[fips] = try Geometry(geometry.transformed(by: toWorking), context: context)
            countyName[fips] = "\(name), \(state)"
        }

        // Boundary: merge the parts into one line running west to east.
        let boundaryFile = try GeoJSONReader.read(contentsOf: boundary)
        let parts = boundaryFile.features.flatMap { $0.geometry?.lines ?? [] }
        guard !parts.isEmpty else {
            throw SectorBuildError(input: boundary.lastPathComponent, message: "no LineString or MultiLineString features")
        }
        let merged = try Geometry(.multiLineString(parts), context: context).lineMerge().geoJSON()
        guard case var .lineString(line) = merged else {
            let pieces = merged.lines.count
            throw SectorBuildError(input: boundary.lastPathComponent, message: "the \(parts.count) parts join into \(pieces) separate lines, not one; the boundary must be continuous from the Pacific to the Gulf")
        }
        if let first = line.first, let last = line.last, first.x > last.x { line.reverse() }
        let naturalEarthLine = try Geometry(GeoJSONGeometry.lineString(line).transformed(by: toWorking), context: context)
        let projectedLine = try Self.tracingCountyOutlines(
            along: naturalEarthLine, counties: Array(countyGeometry.values), context: context, input: boundary.lastPathComponent)
        line = try Geometry(projectedLine.geoJSON().transformed(by: toWorking, inverse: true), context: context)
            .snapped(toGrid: 1e-6).geoJSON().lines.first ?? line

        // The 100-mile zone, buffered in metres in the working CRS, on the U.S. side of the line only.
        let usSide = try Geometry(BorderSides.polygon(boundary: line, country: .us).transformed(by: toWorking), context: context)
        let zone = try projectedLine.buffer(plan.zoneMeters, quadrantSegments: 32).intersection(usSide)

        // Every county the zone touches must belong to exactly one sector.
        var owner: [String: String] = [:]
        for sector in plan.sectors {
            for fips in sector.counties {
                guard countyGeometry[fips] != nil else {
                    throw SectorBuildError(input: areas.lastPathComponent, message: "sector \"\(sector.id)\" lists county \(fips), which is not in \(counties.lastPathComponent)")
                }
                if let other = owner[fips] {
                    throw SectorBuildError(input: areas.lastPathComponent, message: "county \(fips) (\(countyName[fips] ?? "?")) is in both \"\(other)\" and \"\(sector.id)\"")
                }
                owner[fips] = sector.id
            }
        }
        let preparedZone = try PreparedGeometry(zone)
        let unassigned = countyGeometry.keys.sorted().filter { owner[$0] == nil && preparedZone.intersects(countyGeometry[$0]!) }
        if !unassigned.isEmpty {
            let names = unassigned.map { "\($0) \(countyName[$0] ?? "")" }.joined(separator: "; ")
            throw SectorBuildError(input: areas.lastPathComponent, message: "counties inside the \(Int(plan.zoneMeters)) m border zone belong to no sector: \(names)")
        }

        // Unions, transfers, clip.
        var sectorGeometry: [String: Geometry] = [:]
        for sector in plan.sectors {
            let members = sector.counties.compactMap { countyGeometry[$0] }
            guard !members.isEmpty else {
                throw SectorBuildError(input: areas.lastPathComponent, message: "sector \"\(sector.id)\" lists no counties")
            }
            sectorGeometry[sector.id] = try Geometry.union(of: members, context: context)
        }
        for transfer in plan.transfers {
            guard let county = countyGeometry[transfer.county], let giver = sectorGeometry[transfer.from],
                  let taker = sectorGeometry[transfer.to], owner[transfer.county] == transfer.from else {
                throw SectorBuildError(input: areas.lastPathComponent, message: "transfer of county \(transfer.county) from \"\(transfer.from)\" to \"\(transfer.to)\" does not match the sectors' county lists")
            }
            let area = try Geometry(transfer.area.transformed(by: toWorking), context: context)
            let moved = try county.intersection(area)
            sectorGeometry[transfer.to] = try taker.union(moved)
            sectorGeometry[transfer.from] = try giver.difference(moved)
        }
        var clipped: [Geometry] = []
        for sector in plan.sectors {
            guard let geometry = sectorGeometry[sector.id] else { continue }
            clipped.append(try geometry.intersection(zone))
        }
        clipped = try Self.fillingGapsAlongTheBoundary(clipped, zone: zone, line: projectedLine, context: context)

        var sectors: [Sector] = []
        var names: [String: [String]] = [:]
        for (index, sector) in plan.sectors.enumerated() {
            let lonLat = try clipped[index].geoJSON().transformed(by: toWorking, inverse: true)
            // Snap to the 6-decimal grid the file is written with, so writing cannot make a polygon invalid,
            // and keep polygons only (an intersection may carry stray lines or points along shared edges).
            let snapped = try Geometry(lonLat, context: context).makeValid().snapped(toGrid: 1e-6).geoJSON()
            let polygons = snapped.polygons
            let geometry: GeoJSONGeometry = polygons.count == 1 ? .polygon(polygons[0]) : .multiPolygon(polygons)
            sectors.append(Sector(id: sector.id, name: sector.name, geometry: geometry))
            names[sector.id] = sector.counties.compactMap { countyName[$0] }
        }
        return Output(boundary: line.map(Coordinate.init), sectors: sectors, countyNames: names)
    }

    /// How far the county outlines may stray from the Natural Earth line and still be taken as the border (the two disagree by up to about 5 km around Amistad Reservoir).
    static let outlineBandMeters = 8_000.0

    /// The border as the county outlines draw it. The Natural Earth 1:10,000,000 line strays up to about 2 km
    /// from the Rio Grande (at Eagle Pass); the Census 1:5,000,000 county outlines follow it within tens of
    /// metres. The U.S. side's outline is kept where it lies within 8 km of the Natural Earth line, merged into
    /// one line, and cut where it comes closest to the line's two ends (beyond them it follows the coasts).
    static func tracingCountyOutlines(along guide: Geometry, counties: [Geometry], context: GEOSContext, input: String) throws -> Geometry {
        let band = try guide.buffer(outlineBandMeters)
        let preparedBand = try PreparedGeometry(try guide.buffer(4 * outlineBandMeters))
        let nearby = counties.filter { preparedBand.intersects($0) }
        guard !nearby.isEmpty else {
            throw SectorBuildError(input: input, message: "no county lies along the boundary line; are the files in the same CRS (WGS 84 longitude/latitude)?")
        }
        let outline = try Geometry.union(of: nearby, context: context).outline().intersection(band).lineMerge()
        guard case var .lineString(traced) = try outline.geoJSON(), traced.count >= 2 else {
            let pieces = try outline.geoJSON().lines.sorted { $0.count > $1.count }
            throw SectorBuildError(input: input, message: "the county outlines along the boundary break into \(pieces.count) pieces instead of one line; the counties and the boundary disagree by more than \(Int(outlineBandMeters)) m somewhere near \(pieces.dropFirst().first?.first.map { "(\($0.x), \($0.y)) in working-CRS metres" } ?? "?")")
        }
        guard case let .lineString(guideLine) = try guide.geoJSON(), let guideStart = guideLine.first, let guideEnd = guideLine.last else {
            throw SectorBuildError(input: input, message: "the boundary is not one line")
        }
        if traced[0].planarDistance(to: guideStart) > traced[traced.count - 1].planarDistance(to: guideStart) { traced.reverse() }
        // The border ends where the outline comes closest to the line's ends; beyond, the outline follows the coast.
        let startIndex = traced.indices.min { traced[$0].planarDistance(to: guideStart) < traced[$1].planarDistance(to: guideStart) } ?? 0
        let endIndex = traced.indices.min { traced[$0].planarDistance(to: guideEnd) < traced[$1].planarDistance(to: guideEnd) } ?? traced.count - 1
        guard startIndex < endIndex else {
            throw SectorBuildError(input: input, message: "the county outline does not run from the boundary's west end to its east end")
        }
        traced = Array(traced[startIndex...endIndex])
        return try Geometry(.lineString(traced), context: context)
    }

    /// Width of the strip along the boundary searched for gaps between the county outlines and the line.
    static let gapStripMeters = 5_000.0
    /// Gaps are cut into cells this size before each cell joins the nearest sector.
    static let gapCellMeters = 5_000.0

    /// The county outlines (1:5,000,000) and the boundary line (1:10,000,000) were generalised apart, so thin
    /// slivers of the U.S. side lie in no county. Each sliver is cut into 5 km cells and each cell joins the
    /// sector nearest its centroid, so that the sectors reach the boundary line and tile the zone's U.S. side.
    static func fillingGapsAlongTheBoundary(_ sectors: [Geometry], zone: Geometry, line: Geometry, context: GEOSContext) throws -> [Geometry] {
        let covered = try Geometry.union(of: sectors, context: context)
        let gaps = try zone.intersection(line.buffer(gapStripMeters)).difference(covered)
        if gaps.isEmpty { return sectors }
        let index = try RegionIndex(regions: sectors, context: context)
        var additions = [[Geometry]](repeating: [], count: sectors.count)
        for piece in try gaps.parts() where piece.area > 0 {
            let prepared = try PreparedGeometry(piece)
            let bounds = try piece.bounds()
            let size = gapCellMeters
            var x = (bounds.min.x / size).rounded(.down) * size
            while x < bounds.max.x {
                var y = (bounds.min.y / size).rounded(.down) * size
                while y < bounds.max.y {
                    let cell = try Geometry(.polygon([[Position(x: x, y: y), Position(x: x + size, y: y), Position(x: x + size, y: y + size),
                                                       Position(x: x, y: y + size), Position(x: x, y: y)]]), context: context)
                    if prepared.intersects(cell) {
                        let chunk = try piece.intersection(cell)
                        if chunk.area > 0, let nearest = try index.nearest(to: try chunk.centroid()) {
                            additions[nearest.index].append(chunk)
                        }
                    }
                    y += size
                }
                x += size
            }
        }
        return try sectors.enumerated().map { offset, sector in
            additions[offset].isEmpty ? sector : try Geometry.union(of: [sector] + additions[offset], context: context)
        }
    }

    /// `boundary.geojson` and `sectors.geojson` in a directory, for `AtomicFile.write(_:)` to write as one unit.
    ///
    /// - Parameters:
    ///   - output: what `build()` made.
    ///   - directory: the dataset folder to write into.
    /// - Returns: the two files.
    /// - Throws: `JSONWriteError` for a NaN or infinite coordinate.
    public func files(_ output: Output, in directory: URL) throws -> [OutputFile] {
        let writer = GeoJSONWriter()
        let boundaryFeature = GeoJSONOutputFeature(
            id: "us-mexico-boundary",
            geometry: .lineString(output.boundary.map(Position.init)),
            properties: JSONObject([
                ("id", .string("us-mexico-boundary")),
                ("name", .string("United States–Mexico international boundary")),
                ("source", .string("U.S. Census Bureau cartographic boundary counties 1:5,000,000 (public domain), traced along the Natural Earth 1:10m admin 0 boundary line (public domain), west to east")),
            ]))
        let sectorFeatures = output.sectors.map { sector in
            GeoJSONOutputFeature(id: sector.id, geometry: sector.geometry, properties: JSONObject([
                ("id", .string(sector.id)),
                ("name", .string(sector.name)),
                ("counties", .array((output.countyNames[sector.id] ?? []).map(JSONValue.string))),
                ("method", .string("Union of the counties in the sector's area of responsibility (U.S. Census Bureau cartographic boundaries 1:5,000,000), clipped to 100 miles from the boundary; see GeoData/PLACES-AND-SECTORS.md")),
            ]))
        }
        return [OutputFile(try writer.featureCollection([boundaryFeature]), at: directory.appendingPathComponent(DatasetFiles.boundary)),
                OutputFile(try writer.featureCollection(sectorFeatures), at: directory.appendingPathComponent(DatasetFiles.sectors))]
    }
}

/// The sector plan: which counties make each sector, which parts of counties move, how wide the zone is.
struct SectorAreas {
    struct Entry {
        var id: String
        var name: String
        var counties: [String]
    }

    struct Transfer {
        var county: String
        var from: String
        var to: String
        var area: GeoJSONGeometry
    }

    var zoneMeters: Double
    var sectors: [Entry]
    var transfers: [Transfer]

    /// The plan is a small file the project ships, read as it is: no size limit, and an empty one is bad JSON.
    static let fileReader = InputFileReader(maximumBytes: nil, emptyAdvice: nil, unreadableAdvice: nil)

    static func read(_ url: URL) throws -> SectorAreas {
        let file = url.lastPathComponent
        let root = try fileReader.json(contentsOf: url, name: file)
        func fail(_ message: String) -> SectorBuildError { SectorBuildError(input: file, message: message) }
        guard let object = root.objectValue else { throw fail("expected a JSON object") }
        guard let zone = object["zoneMeters"]?.numberValue, zone > 0 else { throw fail("\"zoneMeters\" must be a positive number") }
        guard let sectorValues = object["sectors"]?.arrayValue, !sectorValues.isEmpty else { throw fail("\"sectors\" must be a non-empty array") }
        let sectors = try sectorValues.enumerated().map { index, value -> Entry in
            guard let entry = value.objectValue, let id = entry["id"]?.stringValue, let name = entry["name"]?.stringValue,
                  let counties = entry["counties"]?.arrayValue?.compactMap(\.stringValue) else {
                throw fail("sectors[\(index)] needs \"id\", \"name\" and \"counties\" (an array of 5-digit FIPS strings)")
            }
            return Entry(id: id, name: name, counties: counties)
        }
        let transfers = try (object["transfers"]?.arrayValue ?? []).enumerated().map { index, value -> Transfer in
            guard let entry = value.objectValue, let county = entry["county"]?.stringValue, let from = entry["from"]?.stringValue,
                  let to = entry["to"]?.stringValue, let areaValue = entry["area"] else {
                throw fail("transfers[\(index)] needs \"county\", \"from\", \"to\" and \"area\" (a Polygon)")
            }
            let area = try GeoJSONReader.geometry(areaValue, file: file)
            return Transfer(county: county, from: from, to: to, area: area)
        }
        return SectorAreas(zoneMeters: zone, sectors: sectors, transfers: transfers)
    }
}
