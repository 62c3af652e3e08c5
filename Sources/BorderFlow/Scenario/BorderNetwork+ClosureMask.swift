import BorderFlowGraph
import BorderFlowSpatial
import Foundation

extension BorderNetwork {
    /// Checks every crossing, port, sector and mode that closures name against the dataset, without searching.
    ///
    /// - Parameter closures: the closures.
    /// - Throws: ``ClosureError`` for the first one the network cannot apply (an unknown crossing with the
    ///   closest ids, an unknown port or sector with the known ones, a mode a crossing does not serve).
    public func check(_ closures: Closures) throws {
        _ = try mask(for: closures)
    }

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
    /// - Throws: `ClosureError` for an unknown crossing, port or sector, a mode a crossing does not serve, or a
    ///   polygon that holds no crossing.
    package func mask(for closures: Closures, at moment: Moment? = nil, applyingOpeningHours: Bool = true) throws -> ClosureMask {
        var mask = ClosureMask(for: graph)
        var closed = [Set<Mode>](repeating: [], count: dataset.crossings.count)
        let crossings = dataset.crossings
        for closure in closures.closures {
            for (index, modes) in try affectedCrossings(closure.target) where closure.holds(at: moment, timeZone: crossings[index].timeZone) {
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

    /// Why a crossing takes no traffic of a mode under closures at a moment, by the rules the
    /// closure mask follows; nil when it takes it.
    ///
    /// - Parameters:
    ///   - id: the crossing's id.
    ///   - mode: the mode.
    ///   - closures: what is closed.
    ///   - moment: when; nil applies every closure whatever its window, and no opening hours.
    /// - Returns: the first reason that holds: out of service, mode not served, closed, outside its hours.
    /// - Throws: `ClosureError` for an unknown crossing, or a closure naming one, a port or a sector the
    ///   dataset does not have.
    public func closureReason(crossing id: String, mode: Mode, closures: Closures, at moment: Moment?) throws -> CrossingClosureReason? {
        guard let index = crossingIndex[id] else {
            throw ClosureError.unknownCrossing(id, suggestions: NameMatching.suggestions(for: id, among: dataset.crossings.map(\.id)))
        }
        let crossing = dataset.crossings[index]
        guard crossing.inService else { return .outOfService }
        guard crossing.serves(mode) else { return .modeNotServed }
        for closure in closures.closures where closure.holds(at: moment, timeZone: crossing.timeZone) {
            if try affectedCrossings(closure.target).contains(where: { $0.0 == index && $0.1.contains(mode) }) { return .closed }
        }
        if let moment, let date = moment.date(in: crossing.timeZone), !crossing.isOpen(mode, at: date) {
            return crossing.hours[mode].map(CrossingClosureReason.outsideOpeningHours) ?? .closed
        }
        return nil
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
        case let .polygon(geometry, name):
            let context = GEOSContext()
            let prepared = try PreparedGeometry(Geometry(geometry, context: context))
            let inside = try crossings.indices.filter {
                try prepared.covers(Position(crossings[$0].coordinate))
            }
            // A polygon around nothing is a mistake (drawn in the wrong place, or in other units): say so.
            guard !inside.isEmpty else { throw ClosureError.polygonClosesNothing(name) }
            return inside.map(all)
        }
    }
}
