import BorderFlow
import BorderFlowSpatial

/// The `divert` answer in its three forms.
public struct DiversionReport: Report, Sendable {
    /// The diversion reported.
    public let diversion: Diversion
    /// The dataset, for ids and names.
    public let dataset: Dataset
    /// The first line of the table.
    public let title: String
    /// Bands of each crossing's change over draws of the behaviour, when asked for.
    public let uncertainty: DiversionUncertainty?

    /// A report of a diversion.
    ///
    /// - Parameters:
    ///   - diversion: the diversion.
    ///   - dataset: its dataset.
    ///   - title: the first line of the table.
    ///   - uncertainty: bands of the changes over draws of the behaviour, in the order of `diversion.crossings`.
    public init(diversion: Diversion, dataset: Dataset, title: String, uncertainty: DiversionUncertainty? = nil) {
        self.diversion = diversion
        self.dataset = dataset
        self.title = title
        self.uncertainty = uncertainty
    }

    private func band(_ index: Int) -> DiversionUncertainty.Band? { uncertainty?.changes[index] }

    private func bandJSON(_ band: DiversionUncertainty.Band?) -> JSONValue {
        band.map { .object(JSONObject([("p10", .number($0.low, decimals: 1)), ("median", .number($0.median, decimals: 1)),
                                       ("p90", .number($0.high, decimals: 1))])) } ?? .null
    }

    private func totals(_ rows: [Diversion.Total], key: String) -> JSONValue {
        .array(rows.map { row in
            .object(JSONObject([
                (key, .string(row.key)), ("name", .string(row.name)), ("mode", .string(row.mode.rawValue)),
                ("baseline", .number(row.baseline, decimals: 1)), ("scenario", .number(row.scenario, decimals: 1)),
                ("change", .number(row.change, decimals: 1)), ("percentChange", row.percentChange.map { .number($0, decimals: 1) } ?? .null),
                ("waitMinutesBaseline", .number(row.waitMinutesBaseline, decimals: 1)),
                ("waitMinutesScenario", .number(row.waitMinutesScenario, decimals: 1)),
            ]))
        })
    }

    private func perMode(_ values: PerMode<Double>) -> JSONValue {
        .object(JSONObject(Mode.allCases.map { ($0.rawValue, .number(values[$0] ?? 0, decimals: 1)) }))
    }

    /// The report as JSON: the command's `--format json` contract.
    ///
    /// - Returns: an object with the crossings, sectors, ports, per-mode totals, ten largest detours and the model.
    public func json() -> JSONValue {
        let assignment = diversion.scenario
        return .object(JSONObject([
            ("title", .string(title)),
            ("crossings", .array(diversion.crossings.enumerated().map { index, change in
                .object(JSONObject([
                    ("id", .string(dataset.crossings[change.crossing].id)),
                    ("mode", .string(change.mode.rawValue)),
                    ("status", .string(change.closed ? "closed" : "open")),
                    ("baseline", .number(change.baseline, decimals: 1)),
                    ("scenario", .number(change.scenario, decimals: 1)),
                    ("change", .number(change.change, decimals: 1)),
                    ("percentChange", change.percentChange.map { .number($0, decimals: 1) } ?? .null),
                    ("waitMinutesBaseline", .number(change.waitMinutesBaseline, decimals: 1)),
                    ("waitMinutesScenario", change.closed ? .null : .number(change.waitMinutesScenario, decimals: 1)),
                    ("capacityScenario", .number(change.closed ? 0 : change.scenarioDay.capacity, decimals: 1)),
                    ("volumeCapacityRatio", change.volumeCapacityRatio.map { .number($0, decimals: 3) } ?? .null),
                    ("peakQueueScenario", change.closed ? .null : .number(change.scenarioDay.peakQueue, decimals: 1)),
                    ("peakWaitMinutesScenario", change.closed ? .null : .number(change.scenarioDay.peakWaitMinutes, decimals: 1)),
                    ("unservedScenario", .number(change.closed ? 0 : change.scenarioDay.unserved, decimals: 1)),
                    ("walkedInstead", .number(change.walkedInstead, decimals: 1)),
                    ("changeBand", bandJSON(band(index))),
                ]))
            })),
            ("sectors", totals(diversion.sectors, key: "id")),
            ("ports", totals(diversion.ports, key: "portCode")),
            ("forgone", perMode(diversion.forgone)),
            ("deferred", perMode(diversion.deferred)),
            ("extraHours", perMode(diversion.extraHours)),
            ("walkedInstead", .number(diversion.walkedInstead, decimals: 1)),
            ("uncertainty", uncertainty.map { u in .object(JSONObject([
                ("draws", .number(Double(u.draws))), ("seed", .number(Double(u.seed))),
                ("forgone", .object(JSONObject(Mode.allCases.map { ($0.rawValue, bandJSON(u.forgone[$0])) }))),
                ("deferred", .object(JSONObject(Mode.allCases.map { ($0.rawValue, bandJSON(u.deferred[$0])) }))),
            ])) } ?? .null),
            ("largestDetours", .array(diversion.detours.prefix(10).map { detour in
                .object(JSONObject([
                    ("origin", .string(detour.origin)), ("destination", .string(detour.destination)), ("mode", .string(detour.mode.rawValue)),
                    ("dailyTrips", .number(detour.dailyTrips, decimals: 1)), ("baselineMinutes", .number(detour.baselineMinutes, decimals: 1)),
                    ("scenarioMinutes", .number(detour.scenarioMinutes, decimals: 1)),
                    ("baselineCrossing", detour.baselineCrossing.map(JSONValue.string) ?? .null),
                    ("scenarioCrossing", detour.scenarioCrossing.map(JSONValue.string) ?? .null),
                ]))
            })),
            ("model", .object(JSONObject([
                ("name", .string(assignment.method.name)),
                ("relativeGap", .number(assignment.relativeGap)),
                ("iterations", .number(Double(assignment.iterations))),
                ("reachedTrips", .number(Double(diversion.reachedTrips))),
                ("responseRounds", .number(Double(diversion.responseRounds))),
                ("season", diversion.season.map { .string($0.name) } ?? .null),
            ]))),
        ]))
    }

