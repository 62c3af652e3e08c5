import Foundation

/// The behavioural numbers fitted on the border's past disruptions: each number on the events that speak to
/// it, by least squares in standard errors (`Backcast.misfit`), with the range the fit allows and, per event,
/// the numbers fitted without it (leave one out).
///
/// - `responseHours` for cars and `closureLoss` on the car closures, and `walkingSwitch` on their drivers who
///   walked; pedestrians and buses take the cars' values (no pedestrian or bus closure in the counts resolves
///   them). Trucks have no `closureLoss`: the truck events are lanes lost, not bridges closed.
/// - `responseHours` for trucks and `portSwitchHours` on the truck capacity losses.
/// - `officersTakenThroughput` on the months officers were taken from the ports: every staff event, one number
///   for all of them (April 2019 and October 2023 took different numbers of officers, so it is a compromise;
///   each staff event's leave-one-out fit is the number the other alone gives).
/// - Rail is not fitted (no rail closure in the monthly counts): a day's railcars respond over `responseHours`
///   of 24 and closures of up to a week are held (`railHoldDays` 7), both set and said so in the file.
///
/// Each number is found by golden-section search within its bounds (on a log scale for those above zero),
/// the numbers in turn, twice over, minimising `Backcast.misfit` over the events that speak to it. Its range
/// is where that misfit rises by at most 4 (about two standard errors) with the others held at their fitted
/// values. Events marked unreliable are left out.
public struct BehaviourFit: Sendable {
    /// One fitted number: what it is, its bounds, and the events whose kind speaks to it.
    struct Parameter: Sendable {
        let name: String
        let mode: Mode?
        let bounds: ClosedRange<Double>
        let logScale: Bool
        let speaksTo: @Sendable (PastEvent) -> Bool
    }

    /// The behaviour file's rows: fitted values with their ranges, and the set ones with theirs.
    public let rows: [BehaviourFile.Row]
    /// The misfit at the fitted values, and how many rows it sums.
    public let misfit: (sum: Double, rows: Int)
    /// Per event id: the behaviour fitted without that event (only events with others of their kind).
    public let leaveOneOut: [String: Behaviour]

    /// Where every fit starts, whatever the behaviour file holds, so that a fit gives the same numbers each
    /// time: an hour's τ for people and four for trucks, half of a closed crossing's trips given up, half a
    /// walker per car, two hours to change ports, four fifths of the rate left when officers are taken, and
    /// the set numbers for rail.
    static let start = Behaviour(
        responseHours: PerMode(uniqueKeysWithValues: [(.pedestrian, 1), (.pov, 1), (.bus, 1), (.truck, 4), (.rail, 24)]),
        closureLoss: 0.5, walkingSwitch: 0.5, portSwitchHours: 2, railHoldDays: 7, officersTakenThroughput: 0.8)

    static let parameters: [Parameter] = [
        Parameter(name: "responseHours", mode: .pov, bounds: 0.05...24, logScale: true) { $0.lost?.mode == .pov },
        Parameter(name: "closureLoss", mode: nil, bounds: 0...1, logScale: false) {
            if case .closure = $0.kind { return $0.lost?.mode == .pov } else { return false }
        },
        Parameter(name: "walkingSwitch", mode: nil, bounds: 0...3, logScale: false) { $0.lost?.mode == .pov },
        Parameter(name: "responseHours", mode: .truck, bounds: 0.1...96, logScale: true) { $0.lost?.mode == .truck },
        Parameter(name: "portSwitchHours", mode: nil, bounds: 0...24, logScale: false) { $0.lost?.mode == .truck },
        Parameter(name: "officersTakenThroughput", mode: nil, bounds: 0.3...1, logScale: false) {
            if case .staff = $0.kind { return true } else { return false }
        },
    ]

