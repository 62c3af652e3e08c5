import BorderFlowSpatial
import Foundation
import Yams

extension Scenario {
    /// The folder of the bundled scenarios.
    public static var bundledDirectory: URL {
        DatasetFiles.bundledDirectory.appendingPathComponent("scenarios", isDirectory: true)
    }

    /// A scenario by name (a file in `directory` named NAME.yaml, .yml or .json) or by path.
    ///
    /// - Parameters:
    ///   - nameOrPath: a path to a scenario file, or a scenario's name in any case; an existing path wins.
    ///   - directory: the folder to look for names in.
    ///   - dataset: the dataset to check the scenario against; nil to skip the check.
    /// - Returns: the scenario.
    /// - Throws: `ScenarioError` when nothing matches (listing the known names) or the scenario is not valid;
    ///   `InputFileError` when the file cannot be read or is not YAML or JSON.
    public static func find(_ nameOrPath: String, in directory: URL = bundledDirectory, dataset: Dataset? = nil) throws -> Scenario {
        let asPath = URL(fileURLWithPath: nameOrPath)
        if FileManager.default.fileExists(atPath: asPath.path) {
            return try load(contentsOf: asPath, dataset: dataset)
        }
        for suffix in ["yaml", "yml", "json"] {
            let candidate = directory.appendingPathComponent("\(nameOrPath).\(suffix)")
            if FileManager.default.fileExists(atPath: candidate.path) {
                return try load(contentsOf: candidate, dataset: dataset)
            }
        }
        let known = bundledNames(in: directory)
        // Names are ids, and ids are matched in any case, as place names are.
        if let match = known.first(where: { $0.lowercased() == nameOrPath.lowercased() }) {
            return try find(match, in: directory, dataset: dataset)
        }
        throw ScenarioError(file: nameOrPath, message: "no scenario file by that path, and no bundled scenario by that name; known scenarios: \(known.joined(separator: ", "))")
    }

    /// The largest scenario file read.
    public static let maximumFileBytes: Int64 = 10_000_000

    /// How scenario files are read, and what users are told when one is refused.
    static let fileReader = InputFileReader(
        maximumBytes: maximumFileBytes,
        tooLargeAdvice: "a scenario is a list of closures, a few kilobytes, and files over \(maximumFileBytes / 1_000_000) MB are refused",
        emptyAdvice: "a scenario needs at least a title, sources and closures")

    /// The names of the scenarios in a folder, sorted.
    ///
    /// - Parameter directory: the folder.
    /// - Returns: the names of its `.yaml`, `.yml` and `.json` files, without extension; empty when the folder
    ///   cannot be read.
    public static func bundledNames(in directory: URL = bundledDirectory) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }
            .map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
            .sorted()
    }

    /// Reads a scenario file and, when a dataset is given, checks every crossing, port, sector and mode it
    /// names against it.
    ///
    /// - Parameters:
    ///   - url: the YAML or JSON file; its name without extension is the id when the file gives none.
    ///   - dataset: the dataset to check against; nil to skip the check.
    /// - Returns: the scenario.
    /// - Throws: `InputFileError` when the file cannot be read or is not YAML or JSON (with the line and column
    ///   of a syntax error); `ScenarioError` naming the file, the line and the field of what is not valid.
    public static func load(contentsOf url: URL, dataset: Dataset? = nil) throws -> Scenario {
        let file = url.lastPathComponent
        let text = try fileReader.text(contentsOf: url, name: file)
        let reader = ScenarioReader(file: file, dataset: dataset)
        return try reader.read(text, defaultID: url.deletingPathExtension().lastPathComponent)
    }

    /// Reads a scenario from its text, as ``load(contentsOf:dataset:)`` reads a file: for a scenario that
    /// arrives other than as a file, such as in a request to the server.
    ///
    /// - Parameters:
    ///   - text: the scenario as YAML or JSON.
    ///   - name: how errors name where it came from; also its id when the text gives none.
    ///   - dataset: the dataset to check against; nil to skip the check.
    /// - Returns: the scenario.
    /// - Throws: `InputFileError` when the text is not YAML or JSON; `ScenarioError` naming the field of what
    ///   is not valid.
    public static func read(_ text: String, name: String, dataset: Dataset? = nil) throws -> Scenario {
        try ScenarioReader(file: name, dataset: dataset).read(text, defaultID: name)
    }
}

