import BorderFlowSpatial
import Foundation
import Testing

/// The validator on hand-made schemas, so that a check of the server's answers can fail.
struct JSONSchemaValidatorTests {
    func json(_ text: String) throws -> JSONValue { try JSONValue(parsing: Data(text.utf8), name: "test") }

    func errors(_ value: String, _ schema: String, document: String = "{}") throws -> [String] {
        JSONSchemaValidator(document: try json(document)).errors(of: try json(value), against: try json(schema))
    }

    @Test func typesIncludingListsOfTypes() throws {
        #expect(try errors(#""a""#, #"{"type": "string"}"#).isEmpty)
        #expect(!(try errors("1", #"{"type": "string"}"#)).isEmpty)
        #expect(try errors("null", #"{"type": ["string", "null"]}"#).isEmpty)
        #expect(!(try errors("true", #"{"type": ["string", "null"]}"#)).isEmpty)
        #expect(try errors("3", #"{"type": "integer"}"#).isEmpty)
        #expect(!(try errors("3.5", #"{"type": "integer"}"#)).isEmpty)
        #expect(try errors("3.5", #"{"type": "number"}"#).isEmpty)
    }

    @Test func propertiesRequiredAndAdditional() throws {
        let schema = #"{"type": "object", "properties": {"a": {"type": "number"}}, "required": ["a"], "additionalProperties": false}"#
        #expect(try errors(#"{"a": 1}"#, schema).isEmpty)
        #expect(try errors(#"{}"#, schema).contains { $0.contains("required member a") })
        #expect(try errors(#"{"a": 1, "b": 2}"#, schema).contains { $0.contains("$.b") })
        #expect(try errors(#"{"a": "x"}"#, schema).contains { $0.contains("$.a") })
        #expect(try errors(#"{"b": 2}"#, #"{"additionalProperties": {"type": "number"}}"#).isEmpty)
        #expect(!(try errors(#"{"b": "x"}"#, #"{"additionalProperties": {"type": "number"}}"#)).isEmpty)
    }

    @Test func itemsEnumConstAndBounds() throws {
        #expect(try errors("[1, 2]", #"{"items": {"type": "number"}}"#).isEmpty)
        #expect(try errors(#"[1, "x"]"#, #"{"items": {"type": "number"}}"#).contains { $0.contains("$[1]") })
        #expect(try errors(#""pov""#, #"{"enum": ["pov", "truck"]}"#).isEmpty)
        #expect(!(try errors(#""boat""#, #"{"enum": ["pov", "truck"]}"#)).isEmpty)
        #expect(try errors(#""ok""#, #"{"const": "ok"}"#).isEmpty)
        #expect(!(try errors(#""no""#, #"{"const": "ok"}"#)).isEmpty)
        #expect(try errors("5", #"{"minimum": 0, "maximum": 10}"#).isEmpty)
        #expect(!(try errors("-1", #"{"minimum": 0}"#)).isEmpty)
        #expect(!(try errors("11", #"{"maximum": 10}"#)).isEmpty)
    }

    @Test func referencesAndCombinations() throws {
        let document = #"{"components": {"schemas": {"Name": {"type": "string"}}}}"#
        #expect(try errors(#""x""#, ##"{"$ref": "#/components/schemas/Name"}"##, document: document).isEmpty)
        #expect(!(try errors("1", ##"{"$ref": "#/components/schemas/Name"}"##, document: document)).isEmpty)
        #expect(!(try errors("1", ##"{"$ref": "#/components/schemas/Missing"}"##, document: document)).isEmpty)
        let oneOf = #"{"oneOf": [{"type": "string"}, {"type": "null"}]}"#
        #expect(try errors("null", oneOf).isEmpty)
        #expect(!(try errors("1", oneOf)).isEmpty)
        // Both match: oneOf wants exactly one.
        #expect(!(try errors("1", #"{"oneOf": [{"type": "number"}, {"type": "integer"}]}"#)).isEmpty)
        #expect(try errors("1", #"{"anyOf": [{"type": "number"}, {"type": "integer"}]}"#).isEmpty)
        #expect(!(try errors(#""x""#, #"{"anyOf": [{"type": "number"}, {"type": "integer"}]}"#)).isEmpty)
    }

    @Test func refusesKeywordsItDoesNotCheck() throws {
        #expect(!(try errors(#""x""#, #"{"pattern": "^y$"}"#)).isEmpty)
    }

    /// Every schema in the document uses only keywords the validator checks, and every reference resolves.
    @Test func theDocumentUsesOnlyCheckedKeywords() throws {
        let document = try TestServer.document.get()
        let validator = JSONSchemaValidator(document: document)
        for schema in document.objectValue?["components"]?.objectValue?["schemas"]?.objectValue?.members ?? [] {
            // Validating null against each schema walks its keywords; unknown ones are reported whatever the value.
            let unknown = validator.errors(of: .null, against: schema.value).filter { $0.contains("does not know") || $0.contains("cannot resolve") }
            #expect(unknown.isEmpty, "\(schema.key): \(unknown)")
        }
        #expect(document.objectValue?["openapi"]?.stringValue == "3.1.0")
    }
}