    /// Fits the behaviour on the events.
    ///
    /// - Parameters:
    ///   - events: the past events (unreliable ones are left out).
    ///   - counts: the monthly counts.
    ///   - history: every event and disruption.
    ///   - model: the diversion model on the baseline (its behaviour is not used: every fit starts from the same point).
    ///   - progress: told each parameter as it is fitted.
    /// - Throws: ``ClosureError`` when an event names a closure the network cannot apply.
    public init(events: [PastEvent], counts: MonthlyCounts, history: PastEvents, model: DiversionModel,
                progress: (String) -> Void = { _ in }) throws {
        let used = events.filter(\.reliable)
        let fitted = try Self.fit(used, counts: counts, history: history, model: model, start: Self.start, progress: progress)
        misfit = try Backcast(events: used, counts: counts, history: history, model: model.with(behaviour: fitted)).misfit
        var unseen: [String: Behaviour] = [:]
        for plan in Self.leaveOneOutPlans(used) {
            progress("leaving out \(plan.event.id)")
            unseen[plan.event.id] = try Self.fit(plan.others, counts: counts, history: history, model: model, start: fitted,
                                                 only: plan.parameters, progress: { _ in })
        }
        leaveOneOut = unseen
        var rows: [BehaviourFile.Row] = []
        for parameter in Self.parameters {
            let basis = used.filter(parameter.speaksTo).map(\.id)
            let value = Self.value(of: parameter, in: fitted)
            let range = try Self.range(of: parameter, around: fitted, events: used.filter(parameter.speaksTo), counts: counts,
                                       history: history, model: model)
            rows.append(BehaviourFile.Row(parameter: parameter.name, mode: parameter.mode, value: value, low: range.lowerBound,
                                          high: range.upperBound, basis: "fitted on " + basis.joined(separator: " ")))
        }
        let cars = rows[0]
        for mode in [Mode.pedestrian, .bus] {
            rows.append(BehaviourFile.Row(parameter: "responseHours", mode: mode, value: cars.value, low: cars.low, high: cars.high,
                                          basis: "set to the cars' value: no \(mode.rawValue) closure in the counts resolves it"))
        }
        rows.append(BehaviourFile.Row(parameter: "responseHours", mode: .rail, value: 24, low: 12, high: 48,
                                      basis: "set, not fitted: no rail closure in the monthly counts"))
        rows.append(BehaviourFile.Row(parameter: "railHoldDays", mode: nil, value: 7, low: 3, high: 14,
                                      basis: "set, not fitted: railroads hold trains through closures of days rather than reroute"))
        self.rows = rows.sorted { (BehaviourFile.parameters.firstIndex(of: $0.parameter)!, $0.mode?.index ?? -1)
            < (BehaviourFile.parameters.firstIndex(of: $1.parameter)!, $1.mode?.index ?? -1) }
    }

    /// One leave-one-out fit: the event left out, the numbers that speak to it (refitted), and the other
    /// events those numbers are refitted on.
    struct LeaveOneOutPlan {
        let event: PastEvent
        let parameters: [String]
        let others: [PastEvent]
    }

    /// The leave-one-out fits of the events: for each event whose kind some number speaks to, and for which at
    /// least one other event speaks to those numbers, the numbers refitted on those other events alone (both
    /// staff events predict each other this way; an event alone of its kind has none).
    static func leaveOneOutPlans(_ events: [PastEvent]) -> [LeaveOneOutPlan] {
        events.compactMap { event in
            let group = parameters.filter { $0.speaksTo(event) }
            let others = events.filter { other in other.id != event.id && group.contains { $0.speaksTo(other) } }
            guard !group.isEmpty, !others.isEmpty else { return nil }
            return LeaveOneOutPlan(event: event, parameters: group.map(\.name), others: others)
        }
    }

    static func value(of parameter: Parameter, in behaviour: Behaviour) -> Double {
        switch parameter.name {
        case "responseHours": return behaviour.responseHours[parameter.mode!] ?? 0
        case "closureLoss": return behaviour.closureLoss
        case "walkingSwitch": return behaviour.walkingSwitch
        case "portSwitchHours": return behaviour.portSwitchHours
        default: return behaviour.officersTakenThroughput
        }
    }

