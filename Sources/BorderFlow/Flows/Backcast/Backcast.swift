/// The flow model against the border's own past: for each past event, the shares of the lost traffic that
/// the monthly counts show at each watched series (``ObservedShares``, with placebo standard errors) beside the
/// shares the diversion model gives for the same closure, and whether the model falls within two standard
/// errors of what was observed.
///
/// The model's side is in this one file, so that it can follow the model as it changes. Today it asks
/// `DiversionModel.divert(closures:at:lanes:)` with every crossing open but the event's:
/// - a closure closes the lost mode at the crossing; a capacity loss takes `lanesLost` lanes (or the
///   `fractionLost` of its lanes, rounded) from the crossing's lost mode; a staffing event leaves every
///   crossing of the ports it names `officersTakenThroughput` of its usual rate, and is answered in percent
///   changes at each watched series (the leave-one-out column too);
/// - the model's share of a watched series = its scenario − baseline volume (summed over a port's crossings
///   for a whole-port series) ÷ the baseline volume lost at the facility; the model's share disappeared =
///   trips forgone plus freight deferred of the lost mode ÷ that loss.
///
/// The model runs on today's baseline (the bundled 2023 demand), the counts on the event's own years: shares,
/// not volumes, are compared.
public struct Backcast: Sendable {
    /// How the model's share compares with the observed one.
    public enum Verdict: String, Sendable {
        /// The lost facility's own line: the loss every share is divided by, not compared.
        case reference
        /// Within two standard errors of the observed share.
        case within
        /// Further than two standard errors.
        case outside
        /// The observed share has no standard error (fewer than two placebo windows).
        case noStandardError = "no-se"
        /// The model does not answer for this event or series.
        case notModelled = "not-modelled"
        /// The counts cannot measure this series.
        case unmeasured
    }

    /// One line of an event: the lost facility, a watched series, or the share that disappeared.
    public struct Row: Sendable {
        /// What the line is: `lost`, a watch label (`same-port`, `nearby`, `far`, `mode-switch`, `affected`) or
        /// `disappeared`.
        public let label: String
        /// The series; nil for the disappeared share.
        public let series: SeriesKey?
        /// What the series is, for people.
        public let note: String
        /// Observed change, units per day (for `lost`, −the loss); nil for `disappeared`.
        public let observedChange: Double?
        /// The standard error of the observed change, units per day.
        public let changeStandardError: Double?
        /// The change as a percentage of the expected volume.
        public let percentChange: Double?
        /// Observed share of the loss.
        public let observedShare: Double?
        /// The standard error of the observed share.
        public let shareStandardError: Double?
        /// The model's share of the loss.
        public let modelShare: Double?
        /// The model's share when the behaviour is fitted without this event (`behaviour-loo.csv`): how well
        /// it predicts an event it has not seen; nil when no such fit exists.
        public let leaveOneOutShare: Double?
        /// For a staff event's series: the model's change in percent, beside the observed `percentChange`.
        public let modelPercentChange: Double?
        /// For a staff event's series: the model's change in percent with the behaviour fitted without this
        /// event (`behaviour-loo.csv`); nil when no such fit exists.
        public let leaveOneOutPercentChange: Double?
        /// Observed change in the three months after the event ended, units per day.
        public let changeAfter: Double?
        /// That change as a share of the loss: near zero when the traffic went back.
        public let shareAfter: Double?
        /// The model against the observation.
        public let verdict: Verdict

        /// The observed share ± two standard errors.
        public var interval: ClosedRange<Double>? {
            guard let observedShare, let shareStandardError else { return nil }
            return (observedShare - 2 * shareStandardError)...(observedShare + 2 * shareStandardError)
        }
    }

    /// One event: what the counts show and what the model says.
    public struct EventResult: Sendable {
        /// The event.
        public let event: PastEvent
        /// The counts' side, in full.
        public let observed: ObservedShares
        /// Units per day the model loses at the facility; nil when not modelled.
        public let modelLoss: Double?
        /// Why the model has no answer, when it has none.
        public let modelNote: String?
        /// The lost facility, then each watched series, then the share that disappeared.
        public let rows: [Row]
    }

    /// The events, in order of their first month.
    public let results: [EventResult]

