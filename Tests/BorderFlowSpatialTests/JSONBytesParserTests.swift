import BorderFlowTestSupport
import Foundation
import Testing
@testable import BorderFlowSpatial

/// The byte parser behind `InputFileReader.json` gives exactly what `JSONDecoder` gives, or leaves the text to it.
@Suite("JSON byte parsing")
struct JSONBytesParserTests {
    /// The parser's value of a text, nil when it leaves the text to `JSONDecoder`.
    func parsed(_ text: String) -> JSONValue? {
        Array(text.utf8).withUnsafeBufferPointer { JSONBytesParser.parse($0) }
    }

    /// `JSONDecoder`'s value of a text.
    func decoded(_ data: Data) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: data)
    }

    /// Equal to the last bit: numbers by their bit pattern (so 0 and -0 differ), objects in member order.
    func identical(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.number(x), .number(y)): return x.bitPattern == y.bitPattern
        case let (.string(x), .string(y)): return Array(x.utf8) == Array(y.utf8)
        case let (.array(x), .array(y)): return x.count == y.count && zip(x, y).allSatisfy(identical)
        case let (.object(x), .object(y)):
            return x.members.count == y.members.count
                && zip(x.members, y.members).allSatisfy { Array($0.key.utf8) == Array($1.key.utf8) && identical($0.value, $1.value) }
        default: return false
        }
    }

    @Test func everyBundledJSONFileReadsAsTheDecoderReadsIt() throws {
        let folder = Fixtures.packageDirectory.appendingPathComponent("GeoData")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".geojson") || $0.hasSuffix(".json") }.sorted()
        #expect(names.count >= 6)
        for name in names {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            let fast = try #require(data.withUnsafeBytes { $0.withMemoryRebound(to: UInt8.self) { JSONBytesParser.parse($0) } },
                                    "\(name) is left to the decoder")
            #expect(identical(fast, try decoded(data)), "\(name) reads differently")
        }
    }

    @Test func valuesOfEveryKindReadAsTheDecoderReadsThem() throws {
        let texts = [
            #"{"b": [1, -0, 0.1, 1e-7, 2.5E+3, 123456789012345678901234567890, -1.7976931348623157e308], "a": null}"#,
            #"[true, false, null, "", "plain", "caf\u00e9 \ud83c\udf2e \"quoted\" \\ \/ \b\f\n\r\t", "ñandú 🌮"]"#,
            #" { "nested" : { "z" : [ [ ] , { } ], "é": 1, "e": 2, "E": 3 } } "#,
            "[0.30000000000000004, 4.9e-324, 2.2250738585072014e-308, 9007199254740993, 1.00000000000000011102230246251565404236316680908203125]",
        ]
        for text in texts {
            let fast = try #require(parsed(text), "\(text) is left to the decoder")
            #expect(identical(fast, try decoded(Data(text.utf8))), "\(text) reads differently")
        }
    }

    @Test func whatItCannotBeSureOfIsLeftToTheDecoder() {
        let texts = [
            "", "  ", "42", "\"text\"", "null",                      // not an object or array at the root
            "[1,]", "[1 2]", "{\"a\" 1}", "{\"a\":1,}", "[01]", "[1.]", "[.5]", "[+1]", "[1e]", "[-]",
            "[tru]", "[nul]", "[1] x", "{\"a\":1}}", "[\"open]", "[\"tab\there\"]",
            "[1e400]", "[-1e400]",                                  // beyond a Double
            "{\"a\":1,\"a\":2}",                                    // a repeated key
            "[\"\\ud83c\"]", "[\"\\udf2e\"]", "[\"\\x\"]", "[\"\\u12\"]",  // lone surrogates, bad escapes
            String(repeating: "[", count: 300) + String(repeating: "]", count: 300),
        ]
        for text in texts { #expect(parsed(text) == nil, "\(text) should be left to the decoder") }
        // Too small for a Double is zero, as IEEE 754 rounds it; the decoder fails on it.
        #expect(parsed("[1e-400, -2E-999]") == .array([.number(0), .number(-0.0)]))
        let invalidUTF8: [UInt8] = Array("[\"".utf8) + [0xC3, 0x28] + Array("\"]".utf8)
        #expect(invalidUTF8.withUnsafeBufferPointer { JSONBytesParser.parse($0) } == nil)
    }

    @Test func syntaxErrorsAreStillExplainedWithTheirPlace() throws {
        #expect(throws: InputFileError.self) { _ = try InputFileReader.json(Data("{\"a\": [1, 2}".utf8), file: "bad.json") }
        let value = try InputFileReader.json(Data("{\"b\": 1, \"a\": [true]}".utf8), file: "good.json")
        #expect(value.objectValue?.keys == ["a", "b"])
    }

    /// Seeded random texts, valid and broken: whatever the parser reads, the decoder reads the same.
    @Test func randomTextsReadAsTheDecoderReadsThemOrAreLeftToIt() throws {
        // A 64-bit linear congruential generator (Knuth's MMIX constants): the same texts on every run.
        struct Generator {
            var state: UInt64
            mutating func next() -> UInt64 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return state >> 17
            }
        }
        var generator = Generator(state: 2026)
        func pick<T>(_ choices: [T]) -> T { choices[Int(generator.next() % UInt64(choices.count))] }
        func space() -> String { pick(["", " ", "\n  ", "\t", "\r\n"]) }
        func value(_ depth: Int) -> String {
            switch generator.next() % (depth > 3 ? 4 : 6) {
            case 0: return pick(["0", "-0", "1", "-12.5", "3e2", "1E-3", "0.1", "123456789.123456789", "-1.5e-10", "9007199254740993"])
            case 1: return pick(["\"\"", "\"a\"", "\"caf\u{e9}\"", "\"\\u00e9\\n\"", "\"\\\"q\\\"\"", "\"🌮\""])
            case 2: return pick(["true", "false", "null"])
            case 3: return pick(["\"k\"", "2"])
            case 4: return "[" + (0..<Int(generator.next() % 4)).map { _ in space() + value(depth + 1) + space() }.joined(separator: ",") + "]"
            default:
                let keys = (0..<Int(generator.next() % 4)).map { "\"\(pick(["a", "b", "é", "A", "key"]))\($0)\"" }
                return "{" + keys.map { space() + $0 + space() + ":" + space() + value(depth + 1) }.joined(separator: ",") + "}"
            }
        }
        var read = 0
        for round in 0..<2_000 {
            var bytes = Array((space() + pick(["[", "{\"x\":"]) + value(0) + pick(["]", "}"]) + space()).utf8)
            // Every third text is broken: a byte dropped, doubled or changed.
            if round % 3 == 0, !bytes.isEmpty {
                let at = Int(generator.next() % UInt64(bytes.count))
                switch generator.next() % 3 {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(bytes[at], at: at)
                default: bytes[at] = pick(Array("{}[],:\"\\ 0e-.tn".utf8))
                }
            }
            guard let fast = bytes.withUnsafeBufferPointer({ JSONBytesParser.parse($0) }) else { continue }
            read += 1
            let slow = try decoded(Data(bytes))
            #expect(identical(fast, slow), "\(String(decoding: bytes, as: UTF8.self))")
        }
        #expect(read > 600, "most texts are read by the parser itself")
    }
}
