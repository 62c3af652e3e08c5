import BorderFlowSpatial
import Foundation
import Yams

/// The fields of a YAML document as the scenario and event readers read them: text, lists and mappings with
/// known keys, each problem reported through `fail` with the node's line and the field's path.
struct YAMLFields<Failure: Error> {
    /// The file's name, for syntax errors.
    let file: String
    /// The reader's error for a node (its line), a field path and a message.
    let fail: (Node?, String?, String) -> Failure

    /// The document's root node; a syntax error is an `InputFileError` at Yams' line and column, and so is an
    /// anchor (`&name`) or alias (`*name`).
    ///
    /// Aliases are refused because ten anchors each naming the last ten times ("billion laughs") make a file of
    /// a few hundred bytes stand for billions of nodes; no scenario or event needs one.
    ///
    /// - Parameters:
    ///   - text: the document.
    ///   - formats: what the file may be written in, for the message ("YAML", "YAML or JSON").
    func root(of text: String, formats: String) throws -> Node? {
        let root: Node?
        do {
            // The parser owns the anchors (nodes hold them weakly): it must live while the tree is searched.
            let parser = try Parser(yaml: text)
            root = try parser.singleRoot()
            if let root, let anchored = withExtendedLifetime(parser, { Self.firstAnchoredNode(in: root) }) {
                let name = anchored.anchor.map { "&\($0.rawValue.prefix(40))" } ?? "an anchor"
                let place = anchored.mark.map { " (\(TextPosition(line: $0.line, column: $0.column)))" } ?? ""
                throw InputFileError(file: file, line: anchored.mark?.line, column: anchored.mark?.column,
                                     message: "the anchor \(name)\(place): anchors and aliases (&name, *name) are not read, as a few of them can stand for billions of values; write each value out in full")
            }
        } catch let error as InputFileError {
            throw error
        } catch {
            let position: TextPosition?
            switch error as? YamlError {
            case let .scanner(_, _, mark, _)?, let .parser(_, _, mark, _)?, let .composer(_, _, mark, _)?:
                position = TextPosition(line: mark.line, column: mark.column)
            case let .reader(_, offset?, _, _)?:
                position = TextPosition(byteOffset: offset, in: Data(text.utf8))
            default:
                position = nil
            }
            throw InputFileError(file: file, line: position?.line, column: position?.column, message: "not valid \(formats): \(Self.shortened(error))")
        }
        return root
    }

    /// The first node with an anchor, in document order. An alias stands for a node anchored before it, so the
    /// search meets the anchor before any alias's copy, having visited only nodes written out in the file.
    private static func firstAnchoredNode(in root: Node) -> Node? {
        var pending = [root]
        while let node = pending.popLast() {
            if node.anchor != nil { return node }
            switch node {
            case let .mapping(mapping):
                for (key, value) in mapping.reversed() { pending.append(value); pending.append(key) }
            case let .sequence(sequence):
                pending.append(contentsOf: sequence.reversed())
            default:
                break
            }
        }
        return nil
    }

    /// Yams' message without its quotation of the line at fault when that line is long: a line of 100,000
    /// brackets is no help to anyone.
    private static func shortened(_ error: Error) -> String {
        let text = "\(error)"
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.contains(where: { $0.count > 200 }), let first = lines.first else { return text }
        return String(first.prefix(300)).trimmingCharacters(in: CharacterSet(charactersIn: ":"))
    }

    func value(_ node: Node, _ key: String) -> Node? {
        guard case let .mapping(mapping) = node else { return nil }
        return mapping[key]
    }

    func string(_ node: Node, _ key: String, field: String? = nil) throws -> String {
        guard let text = try optionalString(node, key, field: field) else { throw fail(node, field ?? key, "missing; expected text") }
        return text
    }

    func optionalString(_ node: Node, _ key: String, field: String? = nil) throws -> String? {
        guard let child = value(node, key) else { return nil }
        guard case let .scalar(scalar) = child, !scalar.string.isEmpty else { throw fail(child, field ?? key, "expected text") }
        return scalar.string
    }

    func list(_ node: Node, _ key: String, required: Bool, field: String? = nil) throws -> [Node] {
        guard let child = value(node, key) else {
            if required { throw fail(node, field ?? key, "missing; expected a list") }
            return []
        }
        guard case let .sequence(sequence) = child else { throw fail(child, field ?? key, "expected a list") }
        if required && sequence.isEmpty { throw fail(child, field ?? key, "empty; give at least one entry") }
        return Array(sequence)
    }

    /// Refuses a node that is not a mapping, or one with a key outside `allowed`.
    func checkKeys(_ node: Node, field: String?, allowed: Set<String>) throws {
        guard case let .mapping(mapping) = node else { throw fail(node, field, "expected a mapping") }
        for key in mapping.keys {
            guard let name = key.string, allowed.contains(name) else {
                throw fail(key, [field, key.string ?? "?"].compactMap { $0 }.joined(separator: "."),
                           "unknown field; expected one of \(allowed.sorted().joined(separator: ", "))")
            }
        }
    }
}
