import BorderFlowSpatial
import Hummingbird

/// A request the server refuses, with the status and what the client is told: the message, and the query
/// parameter or body field at fault.
struct APIError: Error, Sendable {
    /// Where in the request the fault is.
    enum Place: Sendable, Equatable {
        /// A query parameter, by name.
        case parameter(String)
        /// A member of the JSON body, as a path (`close[1]`, `scenario.closures[0].crossing`).
        case field(String)
    }

    var status: HTTPResponse.Status
    var message: String
    var place: Place?

    /// A 400 for a query parameter.
    static func parameter(_ name: String, _ message: String) -> APIError {
        APIError(status: .badRequest, message: message, place: .parameter(name))
    }

    /// A 400 for a body field.
    static func field(_ path: String, _ message: String) -> APIError {
        APIError(status: .badRequest, message: message, place: .field(path))
    }

    /// A 404 naming what was asked for.
    static func notFound(_ message: String) -> APIError {
        APIError(status: .notFound, message: message, place: nil)
    }

    /// The body: `{"error": {"message": "...", "parameter": "from"}}`.
    var json: JSONValue {
        var members: [(String, JSONValue)] = [("message", .string(message))]
        switch place {
        case let .parameter(name): members.append(("parameter", .string(name)))
        case let .field(path): members.append(("field", .string(path)))
        case nil: break
        }
        return .object(JSONObject([("error", .object(JSONObject(members)))]))
    }
}
