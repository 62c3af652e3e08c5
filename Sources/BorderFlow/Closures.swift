import BorderFlowGraph
import BorderFlowSpatial
import Foundation

/// What is closed: crossings, whole ports, one mode at a crossing or port, whole sectors, or any polygon,
/// each for a time window or for good. A value: change it freely; turn it into a graph mask with
/// `BorderNetwork.mask(for:at:)`, which costs microseconds and never rebuilds the graph.
public struct Closures: Sendable, Equatable {
    /// What a closure closes.
    public enum Target: Sendable, Equatable {
        /// One crossing facility, by id, in every mode.
        case crossing(String)
        /// Every facility of a CBP port, by 4-digit port code.
        case port(String)
        /// One mode at one crossing.
        case modeAtCrossing(Mode, crossing: String)
        /// One mode at every facility of a CBP port.
        case modeAtPort(Mode, port: String)
        /// Every crossing in a sector (the sector GEOS found for it when the dataset loaded).
        case sector(String)
        /// Every crossing inside a polygon (longitude/latitude), named for messages.
        case polygon(GeoJSONGeometry, name: String)
    }

    /// One closure: a target and when it holds.
    public struct Closure: Sendable, Equatable {
        /// What is closed.
        public var target: Target
        /// When the closure applies; nil for always.
        public var window: ClosureWindow?
    }

    /// The closures, in the order they were added.
    public private(set) var closures: [Closure] = []

    /// Nothing closed.
    public init() {}

    /// Adds a closure already checked (a scenario's, read and validated from its file).
    mutating func add(_ closure: Closure) { closures.append(closure) }

    /// Adds every closure of another set, after these.
    ///
    /// - Parameter other: the closures to add; each keeps its window.
    public mutating func add(contentsOf other: Closures) { closures += other.closures }

    /// Whether nothing is closed.
    public var isEmpty: Bool { closures.isEmpty }

    /// Adds a closure. `from` and `to` are moments: an instant, or a wall-clock time read in each
    /// crossing's own time zone; the closure holds from `from` (inclusive) until `to` (exclusive), and
    /// either may be left open.
    ///
    /// - Parameters:
    ///   - target: what to close; ids and codes are checked when a router or mask is made.
    ///   - start: when the closure begins (nil: always has).
    ///   - end: when it ends, exclusive (nil: never).
    /// - Throws: `ClosureError.windowEndsBeforeItStarts` when `to` is before `from`; `ClosureError.notAPolygon`
    ///   for a polygon target whose geometry holds no polygon, `ClosureError.invalidPolygon` for one GEOS finds
    ///   invalid.
    public mutating func close(_ target: Target, from start: Moment? = nil, to end: Moment? = nil) throws {
        if case let .polygon(geometry, name) = target {
            guard !geometry.polygons.isEmpty else { throw ClosureError.notAPolygon(name) }
            if let problem = geometry.polygonProblem() { throw ClosureError.invalidPolygon(name, reason: problem) }
        }
        let window = start == nil && end == nil ? nil : try ClosureWindow(start: start, end: end)
        closures.append(Closure(target: target, window: window))
    }

    /// Closes a crossing facility in every mode, for a window or for good.
    ///
    /// - Parameters:
    ///   - id: the crossing's id, checked when a router or mask is made.
    ///   - start: when the closure begins (nil: always has).
    ///   - end: when it ends, exclusive (nil: never).
    /// - Throws: `ClosureError.windowEndsBeforeItStarts`.
    public mutating func close(crossing id: String, from start: Moment? = nil, to end: Moment? = nil) throws {
        try close(.crossing(id), from: start, to: end)
    }

    /// Closes every facility of a CBP port.
    ///
    /// - Parameters:
    ///   - code: the four-digit port code, checked when a router or mask is made.
    ///   - start: when the closure begins (nil: always has).
    ///   - end: when it ends, exclusive (nil: never).
    /// - Throws: `ClosureError.windowEndsBeforeItStarts`.
    public mutating func close(port code: String, from start: Moment? = nil, to end: Moment? = nil) throws {
        try close(.port(code), from: start, to: end)
    }

    /// Closes one mode at a crossing.
    ///
    /// - Parameters:
    ///   - mode: the mode closed.
    ///   - id: the crossing's id.
    ///   - start: when the closure begins (nil: always has).
    ///   - end: when it ends, exclusive (nil: never).
    /// - Throws: `ClosureError.windowEndsBeforeItStarts`.
    public mutating func close(mode: Mode, atCrossing id: String, from start: Moment? = nil, to end: Moment? = nil) throws {
        try close(.modeAtCrossing(mode, crossing: id), from: start, to: end)
    }

