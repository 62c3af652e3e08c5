import BorderFlowGraph
import Foundation

/// Demand, its crossing options and its baseline assignment, computed once; each `divert` then only
/// filters the options and assigns the scenario. Immutable and `Sendable`.
public final class DiversionModel: Sendable {
    /// The network assigned on.
    public let network: BorderNetwork
    /// The demand assigned.
    public let demand: Demand
    /// Seconds added to each crossing's cost per mode (from the fit).
    public let constants: [PerMode<Double>]
    /// The assignment model of baseline and scenarios.
    public let method: AssignmentMethod
    /// Every option of every trip (no limit), searched once.
    let allChoices: CrossingChoices
    /// The assignment with every crossing open, computed once.
    public let baseline: CrossingAssignment
    /// Each trip's baseline generalized cost and main crossing, which every scenario compares against.
    let baselineCosts: [(seconds: Double, crossing: CrossingIndex)?]

    /// Options a trip considers: the cheapest eight within six hours of its cheapest.
    static let limits = (options: 8, extraSeconds: 6 * 3600.0)

    /// Prepares a demand for many scenarios: every trip's options searched and the baseline assigned, once.
    ///
    /// - Parameters:
    ///   - network: the network.
    ///   - demand: the demand (see `BorderNetwork.baselineDemand(in:)`).
    ///   - constants: seconds added to each crossing's cost per mode.
    ///   - method: the assignment model.
    public init(network: BorderNetwork, demand: Demand, constants: [PerMode<Double>], method: AssignmentMethod = .standard) {
        self.network = network
        self.demand = demand
        self.constants = constants
        self.method = method
        // Closures touch only crossing edges and access costs never cross the border, so a scenario's options
        // are these less the closed ones, cut as a fresh search would cut them.
        allChoices = network.crossingChoices(for: demand.trips, maximumOptions: .max, maximumExtraSeconds: .infinity)
        // Costs as travellers weigh them: road time, wait, and each crossing's calibrated constant.
        let baseChoices = allChoices.considered(with: constants)
        let crossings = network.dataset.crossings
        baseline = baseChoices.assign(demand: demand.dailyTrips, method: method, crossingCount: crossings.count,
                                      capacity: Self.capacity(crossings) { $0.lanes[$1] ?? 0 })
        let baseline = self.baseline
        baselineCosts = demand.trips.indices.map { baseline.tripCost($0) }
    }

    static func capacity(_ crossings: [Crossing], _ lanesOf: @escaping (Crossing, Mode) -> Int) -> (CrossingIndex, Mode) -> Double {
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
        var forgone: PerMode<Double> = [:], deferred: PerMode<Double> = [:]
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
        let scenario = scenarioChoices.assign(demand: served, method: method, crossingCount: crossings.count, capacity: scenarioCapacity)

        // Trains beyond a rail crossing's daily capacity wait for another day: the excess is deferred.
        var scenarioVolume = scenario.volumes
        var railShareCrossing = [Double](repeating: 1, count: crossings.count)
        for index in crossings.typedIndices {
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
        for (index, crossing) in zip(crossings.typedIndices, crossings) {
            for mode in crossing.modes {
                let isClosed = network.isClosed(crossing: index, to: mode, under: mask, capacity: scenarioCapacity(index, mode))
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

        var extra: PerMode<Double> = [:]
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
