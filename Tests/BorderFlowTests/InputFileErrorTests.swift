import Foundation
import BorderFlowSpatial
import BorderFlowTestSupport
import Testing
@testable import BorderFlow

/// Scenario, demand and dataset files that cannot be read, or are not well-formed, all give an
/// `InputFileError`, worded as each kind of file always has been.
@Suite("Input file errors")
final class InputFileErrorTests {
    let dataset: Dataset
    let scratch: ScratchFolder

    init() throws {
        let directory = try Fixtures.network()
        defer { try? FileManager.default.removeItem(at: directory) }
        dataset = try Dataset.load(from: directory)
        scratch = try ScratchFolder("input-errors")
    }

    func file(_ name: String, _ bytes: [UInt8]) throws -> URL { try scratch.file(name, bytes) }

    @Test func malformedYAMLSaysWhereInTheErrorAndInItsFields() throws {
        let url = Fixtures.root.appendingPathComponent("scenarios/malformed.yaml")
        let error = try #require(#expect(throws: InputFileError.self) { _ = try Scenario.load(contentsOf: url, dataset: dataset) })
        let line = try #require(error.line), column = try #require(error.column)
        #expect(error.file == "malformed.yaml")
        #expect(error.description.hasPrefix("malformed.yaml: not valid YAML or JSON: \(line):\(column): error: "), "\(error)")
    }