    /// What a person reads first: the fifteen crossings that changed most, with units, then the totals.
    ///
    /// - Returns: the title, the crossings, the sectors that changed, the daily totals per mode and the model.
    public func table() -> String {
        table(rows: 15)
    }

    /// What a person reads first: the crossings that changed most, with units, then the totals.
    ///
    /// - Parameter rows: how many crossing-modes to list, largest change first; changes under half a unit
    ///   are left out.
    /// - Returns: the title, the crossings, the sectors that changed, the daily totals per mode and the model.
    public func table(rows: Int = 15) -> String {
        var text = "\(title)\n\n"
        let ranked = diversion.crossings.indices.filter { abs(diversion.crossings[$0].change) >= 0.5 }
            .sorted { (abs(diversion.crossings[$0].change), dataset.crossings[diversion.crossings[$1].crossing].id)
                > (abs(diversion.crossings[$1].change), dataset.crossings[diversion.crossings[$0].crossing].id) }
        var columns: [TextTable.Column] = [.init("CROSSING"), .init("MODE"), .init("BASELINE/DAY", .right), .init("SCENARIO/DAY", .right),
                                           .init("CHANGE", .right), .init("%", .right), .init("WAIT MIN", .right), .init("V/C", .right),
                                           .init("PEAK QUEUE", .right), .init("UNIT")]
        if uncertainty != nil { columns.insert(.init("CHANGE 10–90%", .right), at: 5) }
        var table = TextTable(columns: columns)
        for index in ranked.prefix(rows) {
            let change = diversion.crossings[index]
            let wait = change.closed ? "closed" : "\(formatFixed(change.waitMinutesBaseline, decimals: 0)) → \(formatFixed(change.waitMinutesScenario, decimals: 0))"
            func signed(_ value: Double) -> String { (value > 0 ? "+" : "") + formatCount(value) }
            var cells = [dataset.crossings[change.crossing].id, change.mode.rawValue, formatCount(change.baseline), formatCount(change.scenario),
                          signed(change.change),
                          change.percentChange.map { (($0 > 0 ? "+" : "") + formatFixed($0, decimals: 0)) } ?? "-", wait,
                          change.volumeCapacityRatio.map { formatFixed($0, decimals: 2) } ?? "-",
                          change.closed ? "-" : formatCount(change.scenarioDay.peakQueue), change.mode.unit]
            if let band = band(index) { cells.insert("\(signed(band.low)) … \(signed(band.high))", at: 5) }
            table.append(cells)
        }
        text += ranked.isEmpty ? "No crossing's volume changes.\n" : table.render()
        var sectors = TextTable(columns: [.init("SECTOR"), .init("MODE"), .init("BASELINE/DAY", .right), .init("SCENARIO/DAY", .right), .init("CHANGE", .right)])
        for row in diversion.sectors where abs(row.change) >= 0.5 {
            sectors.append([row.name, row.mode.rawValue, formatCount(row.baseline), formatCount(row.scenario), (row.change > 0 ? "+" : "") + formatCount(row.change)])
        }
        if !sectors.rows.isEmpty { text += "\n" + sectors.render() }
        text += "\nPer day:"
        for mode in Mode.allCases {
            let hours = diversion.extraHours[mode] ?? 0, forgone = diversion.forgone[mode] ?? 0, deferred = diversion.deferred[mode] ?? 0
            guard abs(hours) >= 0.5 || forgone >= 0.5 || deferred >= 0.5 else { continue }
            text += "\n  \(mode.displayName): \(formatCount(hours)) extra \(mode.unitSingular)-hours"
            func units(_ count: Double) -> String { formatCount(count) + " " + (formatCount(count) == "1" ? mode.unitSingular : mode.unit) }
            if forgone >= 0.5 { text += ", \(units(forgone)) forgone" }
            if let band = uncertainty?.forgone[mode], band.high >= 0.5 { text += " (10–90%: \(formatCount(band.low))–\(formatCount(band.high)))" }
            if deferred >= 0.5 { text += ", \(units(deferred)) deferred" }
            if let band = uncertainty?.deferred[mode], band.high >= 0.5 { text += " (10–90%: \(formatCount(band.low))–\(formatCount(band.high)))" }
            if mode == .pedestrian && diversion.walkedInstead >= 0.5 { text += "; \(formatCount(diversion.walkedInstead)) persons walked across instead of driving" }
        }
        let assignment = diversion.scenario
        text += "\n\nModel: \(assignment.method.name)"
        if case .equilibrium = assignment.method { text += ", relative gap \(String(format: "%.1e", assignment.relativeGap)) after \(assignment.iterations) iterations" }
        text += "; \(formatCount(Double(diversion.reachedTrips))) trips reached by the scenario, their response settled in \(diversion.responseRounds) rounds"
        text += diversion.season.map { "; demand at \($0.name)'s level (seasons.csv)" } ?? "; demand at an ordinary day's level"
        if let uncertainty { text += "\nCHANGE 10–90%: over \(uncertainty.draws) draws of the behaviour within its fitted ranges (seed \(uncertainty.seed))" }
        text += "\nV/C: volume arriving ÷ the day's capacity in the scenario; PEAK QUEUE: the longest queue of the day, in units"
        return text + "\n"
    }

