import BorderFlowSpatial
import Foundation
import Hummingbird
import Logging

/// Every route of the server in one place: the API under `/api/`, the page at `/`, its files under `/web/`
/// and Leaflet under `/leaflet/`. It also logs each request and turns every failure into a JSON error, so
/// that nothing a request sends ends in anything but a status and a message.
struct BorderFlowResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let served: ServedDataset
    let web: StaticFiles
    let leaflet: StaticFiles
    let openAPI: Data
    let logger: Logger

    /// The largest request body read: a divert request is a few hundred bytes, a scenario document a few
    /// kilobytes.
    static let maximumBodyBytes = 1_048_576

    /// The API's paths and the method each takes.
    static let apiMethods: [String: HTTPRequest.Method] = [
        "/api/health": .get, "/api/crossings": .get, "/api/sectors": .get, "/api/places": .get, "/api/network": .get,
        "/api/basemap": .get, "/api/scenarios": .get, "/api/config": .get, "/api/route": .get, "/api/divert": .post,
        "/api/locate": .get, "/api/openapi.json": .get,
    ]

    func respond(to request: Request, context: Context) async throws -> Response {
        let start = ContinuousClock.now
        let response: Response
        do {
            response = try await route(request)
        } catch let error as APIError {
            response = Self.error(error)
        } catch {
            logger.error("\(request.method) \(request.uri.path) failed: \(error)")
            response = Self.error(APIError(status: .internalServerError, message: "\(error)", place: nil))
        }
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1_000 + Double(elapsed.components.attoseconds) / 1e15
        logger.info("\(request.method) \(request.uri.path) \(response.status.code) \(String(format: "%.1f", milliseconds)) ms")
        return response
    }

    private func route(_ request: Request) async throws -> Response {
        let path = request.uri.path
        if path.hasPrefix("/api/") {
            guard let method = Self.apiMethods[path] else { throw APIError.notFound("no API endpoint \(path); /api/openapi.json lists them") }
            guard request.method == method || (method == .get && request.method == .head) else {
                var response = Self.error(APIError(status: .methodNotAllowed, message: "\(path) takes \(method) only, not \(request.method)", place: nil))
                response.headers[.allow] = method.rawValue
                return response
            }
            return try await api(path, request)
        }
        guard request.method == .get || request.method == .head else {
            var response = Self.error(APIError(status: .methodNotAllowed, message: "\(path) takes GET only, not \(request.method)", place: nil))
            response.headers[.allow] = "GET"
            return response
        }
        let file: (data: Data, contentType: String)?
        if path == "/" || path == "/index.html" {
            file = web.file(at: "index.html")
        } else if path.hasPrefix("/web/") {
            file = web.file(at: String(path.dropFirst("/web/".count)))
        } else if path.hasPrefix("/leaflet/") {
            file = leaflet.file(at: String(path.dropFirst("/leaflet/".count)))
        } else {
            file = nil
        }
        guard let file else { throw APIError.notFound("nothing at \(path)") }
        return Self.response(.ok, contentType: file.contentType, body: ByteBuffer(bytes: file.data))
    }

    private func api(_ path: String, _ request: Request) async throws -> Response {
        let query = try QueryParameters(request.uri.query)
        switch path {
        case "/api/health": return try Self.json(served.health, query: query)
        case "/api/config": return try Self.json(served.config, query: query)
        case "/api/scenarios": return try Self.json(served.scenariosReport.get(), query: query)
        case "/api/crossings", "/api/sectors", "/api/places", "/api/network":
            let layer = String(path.dropFirst("/api/".count))
            return try Self.json(served.layers[layer] ?? "", query: query, contentType: "application/geo+json")
        case "/api/basemap":
            try query.check(known: [])
            guard let basemap = served.basemap else { throw APIError.notFound("the dataset \(served.name) has no basemap (basemap.geojson; `borderflow build-basemap` makes one)") }
            return Self.response(.ok, contentType: "application/geo+json", body: ByteBuffer(bytes: basemap))
        case "/api/openapi.json":
            try query.check(known: [])
            return Self.response(.ok, contentType: "application/json", body: ByteBuffer(bytes: openAPI))
        case "/api/route":
            return Self.response(.ok, contentType: "application/json", body: ByteBuffer(string: try RouteEndpoint(served: served).answer(query)))
        case "/api/locate":
            return Self.response(.ok, contentType: "application/json", body: ByteBuffer(string: try LocateEndpoint(served: served).answer(query)))
        case "/api/divert":
            try query.check(known: [])
            let body = try await Self.body(of: request)
            let answer = try await DivertEndpoint(served: served).answer(try DivertRequest(body: body))
            return Self.response(.ok, contentType: "application/json", body: ByteBuffer(string: answer))
        default:
            throw APIError.notFound("no API endpoint \(path); /api/openapi.json lists them")
        }
    }

    /// The body, refused with 413 past `maximumBodyBytes` (by its declared length before reading any of it).
    private static func body(of request: Request) async throws -> Data {
        let tooLarge = APIError(status: .contentTooLarge, message: "the request body is over \(maximumBodyBytes) bytes (1 MB), the most the server reads; a divert request is a few kilobytes at most", place: nil)
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maximumBodyBytes { throw tooLarge }
        var buffer = ByteBuffer()
        for try await part in request.body {
            guard buffer.readableBytes + part.readableBytes <= maximumBodyBytes else { throw tooLarge }
            var part = part
            buffer.writeBuffer(&part)
        }
        return Data(buffer.readableBytesView)
    }

    private static func json(_ text: String, query: QueryParameters, contentType: String = "application/json") throws -> Response {
        try query.check(known: [])
        return response(.ok, contentType: contentType, body: ByteBuffer(string: text))
    }

    static func response(_ status: HTTPResponse.Status, contentType: String, body: ByteBuffer) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.contentLength] = String(body.readableBytes)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: body))
    }

    static func error(_ error: APIError) -> Response {
        let text = (try? JSONTextWriter().text(of: error.json)) ?? #"{"error":{"message":"the error could not be written"}}"#
        return response(error.status, contentType: "application/json", body: ByteBuffer(string: text))
    }
}
