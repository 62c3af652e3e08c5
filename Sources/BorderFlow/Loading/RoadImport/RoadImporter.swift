import BorderFlowSpatial
import Foundation

/// Builds a dataset folder from a road network in any GDAL vector source (`borderflow import-roads`): the
/// source's roads by the documented rules, the border crossed only at the dataset's crossings, each place joined
/// to its nearest road, the dataset's rail lines, and every other file of the dataset, cropped to the area.
///
/// The folder is written whole or not at all: into a temporary folder beside it, checked by loading it as a
/// dataset (and by whatever `verify` adds), then moved into place.
public enum RoadImporter {
    /// How far an import has got, for a progress display.
    public struct Progress: Sendable {
        /// The step: "reading", "joining", "graph", "border", "writing", "checking" (the finished folder).
        public let step: String
        /// Units done in the step (lines read, lines joined).
        public let done: Int
        /// Units in the step, when known.
        public let total: Int?
    }

    /// Imports a road network.
    ///
    /// - Parameters:
    ///   - source: the opened source.
    ///   - dataset: the dataset whose crossings, places, sectors and other files the new one keeps.
    ///   - options: area, profiles, layer and attribute names.
    ///   - output: the folder to write; must not exist, or be empty.
    ///   - workingCRS: the CRS in metres that distances are measured in.
    ///   - verify: a further check of the finished folder, loaded as a dataset, before it is moved into place; it
    ///     is given the folder too, to add what it derives (the network's contraction hierarchies).
    ///   - progress: called as the import goes on.
    /// - Returns: what was imported.
    /// - Throws: `VectorSourceError` for an unreadable source; `RoadImportError` for a network that cannot be
    ///   joined to the dataset; `DatasetError` when the result does not load; whatever `verify` throws.
    public static func importRoads(
        from source: VectorSource, dataset: Dataset, options: RoadImportOptions, into output: URL,
        workingCRS: CoordinateReferenceSystem = WorkingCRS.borderStrip,
        verify: (Dataset, URL) throws -> Void = { _, _ in }, progress: (Progress) -> Void = { _ in }
    ) throws -> RoadImportSummary {
        try checkEmpty(output)
        let inside = { (coordinate: Coordinate) in options.boundingBox?.contains(coordinate) ?? true }
        // A crossing none of whose modes the profiles route has no road to match; it is left out.
        let routedModes = Set(options.profiles.flatMap(\.modes))
        let unrouted = dataset.crossings.indices.filter { index in
            let crossing = dataset.crossings[index]
            return inside(crossing.coordinate) && crossing.modes != [.rail] && routedModes.isDisjoint(with: crossing.modes)
        }
        let roadCrossings = dataset.crossings.indices.filter { index in
            let crossing = dataset.crossings[index]
            return inside(crossing.coordinate) && crossing.modes != [.rail] && !routedModes.isDisjoint(with: crossing.modes)
        }
        let railCrossings = dataset.crossings.indices.filter { inside(dataset.crossings[$0].coordinate) && dataset.crossings[$0].modes == [.rail] }
        if let box = options.boundingBox, roadCrossings.isEmpty, railCrossings.isEmpty {
            throw RoadImportError.noCrossingInside(boundingBox: box.description)
        }
        let layer = try source.lineLayer(named: options.layer)
        var (lines, counts) = try read(source, layer: layer, options: options, progress: progress)
        guard lines.lineCount > 0 else {
            throw RoadImportError.noRoads(source: source.path, layer: layer.name, linesRead: counts.read,
                                          boundingBox: options.boundingBox?.description)
        }
        let toMeters = try CoordinateTransformer(from: .wgs84, to: workingCRS)
        var endsJoined = 0
        if source.driver != "OSM" {
            progress(Progress(step: "joining", done: 0, total: lines.lineCount))
            endsJoined = try lines.joinEndsLyingOnLines(toleranceMeters: RoadImportOptions.endJoinMeters, toMeters: toMeters)
        }
        let region = try BorderRegion(sectors: dataset.sectors, boundary: dataset.boundary, workingCRS: workingCRS)
        progress(Progress(step: "matching crossings", done: 0, total: nil))
        let matcher = try CrossingMatcher(lines: lines, dataset: dataset, crossings: roadCrossings, toMeters: toMeters)
        let geodesic = try Geodesic()
        let topology = RoadTopology(lines: lines, forcedNodes: matcher.segmentEnds(in: lines), geodesic: geodesic) { done in
            progress(Progress(step: "graph", done: done, total: lines.lineCount))
        }
        progress(Progress(step: "border", done: 0, total: nil))
        let places = dataset.places.indices.filter { inside(dataset.places[$0].coordinate) }
        let attachment = try BorderAttachment(lines: lines, topology: topology, matcher: matcher, dataset: dataset,
                                              region: region, places: places)

        progress(Progress(step: "writing", done: 0, total: nil))
        var layers = RoadImportLayers(lines: lines, topology: topology, attachment: attachment, dataset: dataset, geodesic: geodesic,
                                      closedByProfiles: Set(Mode.allCases).subtracting(routedModes).subtracting([.rail]))
        layers.addRail(from: dataset, railCrossings: railCrossings, inside: inside)
        layers.leaveOut(unrouted.map { dataset.crossings[$0].id }, reason: "no profile imported routes its modes")
        let summary = RoadImportSummary(
            source: source.path, driver: source.driver, layer: layer.name, profiles: options.profiles.sorted(),
            boundingBox: options.boundingBox?.description, linesRead: counts.read, linesNotRoads: counts.notRoads,
            linesOutside: counts.outside, endsJoined: endsJoined, layers: layers, attachment: attachment, dataset: dataset)
        let temporary = output.deletingLastPathComponent()
            .appendingPathComponent(".\(output.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)", isDirectory: true)
        try? FileManager.default.removeItem(at: temporary)
        do {
            try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
            try layers.write(to: temporary, from: dataset, summary: summary)
            progress(Progress(step: "checking", done: 0, total: nil))
            try verify(Dataset.load(from: temporary, workingCRS: workingCRS), temporary)
            if FileManager.default.fileExists(atPath: output.path) { try FileManager.default.removeItem(at: output) }
            try FileManager.default.moveItem(at: temporary, to: output)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        return summary
    }

    /// Refuses an output folder that holds anything: an import never mixes with older files.
    private static func checkEmpty(_ output: URL) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output.path, isDirectory: &isDirectory) else { return }
        let contents = isDirectory.boolValue ? (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? [] : ["(a file)"]
        guard contents.isEmpty else { throw RoadImportError.outputNotEmpty(path: output.path) }
    }

