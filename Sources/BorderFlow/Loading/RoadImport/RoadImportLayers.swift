import BorderFlowSpatial
import Foundation

/// The layers an import writes: the bulk of the network (`roads.bfroads` and its graph `roads.bfgraph`), each
/// matched crossing's road left out, the crossing standing in for it; in `roads.geojson` the roads that join it to
/// the dataset (a connector per joined place, each crossing's approaches) and the dataset's rail lines inside the
/// area; then the dataset's own files, cropped to the crossings and places kept.
struct RoadImportLayers {
    private(set) var roads: [GeoJSONOutputFeature] = []
    private(set) var junctions: [GeoJSONOutputFeature] = []
    /// Kilometres of road written per class.
    private(set) var kilometresByClass: [Road.RoadClass: Double] = [:]
    private(set) var oneWayRoads = 0
    /// The crossings and places the new dataset keeps, by id.
    private(set) var crossingsKept: Set<String>
    private(set) var placesKept: Set<String>
    /// Crossings inside the area the new dataset leaves out, with why.
    private(set) var crossingsLeftOut: [(crossing: String, reason: String)] = []
    private(set) var nodeCount = 0
    /// The bulk of the network.
    private(set) var imported: ImportedRoads

    /// - Parameter closedByProfiles: the modes of the profiles not imported, closed on the place connectors too.
    init(lines: RoadLines, topology: RoadTopology, attachment: BorderAttachment, dataset: Dataset, geodesic: Geodesic,
         closedByProfiles: Set<Mode>) {
        crossingsKept = Set(attachment.matched.map { dataset.crossings[$0.crossing].id })
        placesKept = Set(attachment.joinedPlaces.map { dataset.places[$0.place].id })

        // The kept nodes, numbered again from 0: node k is `n(k+1)` in the dataset's other layers.
        var number = [Int32](repeating: -1, count: topology.nodeCount)
        var countries: [Country] = [], coordinates: [Coordinate] = []
        for node in 0..<topology.nodeCount where attachment.isKept(node: Int32(node)) {
            guard let country = attachment.country(of: Int32(node)) else { continue }
            number[node] = Int32(countries.count)
            countries.append(country)
            coordinates.append(lines.coordinates[Int(topology.vertexOfNode[node])])
        }
        nodeCount = countries.count
        func name(_ node: Int32) -> String? { number[Int(node)] >= 0 ? ImportedRoads.nodeID(Int(number[Int(node)])) : nil }

        // The segments, each a stretch of a line between two kept nodes, as drawn (a line tagged one-way against
        // its drawing is turned round).
        var from: [UInt32] = [], to: [UInt32] = [], segmentName: [UInt32] = [], classes: [Road.RoadClass] = []
        var speeds: [Float] = [], lengths: [Double] = [], flags: [UInt8] = [], shapeStart: [UInt32] = [0], shapes: [Coordinate] = []
        var names: [String] = [], nameIndex: [String: UInt32] = [:]
        let matchedEdges = Set(attachment.matched.map(\.edge))
        for (index, edge) in topology.edges.enumerated() where !matchedEdges.contains(index) && edge.from != edge.to {
            guard number[Int(edge.from)] >= 0, number[Int(edge.to)] >= 0 else { continue }
            let kind = lines.kinds[Int(lines.kindOfLine[Int(edge.line)])]
            let line = lines.line(Int(edge.line))
            var inner = line[(line.startIndex + Int(edge.first) + 1)..<(line.startIndex + Int(edge.last))].map { lines.coordinates[Int($0)] }
            var ends = (number[Int(edge.from)], number[Int(edge.to)])
            if kind.tags.direction == .backward {
                inner.reverse()
                ends = (ends.1, ends.0)
            }
            from.append(UInt32(ends.0))
            to.append(UInt32(ends.1))
            if let known = nameIndex[kind.name] {
                segmentName.append(known)
            } else {
                nameIndex[kind.name] = UInt32(names.count)
                segmentName.append(UInt32(names.count))
                names.append(kind.name)
            }
            classes.append(kind.tags.roadClass)
            speeds.append(Float(kind.tags.speedKph))
            lengths.append(edge.lengthMeters)
            flags.append(ImportedRoads.flags(oneWay: kind.tags.direction != .both, closedTo: kind.tags.closedTo))
            shapes.append(contentsOf: inner)
            shapeStart.append(UInt32(shapes.count))
            kilometresByClass[kind.tags.roadClass, default: 0] += edge.lengthMeters / 1000
            if kind.tags.direction != .both { oneWayRoads += 1 }
        }
        // The graph's edges in order of their source node, as the binary network format keeps them unmapped.
        var edgeSources: [Int32] = [], edgeSegments: [UInt32] = []
        var counts = [Int](repeating: 0, count: nodeCount + 1)
        for segment in 0..<from.count {
            counts[Int(from[segment]) + 1] += 1
            if flags[segment] & 1 == 0 { counts[Int(to[segment]) + 1] += 1 }
        }
        for node in 0..<nodeCount { counts[node + 1] += counts[node] }
        edgeSources = [Int32](repeating: 0, count: counts[nodeCount])
        edgeSegments = [UInt32](repeating: 0, count: counts[nodeCount])
        for segment in 0..<from.count {
            for a in flags[segment] & 1 == 0 ? [from[segment], to[segment]] : [from[segment]] {
                let position = counts[Int(a)]
                counts[Int(a)] += 1
                edgeSources[position] = Int32(a)
                edgeSegments[position] = UInt32(segment)
            }
        }
        imported = ImportedRoads(nodeCountry: countries, nodeCoordinates: coordinates, edgeSource: edgeSources.map { UInt32($0) },
                                 segmentOfEdge: edgeSegments,
                                 segmentFrom: from, segmentTo: to, segmentName: segmentName, segmentClass: classes,
                                 segmentSpeedKph: speeds, segmentLengthMeters: lengths, segmentFlags: flags,
                                 shapeStart: shapeStart, shapes: shapes, names: names)

        // Each crossing stands on its road over the border: the road's two halves lead from its ends to the
        // crossing's point, one in each country, so that routes keep the road's length and pass the crossing.
        for match in attachment.matched {
            let crossing = dataset.crossings[match.crossing]
            let kind = lines.kinds[Int(lines.kindOfLine[Int(topology.edges[match.edge].line)])]
            for (node, country) in [(match.mexicoNode, Country.mx), (match.usNode, Country.us)] {
                guard let id = name(node) else { continue }
                let at = lines.coordinates[Int(topology.vertexOfNode[Int(node)])]
                addRoad(id: "approach-\(crossing.id)-\(country.rawValue.lowercased())", name: kind.name, country: country,
                        roadClass: kind.tags.roadClass, speedKph: kind.tags.speedKph, from: id, to: crossing.id, oneWay: false,
                        closedTo: kind.tags.closedTo, geometry: [Position(at), Position(crossing.coordinate)],
                        lengthMeters: geodesic.distanceMeters(from: at, to: crossing.coordinate))
            }
        }
        for joined in attachment.joinedPlaces {
            let place = dataset.places[joined.place]
            guard let node = name(joined.node) else { continue }
            let at = Position(lines.coordinates[Int(topology.vertexOfNode[Int(joined.node)])])
            addRoad(id: "connector-\(place.id)", name: "connector to \(place.name)", country: place.country, roadClass: .local,
                    speedKph: RoadImportOptions.connectorSpeedKph, from: place.id, to: node, oneWay: false, closedTo: closedByProfiles,
                    geometry: [Position(place.coordinate), at], lengthMeters: joined.distanceMeters)
        }
    }

