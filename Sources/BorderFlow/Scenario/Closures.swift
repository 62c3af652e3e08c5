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

        /// Whether the closure holds at a moment at a crossing in `timeZone`: always with no window or no moment.
        func holds(at moment: Moment?, timeZone: String) -> Bool {
            guard let moment, let window else { return true }
            guard let date = moment.date(in: timeZone) else { return true }
            return window.contains(date, timeZone: timeZone)
        }
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
    ///   for a polygon target whose geometry holds no polygon, `ClosureError.polygonOutsideRegion` for one with
    ///   a position outside the border region (longitude and latitude swapped, or not lon/lat at all),
    ///   `ClosureError.invalidPolygon` for one GEOS finds invalid.
    public mutating func close(_ target: Target, from start: Moment? = nil, to end: Moment? = nil) throws {
        if case let .polygon(geometry, name) = target {
            guard !geometry.polygons.isEmpty else { throw ClosureError.notAPolygon(name) }
            if let outside = geometry.allPositions.first(where: { !DatasetReader.inRegion(Coordinate(longitude: $0.x, latitude: $0.y)) }) {
                let swapped = DatasetReader.inRegion(Coordinate(longitude: outside.y, latitude: outside.x))
                throw ClosureError.polygonOutsideRegion(name, position: outside, swapped: swapped)
            }
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
