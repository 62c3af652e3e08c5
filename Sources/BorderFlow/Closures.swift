import BorderFlowGraph
import BorderFlowSpatial
import Foundation

/// What is closed: crossings, whole ports, one mode at a crossing or port, whole sectors, or any polygon,
/// each for a time window or for good. A value: change it freely; turn it into a graph mask with
/// `BorderNetwork.mask(for:at:)`, which costs microseconds and never rebuilds the graph.
public struct Closures: Sendable, Equatable {
    public enum Target: Sendable, Equatable {
        case crossing(String)
        /// Every facility of a CBP port, by 4-digit port code.
        case port(String)
        case modeAtCrossing(Mode, crossing: String)
        case modeAtPort(Mode, port: String)
        /// Every crossing in a sector (the sector GEOS found for it when the dataset loaded).
        case sector(String)
        /// Every crossing inside a polygon (longitude/latitude), named for messages.
        case polygon(GeoJSONGeometry, name: String)
    }

    public struct Closure: Sendable, Equatable {
        public var target: Target
        /// When the closure applies; nil for always.
        public var window: DateInterval?
    }

    public private(set) var closures: [Closure] = []

    public init() {}

    public var isEmpty: Bool { closures.isEmpty }

    public mutating func close(crossing id: String, from start: Date? = nil, to end: Date? = nil) throws {
        closures.append(Closure(target: .crossing(id), window: try Self.window(start, end)))
    }

    public mutating func close(port code: String, from start: Date? = nil, to end: Date? = nil) throws {
        closures.append(Closure(target: .port(code), window: try Self.window(start, end)))
    }

    public mutating func close(mode: Mode, atCrossing id: String, from start: Date? = nil, to end: Date? = nil) throws {
        closures.append(Closure(target: .modeAtCrossing(mode, crossing: id), window: try Self.window(start, end)))
    }

    public mutating func close(mode: Mode, atPort code: String, from start: Date? = nil, to end: Date? = nil) throws {
        closures.append(Closure(target: .modeAtPort(mode, port: code), window: try Self.window(start, end)))
    }

    public mutating func close(sector id: String, from start: Date? = nil, to end: Date? = nil) throws {
        closures.append(Closure(target: .sector(id), window: try Self.window(start, end)))
    }

    /// Closes every crossing inside a Polygon or MultiPolygon in longitude/latitude.
    public mutating func close(polygon: GeoJSONGeometry, named name: String, from start: Date? = nil, to end: Date? = nil) throws {
        guard !polygon.polygons.isEmpty else { throw ClosureError.notAPolygon(name) }
        closures.append(Closure(target: .polygon(polygon, name: name), window: try Self.window(start, end)))
    }

    private static func window(_ start: Date?, _ end: Date?) throws -> DateInterval? {
        if start == nil && end == nil { return nil }
        let from = start ?? .distantPast, to = end ?? .distantFuture
        guard from <= to else { throw ClosureError.windowEndsBeforeItStarts(from, to) }
        return DateInterval(start: from, end: to)
    }
}

/// A closure that cannot be applied.
public enum ClosureError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownCrossing(String, suggestions: [String])
    case unknownPort(String, known: [String])
    case unknownSector(String, known: [String])
    case modeNotServed(Mode, at: String, served: [Mode])
    case notAPolygon(String)
    case windowEndsBeforeItStarts(Date, Date)

    public var description: String {
        switch self {
        case let .unknownCrossing(id, suggestions):
            return "no crossing has the id \"\(id)\"" + (suggestions.isEmpty ? "" : "; did you mean \(suggestions.map { "\"\($0)\"" }.joined(separator: ", "))?")
        case let .unknownPort(code, known):
            return "no crossing belongs to port code \"\(code)\"; known port codes: \(known.joined(separator: ", "))"
        case let .unknownSector(id, known):
            return "no sector has the id \"\(id)\"; known sectors: \(known.joined(separator: ", "))"
        case let .modeNotServed(mode, at, served):
            return "\(at) does not serve \(mode.rawValue); it serves \(served.map(\.rawValue).joined(separator: ", "))"
        case let .notAPolygon(name):
            return "\(name) is not a Polygon or MultiPolygon"
        case let .windowEndsBeforeItStarts(start, end):
            return "the closure window ends (\(end)) before it starts (\(start))"
        }
    }
}