    /// Reads the source's lines that are roads under the rules and the profiles, inside the area.
    private static func read(_ source: VectorSource, layer: VectorSource.Layer, options: RoadImportOptions,
                             progress: (Progress) -> Void) throws -> (RoadLines, (read: Int, notRoads: Int, outside: Int)) {
        let isOSM = source.driver == "OSM"
        let fields: [String]
        if isOSM {
            fields = ["name", "highway", "maxspeed", "oneway", "other_tags"]
        } else {
            let defaults = RoadImportOptions()
            for (field, option, isDefault, required) in [
                (options.classField, "--class-field", options.classField == defaults.classField, true),
                (options.speedField, "--speed-field", options.speedField == defaults.speedField, false),
                (options.onewayField, "--oneway-field", options.onewayField == defaults.onewayField, false),
                (options.nameField, "--name-field", options.nameField == defaults.nameField, false),
            ] where !layer.fields.contains(field) && (required || !isDefault) {
                throw RoadImportError.missingField(source: source.path, layer: layer.name, field: field, option: option, fields: layer.fields)
            }
            // A plain layer's attributes named as OpenStreetMap tags are read as those tags.
            fields = [options.nameField, options.classField, options.speedField, options.onewayField] + RoadTags.tagKeys
        }
        let closedByProfiles = Set(RoadProfile.allCases.filter { !options.profiles.contains($0) }.flatMap(\.modes))
        var lines = RoadLines()
        var read = 0, notRoads = 0, outside = 0
        try source.readLines(of: layer, fields: fields) { line in
            read += 1
            if read % 100_000 == 0 { progress(Progress(step: "reading", done: read, total: layer.featureCount)) }
            let tags = isOSM ? RoadTags.otherTags(line.attributes[4])
                : Dictionary(uniqueKeysWithValues: zip(RoadTags.tagKeys, line.attributes[4...]).compactMap { key, value in value.map { (key, $0) } })
            // OpenStreetMap keeps maxspeed and oneway among the other tags unless GDAL's configuration lists them.
            let maxspeed = line.attributes[2] ?? tags["maxspeed"], oneway = line.attributes[3] ?? tags["oneway"]
            guard let parsed = RoadTags(highway: line.attributes[1], maxspeed: maxspeed, oneway: oneway, tags: tags,
                                        speedOverrides: options.speedOverrides)?.closing(closedByProfiles) else {
                notRoads += 1
                return
            }
            if let box = options.boundingBox, !line.parts.contains(where: { $0.contains(where: box.contains) }) {
                outside += 1
                return
            }
            let name = line.attributes[0].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
                ?? "unnamed \(parsed.sourceClass.replacingOccurrences(of: "_", with: " "))"
            for part in line.parts { lines.add(part, kind: RoadLines.Kind(tags: parsed, name: name)) }
        }
        progress(Progress(step: "reading", done: read, total: layer.featureCount))
        return (lines, (read, notRoads, outside))
    }
}