    @Test func anEmptyOrNonUTF8ScenarioIsRefusedAsBefore() throws {
        let empty = try file("empty.yaml", [])
        #expect(#expect(throws: InputFileError.self) { _ = try Scenario.load(contentsOf: empty) }?.description
            == "empty.yaml: the file is empty; a scenario needs at least a title, sources and closures")
        let latin1 = try file("latin1.yaml", Array("title: Cami".utf8) + [0xF3, 0x6E])
        #expect(#expect(throws: InputFileError.self) { _ = try Scenario.load(contentsOf: latin1) }?.description
            == "latin1.yaml: the file is not UTF-8 text")
        let missing = scratch.url.appendingPathComponent("missing.yaml")
        #expect(#expect(throws: InputFileError.self) { _ = try Scenario.load(contentsOf: missing) }?.description
            == "missing.yaml: cannot read the file (\(missing.path)): it is missing or unreadable")
    }

    @Test func demandFilesAreReadByTheSameReaderAndKeepTheirRowErrors() throws {
        let latin1 = try file("demand.csv", Array("origin,destination,mode,dailyTrips\nS".utf8) + [0xE3, 0x6F])
        #expect(#expect(throws: InputFileError.self) { _ = try DemandFiles.readDemand(latin1, dataset: self.dataset) }?.description
            == "demand.csv: the file is not UTF-8 text")
        let empty = try file("crossing-constants.csv", [])
        #expect(#expect(throws: InputFileError.self) { _ = try DemandFiles.readConstants(empty, dataset: self.dataset) }?.description
            == "crossing-constants.csv: the file is empty; it needs a header and a row per trip")
        let missing = scratch.url.appendingPathComponent("none.csv")
        #expect(#expect(throws: InputFileError.self) { _ = try DemandFiles.readDemand(missing, dataset: self.dataset) }?.description
            == "none.csv: cannot read the file (\(missing.path))")
        let badMode = try file("modes.csv", Array("crossing,mode,constantSeconds\ngate-a,boat,3\n".utf8))
        #expect(#expect(throws: DemandFileError.self) { _ = try DemandFiles.readConstants(badMode, dataset: self.dataset) }?.description
            == #"modes.csv:2: column "mode": unknown mode "boat"; expected one of \#(Mode.validNames)"#)
    }

    func demandError(_ text: String) throws -> String? {
        let url = try file("demand.csv", Array(text.utf8))
        return #expect(throws: DemandFileError.self) { _ = try DemandFiles.readDemand(url, dataset: self.dataset) }?.description
    }

    @Test func aDemandFileIsReadAsRFC4180WithQuotedFieldsAndCRLF() throws {
        let url = try file("demand.csv", Array("\"origin\",destination,mode,dailyTrips\r\nsur,\"north\",pov,\"12.5\"\r\neste,east,truck,3\r\n".utf8))
        let demand = try DemandFiles.readDemand(url, dataset: dataset)
        #expect(demand.dailyTrips == [12.5, 3])
        #expect(demand.trips.map { dataset.places[$0.origin].id } == ["sur", "este"])
    }

    @Test func aQuotedNumberWithThousandsSeparatorsIsRefusedWithItsLineAndColumn() throws {
        #expect(try demandError("origin,destination,mode,dailyTrips\nsur,north,pov,5\nsur,east,pov,\"1,000\"\n")
            == #"demand.csv:3: column "dailyTrips": "1,000" is not a number of trips from 0 to 10000000 (the largest a row may carry); write numbers without thousands separators (1000, not 1,000)"#)
        let unquoted = try demandError("origin,destination,mode,dailyTrips\nsur,north,pov,1,000\n")
        #expect(unquoted?.hasPrefix("demand.csv:2: expected 4 fields (origin,destination,mode,dailyTrips), found 5; a field holding a comma must be in double quotes") == true, "\(String(describing: unquoted))")
    }

    @Test func southboundAndDomesticDemandRowsAreRefused() throws {
        #expect(try demandError("origin,destination,mode,dailyTrips\nnorth,sur,pov,5\n")
            == #"demand.csv:2: column "origin": north is in the U.S.; demand is northbound trips, from a Mexican place to a U.S. place (this row runs southbound, north to sur)"#)
        #expect(try demandError("origin,destination,mode,dailyTrips\nnorth,east,pov,5\n")
            == #"demand.csv:2: column "origin": north is in the U.S.; demand is northbound trips, from a Mexican place to a U.S. place (this row is a domestic U.S. trip, which crosses no border)"#)
        #expect(try demandError("origin,destination,mode,dailyTrips\nsur,este,pov,5\n")
            == #"demand.csv:2: column "destination": este is in Mexico; demand is northbound trips, from a Mexican place to a U.S. place (this row is a domestic Mexican trip, which crosses no border)"#)
    }

    @Test func dailyTripsBeyondTheDocumentedMaximumAreRefused() throws {
        for huge in ["1e308", "10000001", "inf", "-1"] {
            let message = try demandError("origin,destination,mode,dailyTrips\nsur,north,pov,\(huge)\n")
            #expect(message == #"demand.csv:2: column "dailyTrips": "\#(huge)" is not a number of trips from 0 to 10000000 (the largest a row may carry)"#)
        }
        let url = try file("demand.csv", Array("origin,destination,mode,dailyTrips\nsur,north,pov,10000000\n".utf8))
        #expect(try DemandFiles.readDemand(url, dataset: dataset).dailyTrips == [DemandFiles.maximumDailyTrips])
    }

    @Test func aScenarioWithAliasesIsRefusedBeforeTheyExpand() throws {
        // "Billion laughs": ten anchors, each naming the one before ten times; 10^10 strings if expanded.
        var text = "a0: &a0 [\"lol\"]\n"
        for level in 1...9 { text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ",") + "]\n" }
        text += "title: *a9\nsources: *a9\nclosures: *a9\n"
        let url = try file("laughs.yaml", Array(text.utf8))
        let error = try #require(#expect(throws: InputFileError.self) { _ = try Scenario.load(contentsOf: url, dataset: self.dataset) })
        #expect(error.description == "laughs.yaml: the anchor &a0 (line 1, column 5): anchors and aliases (&name, *name) are not read, as a few of them can stand for billions of values; write each value out in full")
        #expect(error.line == 1)
        let reader = PastEventReader(file: "event.yaml", dataset: dataset)
        #expect(#expect(throws: InputFileError.self) { _ = try reader.event("id: &x e\ntitle: *x\n", defaultID: "e") }?.description
            .hasPrefix("event.yaml: the anchor &x (line 1, column 5): anchors and aliases") == true)
    }

    @Test func aSyntaxErrorOnAVeryLongLineDoesNotQuoteTheLine() throws {
        let url = try file("deep.yaml", Array(("title: " + String(repeating: "[", count: 200_000)).utf8))
        let error = try #require(#expect(throws: InputFileError.self) { _ = try Scenario.load(contentsOf: url, dataset: self.dataset) })
        #expect(error.description.hasPrefix("deep.yaml: not valid YAML or JSON: "), "\(error.description.prefix(300))")
        #expect(error.description.count < 500, "\(error.description.prefix(600))")
    }

    @Test func aRepeatedJSONKeyIsRefusedNamingFileKeyAndPlace() throws {
        let layer = try file("places.geojson", Array(#"{"type":"FeatureCollection","features":[{"type":"Feature","id":"a","properties":{"population":1,"population":2},"geometry":null}]}"#.utf8))
        let error = try #require(#expect(throws: InputFileError.self) { _ = try GeoJSONReader.read(contentsOf: layer) })
        #expect(error.description == #"places.geojson: the key "population" appears twice in one object (line 1, column 97); JSON readers differ on which value they keep, so give it once"#)
        #expect(error.line == 1 && error.column == 97)
    }

    @Test func aRepeatedKeyInAJSONScenarioIsRefused() throws {
        let url = try file("twice.json", Array(#"{"title": "first", "title": "second", "sources": [{"title": "hand-made"}], "closures": [{"crossing": "gate-a"}]}"#.utf8))
        let error = try #require(#expect(throws: (any Error).self) { _ = try Scenario.load(contentsOf: url, dataset: self.dataset) })
        #expect("\(error)".contains("twice.json"), "\(error)")
        #expect("\(error)".contains("title"), "\(error)")
    }

    @Test func aNaNInAScenarioPolygonIsRefusedWithFileLineAndField() throws {
        let url = try file("nan.yaml", Array("""
            title: "A polygon with a NaN"
            sources:
              - title: hand-made
            closures:
              - polygon: {"type": "Polygon", "coordinates": [[[-111, 31], [nan, 32], [-110, 31], [-111, 31]]]}
            """.utf8))
        let error = #expect(throws: ScenarioError.self) { _ = try Scenario.load(contentsOf: url, dataset: self.dataset) }
        #expect(error?.description.hasPrefix(#"nan.yaml:5: field "closures[0].polygon": "#) == true, "\(String(describing: error))")
    }

    @Test func aDatasetLayerThatIsNotJSONIsOneProblemOfTheDataset() throws {
        let directory = try Fixtures.network()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("{\"type\":\n\"FeatureCollection\",,".utf8).write(to: directory.appendingPathComponent("places.geojson"))
        let error = try #require(#expect(throws: DatasetError.self) { _ = try Dataset.load(from: directory) })
        let problem = try #require(error.problems.first { $0.file == "places.geojson" })
        #expect(problem.description.hasPrefix("places.geojson: not valid JSON: "), "\(problem)")
        #expect(problem.description.hasSuffix("(line 2, column 21)"), "\(problem)")
    }
}