extension BorderNetwork {
    /// The graph mask for a set of closures at a moment: closures whose window holds the moment (every
    /// closure when `moment` is nil), and, when a moment is given, every crossing mode outside its opening
    /// hours. A wall-clock moment is read in each crossing's own time zone.
    ///
    /// - Throws: `ClosureError` for an unknown crossing, port or sector, or a mode a crossing does not serve.
    public func mask(for closures: Closures, at moment: Moment? = nil) throws -> ClosureMask {
        var mask = ClosureMask(for: graph)
        var closed = [Set<Mode>](repeating: [], count: dataset.crossings.count)
        let crossings = dataset.crossings
        for closure in closures.closures {
            for (index, modes) in try affectedCrossings(closure.target) {
                if let moment, let window = closure.window,
                   let date = moment.date(in: crossings[index].timeZone), !window.contains(date) { continue }
                closed[index].formUnion(modes)
            }
        }
        if let moment {
            for (index, crossing) in crossings.enumerated() {
                guard let date = moment.date(in: crossing.timeZone) else { continue }
                for mode in crossing.modes where !crossing.isOpen(mode, at: date) { closed[index].insert(mode) }
            }
        }
        for (index, modes) in closed.enumerated() where !modes.isEmpty {
            for (mode, edge) in crossingEdges[index] where modes.contains(mode) { mask.close(edge: edge) }
        }
        return mask
    }

    private func affectedCrossings(_ target: Closures.Target) throws -> [(Int, Set<Mode>)] {
        let crossings = dataset.crossings
        func all(_ index: Int) -> (Int, Set<Mode>) { (index, Set(crossings[index].modes)) }
        switch target {
        case let .crossing(id):
            guard let index = crossingIndex[id] else { throw ClosureError.unknownCrossing(id, suggestions: NameMatching.suggestions(for: id, among: crossings.map(\.id))) }
            return [all(index)]
        case let .port(code):
            let matches = crossings.indices.filter { crossings[$0].portCode == code }
            guard !matches.isEmpty else { throw ClosureError.unknownPort(code, known: Array(Set(crossings.map(\.portCode))).sorted()) }
            return matches.map(all)
        case let .modeAtCrossing(mode, id):
            guard let index = crossingIndex[id] else { throw ClosureError.unknownCrossing(id, suggestions: NameMatching.suggestions(for: id, among: crossings.map(\.id))) }
            guard crossings[index].serves(mode) else { throw ClosureError.modeNotServed(mode, at: id, served: crossings[index].modes) }
            return [(index, [mode])]
        case let .modeAtPort(mode, code):
            let matches = crossings.indices.filter { crossings[$0].portCode == code }
            guard !matches.isEmpty else { throw ClosureError.unknownPort(code, known: Array(Set(crossings.map(\.portCode))).sorted()) }
            let serving = matches.filter { crossings[$0].serves(mode) }
            guard !serving.isEmpty else { throw ClosureError.modeNotServed(mode, at: "port \(code)", served: Array(Set(matches.flatMap { crossings[$0].modes })).sorted()) }
            return serving.map { ($0, [mode]) }
        case let .sector(id):
            guard dataset.sector(id: id) != nil else { throw ClosureError.unknownSector(id, known: dataset.sectors.map(\.id)) }
            return crossings.indices.filter { crossings[$0].sector == id }.map(all)
        case let .polygon(geometry, _):
            let context = GEOSContext()
            let prepared = try PreparedGeometry(Geometry(geometry, context: context))
            return try crossings.indices.filter {
                try prepared.covers(Position(crossings[$0].coordinate))
            }.map(all)
        }
    }
}

extension Crossing {
    /// Whether a mode is open at a moment, by the crossing's opening hours in its own time zone.
    public func isOpen(_ mode: Mode, at date: Date) -> Bool {
        guard let hours = hours[mode] else { return false }
        if hours.isAroundTheClock { return true }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(secondsFromGMT: 0)!
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return hours.isOpen(atMinuteOfDay: (parts.hour ?? 0) * 60 + (parts.minute ?? 0))
    }
}
