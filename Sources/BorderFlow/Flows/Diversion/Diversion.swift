import BorderFlowGraph
import Foundation

/// Baseline against scenario: where the traffic goes when crossings close, how much longer trips get, and
/// which trips are given up or put off.
///
/// Daily model: closures in force on the scenario's day apply all day (opening hours are already in each
/// crossing's capacity); lanes follow the scenario's capacity changes that day.
///
/// Demand response, by mode: a pedestrian, personal-vehicle or bus trip is forgone when it has no open
/// crossing, or when its cheapest way across (at free-flow waits) costs more than the baseline trip by more
/// than an hour and by more than half (`forgoneThreshold`). Freight is not forgone: a truck or train trip
/// with an open crossing diverts and queues; one with none is deferred, and so are railcars beyond a rail
/// crossing's daily capacity.
public struct Diversion: Sendable {
    /// One crossing and mode, baseline against scenario.
    public struct CrossingChange: Sendable, Equatable {
        /// The crossing, by index in the dataset.
        public let crossing: CrossingIndex
        /// The mode.
        public let mode: Mode
        /// Daily volume with every crossing open.
        public let baseline: Double
        /// Daily volume under the scenario (0 when closed).
        public let scenario: Double
        /// Minutes to pass the crossing at its baseline volume.
        public let waitMinutesBaseline: Double
        /// Minutes to pass it at its scenario volume (0 when closed).
        public let waitMinutesScenario: Double
        /// Whether the scenario closes this crossing to this mode, by a closure or by leaving it no lanes.
        public let closed: Bool

        /// Scenario less baseline.
        public var change: Double { scenario - baseline }
        /// Nil below one unit a day, where a percentage means nothing.
        public var percentChange: Double? { Diversion.percentChange(from: baseline, to: scenario) }
    }

    /// A port's or sector's daily volume for one mode, baseline against scenario.
    public struct Total: Sendable, Equatable {
        /// The port code or sector id.
        public let key: String
        /// The port's or sector's name.
        public let name: String
        /// The mode.
        public let mode: Mode
        /// Daily volume of the group with every crossing open.
        public let baseline: Double
        /// Daily volume of the group under the scenario.
        public let scenario: Double
        /// Volume-weighted mean waits over the group's crossings.
        public let waitMinutesBaseline: Double
        /// Volume-weighted mean minutes to pass the group's crossings under the scenario.
        public let waitMinutesScenario: Double
        /// Scenario less baseline.
        public var change: Double { scenario - baseline }
        /// The change as a percentage of the baseline; nil below one unit a day.
        public var percentChange: Double? { Diversion.percentChange(from: baseline, to: scenario) }
    }

    /// A trip that takes longer under the scenario.
    public struct Detour: Sendable, Equatable {
        /// The origin's place id.
        public let origin: String
        /// The destination's place id.
        public let destination: String
        /// The mode of the trips.
        public let mode: Mode
        /// Daily trips still made.
        public let dailyTrips: Double
        /// Generalized minutes per trip with every crossing open.
        public let baselineMinutes: Double
        /// Generalized minutes per trip under the scenario.
        public let scenarioMinutes: Double
        /// The crossing carrying most of the trip with every crossing open.
        public let baselineCrossing: String?
        /// The crossing carrying most of it under the scenario.
        public let scenarioCrossing: String?
    }

    /// Every crossing and mode it serves, in dataset order.
    public let crossings: [CrossingChange]
    /// Totals per CBP port and mode.
    public let ports: [Total]
    /// Totals per Border Patrol sector and mode.
    public let sectors: [Total]
    /// Daily trips given up, per mode (discretionary modes).
    public let forgone: PerMode<Double>
    /// Daily freight trips put off for want of an open crossing, per mode.
    public let deferred: PerMode<Double>
    /// Extra hours per day for the trips still made, per mode, in generalized time (road time, wait, and the
    /// crossing's calibrated constant, which stands for what travellers value in a crossing beyond time), in
    /// the mode's units: person-hours, vehicle-hours, bus-hours, truck-hours, railcar-hours. Railcars deferred
    /// at a full rail crossing do not cross that day and are not counted here.
    public let extraHours: PerMode<Double>
    /// The twenty trips losing most time in all (trips × extra minutes), largest first.
    public let detours: [Detour]
    /// The assignment with every crossing open.
    public let baseline: CrossingAssignment
    /// The scenario's assignment, of the trips still made.
    public let scenario: CrossingAssignment
    /// The network both were assigned on: what turns the flows back into places, roads and map layers.
    public let network: BorderNetwork

    /// The change from `baseline` to `scenario` in percent; nil below one unit a day, where a percentage
    /// means nothing.
    ///
    /// - Parameters:
    ///   - baseline: the volume with every crossing open.
    ///   - scenario: the volume under the scenario.
    /// - Returns: 100 × (scenario − baseline) / baseline, or nil when the baseline is under 1.
    public static func percentChange(from baseline: Double, to scenario: Double) -> Double? {
        baseline >= 1 ? 100 * (scenario - baseline) / baseline : nil
    }

    /// A discretionary trip is forgone when its cost rises by more than both of these.
    public static let forgoneThreshold = (seconds: 3_600.0, fraction: 0.5)

    /// Whether a trip is given up: never freight, which diverts or is deferred; a pedestrian, car or bus trip
    /// when its cost rises by more than ``forgoneThreshold`` (an hour, and half of what it cost before).
    ///
    /// - Parameters:
    ///   - mode: the trip's mode.
    ///   - before: its cost with every crossing open, in seconds.
    ///   - after: its cost under the scenario, in seconds.
    /// - Returns: true when the trip is not made.
    public static func isForgone(_ mode: Mode, before: Double, after: Double) -> Bool {
        !mode.isFreight && after - before > max(forgoneThreshold.seconds, forgoneThreshold.fraction * before)
    }
}
