/// A query string's parameters in order, decoded as a form: `+` is a space, `%XX` a byte of UTF-8.
struct QueryParameters: Sendable {
    private(set) var pairs: [(name: String, value: String)] = []

    /// The parameters of a raw query string (without the `?`).
    ///
    /// - Parameter query: the raw query, or nil for none.
    /// - Throws: `APIError` naming a parameter whose name or value is not valid percent-encoded UTF-8.
    init(_ query: String?) throws {
        guard let query, !query.isEmpty else { return }
        for item in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let rawName = String(parts[0])
            guard let name = Self.decode(rawName) else {
                throw APIError.parameter(rawName, "the parameter's name is not valid percent-encoded UTF-8")
            }
            guard let value = parts.count > 1 ? Self.decode(String(parts[1])) : "" else {
                throw APIError.parameter(name, "the value is not valid percent-encoded UTF-8")
            }
            pairs.append((name, value))
        }
    }

    /// A form-encoded name or value decoded: nil when a `%` is not followed by two hex digits or the bytes are
    /// not UTF-8.
    static func decode(_ text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
                bytes.append(high << 4 | low)
            default: bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// The last value given for a name, nil when it is not given or given empty.
    subscript(_ name: String) -> String? {
        guard let value = pairs.last(where: { $0.name == name })?.value, !value.isEmpty else { return nil }
        return value
    }

    /// Every value given for a repeatable name, in order.
    func all(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.map(\.value)
    }

    /// Refuses a parameter the endpoint does not take, so that a misspelt one is not silently ignored.
    ///
    /// - Parameter known: the names the endpoint takes.
    /// - Throws: `APIError` naming the first unknown parameter and listing the known ones.
    func check(known: [String]) throws {
        if let unknown = pairs.first(where: { !known.contains($0.name) }) {
            throw APIError.parameter(unknown.name, "unknown parameter; this endpoint takes \(known.joined(separator: ", "))")
        }
    }

    /// An integer parameter within a range, as the command line checks it.
    ///
    /// - Parameters:
    ///   - name: the parameter.
    ///   - range: the values allowed.
    ///   - defaultValue: the value when it is not given.
    ///   - what: what the number counts, for the message.
    /// - Returns: the value.
    /// - Throws: `APIError` when it is not a whole number within the range.
    func integer(_ name: String, in range: ClosedRange<Int>, default defaultValue: Int, counting what: String) throws -> Int {
        guard let text = self[name] else { return defaultValue }
        guard let value = Int(text) else {
            throw APIError.parameter(name, "\(name) '\(text)' is not a whole number; give \(what) from \(range.lowerBound) to \(range.upperBound)")
        }
        guard range.contains(value) else {
            throw APIError.parameter(name, "\(name) \(text) is out of range; give \(what) from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// A number parameter that must be given.
    ///
    /// - Throws: `APIError` when it is missing or not a finite number.
    func number(_ name: String, meaning: String) throws -> Double {
        guard let text = self[name] else { throw APIError.parameter(name, "\(name) is required: \(meaning)") }
        guard let value = Double(text), value.isFinite else {
            throw APIError.parameter(name, "'\(text)' is not a number; \(name) is \(meaning)")
        }
        return value
    }
}
