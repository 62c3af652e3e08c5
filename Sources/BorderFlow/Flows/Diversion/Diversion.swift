import BorderFlowGraph
import Foundation

/// Baseline against scenario: where the traffic goes when crossings close, how much longer trips get, and
/// which trips are given up or put off.
///
/// Daily model: closures in force on the scenario's day apply all day; each crossing's queue runs over the
/// hours it is open (`DailyQueue`), and lanes and officers follow the scenario that day.
///
/// Response (`Behaviour`): a trip whose cheapest way across now costs more is made with the share
/// `Behaviour.keptShare` leaves; the rest is forgone (pedestrians, cars, buses) or deferred (trucks,
/// railcars), and so is whatever a crossing cannot process in the day. Drivers whose crossing closes to cars
/// but stays open on foot may walk across it (`walkedInstead`). Trips the scenario does not reach keep their
/// baseline choices (see `DiversionModel`).
public struct Diversion: Sendable {
    /// One crossing and mode, baseline against scenario.
    public struct CrossingChange: Sendable, Equatable {
        /// The crossing, by index in the dataset.
        public let crossing: CrossingIndex
        /// The mode.
        public let mode: Mode
        /// Daily volume with every crossing open.
        public let baseline: Double
        /// Daily volume served under the scenario (0 when closed), walkers included.
        public let scenario: Double
        /// The crossing's day with every crossing open: served, unserved, mean wait and peak queue.
        public let baselineDay: DailyQueue.Day
        /// Its day under the scenario, for the traffic that arrives (walkers aside).
        public let scenarioDay: DailyQueue.Day
        /// Pedestrians a day who walk across here because the crossing closed to their cars.
        public let walkedInstead: Double
        /// Whether the scenario closes this crossing to this mode, by a closure or by leaving it no lanes.
        public let closed: Bool

        /// Scenario less baseline.
        public var change: Double { scenario - baseline }
        /// Nil below one unit a day, where a percentage means nothing.
        public var percentChange: Double? { Diversion.percentChange(from: baseline, to: scenario) }
        /// Minutes to pass the crossing at its baseline volume.
        public var waitMinutesBaseline: Double { baselineDay.waitSeconds / 60 }
        /// Minutes to pass it at its scenario volume (0 when closed).
        public var waitMinutesScenario: Double { closed ? 0 : scenarioDay.waitSeconds / 60 }
        /// Scenario volume ÷ the daily capacity under the scenario; nil when closed or with no capacity.
        public var volumeCapacityRatio: Double? {
            closed || !(scenarioDay.capacity > 0) ? nil : (scenarioDay.served + scenarioDay.unserved) / scenarioDay.capacity
        }
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
    /// Daily trips given up, per mode (discretionary modes): by response to a dearer crossing, or for want of
    /// capacity. Vehicle trips whose occupants walk across instead are counted here and in `walkedInstead`.
    public let forgone: PerMode<Double>
    /// Daily freight trips put off, per mode: by response, for want of capacity or an open crossing, or held
    /// by the railroad through a short closure.
    public let deferred: PerMode<Double>
    /// Extra hours per day for the trips still made, per mode, in generalized time (road time, wait, and the
    /// crossing's calibrated constant, which stands for what travellers value in a crossing beyond time), in
    /// the mode's units: person-hours, vehicle-hours, bus-hours, truck-hours, railcar-hours. It counts the
    /// reached trips at their new cost and every other trip at the waits it now queues in.
    public let extraHours: PerMode<Double>
    /// The twenty trips losing most time in all (trips × extra minutes), largest first.
    public let detours: [Detour]
    /// How many trips (origin, destination, mode) the scenario reached and assigned again.
    public let reachedTrips: Int
    /// Rounds of assignment and response it took the reached trips to settle.
    public let responseRounds: Int
    /// The assignment with every crossing open.
    public let baseline: CrossingAssignment
    /// The scenario's assignment, of the trips still made and served (walkers aside).
    public let scenario: CrossingAssignment
    /// The network both were assigned on: what turns the flows back into places, roads and map layers.
    public let network: BorderNetwork
    /// The month whose level the demand was at; nil for an ordinary day of the year.
    public let season: Season?

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

    /// Persons a day walking across crossings closed to their cars.
    public var walkedInstead: Double { crossings.reduce(0) { $0 + $1.walkedInstead } }

    init(crossings: [CrossingChange], dataset: Dataset, forgone: PerMode<Double>, deferred: PerMode<Double>,
         extraHours: PerMode<Double>, detours: [Detour], reachedTrips: Int, responseRounds: Int,
         baseline: CrossingAssignment, scenario: CrossingAssignment, network: BorderNetwork, season: Season?) {
        self.crossings = crossings
        self.season = season
        self.forgone = forgone
        self.deferred = deferred
        self.extraHours = extraHours
        self.detours = detours
        self.reachedTrips = reachedTrips
        self.responseRounds = responseRounds
        self.baseline = baseline
        self.scenario = scenario
        self.network = network
        func totals(_ key: (Crossing) -> (String, String)?) -> [Total] {
            var sums: [String: (name: String, mode: Mode, baseline: Double, scenario: Double, baseWait: Double, scenarioWait: Double)] = [:]
            var order: [String] = []
            for change in crossings {
                guard let (id, name) = key(dataset.crossings[change.crossing]) else { continue }
                let slot = "\(id)|\(change.mode.rawValue)"
                if sums[slot] == nil { order.append(slot); sums[slot] = (name, change.mode, 0, 0, 0, 0) }
                sums[slot]!.baseline += change.baseline
                sums[slot]!.scenario += change.scenario
                sums[slot]!.baseWait += change.baseline * change.waitMinutesBaseline
                sums[slot]!.scenarioWait += change.scenario * change.waitMinutesScenario
            }
            return order.map { slot in
                let entry = sums[slot]!
                return Total(key: String(slot.split(separator: "|")[0]), name: entry.name, mode: entry.mode,
                             baseline: entry.baseline, scenario: entry.scenario,
                             waitMinutesBaseline: entry.baseline > 0 ? entry.baseWait / entry.baseline : 0,
                             waitMinutesScenario: entry.scenario > 0 ? entry.scenarioWait / entry.scenario : 0)
            }
        }
        ports = totals { ($0.portCode, $0.port) }
        sectors = totals { crossing in crossing.sector.map { id in (id, dataset.sector(id: id)?.name ?? id) } }
    }
}
