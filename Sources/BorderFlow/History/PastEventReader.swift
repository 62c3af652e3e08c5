import BorderFlowSpatial
import Foundation
import Yams

/// Turns the YAML of an event file or of the disruptions file into values, with errors that point at the line
/// and field, checking every crossing, port and mode against the dataset.
struct PastEventReader {
    let file: String
    let dataset: Dataset

    private func fail(_ node: Node?, _ field: String?, _ message: String) -> PastEventError {
        PastEventError(file: file, line: node?.mark?.line, field: field, message: message)
    }

    private var yaml: YAMLFields<PastEventError> { YAMLFields(file: file, fail: fail) }

    private func root(_ text: String) throws -> Node {
        let root = try yaml.root(of: text, formats: "YAML")
        guard let root, case .mapping = root else { throw fail(root, nil, "expected a mapping at the top level") }
        return root
    }


    // MARK: Event files

    func event(_ text: String, defaultID: String) throws -> PastEvent {
        let root = try root(text)
        try yaml.checkKeys(root, field: nil, allowed: ["id", "title", "description", "sources", "kind", "months", "facility",
                                                  "lanesLost", "fractionLost", "ports", "watch", "reliable", "reliabilityNote"])
        let id = try yaml.optionalString(root, "id") ?? defaultID
        let title = try yaml.string(root, "title")
        let description = try yaml.optionalString(root, "description") ?? ""
        let sources = try yaml.list(root, "sources", required: true).enumerated().map { try source($1, field: "sources[\($0)]") }
        let kindName = try yaml.string(root, "kind")
        let months = try monthRange(root, "months")
        let kinds = ["closure", "capacity-loss", "staff"]
        let kind: PastEvent.Kind
        var lost: SeriesKey?
        switch kindName {
        case "closure", "capacity-loss":
            if let ports = yaml.value(root, "ports") {
                throw fail(ports, "ports", "only a staff event names ports; a \(kindName) names its facility")
            }
            lost = try facility(root)
            if kindName == "closure" {
                for key in ["lanesLost", "fractionLost"] where yaml.value(root, key) != nil {
                    throw fail(yaml.value(root, key), key, "a closure loses the whole facility; use kind capacity-loss for lanes or a fraction lost")
                }
                kind = .closure
            } else {
                let lanes = try yaml.optionalString(root, "lanesLost").map { text -> Int in
                    guard let lanes = Int(text), lanes > 0 else { throw fail(yaml.value(root, "lanesLost"), "lanesLost", "\"\(text)\" is not a number of lanes above zero") }
                    return lanes
                }
                let fraction = try yaml.optionalString(root, "fractionLost").map { text -> Double in
                    guard let fraction = Double(text), fraction > 0, fraction <= 1 else { throw fail(yaml.value(root, "fractionLost"), "fractionLost", "\"\(text)\" is not a fraction above 0 and at most 1") }
                    return fraction
                }
                guard lanes != nil || fraction != nil else {
                    throw fail(root, "lanesLost", "a capacity-loss event gives lanesLost, fractionLost or both")
                }
                kind = .capacityLoss(lanesLost: lanes, fractionLost: fraction)
            }
        case "staff":
            if yaml.value(root, "facility") != nil { throw fail(yaml.value(root, "facility"), "facility", "a staff event closes no facility; list its ports") }
            let ports = try yaml.list(root, "ports", required: true).enumerated().map { index, node -> String in
                guard let code = node.string else { throw fail(node, "ports[\(index)]", "expected a port code") }
                try checkPort(code, node: node, field: "ports[\(index)]")
                return code
            }
            kind = .staff(ports: ports)
        default:
            throw fail(yaml.value(root, "kind"), "kind", "unknown kind \"\(kindName)\"; expected one of \(kinds.joined(separator: ", "))")
        }
        let watch = try yaml.list(root, "watch", required: true).enumerated().map { try watchEntry($1, field: "watch[\($0)]") }
        let reliable: Bool
        switch try yaml.optionalString(root, "reliable") {
        case nil, "true"?: reliable = true
        case "false"?: reliable = false
        case let other?: throw fail(yaml.value(root, "reliable"), "reliable", "\"\(other)\" is not true or false")
        }
        let reliabilityNote = try yaml.optionalString(root, "reliabilityNote")
        if !reliable && reliabilityNote == nil {
            throw fail(yaml.value(root, "reliable"), "reliabilityNote", "an event marked reliable: false says why in reliabilityNote")
        }
        return PastEvent(id: id, title: title, description: description, sources: sources, kind: kind, months: months,
                         lost: lost, watch: watch, reliable: reliable, reliabilityNote: reliabilityNote)
    }

