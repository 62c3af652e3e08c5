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
        public let crossing: Int
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
    public let forgone: [Mode: Double]
    /// Daily freight trips put off for want of an open crossing, per mode.
    public let deferred: [Mode: Double]
    /// Extra hours per day for the trips still made, per mode, in generalized time (road time, wait, and the
    /// crossing's calibrated constant, which stands for what travellers value in a crossing beyond time), in
    /// the mode's units: person-hours, vehicle-hours, bus-hours, truck-hours, railcar-hours. Railcars deferred
    /// at a full rail crossing do not cross that day and are not counted here.
    public let extraHours: [Mode: Double]
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

extension BorderNetwork {
    /// The fitted baseline demand and crossing constants in a dataset folder (written by `borderflow calibrate`).
    ///
    /// - Parameter directory: the folder holding `demand.csv` and, optionally, `crossing-constants.csv`; nil
    ///   for the dataset's own folder.
    /// - Returns: the demand, and the constants per crossing and mode (none when there is no constants file).
    /// - Throws: `DemandFileError` when there is no demand file or a file is not valid.
    public func baselineDemand(in directory: URL? = nil) throws -> (demand: Demand, constants: [[Mode: Double]]) {
        let folder = directory ?? dataset.directory
        let demandURL = folder.appendingPathComponent(DemandFiles.demand)
        guard FileManager.default.fileExists(atPath: demandURL.path) else {
            throw DemandFileError(file: DemandFiles.demand, line: nil, column: nil,
                                  message: "the dataset in \(folder.path) has no fitted demand; run `borderflow calibrate --data \(folder.path)` to fit one, or pass --demand FILE")
        }
        let demand = try DemandFiles.readDemand(demandURL, dataset: dataset)
        let constantsURL = folder.appendingPathComponent(DemandFiles.constants)
        let constants = FileManager.default.fileExists(atPath: constantsURL.path)
            ? try DemandFiles.readConstants(constantsURL, dataset: dataset)
            : [[Mode: Double]](repeating: [:], count: dataset.crossings.count)
        return (demand, constants)
    }

    /// Runs baseline and scenario and compares them (a `DiversionModel` made for one use).
    ///
    /// - Parameters:
    ///   - demand: the demand (see ``baselineDemand(in:)``).
    ///   - constants: seconds added to each crossing's cost per mode.
    ///   - closures: what is closed.
    ///   - moment: the scenario's day; nil applies every closure whatever its window.
    ///   - lanes: inspection lanes per crossing and mode in the scenario; the dataset's when nil.
    ///   - model: how trips spread over their options.
    /// - Returns: the comparison of scenario and baseline.
    /// - Throws: ``ClosureError`` for a closure the network cannot apply.
    public func divert(
        demand: Demand, constants: [[Mode: Double]], closures: Closures, at moment: Moment?,
        lanes: ((Crossing, Mode) -> Int)? = nil, model: AssignmentModel = .standard
    ) throws -> Diversion {
        try DiversionModel(network: self, demand: demand, constants: constants, model: model)
            .divert(closures: closures, at: moment, lanes: lanes)
    }
}