/// Turns YAML nodes into a `Scenario`, with errors that point at the line and field.
struct ScenarioReader {
    let file: String
    let dataset: Dataset?

    private func fail(_ node: Node?, _ field: String?, _ message: String) -> ScenarioError {
        ScenarioError(file: file, line: node?.mark?.line, field: field, message: message)
    }

    private var yaml: YAMLFields<ScenarioError> { YAMLFields(file: file, fail: fail) }

    func read(_ text: String, defaultID: String) throws -> Scenario {
        let root = try yaml.root(of: text, formats: "YAML or JSON")
        guard let root, case let .mapping(mapping) = root else {
            throw fail(root, nil, "expected a mapping with title, sources and closures at the top level")
        }
        let known: Set<String> = ["id", "title", "description", "date", "sources", "closures", "capacity", "staff"]
        for key in mapping.keys {
            guard let name = key.string, known.contains(name) else {
                throw fail(key, key.string, "unknown field; a scenario has \(known.sorted().joined(separator: ", "))")
            }
        }
        let id = try yaml.optionalString(root, "id") ?? defaultID
        let title = try yaml.string(root, "title")
        let description = try yaml.optionalString(root, "description") ?? ""
        let date = try optionalMoment(root, "date", dateAlone: .noon)
        let sources = try yaml.list(root, "sources", required: true).enumerated().map { index, node in
            try source(node, field: "sources[\(index)]")
        }
        let closures = try yaml.list(root, "closures", required: false).enumerated().flatMap { index, node in
            try closureEntries(node, field: "closures[\(index)]")
        }
        let capacity = try yaml.list(root, "capacity", required: false).enumerated().map { index, node in
            try capacityChange(node, field: "capacity[\(index)]")
        }
        let staff = try yaml.list(root, "staff", required: false).enumerated().map { index, node in
            try staffChange(node, field: "staff[\(index)]")
        }
        return Scenario(id: id, title: title, description: description, date: date, sources: sources,
                        closureEntries: closures, capacityChanges: capacity, staffChanges: staff)
    }


    // MARK: Fields




    private func optionalMoment(_ node: Node, _ key: String, field: String? = nil, dateAlone: Moment.DateAlone) throws -> Moment? {
        guard let text = try yaml.optionalString(node, key, field: field) else { return nil }
        do {
            return try Moment(parsing: text, dateAlone: dateAlone)
        } catch {
            throw fail(yaml.value(node, key), field ?? key, "\(error)")
        }
    }



    private func source(_ node: Node, field: String) throws -> Scenario.Source {
        if case let .scalar(scalar) = node { return Scenario.Source(title: scalar.string, url: nil) }
        try yaml.checkKeys(node, field: field, allowed: ["title", "url"])
        return Scenario.Source(title: try yaml.string(node, "title", field: "\(field).title"),
                               url: try yaml.optionalString(node, "url", field: "\(field).url"))
    }

    private func window(_ node: Node, field: String) throws -> ClosureWindow? {
        let start = try optionalMoment(node, "from", field: "\(field).from", dateAlone: .startOfDay)
        let end = try optionalMoment(node, "to", field: "\(field).to", dateAlone: .startOfDay)
        if start == nil && end == nil { return nil }
        do {
            return try ClosureWindow(start: start, end: end)
        } catch {
            throw fail(yaml.value(node, "to"), "\(field).to", "\(error)")
        }
    }

    private func modes(_ node: Node, field: String) throws -> [Mode]? {
        guard let child = yaml.value(node, "modes") else { return nil }
        let names: [Node]
        switch child {
        case .sequence(let sequence): names = Array(sequence)
        case .scalar: names = [child]
        default: throw fail(child, "\(field).modes", "expected a list of modes")
        }
        return try names.enumerated().map { index, name in
            guard let text = name.string, let mode = Mode(rawValue: text) else {
                throw fail(name, "\(field).modes[\(index)]", "unknown mode \"\(name.string ?? "?")\"; expected one of \(Mode.validNames)")
            }
            return mode
        }
    }

