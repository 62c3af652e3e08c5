@testable import BorderFlow
import Testing

/// CSV as people and spreadsheets write it (RFC 4180), read back with the line each record starts on.
@Suite("CSV records")
struct CSVRecordsTests {
    func records(_ text: String) throws -> [CSVTable.Record] { try CSVTable.records(in: text) }

    @Test func aQuotedFieldKeepsItsCommasAndDoubledQuotes() throws {
        let read = try records("name,note\n\"Nogales, Sonora\",\"the \"\"Morley\"\" gate\"\n")
        #expect(read == [CSVTable.Record(line: 1, fields: ["name", "note"]),
                         CSVTable.Record(line: 2, fields: ["Nogales, Sonora", "the \"Morley\" gate"])])
    }

    @Test func aQuotedLineBreakStaysInItsFieldAndLaterRecordsKeepTheirLineNumbers() throws {
        let read = try records("a,b\r\n\"first\r\nsecond\",x\r\n\r\nlast,\"\"\r\n")
        #expect(read.map(\.line) == [1, 2, 5])
        #expect(read.map(\.fields) == [["a", "b"], ["first\r\nsecond", "x"], ["last", ""]])
    }

    @Test func trailingEmptyFieldsAndAByteOrderMarkAreReadAsWritten() throws {
        #expect(try records("\u{FEFF}a,b\n1,").map(\.fields) == [["a", "b"], ["1", ""]])
        #expect(try records("a,b\n\"1\",").map(\.fields) == [["a", "b"], ["1", ""]])
    }

    @Test func anUnclosedQuoteNamesTheLineItOpensOn() {
        let error = #expect(throws: CSVTable.SyntaxError.self) { try records("a,b\n1,2\n\"open,3\n4,5\n") }
        #expect(error == CSVTable.SyntaxError(line: 3, message: "the quoted field that starts on line 3 is not closed"))
    }

    @Test func aQuoteInsideAnUnquotedFieldOrTextAfterAClosingQuoteIsRefusedWithItsLine() {
        #expect(#expect(throws: CSVTable.SyntaxError.self) { try records("a,b\n1,2\nx,5\"\n") }?.line == 3)
        #expect(#expect(throws: CSVTable.SyntaxError.self) { try records("a,b\n\"1\"0,2\n") }?.line == 2)
    }

    @Test func aTableOfTheWrongLengthHintsAtAnUnquotedComma() {
        let error = #expect(throws: CSVTable.SyntaxError.self) { try CSVTable(parsing: "mode,count\npov,1,000\n") }
        #expect(error?.line == 2)
        #expect(error?.message.hasSuffix("numbers are written without thousands separators (1000, not 1,000)") == true, "\(String(describing: error))")
    }

    @Test func numberAdviceIsGivenOnlyForANumberWithThousandsSeparators() {
        #expect(CSVTable.numberAdvice(for: "1,000") == "; write numbers without thousands separators (1000, not 1,000)")
        #expect(CSVTable.numberAdvice(for: "12,345.5") != "")
        #expect(CSVTable.numberAdvice(for: "many") == "")
        #expect(CSVTable.numberAdvice(for: "1000") == "")
        #expect(CSVTable.numberAdvice(for: "a,b") == "")
    }
}
