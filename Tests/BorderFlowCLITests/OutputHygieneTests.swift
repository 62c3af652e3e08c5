import BorderFlowTestSupport
import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Names and titles come from files users write: what the tool prints or writes must stay what it seems. A
/// terminal gets no control characters, a spreadsheet no formula, an SVG reader a well-formed document.
@Suite("Output hygiene")
struct OutputHygieneTests {
    /// The tiny network with a formula and an escape sequence in each crossing's name, its demand fitted, and
    /// a scenario whose title would retitle and recolour a terminal.
    static func hostileNames() throws -> (dataset: HostileDataset, scenario: URL) {
        let dataset = try HostileDataset("names")
        try dataset.replace(in: "crossings.geojson", #""name":"Gate A""#, with: #""name":"=HYPERLINK(\"http://example.org\")\u001b[31mGate A""#)
        try dataset.replace(in: "crossings.geojson", #""name":"Gate B""#, with: #""name":"@SUM(1)\u0007Gate B\u0001""#)
        let calibrate = try BorderFlowRun("calibrate", "--data", dataset.directory.path)
        #expect(calibrate.status == 0, "\(calibrate.standardError)")
        let scenario = dataset.file("hostile-scenario.json")
        try dataset.write("hostile-scenario.json", #"""
            {"id": "hostile", "title": "\u001b]0;owned\u0007Gate A \u001b[31mclosed\u009b2J", "date": "2023-12-20T12:00",
             "sources": [{"title": "hand-made fixture", "url": "https://example.org/fixture"}],
             "closures": [{"crossing": "gate-a"}]}
            """#)
        return (dataset, scenario)
    }

    /// The control characters of a text but line breaks.
    static func controls(_ text: String) -> [UInt32] {
        text.unicodeScalars.filter { $0.properties.generalCategory == .control && $0 != "\n" }.map(\.value)
    }

    @Test func tablesReachTheTerminalWithoutControlCharacters() throws {
        let (dataset, scenario) = try Self.hostileNames()
        defer { try? FileManager.default.removeItem(at: dataset.directory) }
        for arguments in [["crossings"], ["divert", "--scenario", scenario.path]] {
            let run = try BorderFlowRun(arguments + ["--data", dataset.directory.path])
            #expect(run.status == 0, "\(arguments): \(run.standardError)")
            #expect(Self.controls(run.standardOutput).isEmpty, "\(arguments) printed \(Self.controls(run.standardOutput))")
            #expect(run.standardOutput.contains("Gate"))
        }
        let divert = try BorderFlowRun("divert", "--scenario", scenario.path, "--data", dataset.directory.path)
        #expect(divert.standardOutput.hasPrefix("]0;ownedGate A [31mclosed2J — on 2023-12-20T12:00"))
    }

    @Test func everyCSVForPeopleNeutralisesFormulasInNames() throws {
        let (dataset, scenario) = try Self.hostileNames()
        defer { try? FileManager.default.removeItem(at: dataset.directory) }
        let crossings = try BorderFlowRun("crossings", "--data", dataset.directory.path, "--format", "csv")
        let table = try CSVReader.table(crossings.standardOutput)
        let names = try #require(table.column("name"))
        #expect(names == ["'=HYPERLINK(\"http://example.org\")\u{1B}[31mGate A", "'@SUM(1)\u{07}Gate B\u{01}"])

        let divert = try BorderFlowRun("divert", "--scenario", scenario.path, "--data", dataset.directory.path, "--format", "csv")
        let rows = try CSVReader.table(divert.standardOutput)
        #expect(Set(try #require(rows.column("name"))) == Set(names))
        // Negative numbers are numbers, not formulas: they stay as they are.
        #expect(try #require(rows.column("change")).contains { $0.hasPrefix("-") && Double($0) != nil })
    }

    @Test func theMapIsWellFormedXMLWhateverTheNamesHold() throws {
        let (dataset, scenario) = try Self.hostileNames()
        defer { try? FileManager.default.removeItem(at: dataset.directory) }
        let svg = dataset.file("map.svg")
        let run = try BorderFlowRun("map", "--scenario", scenario.path, "--data", dataset.directory.path, "--out", svg.path)
        #expect(run.status == 0, "\(run.standardError)")
        let parser = XMLParser(data: try Data(contentsOf: svg))
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
    }
}
