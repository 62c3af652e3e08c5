import Foundation
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
