import BorderFlowSpatial
import Foundation

/// A what-if: closures with their time windows, capacity changes, a title and the sources it rests on.
///
/// Read from YAML (or JSON, which YAML includes) by `Scenario.load(contentsOf:dataset:)`; the schema is
/// documented in `GeoData/scenarios/README.md`.
public struct Scenario: Sendable, Equatable {
    /// A source a scenario rests on.
    public struct Source: Sendable, Equatable {
        /// The source's title.
        public let title: String
        /// Where to read it, when it is online.
        public let url: String?
    }

    /// One closure as the file states it, with its note.
    public struct ClosureEntry: Sendable, Equatable {
        /// What is closed.
        public let target: Closures.Target
        /// When; nil for the whole scenario.
        public let window: ClosureWindow?
        /// Why, or what happened, as the file says.
        public let note: String?
    }

    /// Officers taken from a port: every crossing of the port processes a share of its usual rate.
    public struct StaffChange: Sendable, Equatable {
        /// The CBP port code.
        public let port: String
        /// The share of the usual processing rate left; nil for the share fitted on past redeployments
        /// (`Behaviour.officersTakenThroughput`).
        public let throughput: Double?
        /// When; nil for the whole scenario.
        public let window: ClosureWindow?
        /// Why, as the file says.
        public let note: String?

        /// Whether the change applies at a moment at a crossing in `timeZone` (always when `moment` is nil).
        ///
        /// - Parameters:
        ///   - moment: when; nil for every change whatever its window.
        ///   - timeZone: the crossing's IANA time zone.
        /// - Returns: true when the change has no window, or its window holds the moment.
        public func applies(at moment: Moment?, timeZone: String) -> Bool {
            Scenario.window(window, holds: moment, timeZone: timeZone)
        }
    }

    /// Lanes (booths, tracks) opened or closed at a crossing for one mode, for a time window or for good.
    public struct CapacityChange: Sendable, Equatable {
        /// The crossing's id.
        public let crossing: String
        /// The mode whose lanes change.
        public let mode: Mode
        /// Lanes added (positive) or taken away (negative), at most ``largestLaneChange`` either way.
        public let lanesDelta: Int

        /// The largest change of lanes a scenario may make, either way: as many as a crossing may have.
        public static let largestLaneChange = 500
        /// When; nil for the whole scenario.
        public let window: ClosureWindow?
        /// Why, as the file says.
        public let note: String?

        /// Whether the change applies at a moment at a crossing in `timeZone` (always when `moment` is nil).
        ///
        /// - Parameters:
        ///   - moment: when; nil for every change whatever its window.
        ///   - timeZone: the crossing's IANA time zone, in which wall-clock bounds are read.
        /// - Returns: true when the change has no window, or its window holds the moment.
        public func applies(at moment: Moment?, timeZone: String) -> Bool {
            Scenario.window(window, holds: moment, timeZone: timeZone)
        }
    }

    /// The scenario's id (its file name), such as `dec-2023`.
    public let id: String
    /// A title for people.
    public let title: String
    /// What happened, in a paragraph.
    public let description: String
    /// The moment the scenario is looked at when no other is given (its closures are in force then); a date
    /// alone in the file is local noon that day.
    public let date: Moment?
    /// The sources it rests on.
    public let sources: [Source]
    /// The closures as the file states them.
    public let closureEntries: [ClosureEntry]
    /// Lane changes.
    public let capacityChanges: [CapacityChange]
    /// Officers taken from ports, in file order (`staff:`).
    public let staffChanges: [StaffChange]

    /// Whether any closure, lane change or staff change holds only for a time window, so that what the
    /// scenario closes depends on the moment asked about.
    public var hasTimeWindows: Bool {
        closureEntries.contains { $0.window != nil } || capacityChanges.contains { $0.window != nil }
            || staffChanges.contains { $0.window != nil }
    }