extension BorderNetwork {
    /// Daily flows of a demand over the crossings open under some closures, with the queues they cause.
    ///
    /// The assignment alone, the same one `DiversionModel` makes of baseline and scenario: each trip spreads
    /// over its open crossings (the cheapest eight within six hours of its cheapest, each with its constant).
    /// It has no baseline to compare with, so no trip is forgone for being dearer; a trip with no open
    /// crossing is left unserved (``CrossingAssignment/unserved``). To compare with every crossing open, use
    /// ``DiversionModel``.
    ///
    /// - Parameters:
    ///   - demand: the demand (see ``baselineDemand(in:)``).
    ///   - constants: seconds added to each crossing's cost per mode; none when nil.
    ///   - closures: what is closed.
    ///   - moment: when; nil applies every closure whatever its window. Opening hours are not applied: a
    ///     day's flows cross while each crossing is open.
    ///   - lanes: inspection lanes per crossing and mode; the dataset's when nil.
    ///   - model: how trips spread over their options.
    /// - Returns: the flows per trip option, crossing and mode, with their waits.
    /// - Throws: ``ClosureError`` for a closure the network cannot apply.
    public func assign(
        _ demand: Demand, constants: [[Mode: Double]]? = nil, closures: Closures = Closures(), at moment: Moment? = nil,
        lanes: ((Crossing, Mode) -> Int)? = nil, model: AssignmentModel = .standard
    ) throws -> CrossingAssignment {
        let crossings = dataset.crossings
        let mask = try self.mask(for: closures, at: moment, applyingOpeningHours: false)
        let capacity = DiversionModel.capacity(crossings, lanes ?? { $0.lanes[$1] ?? 0 })
        return crossingChoices(for: demand.trips, maximumOptions: .max, maximumExtraSeconds: .infinity)
            .open(on: self, mask: mask, capacity: capacity)
            .considered(with: constants ?? [[Mode: Double]](repeating: [:], count: crossings.count))
            .assign(demand: demand.dailyTrips, model: model, crossingCount: crossings.count, capacity: capacity)
    }
}

extension CrossingChoices {
    /// The options open under a mask and with lanes to serve them. A mode a scenario leaves with no lanes
    /// processes nobody, so it is as closed as a closure would make it (and no queue grows without end).
    func open(on network: BorderNetwork, mask: ClosureMask, capacity: (Int, Mode) -> Double) -> CrossingChoices {
        let places = network.dataset.places
        return filtered { t, option in
            let trip = trips[t]
            return capacity(option.crossing, trip.mode) > 0
                && network.isOpen(crossing: option.crossing, mode: trip.mode, northbound: places[trip.origin].country == .mx, mask: mask)
        }
    }

    /// The options travellers weigh: the cheapest `DiversionModel.limits.options` within
    /// `DiversionModel.limits.extraSeconds` of the cheapest, each with its crossing's constant added.
    func considered(with constants: [[Mode: Double]]) -> CrossingChoices {
        limited(maximumOptions: DiversionModel.limits.options, maximumExtraSeconds: DiversionModel.limits.extraSeconds)
            .shifted(by: constants)
    }
}

/// Demand, its crossing options and its baseline assignment, computed once; each `divert` then only
/// filters the options and assigns the scenario. Immutable and `Sendable`.
public final class DiversionModel: Sendable {
    /// The network assigned on.
    public let network: BorderNetwork
    /// The demand assigned.
    public let demand: Demand
    /// Seconds added to each crossing's cost per mode (from the fit).
    public let constants: [[Mode: Double]]
    /// The assignment model of baseline and scenarios.
    public let model: AssignmentModel
    /// Every option of every trip (no limit), searched once.
    let allChoices: CrossingChoices
    /// The assignment with every crossing open, computed once.
    public let baseline: CrossingAssignment
    /// Each trip's baseline generalized cost and main crossing, which every scenario compares against.
    let baselineCosts: [(seconds: Double, crossing: Int)?]

    /// Options a trip considers: the cheapest eight within six hours of its cheapest.
    static let limits = (options: 8, extraSeconds: 6 * 3600.0)

    /// Prepares a demand for many scenarios: every trip's options searched and the baseline assigned, once.
    ///
    /// - Parameters:
    ///   - network: the network.
    ///   - demand: the demand (see `BorderNetwork.baselineDemand(in:)`).
    ///   - constants: seconds added to each crossing's cost per mode.
    ///   - model: the assignment model.
    public init(network: BorderNetwork, demand: Demand, constants: [[Mode: Double]], model: AssignmentModel = .standard) {
        self.network = network
        self.demand = demand
        self.constants = constants
        self.model = model
        // Closures touch only crossing edges and access costs never cross the border, so a scenario's options
        // are these less the closed ones, cut as a fresh search would cut them.
        allChoices = network.crossingChoices(for: demand.trips, maximumOptions: .max, maximumExtraSeconds: .infinity)
        // Costs as travellers weigh them: road time, wait, and each crossing's calibrated constant.
        let baseChoices = allChoices.considered(with: constants)
        let crossings = network.dataset.crossings
        baseline = baseChoices.assign(demand: demand.dailyTrips, model: model, crossingCount: crossings.count,
                                      capacity: Self.capacity(crossings) { $0.lanes[$1] ?? 0 })
        let baseline = self.baseline
        baselineCosts = demand.trips.indices.map { baseline.tripCost($0) }
    }

