/// Parses plain JSON text straight from its UTF-8 bytes into a ``JSONValue``: the fast path of
/// `InputFileReader.json`, some thirty times quicker than `JSONDecoder` going through `Decodable` one value at
/// a time (which builds a coding path for every value it tries and fails to read as an array or an object).
///
/// It gives the value `JSONDecoder` would give, or nothing: whatever it is not sure to read the same way (a
/// syntax error, a top-level scalar, a repeated key (which it names, for the caller to refuse), a number beyond a
/// `Double`'s range (one too small for it reads as zero), a lone surrogate, text that is not UTF-8, deep nesting) it leaves to `JSONDecoder`, so errors and
/// odd cases stay as they were. A lone surrogate or text that is not UTF-8 it names (`Doubt`), for the caller
/// to explain better than the decoder does.
///
/// Read `tolerant`ly, it reads what the decoder has accepted whatever its odd cases, only to find a key an
/// object repeats: the decoder keeps the first of two without a word.
struct JSONBytesParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let tolerant: Bool
    private var position = 0
    private var depth = 0
    private var duplicate: DuplicateKey?
    private var doubt: Doubt?

    /// Deeper nesting is left to `JSONDecoder`, which sets its own limit.
    private static let maximumDepth = 256
    /// How deep a tolerant reading follows what the decoder accepted, short of exhausting the stack.
    private static let maximumTolerantDepth = 4_096

    private init(_ bytes: UnsafeBufferPointer<UInt8>, tolerant: Bool) {
        self.bytes = bytes
        self.tolerant = tolerant
    }

    /// The value of a JSON text whose root is an object or an array, object members in sorted key order as
    /// `JSONValue(from:)` gives them; nil when the text is not one the parser reads with certainty.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> JSONValue? {
        var duplicate: DuplicateKey?
        return parse(bytes, duplicate: &duplicate)
    }

    /// A key an object repeats: the key, and the byte offset of its second appearance.
    struct DuplicateKey: Equatable {
        /// The repeated key.
        let key: String
        /// Where the later of the two starts (its opening quote), from 0.
        let offset: Int
    }

    /// Text the parser leaves to the decoder for a reason the decoder words badly (a lone surrogate, to it, is
    /// an "unexpected end of file").
    enum Doubt: Equatable {
        /// A `\u` escape of half a surrogate pair, at this byte offset (its backslash).
        case loneSurrogate(offset: Int)
        /// Bytes of a string that are not UTF-8, from this byte offset.
        case notUTF8(offset: Int)
    }

    /// What reading a text gave.
    struct Outcome {
        /// The value, or nil when the text is left to the decoder.
        var value: JSONValue?
        /// The key an object repeats, when reading stopped at one.
        var duplicate: DuplicateKey?
        /// Why reading stopped, when the decoder would word it badly.
        var doubt: Doubt?
    }

    /// As ``parse(_:)``; when the parse stopped at an object that repeats a key, `duplicate` names it.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, duplicate: inout DuplicateKey?) -> JSONValue? {
        let outcome = read(bytes)
        duplicate = outcome.duplicate
        return outcome.value
    }

    /// Reads a text.
    ///
    /// - Parameters:
    ///   - bytes: the UTF-8 text.
    ///   - tolerant: whether to read a text the decoder has accepted whatever its odd cases, lone surrogates
    ///     and bytes that are not UTF-8 as U+FFFD, so as to find a repeated key in it.
    /// - Returns: the value or why there is none.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, tolerant: Bool = false) -> Outcome {
        var parser = JSONBytesParser(bytes, tolerant: tolerant)
        parser.skipWhitespace()
        let first = parser.peek()
        guard tolerant || first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else { return Outcome() }
        var value = parser.value()
        parser.skipWhitespace()
        if parser.position != bytes.count { value = nil }
        return Outcome(value: value, duplicate: parser.duplicate, doubt: parser.doubt)
    }

    private func peek() -> UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): position += 1
            default: return
            }
        }
    }

    /// Consumes `literal` if the text continues with it.
    private mutating func consume(_ literal: StaticString) -> Bool {
        let matches = literal.withUTF8Buffer { expected in
            position + expected.count <= bytes.count && (0..<expected.count).allSatisfy { bytes[position + $0] == expected[$0] }
        }
        let count = literal.withUTF8Buffer(\.count)
        if matches { position += count }
        return matches
    }

    private mutating func value() -> JSONValue? {
        skipWhitespace()
        guard let byte = peek() else { return nil }
        switch byte {
        case UInt8(ascii: "{"): return object()
        case UInt8(ascii: "["): return array()
        case UInt8(ascii: "\""): return string().map(JSONValue.string)
        case UInt8(ascii: "t"): return consume("true") ? .bool(true) : nil
        case UInt8(ascii: "f"): return consume("false") ? .bool(false) : nil
        case UInt8(ascii: "n"): return consume("null") ? .null : nil
        default: return number().map(JSONValue.number)
        }
    }

    private mutating func array() -> JSONValue? {
        depth += 1
        defer { depth -= 1 }
        guard depth <= (tolerant ? Self.maximumTolerantDepth : Self.maximumDepth) else { return nil }
        position += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            position += 1
            return .array(elements)
        }
        while true {
            guard let element = value() else { return nil }
            elements.append(element)
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ",")?: position += 1
            case UInt8(ascii: "]")?:
                position += 1
                return .array(elements)
            default: return nil
            }
        }
    }

    private mutating func object() -> JSONValue? {
        depth += 1
        defer { depth -= 1 }
        guard depth <= (tolerant ? Self.maximumTolerantDepth : Self.maximumDepth) else { return nil }
        position += 1
        var members: [(String, JSONValue)] = []
        var keyOffsets: [Int] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            position += 1
        } else {
            while true {
                skipWhitespace()
                keyOffsets.append(position)
                guard peek() == UInt8(ascii: "\""), let key = string() else { return nil }
                skipWhitespace()
                guard peek() == UInt8(ascii: ":") else { return nil }
                position += 1
                guard let member = value() else { return nil }
                members.append((key, member))
                skipWhitespace()
                if peek() == UInt8(ascii: ",") {
                    position += 1
                } else if peek() == UInt8(ascii: "}") {
                    position += 1
                    break
                } else {
                    return nil
                }
            }
        }
        // The order `JSONValue(from:)` gives; which of two equal keys a decoder keeps is its own affair.
        var order = Array(members.indices)
        order.sort { members[$0].0 < members[$1].0 || (members[$0].0 == members[$1].0 && $0 < $1) }
        for index in order.indices.dropFirst() where members[order[index]].0 == members[order[index - 1]].0 {
            duplicate = DuplicateKey(key: members[order[index]].0, offset: keyOffsets[order[index]])
            return nil
        }
        return .object(JSONObject(order.map { members[$0] }))
    }

    /// A string from its opening quote: escapes read, the text checked to be UTF-8.
    private mutating func string() -> String? {
        position += 1
        let start = position
        // Most strings have no escape: one scan, then the bytes as they are.
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let text = text(UnsafeBufferPointer(rebasing: bytes[start..<position]), from: start)
                position += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { return nil }
            position += 1
        }
        var scalars: [UInt8] = Array(bytes[start..<position])
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return scalars.withUnsafeBufferPointer { text($0, from: start) }
            case UInt8(ascii: "\\"):
                guard let escaped = peek() else { return nil }
                position += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(escaped)
                case UInt8(ascii: "b"): scalars.append(0x08)
                case UInt8(ascii: "f"): scalars.append(0x0C)
                case UInt8(ascii: "n"): scalars.append(0x0A)
                case UInt8(ascii: "r"): scalars.append(0x0D)
                case UInt8(ascii: "t"): scalars.append(0x09)
                case UInt8(ascii: "u"):
                    guard let scalar = unicodeEscape(from: position - 2) else { return nil }
                    scalars.append(contentsOf: UTF8.encode(scalar)!)
                default: return nil
                }
            default:
                if byte < 0x20 { return nil }
                scalars.append(byte)
            }
        }
        return nil
    }

    /// The bytes as a string; nil when they are not UTF-8 (which decoding would have repaired), unless tolerant.
    private mutating func text(_ utf8: UnsafeBufferPointer<UInt8>, from offset: Int) -> String? {
        let text = String(decoding: utf8, as: UTF8.self)
        guard !tolerant, utf8.contains(where: { $0 >= 0x80 }), !text.utf8.elementsEqual(utf8) else { return text }
        doubt = .notUTF8(offset: offset)
        return nil
    }

    /// The scalar of a `\u` escape (its `\u` read, its backslash at `offset`), a surrogate pair joined; nil
    /// for a lone surrogate, or U+FFFD when tolerant.
    private mutating func unicodeEscape(from offset: Int) -> Unicode.Scalar? {
        guard let unit = hexUnit() else { return nil }
        if (0xD800..<0xE000).contains(unit) {
            let afterHigh = position
            if unit < 0xDC00, consume("\\u"), let low = hexUnit(), (0xDC00..<0xE000).contains(low) {
                return Unicode.Scalar(0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00))
            }
            guard tolerant else {
                doubt = .loneSurrogate(offset: offset)
                return nil
            }
            position = afterHigh
            return "\u{FFFD}"
        }
        return Unicode.Scalar(UInt32(unit))
    }

    private mutating func hexUnit() -> UInt16? {
        guard position + 4 <= bytes.count else { return nil }
        var unit: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            unit = unit << 4 | UInt16(digit)
            position += 1
        }
        return unit
    }

    /// A number in JSON's grammar, read by the standard library's correctly rounded conversion; nil beyond a
    /// `Double`'s range.
    private mutating func number() -> Double? {
        let start = position
        func digits() -> Int {
            let first = position
            while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
            return position - first
        }
        if peek() == UInt8(ascii: "-") { position += 1 }
        let integerStart = position
        let integerDigits = digits()
        guard integerDigits > 0, integerDigits == 1 || bytes[integerStart] != UInt8(ascii: "0") else { return nil }
        if peek() == UInt8(ascii: ".") {
            position += 1
            guard digits() > 0 else { return nil }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            position += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { position += 1 }
            guard digits() > 0 else { return nil }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        // A number too small for a `Double` reads as zero, as IEEE 754 rounds it (where `JSONDecoder` fails
        // on it and its caller would call it too large).
        guard let number = Double(text), number.isFinite else { return nil }
        return number
    }
}