    /// Closes one mode at every facility of a CBP port that serves it.
    ///
    /// - Parameters:
    ///   - mode: the mode closed.
    ///   - code: the four-digit port code.
    ///   - start: when the closure begins (nil: always has).
    ///   - end: when it ends, exclusive (nil: never).
    /// - Throws: `ClosureError.windowEndsBeforeItStarts`.
    public mutating func close(mode: Mode, atPort code: String, from start: Moment? = nil, to end: Moment? = nil) throws {
        try close(.modeAtPort(mode, port: code), from: start, to: end)
    }

    /// Closes every crossing in a Border Patrol sector.
    ///
    /// - Parameters:
    ///   - id: the sector's id (such as `del-rio`).
    ///   - start: when the closure begins (nil: always has).
    ///   - end: when it ends, exclusive (nil: never).
    /// - Throws: `ClosureError.windowEndsBeforeItStarts`.
    public mutating func close(sector id: String, from start: Moment? = nil, to end: Moment? = nil) throws {
        try close(.sector(id), from: start, to: end)
    }

    /// Closes every crossing inside a Polygon or MultiPolygon in longitude/latitude.
    ///
    /// - Parameters:
    ///   - polygon: the area, a Polygon or MultiPolygon in longitude/latitude; crossings on its edge count as inside.
    ///   - name: what to call the area in messages.
    ///   - start: when the closure begins (nil: always has).
    ///   - end: when it ends, exclusive (nil: never).
    /// - Throws: `ClosureError.notAPolygon` when the geometry holds no polygon; `ClosureError.invalidPolygon`
    ///   when GEOS finds it invalid; `ClosureError.windowEndsBeforeItStarts`.
    public mutating func close(polygon: GeoJSONGeometry, named name: String, from start: Moment? = nil, to end: Moment? = nil) throws {
        try close(.polygon(polygon, name: name), from: start, to: end)
    }

    /// Adds a closure between two instants.
    ///
    /// - Parameters:
    ///   - target: what to close.
    ///   - start: when the closure begins.
    ///   - end: when it ends, exclusive.
    /// - Throws: `ClosureError.windowEndsBeforeItStarts` when `end` is not after `start`;
    ///   `ClosureError.notAPolygon` for a polygon target whose geometry holds no polygon.
    public mutating func close(_ target: Target, from start: Date, to end: Date) throws {
        try close(target, from: .instant(start), to: .instant(end))
    }

    /// Closes one mode at a port between two instants.
    ///
    /// - Parameters:
    ///   - mode: the mode closed.
    ///   - code: the four-digit port code.
    ///   - start: when the closure begins.
    ///   - end: when it ends, exclusive.
    /// - Throws: `ClosureError.windowEndsBeforeItStarts` when `end` is not after `start`.
    public mutating func close(mode: Mode, atPort code: String, from start: Date, to end: Date) throws {
        try close(.modeAtPort(mode, port: code), from: .instant(start), to: .instant(end))
    }

    /// Closes a crossing between two instants.
    ///
    /// - Parameters:
    ///   - id: the crossing's id.
    ///   - start: when the closure begins.
    ///   - end: when it ends, exclusive.
    /// - Throws: `ClosureError.windowEndsBeforeItStarts` when `end` is not after `start`.
    public mutating func close(crossing id: String, from start: Date, to end: Date) throws {
        try close(.crossing(id), from: .instant(start), to: .instant(end))
    }
}

/// When a closure holds: from `start` (inclusive) until `end` (exclusive); a missing bound is open.
/// Wall-clock bounds are read in each crossing's own time zone, so "2023-12-04" means local midnight there.
public struct ClosureWindow: Sendable, Equatable {
    /// When the closure begins (inclusive); nil for no beginning.
    public let start: Moment?
    /// When it ends (exclusive); nil for no end.
    public let end: Moment?

    /// A window from `start` until `end`.
    ///
    /// When one bound is an instant and the other a wall-clock time, only an end 28 hours or more before the
    /// start is an error: a wall-clock time lies up to 14 hours either side of UTC, by the crossing's zone.
    ///
    /// - Parameters:
    ///   - start: when the window opens, inclusive; nil for no beginning.
    ///   - end: when it closes, exclusive; nil for no end.
    /// - Throws: `ClosureError.windowEndsBeforeItStarts` when the end is not after the start.
    public init(start: Moment?, end: Moment?) throws {
        if let start, let end, let from = start.date(in: "UTC"), let to = end.date(in: "UTC") {
            // A wall-clock bound may sit up to 14 hours either side of UTC; only a plain reversal is an error.
            let sameKind: Bool
            switch (start, end) {
            case (.instant, .instant), (.localTime, .localTime): sameKind = true
            default: sameKind = false
            }
            if sameKind ? to <= from : to.addingTimeInterval(14 * 3600) <= from.addingTimeInterval(-14 * 3600) {
                throw ClosureError.windowEndsBeforeItStarts(start, end)
            }
        }
        self.start = start
        self.end = end
    }