    private func facility(_ root: Node) throws -> SeriesKey {
        guard let node = yaml.value(root, "facility") else { throw fail(root, "facility", "missing; expected the crossing and mode lost, such as {crossing: donna, mode: pov}") }
        try yaml.checkKeys(node, field: "facility", allowed: ["crossing", "mode"])
        let id = try yaml.string(node, "crossing", field: "facility.crossing")
        let mode = try mode(node, field: "facility.mode")
        let crossing = try checkCrossing(id, node: yaml.value(node, "crossing"), field: "facility.crossing")
        guard crossing.serves(mode) else {
            throw fail(yaml.value(node, "mode"), "facility.mode", "\(id) does not serve \(mode.rawValue); it serves \(crossing.modes.map(\.rawValue).joined(separator: ", "))")
        }
        return SeriesKey(port: crossing.portCode, crossing: id, mode: mode)
    }

    private func watchEntry(_ node: Node, field: String) throws -> PastEvent.Watch {
        try yaml.checkKeys(node, field: field, allowed: ["crossing", "port", "mode", "label", "note"])
        let mode = try mode(node, field: "\(field).mode")
        let key: SeriesKey
        switch (yaml.value(node, "crossing"), yaml.value(node, "port")) {
        case (_?, nil):
            let id = try yaml.string(node, "crossing", field: "\(field).crossing")
            let crossing = try checkCrossing(id, node: yaml.value(node, "crossing"), field: "\(field).crossing")
            key = SeriesKey(port: crossing.portCode, crossing: id, mode: mode)
        case (nil, _?):
            let code = try yaml.string(node, "port", field: "\(field).port")
            try checkPort(code, node: yaml.value(node, "port"), field: "\(field).port")
            key = SeriesKey(port: code, crossing: nil, mode: mode)
        default:
            throw fail(node, field, "give exactly one of crossing or port")
        }
        let labelText = try yaml.string(node, "label", field: "\(field).label")
        guard let label = PastEvent.Label(rawValue: labelText) else {
            throw fail(yaml.value(node, "label"), "\(field).label", "unknown label \"\(labelText)\"; expected one of \(PastEvent.Label.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return PastEvent.Watch(series: key, label: label, note: try yaml.optionalString(node, "note", field: "\(field).note") ?? "")
    }

    // MARK: The disruptions file

    func disruptions(_ text: String) throws -> [Disruption] {
        let root = try root(text)
        try yaml.checkKeys(root, field: nil, allowed: ["disruptions"])
        return try yaml.list(root, "disruptions", required: true).enumerated().map { index, node in
            let field = "disruptions[\(index)]"
            try yaml.checkKeys(node, field: field, allowed: ["id", "title", "note", "months", "scope", "series", "sources"])
            let id = try yaml.string(node, "id", field: "\(field).id")
            let title = try yaml.string(node, "title", field: "\(field).title")
            let note = try yaml.optionalString(node, "note", field: "\(field).note") ?? ""
            let months: Set<YearMonth>
            if let monthsNode = yaml.value(node, "months"), case let .sequence(sequence) = monthsNode {
                months = Set(try sequence.enumerated().map { try month($1, field: "\(field).months[\($0)]") })
                if months.isEmpty { throw fail(monthsNode, "\(field).months", "empty; give at least one month") }
            } else {
                months = Set(try monthRange(node, "months", field: "\(field).months"))
            }
            let scope: Disruption.Scope
            switch (try yaml.optionalString(node, "scope", field: "\(field).scope"), yaml.value(node, "series")) {
            case ("all"?, nil):
                scope = .all
            case (nil, _?):
                scope = .series(try yaml.list(node, "series", required: true, field: "\(field).series").enumerated().map {
                    try selector($1, field: "\(field).series[\($0)]")
                })
            case let (text?, nil):
                throw fail(yaml.value(node, "scope"), "\(field).scope", "\"\(text)\" is not a scope; write scope: all, or list the series")
            default:
                throw fail(node, field, "give scope: all or a list of series, not both")
            }
            let sources = try yaml.list(node, "sources", required: true, field: "\(field).sources").enumerated().map {
                try source($1, field: "\(field).sources[\($0)]")
            }
            return Disruption(id: id, title: title, note: note, months: months, scope: scope, sources: sources)
        }
    }

    private func selector(_ node: Node, field: String) throws -> Disruption.Selector {
        try yaml.checkKeys(node, field: field, allowed: ["crossing", "port", "modes", "note"])
        let modes = try yaml.value(node, "modes").map { modesNode -> [Mode] in
            guard case let .sequence(sequence) = modesNode, !sequence.isEmpty else { throw fail(modesNode, "\(field).modes", "expected a list of modes") }
            return try sequence.enumerated().map { index, item in
                guard let text = item.string, let mode = Mode(rawValue: text) else {
                    throw fail(item, "\(field).modes[\(index)]", "unknown mode \"\(item.string ?? "?")\"; expected one of \(Mode.validNames)")
                }
                return mode
            }
        }
        switch (yaml.value(node, "crossing"), yaml.value(node, "port")) {
        case (_?, nil):
            let id = try yaml.string(node, "crossing", field: "\(field).crossing")
            _ = try checkCrossing(id, node: yaml.value(node, "crossing"), field: "\(field).crossing")
            return Disruption.Selector(crossing: id, modes: modes)
        case (nil, _?):
            let code = try yaml.string(node, "port", field: "\(field).port")
            try checkPort(code, node: yaml.value(node, "port"), field: "\(field).port")
            return Disruption.Selector(port: code, modes: modes)
        default:
            throw fail(node, field, "give exactly one of crossing or port")
        }
    }

    // MARK: Fields






    private func month(_ node: Node, field: String) throws -> YearMonth {
        guard let text = node.string, let month = YearMonth(parsing: text) else {
            throw fail(node, field, "\"\(node.string ?? "?")\" is not a month; write YYYY-MM, such as 2016-05")
        }
        return month
    }

    private func monthRange(_ node: Node, _ key: String, field: String? = nil) throws -> ClosedRange<YearMonth> {
        let field = field ?? key
        guard let child = yaml.value(node, key) else { throw fail(node, field, "missing; expected {from: YYYY-MM, to: YYYY-MM}") }
        try yaml.checkKeys(child, field: field, allowed: ["from", "to"])
        guard let fromNode = yaml.value(child, "from"), let toNode = yaml.value(child, "to") else {
            throw fail(child, field, "expected {from: YYYY-MM, to: YYYY-MM}, the first and last month included")
        }
        let from = try month(fromNode, field: "\(field).from"), to = try month(toNode, field: "\(field).to")
        guard from <= to else { throw fail(toNode, "\(field).to", "\(to) is before \(from); the last month must not come before the first") }
        return from...to
    }

    private func mode(_ node: Node, field: String) throws -> Mode {
        guard let child = yaml.value(node, "mode") else { throw fail(node, field, "missing; expected one of \(Mode.validNames)") }
        guard let text = child.string, let mode = Mode(rawValue: text) else {
            throw fail(child, field, "unknown mode \"\(child.string ?? "?")\"; expected one of \(Mode.validNames)")
        }
        return mode
    }

    private func source(_ node: Node, field: String) throws -> EventSource {
        try yaml.checkKeys(node, field: field, allowed: ["title", "url"])
        return EventSource(title: try yaml.string(node, "title", field: "\(field).title"), url: try yaml.optionalString(node, "url", field: "\(field).url"))
    }

    @discardableResult
    private func checkCrossing(_ id: String, node: Node?, field: String) throws -> Crossing {
        guard let crossing = dataset.crossing(id: id) else {
            let suggestions = NameMatching.suggestions(for: id, among: dataset.crossings.map(\.id))
            throw fail(node, field, "no crossing has the id \"\(id)\"; did you mean \(suggestions.map { "\"\($0)\"" }.joined(separator: ", "))?")
        }
        return crossing
    }

    private func checkPort(_ code: String, node: Node?, field: String) throws {
        guard dataset.crossings.contains(where: { $0.portCode == code }) else {
            throw fail(node, field, "no crossing belongs to port code \"\(code)\"; known codes: \(Set(dataset.crossings.map(\.portCode)).sorted().joined(separator: ", "))")
        }
    }
}