    /// The report as CSV: the command's `--format csv` contract.
    ///
    /// - Returns: a header and a row per crossing and mode.
    public func csv() -> String {
        var table = CSVTable(header: ["crossing", "mode", "status", "baseline", "scenario", "change", "waitMinutesBaseline", "waitMinutesScenario",
                                      "capacityScenario", "volumeCapacityRatio", "peakQueueScenario", "unservedScenario", "walkedInstead"]
                             + (uncertainty == nil ? [] : ["changeP10", "changeMedian", "changeP90"]))
        for (index, change) in diversion.crossings.enumerated() {
            table.append([dataset.crossings[change.crossing].id, change.mode.rawValue, change.closed ? "closed" : "open",
                          formatFixed(change.baseline, decimals: 1), formatFixed(change.scenario, decimals: 1), formatFixed(change.change, decimals: 1),
                          formatFixed(change.waitMinutesBaseline, decimals: 1), change.closed ? "" : formatFixed(change.waitMinutesScenario, decimals: 1),
                          formatFixed(change.closed ? 0 : change.scenarioDay.capacity, decimals: 1),
                          change.volumeCapacityRatio.map { formatFixed($0, decimals: 3) } ?? "",
                          change.closed ? "" : formatFixed(change.scenarioDay.peakQueue, decimals: 1),
                          formatFixed(change.closed ? 0 : change.scenarioDay.unserved, decimals: 1), formatFixed(change.walkedInstead, decimals: 1)]
                          + (band(index).map { [formatFixed($0.low, decimals: 1), formatFixed($0.median, decimals: 1), formatFixed($0.high, decimals: 1)] } ?? []))
        }
        return table.render()
    }
}