    /// Whether the window holds at an instant, for a crossing in `timeZone`.
    ///
    /// - Parameters:
    ///   - date: the instant.
    ///   - timeZone: the crossing's IANA time zone, in which wall-clock bounds are read.
    /// - Returns: true when the instant is at or after `start` and before `end`.
    public func contains(_ date: Date, timeZone: String) -> Bool {
        if let start, let from = start.date(in: timeZone), date < from { return false }
        if let end, let to = end.date(in: timeZone), date >= to { return false }
        return true
    }
}

/// A closure that cannot be applied.
public enum ClosureError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No crossing has this id; the closest ids.
    case unknownCrossing(String, suggestions: [String])
    /// No crossing belongs to this port code; the known codes.
    case unknownPort(String, known: [String])
    /// No sector has this id; the known ids.
    case unknownSector(String, known: [String])
    /// The crossing or port does not serve the mode closed there.
    case modeNotServed(Mode, at: String, served: [Mode])
    /// A polygon closure's geometry has no polygon.
    case notAPolygon(String)
    /// A polygon closure's geometry is not valid (GEOS's reason and where), so which crossings lie inside it
    /// would be a guess.
    case invalidPolygon(String, reason: String)
    /// The window's end is not after its start.
    case windowEndsBeforeItStarts(Moment, Moment)

    /// A message for people: what is wrong and how to fix it.
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
        case let .invalidPolygon(name, reason):
            return "\(name) is not a valid polygon: \(reason); the rings must not cross themselves or each other, and holes must lie inside their shell"
        case let .windowEndsBeforeItStarts(start, end):
            return "the closure window ends (\(end)) before it starts (\(start)); give `to` after `from`"
        }
    }
}

extension BorderNetwork {
    /// The graph mask for a set of closures at a moment: closures whose window holds the moment (every
    /// closure when `moment` is nil), and, when a moment is given, every crossing mode outside its opening
    /// hours (unless `applyingOpeningHours` is false, as for daily totals). A wall-clock moment is read in
    /// each crossing's own time zone.
    ///
    /// - Parameters:
    ///   - closures: what is closed.
    ///   - moment: when; nil applies every closure whatever its window, and no opening hours.
    ///   - applyingOpeningHours: with a moment, whether to close each crossing's modes outside their hours.
    /// - Returns: a mask with the closed crossing edges set, for `Router`, `RouteSearch` or `crossingChoices`.
    /// - Throws: `ClosureError` for an unknown crossing, port or sector, or a mode a crossing does not serve.
    public func mask(for closures: Closures, at moment: Moment? = nil, applyingOpeningHours: Bool = true) throws -> ClosureMask {
        var mask = ClosureMask(for: graph)
        var closed = [Set<Mode>](repeating: [], count: dataset.crossings.count)
        let crossings = dataset.crossings
        for closure in closures.closures {
            for (index, modes) in try affectedCrossings(closure.target) {
                if let moment, let window = closure.window, let date = moment.date(in: crossings[index].timeZone),
                   !window.contains(date, timeZone: crossings[index].timeZone) { continue }
                closed[index].formUnion(modes)
            }
        }
        if let moment, applyingOpeningHours {
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
    ///
    /// - Parameters:
    ///   - mode: the mode.
    ///   - date: the instant, read as wall-clock time in the crossing's `timeZone`.
    /// - Returns: true when that local time falls within the mode's hours; false for a mode with no hours.
    public func isOpen(_ mode: Mode, at date: Date) -> Bool {
        guard let hours = hours[mode] else { return false }
        if hours.isAroundTheClock { return true }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(secondsFromGMT: 0)!
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return hours.isOpen(atMinuteOfDay: (parts.hour ?? 0) * 60 + (parts.minute ?? 0))
    }
}

extension GeoJSONGeometry {
    /// Why GEOS finds this area invalid, and where (longitude, latitude); nil when it is valid. An invalid
    /// polygon (a self-intersecting ring, a hole outside its shell) has no well-defined inside.
    func polygonProblem() -> String? {
        do {
            let geometry = try Geometry(self, context: GEOSContext())
            guard case let .invalid(reason, location) = geometry.validity() else { return nil }
            return reason + (location.map { " at \(Coordinate($0))" } ?? "")
        } catch {
            return "\(error)"
        }
    }
}
