import BorderFlow
import BorderFlowTestSupport
import Testing

/// CSV as `--format csv` writes it (RFC 4180): a header, one line per row, fields quoted only when they must be.
@Suite("CSV tables")
struct CSVTableTests {
    func render(_ header: [String], _ rows: [[String]], formulas: CSVTable.Formulas = .neutralised) -> String {
        var table = CSVTable(header: header, formulas: formulas)
        for row in rows { table.append(row) }
        return table.render()
    }

    @Test func theHeaderComesFirstInTheGivenOrderAndEveryLineEndsInANewline() {
        let text = render(["zeta", "alpha", "mid"], [["1", "2", "3"], ["4", "5", "6"]])
        #expect(text == "zeta,alpha,mid\n1,2,3\n4,5,6\n")
    }

    @Test func aTableWithoutRowsIsItsHeaderLine() {
        #expect(render(["id", "name"], []) == "id,name\n")
        #expect(CSVTable(header: ["id"]).rows.isEmpty)
    }

    @Test func rowsAreKeptInTheOrderTheyWereAppended() {
        var table = CSVTable(header: ["n"])
        for n in [3, 1, 2] { table.append(["\(n)"]) }
        #expect(table.rows == [["3"], ["1"], ["2"]])
        #expect(table.render() == "n\n3\n1\n2\n")
    }

    @Test func aFieldWithACommaIsQuoted() {
        #expect(render(["name"], [["Nogales, Sonora"]]) == "name\n\"Nogales, Sonora\"\n")
    }

    @Test func doubleQuotesAreDoubledInsideQuotes() {
        #expect(render(["message"], [[#"unknown mode "hovercraft""#]]) == "message\n\"unknown mode \"\"hovercraft\"\"\"\n")
        #expect(render(["q"], [["\""]]) == "q\n\"\"\"\"\n")
    }

    @Test func aFieldWithALineBreakIsQuotedAndKeepsIt() {
        #expect(render(["note"], [["first line\nsecond line"]]) == "note\n\"first line\nsecond line\"\n")
        #expect(render(["note"], [["carriage\rreturn"]]) == "note\n\"carriage\rreturn\"\n")
    }

    @Test func aFieldWithAWindowsLineBreakIsQuoted() {
        // "\r\n" is one Character in Swift, equal to neither "\r" nor "\n": the test must look at scalars.
        #expect(render(["note"], [["windows\r\nline"]]) == "note\n\"windows\r\nline\"\n")
        #expect((try? CSVReader.records(render(["note"], [["windows\r\nline"]]))) == [["note"], ["windows\r\nline"]])
    }

    @Test func plainFieldsAreWrittenAsTheyAreWithTheirSpaces() {
        // RFC 4180: spaces are part of a field, so nothing trims them and nothing needs quoting.
        let text = render(["a", "b", "c"], [["  leading", "trailing  ", " both "]])
        #expect(text == "a,b,c\n  leading,trailing  , both \n")
    }

    @Test func emptyFieldsStayEmptyAndKeepTheirColumn() {
        #expect(render(["a", "b", "c"], [["", "x", ""], ["", "", ""]]) == "a,b,c\n,x,\n,,\n")
    }

    @Test func numbersAreWrittenAsTheCallerFormattedThem() {
        // The table formats nothing: a number's text is the caller's (the reports use formatFixed), and a
        // number written with a thousands separator is a field with a comma like any other.
        #expect(render(["v"], [["-0.5"], ["1e-07"], ["0012"], ["12,345"]]) == "v\n-0.5\n1e-07\n0012\n\"12,345\"\n")
    }

    @Test func headerNamesAreQuotedByTheSameRule() {
        #expect(render(["id", "name, full", "say \"hi\""], []) == "id,\"name, full\",\"say \"\"hi\"\"\"\n")
    }

    @Test func nonASCIITextIsWrittenUnchanged() {
        #expect(render(["city"], [["Nuevo León"], ["Ciudad Juárez"], ["Tijuana 🌮"]]) == "city\nNuevo León\nCiudad Juárez\nTijuana 🌮\n")
    }

    @Test(arguments: [
        ["plain", "  spaced  ", ""],
        ["a,b", "\"quoted\"", "line\nbreak"],
        ["\"", ",", "\n", "\r"],
        ["Piedras Negras, Coah.", "He said \"no\", twice", " , "],
    ])
    func everyRowReadsBackAsItWasWritten(_ row: [String]) throws {
        let header = row.indices.map { "column \($0)" }
        let text = render(header, [row, row.reversed()], formulas: .verbatim)
        let records = try CSVReader.records(text)
        #expect(records == [header, row, row.reversed()])
    }

    @Test func aFieldASpreadsheetWouldRunAsAFormulaGetsALeadingApostropheAndQuotes() {
        let formulas = ["=HYPERLINK(\"http://x\")", "+cmd", "-2+3", "@SUM(A1)", "\tlead", "\rlead", "-", "+-1", "-1e", "-.", "-inf"]
        let text = render(["name"], formulas.map { [$0] })
        let expected = ["\"'=HYPERLINK(\"\"http://x\"\")\"", "\"'+cmd\"", "\"'-2+3\"", "\"'@SUM(A1)\"", "\"'\tlead\"", "\"'\rlead\"",
                        "\"'-\"", "\"'+-1\"", "\"'-1e\"", "\"'-.\"", "\"'-inf\""]
        #expect(text == "name\n" + expected.joined(separator: "\n") + "\n")
        #expect((try? CSVReader.records(text))?.dropFirst().map { $0[0] } == formulas.map { "'" + $0 })
    }

    @Test func numbersAndTextThatCannotRunAsAFormulaAreLeftAlone() {
        let safe = ["-12.5", "+3", "-0.5e-3", "1E+10", "-.5", "5.", "Nogales", "a=b", "e-mail", " =padded"]
        #expect(render(["v"], safe.map { [$0] }) == "v\n" + safe.joined(separator: "\n") + "\n")
    }

    @Test func aVerbatimTableAndAParsedOneWriteFormulasAsTheyAre() throws {
        #expect(render(["id"], [["=x"], ["-y"]], formulas: .verbatim) == "id\n=x\n-y\n")
        // A data file read back and written again is the same file.
        let text = "id\n=x\n@y\n"
        #expect(try CSVTable(parsing: text).render() == text)
    }
}
