import BorderFlowGraph
import Foundation

/// Demand, its crossing options and its baseline assignment, computed once; each `divert` then reassigns
/// only the trips a scenario reaches. Immutable and `Sendable`.
///
/// A scenario reaches a trip when one of the crossings the trip weighs (see `limits`) is closed to its mode
/// or has its capacity changed. Those trips are assigned again over their open options, queueing with the
/// baseline traffic of everyone else; trips the scenario does not reach keep their baseline choices, so a
/// closure moves nothing at crossings none of its trips could use. Each reached trip is made with the share
/// `Behaviour.keptShare` leaves at its new cost, found by turns of assignment and response (each trip's
/// step halved whenever it overshoots, each assignment starting from the last) until no trip's count moves by
/// more than `convergence`.
public final class DiversionModel: Sendable {
    /// The network assigned on.
    public let network: BorderNetwork
    /// The demand assigned: the demand given, at the season's level when there is one.
    public let demand: Demand
    /// The month whose level the demand is at; nil for an ordinary day of the year.
    public let season: Season?
    /// Seconds added to each crossing's cost per mode: the fit's, with the season's shifts when there is one.
    public let constants: [PerMode<Double>]
    /// How travellers respond to closures and queues.
    public let behaviour: Behaviour
    /// The assignment method of baseline and scenarios.
    public let method: AssignmentMethod
    /// Where pedestrian trips may cross, which a scenario's options are searched within again.
    let pedestrianReach: PedestrianReach
    /// The assignment with every crossing open, computed once.
    public let baseline: CrossingAssignment
    /// Each trip's cheapest generalized cost with every crossing open (road time, wait and constant);
    /// infinite for a trip with no way across.
    let baselineCost: [Double]
    /// The time of that cheapest way (road and wait, without the constant): what its response is measured from.
    let baselineTime: [Double]
    /// The crossing carrying most of each trip's baseline flow.
    let baselineCrossing: [CrossingIndex?]

    /// Options a trip considers: the cheapest eight within six hours of its cheapest.
    static let limits = (options: 8, extraSeconds: 6 * 3600.0)
    /// The response is settled when no trip's daily count moves by more than this between rounds (in trips a
    /// day, or fiftieths of the trip's demand where that is larger).
    static let convergence = 0.05
    /// Rounds of assignment and response at most.
    static let maximumRounds = 40

    /// Prepares a demand for many scenarios: every trip's options searched and the baseline assigned, once.
    ///
    /// - Parameters:
    ///   - network: the network.
    ///   - demand: the demand (see `BorderNetwork.baselineDemand(in:)`).
    ///   - constants: seconds added to each crossing's cost per mode.
    ///   - behaviour: how travellers respond (see `BorderNetwork.behaviour(in:)` for the fitted one).
    ///   - method: the assignment method.
    ///   - season: the month whose level to run at (see ``Season``); nil for an ordinary day of the year.
    public init(network: BorderNetwork, demand: Demand, constants: [PerMode<Double>], behaviour: Behaviour,
                method: AssignmentMethod = .standard, season: Season? = nil) {
        self.network = network
        self.season = season
        self.behaviour = behaviour
        self.method = method
        let reach = PedestrianReach(network: network)
        pedestrianReach = reach
        let demand = season.map {
            $0.scaled(demand, homes: network.homeCrossings(of: demand.trips, constants: constants, admitting: reach.admits))
        } ?? demand
        self.demand = demand
        let constants = season?.shifted(constants) ?? constants
        self.constants = constants
        let crossings = network.dataset.crossings
        baseline = Self.consideredOptions(of: demand, on: network, reach: reach).shifted(by: constants)
            .assign(demand: demand.dailyTrips, method: method, crossingCount: crossings.count) { crossings[$0].queue(for: $1) }
        let baseline = self.baseline
        baselineCost = demand.trips.indices.map { baseline.cheapestCost(ofTrip: $0) }
        baselineTime = demand.trips.indices.map { Self.time(of: $0, in: baseline, constants: constants) }
        baselineCrossing = demand.trips.indices.map { baseline.tripCost($0)?.crossing }
    }

