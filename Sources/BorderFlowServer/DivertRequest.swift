import BorderFlow
import BorderFlowSpatial
import Foundation

/// What `POST /api/divert` asks, read from its JSON body: the `divert` command's options as members.
struct DivertRequest: Sendable {
    /// How the scenario is given.
    enum ScenarioSource: Sendable {
        /// A bundled scenario, by id in any case.
        case bundled(String)
        /// A scenario document in the scenario files' schema.
        case document(JSONObject)
    }

    var scenario: ScenarioSource?
    var close: [String] = []
    var closePorts: [String] = []
    var closeSectors: [String] = []
    var closeModes: [String] = []
    var on: String?
    var model: AssignmentModelName = .equilibrium
    var uncertainty = 0
    var seed: UInt64 = 1
    var minVolume = 1.0
    /// How many streams the flows layer keeps, those that changed most; nil for every one.
    var maxStreams: Int?

    static let members = ["scenario", "close", "closePorts", "closeSectors", "closeModes", "on", "model", "uncertainty", "seed", "minVolume", "maxStreams"]
    /// The most streams `maxStreams` may ask for: more than any dataset's diversion draws.
    static let largestMaxStreams = 10_000_000
    /// The most draws a request may ask for. Each draw runs the whole diversion again and is kept until the
    /// bands are taken: December 2023 with 100 draws took 6.8 s and 0.56 GB on 2 busy cores (6.3 s of CPU), 500
    /// draws 39 s and 2.5 GB. So that one request holds the cores for seconds, not minutes, the server allows
    /// fewer than `divert --uncertainty`.
    static let largestUncertainty = 100
    /// The most draws `divert --uncertainty` allows, for the message.
    static let commandLineLargestUncertainty = 10_000
    /// The largest seed, 2^53 − 1, as `divert --seed` allows: larger ones do not survive a JSON number.
    static let largestSeed: UInt64 = (1 << 53) - 1

    /// Reads a request body.
    ///
    /// - Parameter body: the body's bytes; empty for every default.
    /// - Throws: `APIError` for a body that is not JSON (with its line and column), not an object, with an
    ///   unknown member or a member of the wrong type or out of range.
    init(body: Data) throws {
        guard !body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else { return }
        let value: JSONValue
        do {
            value = try JSONValue(parsing: body, name: "the request body")
        } catch let error as InputFileError {
            // The reader's message says "not valid JSON" and, where it knows them, the line and column.
            var message = "the request body is \(error.message)"
            if let line = error.line, !message.contains("line \(line)") {
                message += " (line \(line)" + (error.column.map { ", column \($0)" } ?? "") + ")"
            }
            throw APIError(status: .badRequest, message: message, place: nil)
        }
        guard let object = value.objectValue else {
            throw APIError(status: .badRequest, message: "the request body must be a JSON object, not \(value.kindDescription)", place: nil)
        }
        if let unknown = object.keys.first(where: { !Self.members.contains($0) }) {
            throw APIError.field(unknown, "unknown member \"\(unknown)\"; a divert request has \(Self.members.joined(separator: ", "))")
        }
        switch object["scenario"] {
        case nil, .null?: scenario = nil
        case let .string(name)?: scenario = .bundled(name)
        case let .object(document)?: scenario = .document(document)
        case let other?:
            throw APIError.field("scenario", "scenario must be a bundled scenario's id or a scenario document (an object), not \(other.kindDescription)")
        }
        close = try Self.strings(object, "close")
        closePorts = try Self.strings(object, "closePorts")
        closeSectors = try Self.strings(object, "closeSectors")
        closeModes = try Self.strings(object, "closeModes")
        for (index, entry) in closeModes.enumerated() where Closures.modeEntry(entry) == nil {
            throw APIError.field("closeModes[\(index)]", Closures.modeEntryProblem(entry))
        }
        switch object["on"] {
        case nil, .null?: on = nil
        case let .string(text)?: on = text
        case let other?: throw APIError.field("on", "on must be a date or a date-time as text, not \(other.kindDescription)")
        }
        switch object["model"] {
        case nil, .null?: break
        case let .string(text)?:
            guard let name = AssignmentModelName(rawValue: text) else {
                throw APIError.field("model", "'\(text)' is not an assignment model; choose from \(AssignmentModelName.validNames)")
            }
            model = name
        case let other?: throw APIError.field("model", "model must be one of \(AssignmentModelName.validNames), not \(other.kindDescription)")
        }
        if let draws = try Self.wholeNumber(object, "uncertainty") {
            guard draws >= 0, draws <= Double(Self.largestUncertainty) else {
                throw APIError.field("uncertainty", "uncertainty must be from 1 to \(Self.largestUncertainty) draws, or 0 for none: the server's limit, so that one request does not hold the cores for minutes; the command line's divert --uncertainty allows up to \(Self.commandLineLargestUncertainty)")
            }
            uncertainty = Int(draws)
        }
        if let seed = try Self.wholeNumber(object, "seed") {
            guard seed >= 0, seed <= Double(Self.largestSeed) else {
                throw APIError.field("seed", "seed must be from 0 to 2^53 − 1")
            }
            self.seed = UInt64(seed)
        }
        switch object["minVolume"] {
        case nil, .null?: break
        case let value?:
            guard let number = value.numberValue, number.isFinite, number >= 0 else {
                throw APIError.field("minVolume", "minVolume must be zero or more")
            }
            minVolume = number
        }
        if let streams = try Self.wholeNumber(object, "maxStreams") {
            guard streams >= 0, streams <= Double(Self.largestMaxStreams) else {
                throw APIError.field("maxStreams", "maxStreams must be from 0 to \(Self.largestMaxStreams) streams")
            }
            maxStreams = Int(streams)
        }
    }

    /// A member that is a list of strings; empty when it is missing or null.
    private static func strings(_ object: JSONObject, _ name: String) throws -> [String] {
        guard let value = object[name], value != .null else { return [] }
        guard let items = value.arrayValue else {
            throw APIError.field(name, "\(name) must be a list of strings, such as [\"lukeville\"], not \(value.kindDescription)")
        }
        return try items.enumerated().map { index, item in
            guard let text = item.stringValue else {
                throw APIError.field("\(name)[\(index)]", "\(name)[\(index)] must be a string, not \(item.kindDescription)")
            }
            return text
        }
    }

    /// A member that is a whole number; nil when it is missing or null.
    private static func wholeNumber(_ object: JSONObject, _ name: String) throws -> Double? {
        guard let value = object[name], value != .null else { return nil }
        guard let number = value.numberValue, number.isFinite, number == number.rounded() else {
            throw APIError.field(name, "\(name) must be a whole number, not \(value.kindDescription == "a number" ? "a fraction" : value.kindDescription)")
        }
        return number
    }
}
