import BorderFlowSpatial
import Foundation
import Yams

/// Changes chosen properties of the features of a dataset's GeoJSON file and leaves the rest as it was: key
/// order, the text of every number, and the dataset's layout (two-space indents, objects one member a line,
/// arrays of numbers or strings on one line). What a project command uses to write derived numbers into a
/// curated file, so that `git diff` shows only what changed.
///
/// JSON is read with Yams (a JSON text is a YAML flow document), whose node tree keeps member order and the
/// text of scalars.
public enum GeoJSONPropertyEditor {
    /// A property's new value.
    public enum NewValue: Equatable, Sendable {
        /// A JSON number, written with `formatFixed`-style text.
        case number(Double)
        /// A JSON string.
        case string(String)
        /// A JSON object of named numbers, in the order given.
        case numbers([(String, Double)])

        public static func == (lhs: NewValue, rhs: NewValue) -> Bool {
            switch (lhs, rhs) {
            case let (.number(a), .number(b)): return a == b
            case let (.string(a), .string(b)): return a == b
            case let (.numbers(a), .numbers(b)): return a.map(\.0) == b.map(\.0) && a.map(\.1) == b.map(\.1)
            default: return false
            }
        }
    }

    /// The text of a GeoJSON FeatureCollection with some features' properties set.
    ///
    /// - Parameters:
    ///   - text: the file's text.
    ///   - file: its name, for errors.
    ///   - changes: for a feature's `properties.id`, the properties to set (members that exist keep their place;
    ///     new ones go last); nil or empty to leave it alone.
    /// - Returns: the new text, in the dataset's layout, ending in a newline.
    /// - Throws: `GeoJSONError` when the text is not JSON or not a FeatureCollection.
    public static func setting(in text: String, file: String, changes: (String) -> [(String, NewValue)]?) throws -> String {
        let parsed: Node?
        do { parsed = try Yams.compose(yaml: text) } catch {
            throw GeoJSONError(file: file, message: "is not valid JSON: \(error)")
        }
        guard case .mapping(var root)? = parsed, let featuresAt = root.firstIndex(where: { $0.key.string == "features" }),
              case .sequence(var features) = root[featuresAt].value else {
            throw GeoJSONError(file: file, message: "is not a GeoJSON FeatureCollection with a \"features\" array")
        }
        for index in features.indices {
            guard case .mapping(var feature) = features[index],
                  let propertiesAt = feature.firstIndex(where: { $0.key.string == "properties" }),
                  case .mapping(var properties) = feature[propertiesAt].value,
                  let id = properties.first(where: { $0.key.string == "id" })?.value.string,
                  let wanted = changes(id), !wanted.isEmpty else { continue }
            for (name, value) in wanted {
                let node = Self.node(value)
                if let at = properties.firstIndex(where: { $0.key.string == name }) {
                    properties[at] = (key: properties[at].key, value: node)
                } else {
                    properties[Node(name, .implicit, .doubleQuoted)] = node
                }
            }
            feature[propertiesAt] = (key: feature[propertiesAt].key, value: .mapping(properties))
            features[index] = .mapping(feature)
        }
        root[featuresAt] = (key: root[featuresAt].key, value: .sequence(features))
        var out = ""
        try write(.mapping(root), indent: 0, into: &out, file: file)
        return out + "\n"
    }

    private static func node(_ value: NewValue) -> Node {
        switch value {
        case let .number(number): return Node(numberText(number), .implicit, .plain)
        case let .string(string): return Node(string, .implicit, .doubleQuoted)
        case let .numbers(members):
            return .mapping(Node.Mapping(members.map { (Node($0.0, .implicit, .doubleQuoted), Node(numberText($0.1), .implicit, .plain)) }))
        }
    }

    /// A number as the dataset writes it: no trailing zeros, no exponent.
    static func numberText(_ value: Double) -> String {
        var text = formatFixed(value, decimals: 6)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    private static func write(_ node: Node, indent: Int, into out: inout String, file: String) throws {
        let inner = String(repeating: " ", count: indent + 2)
        switch node {
        case let .scalar(scalar):
            out += scalar.style == .plain ? scalar.string : quoted(scalar.string)
        case let .mapping(mapping):
            guard !mapping.isEmpty else { out += "{}"; return }
            out += "{\n"
            for (position, pair) in mapping.enumerated() {
                guard let key = pair.key.string else { throw GeoJSONError(file: file, message: "has an object key that is not a string") }
                out += inner + quoted(key) + ": "
                try write(pair.value, indent: indent + 2, into: &out, file: file)
                out += position < mapping.count - 1 ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        case let .sequence(sequence):
            guard !sequence.isEmpty else { out += "[]"; return }
            if sequence.allSatisfy({ $0.scalar != nil }) {
                out += "[" + sequence.map { $0.scalar!.style == .plain ? $0.scalar!.string : quoted($0.scalar!.string) }.joined(separator: ", ") + "]"
                return
            }
            out += "[\n"
            for (position, element) in sequence.enumerated() {
                out += inner
                try write(element, indent: indent + 2, into: &out, file: file)
                out += position < sequence.count - 1 ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .alias:
            throw GeoJSONError(file: file, message: "is not plain JSON (it holds a YAML alias)")
        }
    }

    /// A JSON string literal, escaped as the project's JSON writer escapes it.
    static func quoted(_ string: String) -> String {
        var out = ""
        JSONTextWriter.appendQuoted(string, to: &out)
        return out
    }
}