    /// Measures events in the counts and runs the model on each.
    ///
    /// - Parameters:
    ///   - events: the events to compare.
    ///   - counts: the monthly counts.
    ///   - history: every event and disruption (for seasonal factors, levels and placebo windows).
    ///   - model: the diversion model, prepared on the network and baseline demand.
    ///   - leaveOneOut: per event id, the behaviour fitted without that event, for the leave-one-out column.
    /// - Throws: ``ClosureError`` when an event names a closure the network cannot apply.
    public init(events: [PastEvent], counts: MonthlyCounts, history: PastEvents, model: DiversionModel,
                leaveOneOut: [String: Behaviour] = [:]) throws {
        results = try events.map { event in
            let observed = ObservedShares(event: event, counts: counts, events: history)
            let answer = try Self.modelAnswer(for: event, model: model)
            let unseen = try leaveOneOut[event.id].map { try Self.modelAnswer(for: event, model: model.with(behaviour: $0)) }
            return EventResult(event: event, observed: observed, modelLoss: answer.loss, modelNote: answer.note,
                               rows: Self.rows(observed: observed, answer: answer, unseen: unseen))
        }
    }

    /// The model's answer for one event.
    struct ModelAnswer {
        var loss: Double?
        var shares: [SeriesKey: Double] = [:]
        var percentChanges: [SeriesKey: Double] = [:]
        var disappeared: Double?
        var note: String?
    }

    /// Runs the model on one event: the closure or lane loss against every crossing open.
    static func modelAnswer(for event: PastEvent, model: DiversionModel) throws -> ModelAnswer {
        let dataset = model.network.dataset
        func change(_ diversion: Diversion, _ key: SeriesKey) -> (change: Double, baseline: Double) {
            diversion.crossings.reduce((0, 0)) { sum, change in
                guard change.mode == key.mode else { return sum }
                let crossing = dataset.crossings[change.crossing]
                let matches = key.crossing.map { $0 == crossing.id } ?? (crossing.portCode == key.port)
                return matches ? (sum.0 + change.change, sum.1 + change.baseline) : sum
            }
        }
        if case let .staff(ports) = event.kind {
            // Officers taken: every crossing of the ports named processes the fitted share of its usual rate.
            let share = model.behaviour.officersTakenThroughput
            let diversion = try model.divert(closures: Closures(), at: nil, throughput: { ports.contains($0.portCode) ? share : 1 })
            var answer = ModelAnswer()
            for watch in event.watch {
                let (change, baseline) = change(diversion, watch.series)
                if baseline >= 1 { answer.percentChanges[watch.series] = 100 * change / baseline }
            }
            return answer
        }
        guard let lost = event.lost, let lostID = lost.crossing, let lostIndex = dataset.crossingIndex(id: lostID) else {
            return ModelAnswer(note: "not modelled: the facility lost is a whole port, and the model closes crossings")
        }
        var closures = Closures()
        var lanes: ((Crossing, Mode) -> Int)?
        switch event.kind {
        case .closure:
            try closures.close(mode: lost.mode, atCrossing: lostID)
        case let .capacityLoss(lanesLost, fractionLost):
            let open = dataset.crossings[lostIndex].lanes[lost.mode] ?? 0
            let taken = lanesLost ?? Int(((fractionLost ?? 0) * Double(open)).rounded())
            lanes = { crossing, mode in
                let usual = crossing.lanes[mode] ?? 0
                return crossing.id == lostID && mode == lost.mode ? max(0, usual - taken) : usual
            }
        case .staff:
            break
        }
        let diversion = try model.divert(closures: closures, at: nil, lanes: lanes)
        func change(_ key: SeriesKey) -> Double { change(diversion, key).change }
        let loss = -change(lost)
        guard loss > 0 else {
            return ModelAnswer(loss: loss, note: "the model loses no traffic at \(lostID) under this \(event.kind.name)")
        }
        var answer = ModelAnswer(loss: loss)
        for watch in event.watch { answer.shares[watch.series] = change(watch.series) / loss }
        // The same method as the counts': what the watched series do not take up.
        answer.disappeared = 1 - answer.shares.values.reduce(0, +)
        return answer
    }