    private mutating func addRoad(id: String, name: String, country: Country, roadClass: Road.RoadClass, speedKph: Double,
                                  from: String, to: String, oneWay: Bool, closedTo: Set<Mode>, geometry: [Position], lengthMeters: Double) {
        var properties: [(String, JSONValue)] = [
            ("id", .string(id)), ("name", .string(name)), ("country", .string(country.rawValue)),
            ("class", .string(roadClass.rawValue)), ("speedKph", .number((speedKph * 10).rounded() / 10)),
            ("from", .string(from)), ("to", .string(to)),
        ]
        if oneWay {
            properties.append(("oneWay", .bool(true)))
            oneWayRoads += 1
        }
        if !closedTo.isEmpty { properties.append(("closedTo", .array(closedTo.sorted().map { .string($0.rawValue) }))) }
        roads.append(GeoJSONOutputFeature(id: id, geometry: .lineString(geometry), properties: JSONObject(properties)))
        kilometresByClass[roadClass, default: 0] += lengthMeters / 1000
    }

    /// Adds the dataset's rail lines whose ends are all kept: places joined, rail crossings inside the area that
    /// rail reaches on both sides, junctions inside the area. A rail crossing reached on one side only is left out.
    mutating func addRail(from dataset: Dataset, railCrossings: [Int], inside: (Coordinate) -> Bool) {
        let rail = dataset.roads.filter(\.isRail)
        let junctions = Dictionary(dataset.junctions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let railCrossingIDs = Set(railCrossings.map { dataset.crossings[$0].id })
        func endKept(_ id: String) -> Bool {
            placesKept.contains(id) || railCrossingIDs.contains(id) || junctions[id].map { inside($0.coordinate) } == true
        }
        var candidates = rail.filter { endKept($0.from) && endKept($0.to) && $0.geometry.allSatisfy(inside) }
        // A rail crossing stays when rail reaches both its sides; lines to one that does not are dropped.
        var reached: [String: Set<Country>] = [:]
        for road in candidates {
            for end in [road.from, road.to] where railCrossingIDs.contains(end) { reached[end, default: []].insert(road.country) }
        }
        let keptRail = railCrossingIDs.filter { reached[$0]?.count == 2 }
        leaveOut(railCrossings.map { dataset.crossings[$0].id }.filter { !keptRail.contains($0) },
                 reason: "no rail line of the dataset reaches both its sides inside the area")
        candidates = candidates.filter { road in
            [road.from, road.to].allSatisfy { !railCrossingIDs.contains($0) || keptRail.contains($0) }
        }
        crossingsKept.formUnion(keptRail)
        var junctionsUsed = Set<String>()
        for road in candidates {
            addRoad(id: road.id, name: road.name, country: road.country, roadClass: .rail, speedKph: road.speedKph, from: road.from,
                    to: road.to, oneWay: road.oneWay, closedTo: road.closedTo, geometry: road.geometry.map(Position.init),
                    lengthMeters: road.lengthMeters)
            for end in [road.from, road.to] where junctions[end] != nil { junctionsUsed.insert(end) }
        }
        for id in junctionsUsed.sorted() {
            guard let junction = junctions[id] else { continue }
            appendJunction(junction)
        }
    }

    mutating func leaveOut(_ crossings: [String], reason: String) {
        crossingsLeftOut += crossings.map { ($0, reason) }
    }

    private mutating func appendJunction(_ junction: Junction) {
        junctions.append(GeoJSONOutputFeature(id: junction.id, geometry: .point(Position(junction.coordinate)), properties: JSONObject([
            ("id", .string(junction.id)), ("name", .string(junction.name)), ("country", .string(junction.country.rawValue)),
        ])))
    }

    /// Writes the new dataset: its roads and junctions, the source dataset's crossings and places kept, and every
    /// other file of the source dataset with rows about crossings or places not kept left out.
    func write(to folder: URL, from dataset: Dataset, summary: RoadImportSummary) throws {
        let writer = GeoJSONWriter(coordinateDecimals: 7)
        var files: [OutputFile] = []
        files.append(OutputFile(try writer.featureCollection(roads, name: "roads"), at: folder.appendingPathComponent(DatasetFiles.roads)))
        files.append(OutputFile(try writer.featureCollection(junctions, name: "junctions"), at: folder.appendingPathComponent(DatasetFiles.junctions)))
        files.append(OutputFile(ImportedRoadsFile.data(imported), at: folder.appendingPathComponent(ImportedRoadsFile.name)))
        for (file, kept) in [(DatasetFiles.crossings, crossingsKept), (DatasetFiles.places, placesKept)] {
            let collection = try GeoJSONReader.read(contentsOf: dataset.directory.appendingPathComponent(file), name: file)
            let features = collection.features.filter { kept.contains($0.id ?? "") }.map {
                GeoJSONOutputFeature(id: $0.id ?? "", geometry: $0.geometry, properties: $0.properties)
            }
            files.append(OutputFile(try writer.featureCollection(features, name: (file as NSString).deletingPathExtension), at: folder.appendingPathComponent(file)))
        }
        let taken: Set<String> = [DatasetFiles.roads, DatasetFiles.junctions, DatasetFiles.crossings, DatasetFiles.places]
        let names = try FileManager.default.contentsOfDirectory(atPath: dataset.directory.path).sorted()
        // The dataset's data files, not its notes: those describe the dataset's own network.
        let dataExtensions: Set<String> = ["csv", "geojson", "json"]
        for name in names where !taken.contains(name) && !name.hasPrefix(".") && dataExtensions.contains((name as NSString).pathExtension) {
            let url = dataset.directory.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let data = try Data(contentsOf: url)
            if name.hasSuffix(".csv"), let text = String(data: data, encoding: .utf8) {
                files.append(OutputFile(Self.cropped(csv: text, crossings: crossingsKept, places: placesKept), at: folder.appendingPathComponent(name)))
            } else {
                files.append(OutputFile(data, at: folder.appendingPathComponent(name)))
            }
        }
        files.append(OutputFile(try JSONTextWriter().prettyText(of: summary.jsonValue), at: folder.appendingPathComponent(RoadImportSummary.fileName)))
        try AtomicFile.write(files)
    }

    /// A CSV file without the rows whose `crossing`, `place`, `origin` or `destination` column names a crossing or
    /// place the new dataset does not keep; the rows kept are copied as they are written, and text that does not
    /// read as CSV is copied whole.
    static func cropped(csv text: String, crossings: Set<String>, places: Set<String>) -> String {
        guard let records = try? CSVTable.records(in: text), let header = records.first else { return text }
        let checks: [(Int, Set<String>)] = header.fields.enumerated().compactMap { index, column in
            switch column.trimmingCharacters(in: .whitespaces) {
            case "crossing": return (index, crossings)
            case "place", "origin", "destination": return (index, places)
            default: return nil
            }
        }
        guard !checks.isEmpty else { return text }
        // The lines each dropped record starts on; a record's other lines (a quoted line break) go with it.
        var dropped = Set<Int>()
        for record in records.dropFirst() where !checks.allSatisfy({ index, kept in
            index >= record.fields.count || record.fields[index].isEmpty || kept.contains(record.fields[index])
        }) {
            dropped.insert(record.line)
        }
        let starts = Set(records.map(\.line))
        var keeping = true
        var lines: [Substring] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if starts.contains(offset + 1) { keeping = !dropped.contains(offset + 1) }
            if keeping || line.isEmpty { lines.append(line) }
        }
        return lines.joined(separator: "\n")
    }
}