    /// The closures, ready for `BorderNetwork.mask(for:at:)`.
    public var closures: Closures {
        var closures = Closures()
        // Entries were checked when read (windows in order, polygons valid by GEOS), so they go in as they are.
        for entry in closureEntries { closures.add(Closures.Closure(target: entry.target, window: entry.window)) }
        return closures
    }

    /// What is closed at a moment: the closures, and every crossing mode that the capacity changes in force
    /// then leave with no lanes, since a mode with no lanes processes nobody.
    ///
    /// - Parameters:
    ///   - moment: when; nil applies every closure and capacity change whatever its window.
    ///   - dataset: the dataset the scenario was checked against.
    /// - Returns: the closures, ready for ``BorderNetwork/router(closures:at:applyingOpeningHours:)`` at `moment`.
    public func closures(at moment: Moment?, in dataset: Dataset) -> Closures {
        var closures = self.closures
        for crossing in dataset.crossings {
            for mode in crossing.modes where (crossing.lanes[mode] ?? 0) > 0 && lanes(of: crossing, mode: mode, at: moment) == 0 {
                closures.add(Closures.Closure(target: .modeAtCrossing(mode, crossing: crossing.id), window: nil))
            }
        }
        return closures
    }

    /// What is closed at a moment when closures are added to a scenario's: the scenario's then (as
    /// ``closures(at:in:)`` gives them), followed by the others. The one way `divert`, `route` and `simulate`
    /// combine a scenario with the closures a user types.
    ///
    /// - Parameters:
    ///   - scenario: the scenario, or nil for none.
    ///   - moment: when; nil applies every closure and capacity change whatever its window.
    ///   - dataset: the dataset the scenario was checked against.
    ///   - others: closures added after the scenario's.
    /// - Returns: the closures in force.
    public static func closures(of scenario: Scenario?, at moment: Moment?, in dataset: Dataset, adding others: Closures) -> Closures {
        var closures = scenario?.closures(at: moment, in: dataset) ?? Closures()
        closures.add(contentsOf: others)
        return closures
    }

    /// The lanes of each crossing and mode at a moment, after the capacity changes that apply then
    /// (never below zero).
    ///
    /// - Parameters:
    ///   - crossing: the crossing.
    ///   - mode: the mode.
    ///   - moment: when; nil applies every change whatever its window.
    /// - Returns: the crossing's lanes for the mode plus every change that applies, at least 0.
    public func lanes(of crossing: Crossing, mode: Mode, at moment: Moment?) -> Int {
        let base = crossing.lanes[mode] ?? 0
        let delta = capacityChanges
            .filter { $0.crossing == crossing.id && $0.mode == mode && $0.applies(at: moment, timeZone: crossing.timeZone) }
            .reduce(0) { $0 + $1.lanesDelta }
        return max(0, base + delta)
    }

    /// The share of its usual processing rate a crossing achieves at a moment, after the officers taken from
    /// its port then (1 when none are).
    ///
    /// - Parameters:
    ///   - crossing: the crossing.
    ///   - moment: when; nil applies every change whatever its window.
    ///   - fitted: the share left where the scenario does not give one (`Behaviour.officersTakenThroughput`).
    /// - Returns: the product of the shares of every change that applies to its port.
    public func throughput(of crossing: Crossing, at moment: Moment?, fitted: Double) -> Double {
        staffChanges.filter { $0.port == crossing.portCode && $0.applies(at: moment, timeZone: crossing.timeZone) }
            .reduce(1) { $0 * ($1.throughput ?? fitted) }
    }

    /// Whether a change with `window` applies at `moment` read in `timeZone`: always with no window or no
    /// moment.
    static func window(_ window: ClosureWindow?, holds moment: Moment?, timeZone: String) -> Bool {
        guard let moment, let window else { return true }
        guard let date = moment.date(in: timeZone) else { return false }
        return window.contains(date, timeZone: timeZone)
    }
}