    static func setting(_ parameter: Parameter, to value: Double, in behaviour: Behaviour) -> Behaviour {
        var result = behaviour
        switch parameter.name {
        case "responseHours":
            result.responseHours[parameter.mode!] = value
            // Pedestrians and buses follow the cars (see the type's notes).
            if parameter.mode == .pov { result.responseHours[.pedestrian] = value; result.responseHours[.bus] = value }
        case "closureLoss": result.closureLoss = value
        case "walkingSwitch": result.walkingSwitch = value
        case "portSwitchHours": result.portSwitchHours = value
        default: result.officersTakenThroughput = value
        }
        return result
    }

    static func misfit(_ events: [PastEvent], _ behaviour: Behaviour, counts: MonthlyCounts, history: PastEvents,
                       model: DiversionModel) throws -> Double {
        try Backcast(events: events, counts: counts, history: history, model: model.with(behaviour: behaviour)).misfit.sum
    }

    /// Coordinate descent: each parameter (or only those named) by golden section on its events, twice over.
    static func fit(_ events: [PastEvent], counts: MonthlyCounts, history: PastEvents, model: DiversionModel,
                    start: Behaviour, only: [String]? = nil, progress: (String) -> Void) throws -> Behaviour {
        var behaviour = start
        for _ in 0..<2 {
            for parameter in parameters where only?.contains(parameter.name) ?? true {
                let own = events.filter(parameter.speaksTo)
                guard !own.isEmpty else { continue }
                progress("\(parameter.name)\(parameter.mode.map { " \($0.rawValue)" } ?? "")")
                let best = try goldenSection(parameter) { value in
                    try misfit(own, setting(parameter, to: value, in: behaviour), counts: counts, history: history, model: model)
                }
                behaviour = setting(parameter, to: best, in: behaviour)
            }
        }
        return behaviour
    }

    /// The value within the parameter's bounds that minimises `cost`, to about 1 % of the bounds' span.
    static func goldenSection(_ parameter: Parameter, _ cost: (Double) throws -> Double) throws -> Double {
        let forward: (Double) -> Double = parameter.logScale ? { Foundation.log($0) } : { $0 }
        let back: (Double) -> Double = parameter.logScale ? { Foundation.exp($0) } : { $0 }
        var low = forward(parameter.bounds.lowerBound), high = forward(parameter.bounds.upperBound)
        let ratio = (Foundation.sqrt(5.0) - 1) / 2
        var a = high - ratio * (high - low), b = low + ratio * (high - low)
        var costA = try cost(back(a)), costB = try cost(back(b))
        let tolerance = 0.01 * (high - low)
        while high - low > tolerance {
            if costA <= costB {
                high = b; b = a; costB = costA
                a = high - ratio * (high - low); costA = try cost(back(a))
            } else {
                low = a; a = b; costA = costB
                b = low + ratio * (high - low); costB = try cost(back(b))
            }
        }
        // Round to four decimals, as the file writes them, so the fit and the file agree.
        return ((back((low + high) / 2)) * 10_000).rounded() / 10_000
    }

    /// Where the misfit of the parameter's events rises by at most 4 from the fit, the others held.
    static func range(of parameter: Parameter, around fitted: Behaviour, events: [PastEvent], counts: MonthlyCounts,
                      history: PastEvents, model: DiversionModel) throws -> ClosedRange<Double> {
        let value = Self.value(of: parameter, in: fitted)
        guard !events.isEmpty else { return value...value }
        let best = try misfit(events, fitted, counts: counts, history: history, model: model)
        func tooFar(_ candidate: Double) throws -> Bool {
            try misfit(events, setting(parameter, to: candidate, in: fitted), counts: counts, history: history, model: model) > best + 4
        }
        func edge(towards bound: Double) throws -> Double {
            guard try tooFar(bound) else { return bound }
            var inside = value, outside = bound
            for _ in 0..<8 {
                let middle = parameter.logScale && inside > 0 && outside > 0 ? Foundation.sqrt(inside * outside) : (inside + outside) / 2
                if try tooFar(middle) { outside = middle } else { inside = middle }
            }
            return (inside * 10_000).rounded() / 10_000
        }
        return try min(value, edge(towards: parameter.bounds.lowerBound))...max(value, edge(towards: parameter.bounds.upperBound))
    }
}