    /// The options each trip of a demand weighs with every crossing open (see `limits`), without constants.
    /// A pedestrian crosses only where both ends of the trip are within walking or local-transit reach.
    ///
    /// Only these few per trip are kept, not every crossing a trip could reach: with many crossings that list
    /// would grow as trips × crossings. A scenario searches its reached trips' options again instead.
    static func consideredOptions(of demand: Demand, on network: BorderNetwork, reach: PedestrianReach) -> CrossingChoices {
        network.crossingChoices(for: demand.trips, maximumOptions: limits.options, maximumExtraSeconds: limits.extraSeconds,
                                admitting: reach.admits)
    }

    private init(_ other: DiversionModel, behaviour: Behaviour) {
        network = other.network
        demand = other.demand
        season = other.season
        constants = other.constants
        self.behaviour = behaviour
        method = other.method
        pedestrianReach = other.pedestrianReach
        baseline = other.baseline
        baselineCost = other.baselineCost
        baselineTime = other.baselineTime
        baselineCrossing = other.baselineCrossing
    }

    /// The time of a trip's cheapest option: its generalized cost less the crossing's constant (a truck's cost
    /// of leaving its port stays in); infinite when it has none.
    static func time(of trip: Int, in assignment: CrossingAssignment, constants: [PerMode<Double>]) -> Double {
        guard let cheapest = assignment.cheapestOption(ofTrip: trip) else { return .infinity }
        return cheapest.cost - (constants[cheapest.option.crossing][assignment.choices.trips[trip].mode] ?? 0)
    }

    /// The same model with other behaviour: the baseline does not depend on it, so nothing is searched or
    /// assigned again (what a fit or an uncertainty run calls many times).
    ///
    /// - Parameter behaviour: the behaviour of the new model.
    /// - Returns: a model sharing this one's options and baseline.
    public func with(behaviour: Behaviour) -> DiversionModel {
        DiversionModel(self, behaviour: behaviour)
    }

