import BorderFlowTestSupport
import Foundation
import Testing
@testable import BorderFlowSpatial

/// The one reader of user files: size limit, empty and missing files, UTF-8, and where a syntax error is.
@Suite("Input file reading")
final class InputFileReaderTests {
    let scratch: ScratchFolder
    let reader = InputFileReader(maximumBytes: 2_000_000, tooLargeAdvice: "test files of up to 2 MB are read",
                                 emptyAdvice: "a test file needs a line")

    init() throws { scratch = try ScratchFolder("input") }

    /// A file in the test's folder holding `bytes`.
    func file(_ name: String, _ bytes: [UInt8]) throws -> URL { try scratch.file(name, bytes) }

    /// The error `body` throws, which must be an `InputFileError`.
    func refusal(_ body: () throws -> Void) -> InputFileError? {
        #expect(throws: InputFileError.self) { try body() }
    }

    @Test func aFileOverTheLimitIsRefusedBeforeItIsRead() throws {
        // A sparse file: 5 MB long, no disk used, so the size alone refuses it.
        let url = try file("big.txt", [])
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 5_000_000)
        try handle.close()
        let error = refusal { _ = try reader.data(contentsOf: url, name: "big.txt") }
        #expect(error?.description == "big.txt: the file is 5 MB; test files of up to 2 MB are read")
        #expect(error?.line == nil)
    }

    @Test func anEmptyFileIsRefusedWithTheKindsAdviceOrReadWhenItHasNone() throws {
        let url = try file("empty.txt", [])
        #expect(refusal { _ = try reader.text(contentsOf: url, name: "empty.txt") }?.description
            == "empty.txt: the file is empty; a test file needs a line")
        let lenient = InputFileReader(maximumBytes: nil, emptyAdvice: nil, unreadableAdvice: nil)
        #expect(try lenient.data(contentsOf: url, name: "empty.txt").isEmpty)
    }

    @Test func aMissingFileNamesItsPath() {
        let url = scratch.url.appendingPathComponent("nowhere.txt")
        #expect(refusal { _ = try reader.data(contentsOf: url, name: "nowhere.txt") }?.description
            == "nowhere.txt: cannot read the file (\(url.path)): it is missing or unreadable")
        let terse = InputFileReader(maximumBytes: nil, emptyAdvice: nil, unreadableAdvice: nil)
        #expect(refusal { _ = try terse.data(contentsOf: url, name: "nowhere.txt") }?.message == "cannot read the file (\(url.path))")
    }

    @Test func textThatIsNotUTF8IsRefused() throws {
        let url = try file("latin1.csv", Array("Nogales,".utf8) + [0xE9, 0x0A])
        #expect(refusal { _ = try reader.text(contentsOf: url, name: "latin1.csv") }?.description == "latin1.csv: the file is not UTF-8 text")
        #expect(try reader.data(contentsOf: url, name: "latin1.csv").count == 10, "bytes are read as they are")
    }

    @Test func aJSONSyntaxErrorSaysItsLineAndColumn() throws {
        let url = try file("broken.json", Array("{\n  \"a\": [1,\n  2,,]\n}".utf8))
        let error = try #require(refusal { _ = try reader.json(contentsOf: url, name: "broken.json") })
        #expect(error.line == 3)
        #expect(error.column == 5, "the second comma of `  2,,`")
        #expect(error.message.hasPrefix("not valid JSON: "))
        #expect(error.description.hasSuffix(" (line 3, column 5)"), "\(error)")
        #expect(error.file == "broken.json")
    }

    @Test func aNumberBeyondADoubleIsNotJSONWithItsPath() throws {
        let error = refusal { _ = try InputFileReader.json(Data(#"{"a":[1,1e999]}"#.utf8), file: "f.json") }
        #expect(error?.description == "f.json: not valid JSON at a[1]: a number too large to represent (beyond ±1.8e308)")
        // One too small is zero, as IEEE 754 rounds it, not "too large".
        #expect(try InputFileReader.json(Data(#"{"a":[1,1e-999]}"#.utf8), file: "f.json") == .object(JSONObject([("a", .array([.number(1), .number(0)]))])))
    }

    @Test func aLoneSurrogateIsNamedWhereItIsNotCalledTheEndOfTheFile() throws {
        let text = "{\"a\": 1,\n \"name\": \"Caf\\ud83c\"}"
        let error = try #require(refusal { _ = try InputFileReader.json(Data(text.utf8), file: "f.json") })
        #expect(error.line == 2 && error.column == 14, "\(error)")
        #expect(error.message.contains("\\ud83c (line 2, column 14) is half of a UTF-16 surrogate pair"), "\(error)")
        #expect(!error.message.lowercased().contains("end of file"))
    }

    @Test func aRepeatedKeyIsRefusedAlsoWhereTheByteParserLeavesTheTextToTheDecoder() throws {
        // Nesting this deep the byte parser leaves to JSONDecoder, which reads it and keeps the first "k".
        let deep = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        for text in [#"{"deep": \#(deep), "k": 1, "k": 2}"#, #"{"k": 1, "deep": \#(deep), "k": 2}"#] {
            #expect(throws: Never.self, "the decoder reads \(text.prefix(20))") { _ = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) }
            let error = refusal { _ = try InputFileReader.json(Data(text.utf8), file: "f.json") }
            #expect(error?.message.contains(#"the key "k" appears twice in one object"#) == true, "\(String(describing: error))")
        }
    }

    @Test func aByteOffsetBecomesALineAndAColumn() {
        let text = Data("ab\ncd\n\nef".utf8)
        #expect(TextPosition(byteOffset: 0, in: text) == TextPosition(line: 1, column: 1))
        #expect(TextPosition(byteOffset: 4, in: text) == TextPosition(line: 2, column: 2))
        #expect(TextPosition(byteOffset: 7, in: text) == TextPosition(line: 4, column: 1))
        #expect(TextPosition(byteOffset: 99, in: text) == TextPosition(line: 4, column: 3), "past the end is the end")
        #expect(TextPosition(byteOffset: 4, in: text).description == "line 2, column 2")
    }

    @Test func everyLocationIsWrittenTheSameWay() {
        #expect(InputFileLocation(file: "a.csv").describing("m") == "a.csv: m")
        #expect(InputFileLocation(file: "a.csv", line: 3).describing("m") == "a.csv:3: m")
        #expect(InputFileLocation(file: "a.yaml", line: 3, place: #"field "x""#).describing("m") == #"a.yaml:3: field "x": m"#)
        #expect(InputFileLocation(file: "a.geojson", place: #"feature 0 (id "q"), field "y""#).description == #"a.geojson: feature 0 (id "q"), field "y""#)
    }
}