    private func closureEntries(_ node: Node, field: String) throws -> [Scenario.ClosureEntry] {
        try yaml.checkKeys(node, field: field, allowed: ["crossing", "crossings", "port", "sector", "polygon", "modes", "from", "to", "note"])
        let targetKeys = ["crossing", "crossings", "port", "sector", "polygon"].filter { yaml.value(node, $0) != nil }
        guard targetKeys.count == 1, let key = targetKeys.first else {
            throw fail(node, field, "give exactly one of crossing, crossings, port, sector or polygon (found \(targetKeys.isEmpty ? "none" : targetKeys.joined(separator: ", ")))")
        }
        let modes = try self.modes(node, field: field)
        let window = try self.window(node, field: field)
        let note = try yaml.optionalString(node, "note", field: "\(field).note")
        var targets: [Closures.Target] = []
        switch key {
        case "crossing", "crossings":
            let ids: [String]
            if key == "crossing" {
                ids = [try yaml.string(node, "crossing", field: "\(field).crossing")]
            } else {
                ids = try yaml.list(node, "crossings", required: true, field: "\(field).crossings").enumerated().map { index, item in
                    guard let id = item.string else { throw fail(item, "\(field).crossings[\(index)]", "expected a crossing id") }
                    return id
                }
            }
            for (index, id) in ids.enumerated() {
                let idField = key == "crossing" ? "\(field).crossing" : "\(field).crossings[\(index)]"
                try checkCrossing(id, modes: modes, node: yaml.value(node, key), field: idField)
                if let modes {
                    targets += modes.map { .modeAtCrossing($0, crossing: id) }
                } else {
                    targets.append(.crossing(id))
                }
            }
        case "port":
            let code = try yaml.string(node, "port", field: "\(field).port")
            try checkPort(code, modes: modes, node: yaml.value(node, "port"), field: "\(field).port")
            targets = modes.map { $0.map { .modeAtPort($0, port: code) } } ?? [.port(code)]
        case "sector":
            let id = try yaml.string(node, "sector", field: "\(field).sector")
            if let dataset, dataset.sector(id: id) == nil {
                throw fail(yaml.value(node, "sector"), "\(field).sector", "no sector has the id \"\(id)\"; known sectors: \(dataset.sectors.map(\.id).joined(separator: ", "))")
            }
            if modes != nil { throw fail(yaml.value(node, "modes"), "\(field).modes", "a sector closes every mode of its crossings; list crossings or ports to close single modes") }
            targets = [.sector(id)]
        default:
            guard let polygonNode = yaml.value(node, "polygon") else { throw fail(node, field, "missing polygon") }
            let geometry: GeoJSONGeometry
            do {
                geometry = try GeoJSONReader.geometry(Self.json(polygonNode), file: file)
            } catch let error as GeoJSONError {
                throw fail(polygonNode, "\(field).polygon", error.message)
            }
            guard !geometry.polygons.isEmpty else { throw fail(polygonNode, "\(field).polygon", "expected a GeoJSON Polygon or MultiPolygon in longitude/latitude") }
            if let problem = geometry.polygonProblem() {
                throw fail(polygonNode, "\(field).polygon", "not a valid polygon: \(problem); the rings must not cross themselves or each other, and holes must lie inside their shell")
            }
            if modes != nil { throw fail(yaml.value(node, "modes"), "\(field).modes", "a polygon closes every mode of the crossings inside it") }
            targets = [.polygon(geometry, name: "\(file) \(field)")]
        }
        return targets.map { Scenario.ClosureEntry(target: $0, window: window, note: note) }
    }