    /// Compares the scenario (closures in force at `moment`, lanes from `lanes`, officers from `throughput`)
    /// with the baseline.
    ///
    /// - Parameters:
    ///   - closures: what is closed.
    ///   - moment: the scenario's day; nil applies every closure whatever its window. Opening hours are not
    ///     applied: they are already in each crossing's hourly capacity.
    ///   - lanes: inspection lanes per crossing and mode in the scenario; the dataset's when nil.
    ///   - throughput: the share of its usual processing rate each crossing achieves (less than 1 where
    ///     officers were taken from its port); 1 everywhere when nil.
    /// - Returns: the comparison of scenario and baseline.
    /// - Throws: ``ClosureError`` for a closure the network cannot apply.
    public func divert(closures: Closures, at moment: Moment?, lanes: ((Crossing, Mode) -> Int)? = nil,
                       throughput: ((Crossing) -> Double)? = nil) throws -> Diversion {
        let network = self.network, dataset = network.dataset, demand = self.demand, baseline = self.baseline
        let crossings = dataset.crossings, behaviour = self.behaviour
        let mask = try network.mask(for: closures, at: moment, applyingOpeningHours: false)
        let queues = crossings.map { crossing in
            PerMode(uniqueKeysWithValues: Mode.allCases.map { mode in
                (mode, crossing.queue(for: mode, lanes: lanes?(crossing, mode), throughput: throughput?(crossing) ?? 1))
            })
        }
        // Capacities read off once: copying a queue per option would cost more than the search.
        let capacities = queues.map { $0.mapValues(\.dailyCapacity) }
        func queue(_ crossing: CrossingIndex, _ mode: Mode) -> DailyQueue { queues[crossing][mode]! }
        func capacity(_ crossing: CrossingIndex, _ mode: Mode) -> Double { capacities[crossing][mode]! }
        func isClosed(_ crossing: CrossingIndex, _ mode: Mode) -> Bool {
            network.isClosed(crossing: crossing, to: mode, under: mask, capacity: capacity(crossing, mode))
        }
        var changed = [PerMode<Bool>](repeating: [:], count: crossings.count)
        for (index, crossing) in zip(crossings.typedIndices, crossings) {
            for mode in crossing.modes {
                changed[index][mode] = isClosed(index, mode) || queue(index, mode) != crossing.queue(for: mode)
            }
        }
        let held = try heldRailCrossings(closures, at: moment)

        // The trips the scenario reaches, and their options under it.
        let base = baseline.choices
        let reached = demand.trips.indices.filter { t in
            base.options(ofTrip: t).contains { changed[$0.crossing][demand.trips[t].mode] == true }
        }
        let reachedChoices = scenarioChoices(for: reached, mask: mask, capacities: capacities, held: held)
        var background = baseline.volumes
        for t in reached {
            for (offset, option) in base.options(ofTrip: t).enumerated() {
                let mode = demand.trips[t].mode
                background[option.crossing][mode] = max(0, (background[option.crossing][mode] ?? 0) - baseline.optionFlows[base.offsets[t] + offset])
            }
        }

        // The share of each reached trip's baseline traffic on crossings now closed to it.
        let closedShare = reached.map { t -> Double in
            let flows = base.options(ofTrip: t).enumerated().map { (option: $0.element, flow: baseline.optionFlows[base.offsets[t] + $0.offset]) }
            let total = flows.reduce(0) { $0 + $1.flow }
            let closed = flows.filter { isClosed($0.option.crossing, demand.trips[t].mode) }.reduce(0) { $0 + $1.flow }
            return total > 0 ? closed / total : 0
        }

        // Assignment and response in turn until the trips made settle.
        var kept = reached.map { demand.dailyTrips[$0] }
        var assignment = reachedChoices.assign(demand: kept, method: method, crossingCount: crossings.count, queue: queue, background: background)
        // Each trip moves towards its response by its own step, halved whenever it overshoots: many trips
        // answering one queue together would otherwise swing about the settled counts.
        var steps = [Double](repeating: 1, count: reached.count)
        var lastSign = [Double](repeating: 0, count: reached.count)
        var rounds = 0
        for round in 1...Self.maximumRounds {
            rounds = round
            var largest = 0.0
            for (i, t) in reached.enumerated() {
                let rise = Self.time(of: i, in: assignment, constants: constants) - baselineTime[t]
                let target = demand.dailyTrips[t] * behaviour.keptShare(demand.trips[t].mode, riseSeconds: rise, closedShare: closedShare[i])
                let sign: Double = target > kept[i] ? 1 : (target < kept[i] ? -1 : 0)
                if sign != 0 && sign == -lastSign[i] { steps[i] /= 2 }
                if sign != 0 { lastSign[i] = sign }
                let next = kept[i] + (target - kept[i]) * steps[i]
                // Settled within a twentieth of a trip a day, or a thousandth of a large one.
                largest = max(largest, abs(next - kept[i]) / max(1, demand.dailyTrips[t] / 50))
                kept[i] = next
            }
            assignment = reachedChoices.assign(demand: kept, method: method, crossingCount: crossings.count, queue: queue,
                                               background: background, start: assignment)
            if largest < Self.convergence { break }
        }

        // What a crossing cannot process in the day is not served: every flow through it is cut in proportion.
        var servedShare = [PerMode<Double>](repeating: [:], count: crossings.count)
        var forgone: PerMode<Double> = [:], deferred: PerMode<Double> = [:]
        func lose(_ amount: Double, _ mode: Mode) {
            guard amount > 0 else { return }
            if mode.isFreight { deferred[mode, default: 0] += amount } else { forgone[mode, default: 0] += amount }
        }
        for index in crossings.typedIndices {
            for (mode, day) in assignment.days[index] where day.unserved > 0 {
                servedShare[index][mode] = day.served / (day.served + day.unserved)
                lose(day.unserved, mode)
            }
        }
        let scenario = combined(reached: reached, assignment: assignment, servedShare: servedShare)

        // Trips given up; drivers whose crossing stays open on foot may walk across it instead.
        var walkers = [Double](repeating: 0, count: crossings.count)
        for (i, t) in reached.enumerated() {
            let mode = demand.trips[t].mode
            lose(demand.dailyTrips[t] - kept[i], mode)
            let servedToday = scenario.tripFlow(t)
            if mode == .pov, let usual = baselineCrossing[t], crossings[usual].serves(.pedestrian), !isClosed(usual, .pedestrian) {
                walkers[usual.rawValue] += behaviour.walkingSwitch * max(0, demand.dailyTrips[t] - servedToday)
            }
        }

        var changes: [Diversion.CrossingChange] = []
        for (index, crossing) in zip(crossings.typedIndices, crossings) {
            for mode in crossing.modes {
                let walked = mode == .pedestrian ? walkers[index.rawValue] : 0
                let closed = isClosed(index, mode)
                changes.append(Diversion.CrossingChange(
                    crossing: index, mode: mode,
                    baseline: baseline.volumes[index][mode] ?? 0, scenario: (scenario.volumes[index][mode] ?? 0) + walked,
                    baselineDay: baseline.days[index][mode]!, scenarioDay: assignment.days[index][mode]!,
                    walkedInstead: walked, closed: closed))
            }
        }

        // Extra hours: the reached trips at their new cost, everyone else at the waits they now queue in.
        var extra: PerMode<Double> = [:]
        var detours: [Diversion.Detour] = []
        let reachedSet = Set(reached)
        for (i, t) in reached.enumerated() {
            let trips = scenario.tripFlow(t)
            guard trips > 0 else { continue }
            let mode = demand.trips[t].mode
            let before = baselineCost[t], after = assignment.cheapestCost(ofTrip: i)
            extra[mode, default: 0] += trips * (after - before) / 3600
            if after - before > 60 {
                detours.append(Diversion.Detour(
                    origin: dataset.places[demand.trips[t].origin].id, destination: dataset.places[demand.trips[t].destination].id,
                    mode: mode, dailyTrips: trips, baselineMinutes: before / 60, scenarioMinutes: after / 60,
                    baselineCrossing: baselineCrossing[t].map { crossings[$0].id },
                    scenarioCrossing: assignment.tripCost(i).map { crossings[$0.crossing].id }))
            }
        }
        for t in demand.trips.indices where !reachedSet.contains(t) {
            let mode = demand.trips[t].mode
            for (offset, option) in base.options(ofTrip: t).enumerated() {
                let flow = scenario.optionFlows[scenario.choices.offsets[t] + offset]
                guard flow > 0 else { continue }
                let before = baseline.days[option.crossing][mode]!.waitSeconds, after = assignment.days[option.crossing][mode]!.waitSeconds
                if after != before { extra[mode, default: 0] += flow * (after - before) / 3600 }
            }
        }
        // The pairs that lose most time in all: trips × extra minutes, largest first.
        detours.sort {
            let a = $0.dailyTrips * ($0.scenarioMinutes - $0.baselineMinutes), b = $1.dailyTrips * ($1.scenarioMinutes - $1.baselineMinutes)
            return a != b ? a > b : ($0.origin, $0.destination, $0.mode.rawValue) < ($1.origin, $1.destination, $1.mode.rawValue)
        }
        return Diversion(crossings: changes, dataset: dataset, forgone: forgone, deferred: deferred, extraHours: extra,
                         detours: Array(detours.prefix(20)), reachedTrips: reached.count, responseRounds: rounds,
                         baseline: baseline, scenario: scenario, network: network, season: season)
    }

