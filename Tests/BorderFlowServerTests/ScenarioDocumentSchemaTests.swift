@testable import BorderFlow
import BorderFlowSpatial
import Foundation
import Testing
import Yams

/// The scenario documents a divert request may carry are described member by member in the OpenAPI
/// document: every bundled scenario file, read as such a document, validates against it, and members the
/// scenario reader refuses are refused by the schema too.
@Suite("Scenario documents in the OpenAPI description")
struct ScenarioDocumentSchemaTests {
    static let schema = JSONValue.object(JSONObject([("$ref", .string("#/components/schemas/ScenarioDocument"))]))

    @Test func everyBundledScenarioIsADocumentedScenarioDocument() throws {
        let validator = JSONSchemaValidator(document: try TestServer.document.get())
        let folder = DatasetFiles.bundledDirectory.appendingPathComponent("scenarios")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.count >= 3)
        var kinds = Set<String>()
        for file in files {
            let node = try #require(try Yams.compose(yaml: String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)))
            // As the scenario reader reads its values: numbers stay numbers, every other scalar is text.
            let document = ScenarioReader.json(node)
            kinds.formUnion(document.objectValue?.keys ?? [])
            #expect(validator.errors(of: document, against: Self.schema) == [], "\(file)")
        }
        #expect(kinds.isSuperset(of: ["closures", "capacity", "sources", "date"]), "the files exercise closures and capacity changes")
    }

    @Test func membersTheReaderRefusesAreRefused() throws {
        let validator = JSONSchemaValidator(document: try TestServer.document.get())
        func errors(_ text: String) throws -> [String] {
            validator.errors(of: try JSONValue(parsing: Data(text.utf8), name: "document"), against: Self.schema)
        }
        #expect(try errors(#"{"title": "t", "sources": [{"title": "s"}], "closures": [{"crossing": "lukeville", "modes": ["pov"]}]}"#) == [])
        #expect(try errors(#"{"title": "t", "sources": [{"title": "s"}], "closures": [{"crossing": "lukeville", "lanes": 2}]}"#) != [])
        #expect(try errors(#"{"title": "t", "sources": [{"title": "s"}], "closures": [{"crossing": "lukeville", "modes": ["boat"]}]}"#) != [])
        #expect(try errors(#"{"title": "t", "sources": [{"name": "s"}]}"#) != [])
        #expect(try errors(#"{"title": "t", "sources": [{"title": "s"}], "capacity": [{"crossing": "pharr", "mode": "truck"}]}"#) != [])
        #expect(try errors(#"{"title": "t", "sources": [{"title": "s"}], "staff": [{"port": 2303, "throughput": 0.8, "from": "2023-09-18"}]}"#) == [])
    }
}