    static func capacity(_ crossings: [Crossing], _ lanesOf: @escaping (Crossing, Mode) -> Int) -> (Int, Mode) -> Double {
        { index, mode in crossings[index].dailyCapacity(for: mode, lanes: lanesOf(crossings[index], mode)) }
    }

    /// Compares the scenario (closures in force at `moment`, lanes from `lanes`) with the baseline.
    ///
    /// - Parameters:
    ///   - closures: what is closed.
    ///   - moment: the scenario's day; nil applies every closure whatever its window. Opening hours are not
    ///     applied: they are already in each crossing's daily capacity.
    ///   - lanes: inspection lanes per crossing and mode in the scenario; the dataset's when nil.
    /// - Returns: the comparison of scenario and baseline.
    /// - Throws: ``ClosureError`` for a closure the network cannot apply.
    public func divert(closures: Closures, at moment: Moment?, lanes: ((Crossing, Mode) -> Int)? = nil) throws -> Diversion {
        let network = self.network, dataset = network.dataset, demand = self.demand, baseline = self.baseline
        let crossings = dataset.crossings
        let free: (Mode) -> Double = { CrossingTimes.northboundMinutes($0) * 60 }
        let mask = try network.mask(for: closures, at: moment, applyingOpeningHours: false)
        let scenarioLanes = lanes ?? { $0.lanes[$1] ?? 0 }
        let scenarioCapacity = Self.capacity(crossings, scenarioLanes)
        let scenarioChoices = allChoices.open(on: network, mask: mask, capacity: scenarioCapacity).considered(with: constants)

        // Costs are generalized: road time, wait and the crossing's constant (see `baselineCosts`).
        var served = demand.dailyTrips
        var forgone: [Mode: Double] = [:], deferred: [Mode: Double] = [:]
        for t in demand.trips.indices where demand.dailyTrips[t] > 0 {
            let mode = demand.trips[t].mode
            let options = scenarioChoices.options(ofTrip: t)
            guard let cheapest = options.map({ $0.accessSeconds + free(mode) }).min() else {
                // No open crossing for this trip at all.
                if mode.isFreight { deferred[mode, default: 0] += served[t] } else { forgone[mode, default: 0] += served[t] }
                served[t] = 0
                continue
            }
            if let before = baselineCosts[t]?.seconds, Diversion.isForgone(mode, before: before, after: cheapest) {
                forgone[mode, default: 0] += served[t]
                served[t] = 0
            }
        }
        let scenario = scenarioChoices.assign(demand: served, model: model, crossingCount: crossings.count, capacity: scenarioCapacity)

        // Trains beyond a rail crossing's daily capacity wait for another day: the excess is deferred.
        var scenarioVolume = scenario.volumes
        var railShareCrossing = [Double](repeating: 1, count: crossings.count)
        for index in crossings.indices {
            guard let volume = scenarioVolume[index][.rail] else { continue }
            let limit = scenarioCapacity(index, .rail)
            if volume > limit {
                deferred[.rail, default: 0] += volume - limit
                scenarioVolume[index][.rail] = limit
                railShareCrossing[index] = limit / volume
            }
        }
        /// A trip's daily units that cross: all it serves, less, by rail, the railcars deferred at a full crossing
        /// (they are counted once, as deferred, and neither in extra hours nor in detours).
        func crossingToday(_ t: Int) -> Double {
            guard demand.trips[t].mode == .rail else { return served[t] }
            let base = scenario.choices.offsets[t]
            return scenario.choices.options(ofTrip: t).enumerated().reduce(0) { sum, entry in
                sum + scenario.optionFlows[base + entry.offset] * railShareCrossing[entry.element.crossing]
            }
        }

        var changes: [Diversion.CrossingChange] = []
        for (index, crossing) in crossings.enumerated() {
            for mode in crossing.modes {
                let isClosed = network.crossingEdges[index].contains { $0.mode == mode && mask.isClosed(edge: $0.edge) }
                    || (crossing.inService && scenarioCapacity(index, mode) <= 0)
                changes.append(Diversion.CrossingChange(
                    crossing: index, mode: mode,
                    baseline: baseline.volumes[index][mode] ?? 0, scenario: scenarioVolume[index][mode] ?? 0,
                    waitMinutesBaseline: (baseline.waits[index][mode] ?? 0) / 60,
                    waitMinutesScenario: isClosed ? 0 : (scenario.waits[index][mode] ?? 0) / 60, closed: isClosed))
            }
        }
        func totals(_ key: (Crossing) -> (String, String)?) -> [Diversion.Total] {
            var sums: [String: (name: String, mode: Mode, baseline: Double, scenario: Double, baseWait: Double, scenarioWait: Double)] = [:]
            var order: [String] = []
            for change in changes {
                guard let (id, name) = key(crossings[change.crossing]) else { continue }
                let slot = "\(id)|\(change.mode.rawValue)"
                if sums[slot] == nil { order.append(slot); sums[slot] = (name, change.mode, 0, 0, 0, 0) }
                sums[slot]!.baseline += change.baseline
                sums[slot]!.scenario += change.scenario
                sums[slot]!.baseWait += change.baseline * change.waitMinutesBaseline
                sums[slot]!.scenarioWait += change.scenario * change.waitMinutesScenario
            }
            return order.map { slot in
                let entry = sums[slot]!
                return Diversion.Total(key: String(slot.split(separator: "|")[0]), name: entry.name, mode: entry.mode,
                                       baseline: entry.baseline, scenario: entry.scenario,
                                       waitMinutesBaseline: entry.baseline > 0 ? entry.baseWait / entry.baseline : 0,
                                       waitMinutesScenario: entry.scenario > 0 ? entry.scenarioWait / entry.scenario : 0)
            }
        }
        let ports = totals { ($0.portCode, $0.port) }
        let sectors = totals { crossing in crossing.sector.map { id in (id, dataset.sector(id: id)?.name ?? id) } }

        var extra: [Mode: Double] = [:]
        var detours: [Diversion.Detour] = []
        for t in demand.trips.indices where served[t] > 0 {
            guard let before = baselineCosts[t], let after = scenario.tripCost(t) else { continue }
            let mode = demand.trips[t].mode
            let trips = crossingToday(t)
            extra[mode, default: 0] += trips * (after.seconds - before.seconds) / 3600
            if after.seconds - before.seconds > 60, trips > 0 {
                detours.append(Diversion.Detour(
                    origin: dataset.places[demand.trips[t].origin].id, destination: dataset.places[demand.trips[t].destination].id,
                    mode: mode, dailyTrips: trips, baselineMinutes: before.seconds / 60, scenarioMinutes: after.seconds / 60,
                    baselineCrossing: crossings[before.crossing].id, scenarioCrossing: crossings[after.crossing].id))
            }
        }
        // The pairs that lose most time in all: trips × extra minutes, largest first.
        detours.sort {
            let a = $0.dailyTrips * ($0.scenarioMinutes - $0.baselineMinutes), b = $1.dailyTrips * ($1.scenarioMinutes - $1.baselineMinutes)
            return a != b ? a > b : ($0.origin, $0.destination, $0.mode.rawValue) < ($1.origin, $1.destination, $1.mode.rawValue)
        }
        return Diversion(crossings: changes, ports: ports, sectors: sectors, forgone: forgone, deferred: deferred,
                         extraHours: extra, detours: Array(detours.prefix(20)), baseline: baseline, scenario: scenario,
                         network: network)
    }
}
