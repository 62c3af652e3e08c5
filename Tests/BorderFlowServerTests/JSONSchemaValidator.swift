import BorderFlowSpatial

/// Checks JSON values against the subset of JSON Schema 2020-12 the server's OpenAPI document uses: `type`
/// (one or a list), `properties`, `required`, `additionalProperties` (a boolean or a schema), `items`,
/// `enum`, `const`, `$ref` to `#/components/schemas/...`, `oneOf`, `anyOf`, `allOf`, `minimum` and `maximum`.
/// Other keywords (`description`, `default`) do not constrain. A keyword it does not know is reported, so
/// that the document cannot use more than is checked.
struct JSONSchemaValidator {
    /// The whole document, where `$ref`s are looked up.
    let document: JSONValue

    /// Keywords that only describe.
    static let annotations: Set<String> = ["description", "default", "title", "examples", "format"]
    static let keywords: Set<String> = ["type", "properties", "required", "additionalProperties", "items", "enum", "const",
                                        "$ref", "oneOf", "anyOf", "allOf", "minimum", "maximum"]

    /// Every way the value breaks the schema, each with its path (`$.crossings[0].id`); empty when it validates.
    func errors(of value: JSONValue, against schema: JSONValue, at path: String = "$") -> [String] {
        if case let .bool(allowed) = schema { return allowed ? [] : ["\(path): no value is allowed here"] }
        guard let schema = schema.objectValue else { return ["\(path): the schema is not an object"] }
        var errors: [String] = []
        for key in schema.keys where !Self.keywords.contains(key) && !Self.annotations.contains(key) {
            errors.append("\(path): the validator does not know the keyword \(key)")
        }
        if let reference = schema["$ref"]?.stringValue {
            guard let target = resolve(reference) else { return errors + ["\(path): cannot resolve \(reference)"] }
            errors += self.errors(of: value, against: target, at: path)
        }
        if let types = schema["type"] {
            let names = types.arrayValue?.compactMap(\.stringValue) ?? [types.stringValue].compactMap { $0 }
            if !names.contains(where: { Self.value(value, isOfType: $0) }) {
                errors.append("\(path): expected \(names.joined(separator: " or ")), got \(value.kindDescription)")
                return errors
            }
        }
        if let constant = schema["const"], !Self.equal(constant, value) {
            errors.append("\(path): expected the constant \(Self.show(constant)), got \(Self.show(value))")
        }
        if let options = schema["enum"]?.arrayValue, !options.contains(where: { Self.equal($0, value) }) {
            errors.append("\(path): \(Self.show(value)) is not one of \(options.map(Self.show).joined(separator: ", "))")
        }
        if let number = value.numberValue {
            if let minimum = schema["minimum"]?.numberValue, number < minimum { errors.append("\(path): \(number) is below the minimum \(minimum)") }
            if let maximum = schema["maximum"]?.numberValue, number > maximum { errors.append("\(path): \(number) is above the maximum \(maximum)") }
        }
        if let object = value.objectValue {
            let properties = schema["properties"]?.objectValue
            for name in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where object[name] == nil {
                errors.append("\(path): the required member \(name) is missing")
            }
            for member in object.members {
                let memberPath = "\(path).\(member.key)"
                if let propertySchema = properties?[member.key] {
                    errors += self.errors(of: member.value, against: propertySchema, at: memberPath)
                } else if let additional = schema["additionalProperties"] {
                    errors += self.errors(of: member.value, against: additional, at: memberPath)
                }
            }
        }
        if let array = value.arrayValue, let items = schema["items"] {
            for (index, item) in array.enumerated() { errors += self.errors(of: item, against: items, at: "\(path)[\(index)]") }
        }
        if let options = schema["oneOf"]?.arrayValue {
            let matching = options.filter { self.errors(of: value, against: $0, at: path).isEmpty }.count
            if matching != 1 { errors.append("\(path): matches \(matching) of the oneOf schemas, not exactly one") }
        }
        if let options = schema["anyOf"]?.arrayValue, !options.contains(where: { self.errors(of: value, against: $0, at: path).isEmpty }) {
            errors.append("\(path): matches none of the anyOf schemas")
        }
        for option in schema["allOf"]?.arrayValue ?? [] { errors += self.errors(of: value, against: option, at: path) }
        return errors
    }

    /// The schema a `#/...` reference points at.
    func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#/") else { return nil }
        var current: JSONValue? = document
        for segment in reference.dropFirst(2).split(separator: "/") {
            let name = segment.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            current = current?.objectValue?[name]
        }
        return current
    }

    static func value(_ value: JSONValue, isOfType type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object): return true
        case ("number", .number), ("number", .decimal): return true
        case let ("integer", .number(number)), let ("integer", .decimal(number, _)): return number.isFinite && number == number.rounded()
        default: return false
        }
    }

    /// JSON equality: numbers by value, however they are written.
    static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
        if let x = a.numberValue, let y = b.numberValue { return x == y }
        switch (a, b) {
        case let (.array(x), .array(y)): return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case let (.object(x), .object(y)):
            return Set(x.keys) == Set(y.keys) && x.members.allSatisfy { member in y[member.key].map { equal(member.value, $0) } ?? false }
        default: return a == b
        }
    }

    static func show(_ value: JSONValue) -> String {
        (try? JSONTextWriter().text(of: value)) ?? "\(value)"
    }
}