    /// Rail crossings closed by a closure short enough for the railroads to hold their trains.
    private func heldRailCrossings(_ closures: Closures, at moment: Moment?) throws -> Set<CrossingIndex> {
        var held = Set<CrossingIndex>()
        for closure in closures.closures {
            guard let days = closure.window?.days, days <= behaviour.railHoldDays else { continue }
            var single = Closures()
            try single.close(closure.target, from: closure.window?.start, to: closure.window?.end)
            let mask = try network.mask(for: single, at: moment, applyingOpeningHours: false)
            for (index, crossing) in zip(network.dataset.crossings.typedIndices, network.dataset.crossings)
            where crossing.serves(.rail) && network.isClosed(crossing: index, to: .rail, under: mask) {
                held.insert(index)
            }
        }
        return held
    }

    /// The options of the reached trips under the scenario: open, cut as travellers weigh them, trucks paying
    /// to leave the ports they used, railcars on the railroads they used and held when a bridge they used is
    /// closed briefly.
    private func scenarioChoices(for reached: [Int], mask: ClosureMask, capacities: [PerMode<Double>],
                                 held: Set<CrossingIndex>) -> CrossingChoices {
        let crossings = network.dataset.crossings
        let portSwitch = behaviour.portSwitchHours * 3_600
        let trips = reached.map { demand.trips[$0] }
        // The crossings each trip used with every crossing open: its ports and its railroads.
        let base = baseline.choices
        let used = reached.map { t in
            base.options(ofTrip: t).enumerated().filter { baseline.optionFlows[base.offsets[t] + $0.offset] > 0 }.map(\.element.crossing)
        }
        // The open crossings with lanes to serve them, searched again for these trips only: the same options
        // as keeping every crossing of every trip and dropping the closed ones, without holding them all.
        let open = network.crossingChoices(
            for: trips, mask: mask, capacity: { capacities[$0][$1] ?? 0 },
            maximumOptions: Self.limits.options, maximumExtraSeconds: Self.limits.extraSeconds, admitting: pedestrianReach.admits)
        return open.shifted(by: constants).adjusted { i, option in
            let crossing = crossings[option.crossing]
            switch trips[i].mode {
            case .truck:
                guard !used[i].isEmpty, !used[i].contains(where: { crossings[$0].portCode == crossing.portCode }) else { return option }
                return CrossingChoices.Option(crossing: option.crossing, accessSeconds: option.accessSeconds + portSwitch)
            case .rail:
                if used[i].contains(where: held.contains) { return nil }
                let own = Set(used[i].compactMap { crossings[$0].railroad })
                return own.isEmpty || crossing.railroad.map(own.contains) ?? true ? option : nil
            default:
                return option
            }
        }
    }