    static func verdict(observed: Double?, standardError: Double?, model: Double?) -> Verdict {
        guard let observed else { return .unmeasured }
        guard let model else { return .notModelled }
        guard let standardError else { return .noStandardError }
        return abs(model - observed) <= 2 * standardError ? .within : .outside
    }

    static func rows(observed: ObservedShares, answer: ModelAnswer, unseen: ModelAnswer? = nil) -> [Row] {
        var rows: [Row] = []
        let loss = observed.loss
        if let lost = observed.event.lost {
            rows.append(Row(label: "lost", series: lost, note: "the facility lost", observedChange: observed.lost?.change,
                            changeStandardError: observed.lossStandardError, percentChange: observed.lost?.percentChange,
                            observedShare: nil, shareStandardError: nil, modelShare: nil, leaveOneOutShare: nil,
                            modelPercentChange: nil, leaveOneOutPercentChange: nil, changeAfter: observed.lostAfter?.change,
                            shareAfter: observed.lostAfter.flatMap { after in loss.map { after.change / $0 } },
                            verdict: observed.lost == nil ? .unmeasured : .reference))
        }
        for row in observed.rows {
            let series = row.watch.series
            let model = answer.shares[series]
            let modelPercent = answer.percentChanges[series]
            let verdict: Verdict
            if observed.event.lost == nil {
                // No facility lost (officers taken): percent changes, the model's against the counts' ± 2 SE.
                let percentError = row.during.flatMap { during in row.changeStandardError.map { 100 * $0 / during.expected } }
                verdict = Self.verdict(observed: row.during?.percentChange, standardError: percentError, model: modelPercent)
            } else {
                verdict = Self.verdict(observed: row.share, standardError: row.shareStandardError, model: model)
            }
            rows.append(Row(label: row.watch.label.rawValue, series: series,
                            note: row.unmeasured.map { "\(row.watch.note) (\($0))" } ?? row.watch.note,
                            observedChange: row.during?.change, changeStandardError: row.changeStandardError,
                            percentChange: row.during?.percentChange, observedShare: row.share,
                            shareStandardError: row.shareStandardError, modelShare: model,
                            leaveOneOutShare: unseen?.shares[series], modelPercentChange: modelPercent,
                            leaveOneOutPercentChange: unseen?.percentChanges[series],
                            changeAfter: row.after?.change, shareAfter: row.shareAfter(loss: loss), verdict: verdict))
        }
        if observed.event.lost != nil {
            rows.append(Row(label: "disappeared", series: nil, note: "1 − the watched shares", observedChange: nil,
                            changeStandardError: nil, percentChange: nil, observedShare: observed.disappeared,
                            shareStandardError: observed.disappearedStandardError, modelShare: answer.disappeared,
                            leaveOneOutShare: unseen?.disappeared, modelPercentChange: nil, leaveOneOutPercentChange: nil,
                            changeAfter: nil, shareAfter: nil,
                            verdict: verdict(observed: observed.disappeared, standardError: observed.disappearedStandardError, model: answer.disappeared)))
        }
        return rows
    }

    /// How far the model misses the counts over every measured row of the reliable events, and how many rows
    /// it counts. Each row's miss z is in standard errors (of the share for a facility lost, of the percent
    /// change for officers taken) and counts z² up to two standard errors and 4|z| − 4 beyond (Huber's loss),
    /// so one row whose counts the model cannot reach does not decide every number alone.
    public var misfit: (sum: Double, rows: Int) {
        var sum = 0.0, count = 0
        for result in results where result.event.reliable {
            for row in result.rows {
                let pair: (Double?, Double?, Double?)
                if row.modelPercentChange != nil {
                    let error = row.observedChange.flatMap { change in row.changeStandardError.flatMap { se in
                        row.percentChange.map { percent in abs(percent) > 0 ? se * abs(percent / change) : nil } ?? nil } }
                    pair = (row.percentChange, error, row.modelPercentChange)
                } else {
                    pair = (row.observedShare, row.shareStandardError, row.modelShare)
                }
                guard let observed = pair.0, let error = pair.1, error > 0, let model = pair.2 else { continue }
                let z = abs(model - observed) / error
                sum += z <= 2 ? z * z : 4 * z - 4
                count += 1
            }
        }
        return (sum, count)
    }
}
