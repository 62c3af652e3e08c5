/// A JSON value that keeps object keys in order, so that written files are deterministic.
public enum JSONValue: Equatable, Sendable {
    /// JSON `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, written in its shortest exact form (a whole number without a fraction).
    case number(Double)
    /// A number written with `places` decimals (`1250.00`), so that readers which infer a field's type
    /// from its text, as GDAL does, see a real number even where the value is whole.
    case decimal(Double, places: Int)
    /// A string.
    case string(String)
    /// An array of values, in order.
    case array([JSONValue])
    /// An object, its members in insertion order.
    case object(JSONObject)

    /// The text, if the value is a string.
    public var stringValue: String? {
        if case let .string(value) = self { return value }
        return nil
    }

    /// The number, if the value is one.
    public var numberValue: Double? {
        if case let .number(value) = self { return value }
        if case let .decimal(value, _) = self { return value }
        return nil
    }

    /// The elements, if the value is an array.
    public var arrayValue: [JSONValue]? {
        if case let .array(value) = self { return value }
        return nil
    }

    /// The members, if the value is an object.
    public var objectValue: JSONObject? {
        if case let .object(value) = self { return value }
        return nil
    }

    /// The JSON type's name, for error messages ("a string", "a number").
    public var kindDescription: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number, .decimal: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// A JSON object whose members keep the order in which they were added.
public struct JSONObject: Equatable, Sendable {
    /// The members in the order they were added.
    public private(set) var members: [(key: String, value: JSONValue)] = []

    /// An empty object.
    public init() {}

    /// An object with these members, in this order (a repeated key keeps its first place and last value).
    ///
    /// - Parameter members: Key and value pairs.
    public init(_ members: [(String, JSONValue)]) {
        for (key, value) in members { self[key] = value }
    }

    /// The keys in order.
    public var keys: [String] { members.map(\.key) }

    /// A member's value; setting nil removes it, setting a new key appends it.
    ///
    /// - Parameter key: The member's name.
    public subscript(key: String) -> JSONValue? {
        get { members.first(where: { $0.key == key })?.value }
        set {
            if let index = members.firstIndex(where: { $0.key == key }) {
                if let newValue { members[index].value = newValue } else { members.remove(at: index) }
            } else if let newValue {
                members.append((key, newValue))
            }
        }
    }