    private func capacityChange(_ node: Node, field: String) throws -> Scenario.CapacityChange {
        try yaml.checkKeys(node, field: field, allowed: ["crossing", "mode", "lanes", "from", "to", "note"])
        let crossing = try yaml.string(node, "crossing", field: "\(field).crossing")
        let modeText = try yaml.string(node, "mode", field: "\(field).mode")
        guard let mode = Mode(rawValue: modeText) else {
            throw fail(yaml.value(node, "mode"), "\(field).mode", "unknown mode \"\(modeText)\"; expected one of \(Mode.validNames)")
        }
        try checkCrossing(crossing, modes: [mode], node: yaml.value(node, "crossing"), field: "\(field).crossing")
        let lanesText = try yaml.string(node, "lanes", field: "\(field).lanes")
        let largest = Scenario.CapacityChange.largestLaneChange
        let digits = lanesText.hasPrefix("+") || lanesText.hasPrefix("-") ? lanesText.dropFirst() : Substring(lanesText)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let delta = Int(lanesText.hasPrefix("+") ? String(digits) : lanesText), delta != 0,
              (-largest...largest).contains(delta) else {
            throw fail(yaml.value(node, "lanes"), "\(field).lanes", "\"\(lanesText)\" is not a change of lanes; write a whole number from -\(largest) to +\(largest), not 0, such as +2 to open two lanes or -2 to close two")
        }
        return Scenario.CapacityChange(crossing: crossing, mode: mode, lanesDelta: delta,
                                       window: try window(node, field: field), note: try yaml.optionalString(node, "note", field: "\(field).note"))
    }

    private func staffChange(_ node: Node, field: String) throws -> Scenario.StaffChange {
        try yaml.checkKeys(node, field: field, allowed: ["port", "throughput", "from", "to", "note"])
        let port = try yaml.string(node, "port", field: "\(field).port")
        try checkPort(port, modes: nil, node: yaml.value(node, "port"), field: "\(field).port")
        var throughput: Double?
        if let text = try yaml.optionalString(node, "throughput", field: "\(field).throughput") {
            guard let share = Double(text), share > 0, share <= 1 else {
                throw fail(yaml.value(node, "throughput"), "\(field).throughput", "\"\(text)\" is not a share of the usual rate; expected a number above 0 and at most 1, such as 0.8, or no throughput for the share fitted on past redeployments")
            }
            throughput = share
        }
        return Scenario.StaffChange(port: port, throughput: throughput, window: try window(node, field: field),
                                    note: try yaml.optionalString(node, "note", field: "\(field).note"))
    }

    // MARK: Checks against the dataset

    private func checkCrossing(_ id: String, modes: [Mode]?, node: Node?, field: String) throws {
        guard let dataset else { return }
        guard let crossing = dataset.crossing(id: id) else {
            let suggestions = NameMatching.suggestions(for: id, among: dataset.crossings.map(\.id))
            throw fail(node, field, "no crossing has the id \"\(id)\"; did you mean \(suggestions.map { "\"\($0)\"" }.joined(separator: ", "))?")
        }
        for mode in modes ?? [] where !crossing.serves(mode) {
            throw fail(node, field, "\(id) does not serve \(mode.rawValue); it serves \(crossing.modes.map(\.rawValue).joined(separator: ", "))")
        }
    }

    private func checkPort(_ code: String, modes: [Mode]?, node: Node?, field: String) throws {
        guard let dataset else { return }
        let facilities = dataset.crossings.filter { $0.portCode == code }
        guard !facilities.isEmpty else {
            throw fail(node, field, "no crossing belongs to port code \"\(code)\"; known codes: \(Set(dataset.crossings.map(\.portCode)).sorted().joined(separator: ", "))")
        }
        for mode in modes ?? [] where !facilities.contains(where: { $0.serves(mode) }) {
            throw fail(node, field, "no facility of port \(code) serves \(mode.rawValue)")
        }
    }

    /// A YAML node as JSON, for GeoJSON geometry written inline and for scenarios sent as JSON documents:
    /// numbers stay numbers.
    static func json(_ node: Node) -> JSONValue {
        switch node {
        case let .scalar(scalar):
            // "nan" and "inf" read as Doubles but are no JSON number: left as text, the geometry reader names them.
            if let number = Double(scalar.string), number.isFinite, scalar.style == .plain { return .number(number) }
            return .string(scalar.string)
        case let .mapping(mapping):
            return .object(JSONObject(mapping.map { ($0.key.string ?? "", json($0.value)) }))
        case let .sequence(sequence):
            return .array(sequence.map(json))
        case .alias:
            return .null
        }
    }
}
