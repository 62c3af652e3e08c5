import BorderFlow
import BorderFlowServer
import BorderFlowSpatial
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// The bundled dataset prepared once for the whole target, an application on it per test, and the OpenAPI
/// document every answer is checked against.
enum TestServer {
    static let logger: Logger = {
        var logger = Logger(label: "borderflow.serve.tests")
        logger.logLevel = .warning
        return logger
    }()

    static let served = Task { try await ServedDataset.prepare(configuration: ServerConfiguration(), logger: logger) }

    /// Runs `body` with a client of an application on the shared dataset.
    static func withClient<T: Sendable>(_ body: @Sendable @escaping (any TestClientProtocol) async throws -> T) async throws -> T {
        let app = BorderFlowServer.application(serving: try await served.value, logger: logger)
        return try await app.test(.router, body)
    }

    /// The OpenAPI document, as the package ships it.
    static let document = Result { () throws -> JSONValue in
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/BorderFlowServer/Resources/openapi.json")
        return try JSONValue(parsing: try Data(contentsOf: url), name: "openapi.json")
    }

    /// A value as it reads back from its text: numbers plain, object members sorted, as every parsed
    /// answer is.
    static func reread(_ value: JSONValue) throws -> JSONValue {
        try JSONValue(parsing: Data(try JSONTextWriter().text(of: value).utf8), name: "expected")
    }

    /// The body as JSON.
    static func json(_ response: TestResponse) throws -> JSONValue {
        try JSONValue(parsing: Data(response.body.readableBytesView), name: "the response")
    }

    /// Checks a response's status, content type and body against the document's schema for the path, method
    /// and status, and returns the body.
    @discardableResult
    static func expectDocumented(_ response: TestResponse, _ path: String, _ method: String, status: Int,
                                 sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONValue {
        #expect(Int(response.status.code) == status, "\(method) \(path): \(String(buffer: response.body))", sourceLocation: sourceLocation)
        let document = try self.document.get()
        let operation = document.objectValue?["paths"]?.objectValue?[path]?.objectValue?[method]
        let content = operation?.objectValue?["responses"]?.objectValue?[String(status)]?.objectValue?["content"]?.objectValue
        guard let content, let (type, media) = content.members.first.map({ ($0.key, $0.value) }) else {
            Issue.record("the document has no response \(status) for \(method) \(path)", sourceLocation: sourceLocation)
            return .null
        }
        #expect(response.headers[.contentType] == type, "\(method) \(path) \(status)", sourceLocation: sourceLocation)
        let body = try json(response)
        let errors = JSONSchemaValidator(document: document).errors(of: body, against: media.objectValue?["schema"] ?? .bool(false))
        #expect(errors.isEmpty, "\(method) \(path) \(status): \(errors.prefix(5).joined(separator: "; "))", sourceLocation: sourceLocation)
        return body
    }
}