    /// Equal when the same members are in the same order.
    ///
    /// - Parameters:
    ///   - lhs: An object.
    ///   - rhs: Another object.
    /// - Returns: True when both have the same keys with equal values, in the same order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.members.count == rhs.members.count
            && zip(lhs.members, rhs.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

extension JSONValue: Decodable {
    /// Decodes any JSON value; object keys are sorted, since decoders do not keep their order.
    ///
    /// - Parameter decoder: A decoder positioned at the value.
    /// - Throws: `DecodingError` when the text is not JSON or holds a number beyond the range of a `Double`.
    public init(from decoder: Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            var values: [JSONValue] = []
            while !array.isAtEnd { values.append(try array.decode(JSONValue.self)) }
            self = .array(values)
            return
        }
        if let keyed = try? decoder.container(keyedBy: AnyKey.self) {
            var object = JSONObject()
            for key in keyed.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
                object[key.stringValue] = try keyed.decode(JSONValue.self, forKey: key)
            }
            self = .object(object)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let value = try? single.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? single.decode(Double.self) {
            self = .number(value)
        } else {
            self = .string(try single.decode(String.self))
        }
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

/// Writes JSON text deterministically: members in insertion order, numbers in their shortest exact form.
public struct JSONTextWriter {
    /// A writer; it holds no settings, since every number says how it is written (``JSONValue/decimal(_:places:)``).
    public init() {}

    /// Appends the compact JSON text of a value: no spaces, object members in their order.
    ///
    /// - Parameters:
    ///   - value: The value to write.
    ///   - output: The text to append to.
    /// - Throws: `JSONWriteError.nonFiniteNumber` for NaN or infinity, which JSON cannot carry.
    public func write(_ value: JSONValue, into output: inout String) throws {
        switch value {
        case .null: output += "null"
        case let .bool(flag): output += flag ? "true" : "false"
        case let .number(number): output += try Self.number(number)
        case let .decimal(number, places):
            guard number.isFinite else { throw JSONWriteError.nonFiniteNumber }
            var text = formatFixed(number, decimals: places)
            if places > 0 {
                let present = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 }
                text += (present == nil ? "." : "") + String(repeating: "0", count: places - (present ?? 0))
            }
            output += text
        case let .string(text): Self.appendQuoted(text, to: &output)
        case let .array(values):
            output += "["
            for (index, element) in values.enumerated() {
                if index > 0 { output += "," }
                try write(element, into: &output)
            }
            output += "]"
        case let .object(object):
            output += "{"
            for (index, member) in object.members.enumerated() {
                if index > 0 { output += "," }
                Self.appendQuoted(member.key, to: &output)
                output += ":"
                try write(member.value, into: &output)
            }
            output += "}"
        }
    }

    /// Compact text of a value.
    ///
    /// - Parameter value: The value to write.
    /// - Returns: The JSON text, without a trailing newline.
    /// - Throws: `JSONWriteError.nonFiniteNumber` for NaN or infinity.
    public func text(of value: JSONValue) throws -> String {
        var output = ""
        try write(value, into: &output)
        return output
    }

    /// Indented JSON for people and scripts alike (two spaces, one member per line, newline at the end).
    ///
    /// Arrays without arrays or objects in them, such as arrays of numbers or strings, stay on one line.
    ///
    /// - Parameter value: The value to write.
    /// - Returns: The JSON text, ending with a newline.
    /// - Throws: `JSONWriteError.nonFiniteNumber` for NaN or infinity.
    public func prettyText(of value: JSONValue) throws -> String {
        var output = ""
        try writePretty(value, indent: 0, into: &output)
        return output + "\n"
    }

    private func writePretty(_ value: JSONValue, indent: Int, into output: inout String) throws {
        let pad = String(repeating: "  ", count: indent + 1)
        let closePad = String(repeating: "  ", count: indent)
        switch value {
        case let .array(values) where !values.isEmpty && values.contains(where: { $0.arrayValue != nil || $0.objectValue != nil }):
            output += "[\n"
            for (index, element) in values.enumerated() {
                output += pad
                try writePretty(element, indent: indent + 1, into: &output)
                output += index == values.count - 1 ? "\n" : ",\n"
            }
            output += closePad + "]"
        case let .object(object) where !object.members.isEmpty:
            output += "{\n"
            for (index, member) in object.members.enumerated() {
                output += pad
                Self.appendQuoted(member.key, to: &output)
                output += ": "
                try writePretty(member.value, indent: indent + 1, into: &output)
                output += index == object.members.count - 1 ? "\n" : ",\n"
            }
            output += closePad + "}"
        case let .array(values):
            output += "["
            for (index, element) in values.enumerated() {
                if index > 0 { output += ", " }
                try write(element, into: &output)
            }
            output += "]"
        default:
            try write(value, into: &output)
        }
    }

    /// A number as JSON: integers without a fraction, others in Swift's shortest round-tripping form.
    ///
    /// - Parameter value: The number.
    /// - Returns: Its JSON text, such as `42`, `0.1` or `1e-07`.
    /// - Throws: `JSONWriteError.nonFiniteNumber` for NaN or infinity.
    public static func number(_ value: Double) throws -> String {
        guard value.isFinite else { throw JSONWriteError.nonFiniteNumber }
        if value == value.rounded(), abs(value) < 9_007_199_254_740_992 {
            return value == 0 ? "0" : String(Int64(value))
        }
        return "\(value)"
    }

    /// Appends a JSON string literal, escaping quotes, backslashes and control characters.
    ///
    /// - Parameters:
    ///   - text: The string to quote.
    ///   - output: The text to append to.
    public static func appendQuoted(_ text: String, to output: inout String) {
        output += "\""
        // Most strings need no escape: appended whole, not a scalar at a time (a server writes thousands a request).
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            output += text
            output += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}

/// Why a value could not be written as JSON.
public enum JSONWriteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A number is NaN or infinite.
    case nonFiniteNumber

    /// The message for users.
    public var description: String {
        "a value is NaN or infinite, which JSON (and RFC 7946) cannot represent"
    }
}