    /// Every trip's scenario flows in one assignment: the reached trips' from `assignment`, the others'
    /// from the baseline, each cut by the share its crossing can serve.
    private func combined(reached: [Int], assignment: CrossingAssignment, servedShare: [PerMode<Double>]) -> CrossingAssignment {
        let base = baseline.choices
        var position = [Int?](repeating: nil, count: demand.trips.count)
        for (i, t) in reached.enumerated() { position[t] = i }
        var offsets = [0], options: [CrossingChoices.Option] = [], flows: [Double] = []
        var volumes = [PerMode<Double>](repeating: [:], count: network.dataset.crossings.count)
        var tripDemand = demand.dailyTrips
        for t in demand.trips.indices {
            let mode = demand.trips[t].mode
            let (source, row, list): (CrossingAssignment, Int, ArraySlice<CrossingChoices.Option>) = position[t].map {
                (assignment, $0, assignment.choices.options(ofTrip: $0))
            } ?? (baseline, t, base.options(ofTrip: t))
            if let i = position[t] { tripDemand[t] = assignment.demand[i] }
            for (offset, option) in list.enumerated() {
                let flow = source.optionFlows[source.choices.offsets[row] + offset] * (servedShare[option.crossing][mode] ?? 1)
                options.append(option)
                flows.append(flow)
                if flow > 0 { volumes[option.crossing][mode, default: 0] += flow }
            }
            offsets.append(options.count)
        }
        return CrossingAssignment(choices: CrossingChoices(trips: demand.trips, offsets: offsets, options: options),
                                  demand: tripDemand, optionFlows: flows, volumes: volumes, days: assignment.days,
                                  method: method, iterations: assignment.iterations, relativeGap: assignment.relativeGap)
    }
}
