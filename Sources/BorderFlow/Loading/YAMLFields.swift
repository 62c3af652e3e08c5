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

    /// The document's root node; a syntax error is an `InputFileError` at Yams' line and column.
    ///
    /// - Parameters:
    ///   - text: the document.
    ///   - formats: what the file may be written in, for the message ("YAML", "YAML or JSON").
    func root(of text: String, formats: String) throws -> Node? {
        do {
            return try Yams.compose(yaml: text)
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
            throw InputFileError(file: file, line: position?.line, column: position?.column, message: "not valid \(formats): \(error)")
        }
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
