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
                    ("name", .string(dataset.crossings[change.crossing].name)),
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
            ("largestDetours", .array(diversion.detours.prefix(Self.listedDetours).map { detour in
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

    /// What a person reads first: the fifteen crossings that changed most and every closed one, with units,
    /// then the totals.
    ///
    /// - Returns: the title, what is closed, the crossings, the sectors that changed, the largest detours, the
    ///   daily totals per mode and the model.
    public func table() -> String {
        table(rows: 15)
    }

    /// The crossing-modes a table lists: every closed one, and the `rows` open ones that changed most; largest
    /// change first. Changes under half a unit are left out, unless the crossing-mode is closed.
    private func listedCrossings(rows: Int) -> (listed: [Int], changed: Int) {
        let changes = diversion.crossings
        func id(_ index: Int) -> String { dataset.crossings[changes[index].crossing].id }
        let changed = changes.indices.filter { changes[$0].closed || abs(changes[$0].change) >= 0.5 }
        let closed = changed.filter { changes[$0].closed }
        let open = changed.filter { !changes[$0].closed }
            .sorted { (abs(changes[$0].change), id($1)) > (abs(changes[$1].change), id($0)) }
        let listed = (closed + open.prefix(max(0, rows - closed.count)))
            .sorted { (abs(changes[$0].change), id($1), changes[$1].mode) > (abs(changes[$1].change), id($0), changes[$0].mode) }
        return (listed, changed.count)
    }

    /// The closed crossings, each with its closed modes unless every mode it serves is closed: "lukeville,
    /// eagle-pass-bridge-1 (pov)".
    private var closedCrossingsText: String {
        var closedModes: [(crossing: CrossingIndex, modes: [Mode], all: Bool)] = []
        for change in diversion.crossings where change.closed {
            if let last = closedModes.indices.last, closedModes[last].crossing == change.crossing {
                closedModes[last].modes.append(change.mode)
            } else {
                closedModes.append((change.crossing, [change.mode], false))
            }
        }
        return closedModes.map { entry in
            let served = diversion.crossings.filter { $0.crossing == entry.crossing }.count
            let id = dataset.crossings[entry.crossing].id
            return entry.modes.count == served ? id : "\(id) (\(entry.modes.map(\.rawValue).joined(separator: ", ")))"
        }.joined(separator: ", ")
    }

    /// What a person reads first: the crossings that changed most and every closed one, with units, then the
    /// totals.
    ///
    /// - Parameter rows: how many crossing-modes to list at least (every closed one is listed, and the open
    ///   ones that changed most fill the rest), largest change first; changes under half a unit are left out.
    /// - Returns: the title, what is closed, the crossings, the sectors that changed, the largest detours, the
    ///   daily totals per mode and the model.
    public func table(rows: Int = 15) -> String {
        var text = "\(title)\n"
        let closed = closedCrossingsText
        text += closed.isEmpty ? "Closed: nothing\n\n" : "Closed: \(closed)\n\n"
        let (listed, changedCount) = listedCrossings(rows: rows)
        var columns: [TextTable.Column] = [.init("CROSSING"), .init("MODE"), .init("BASELINE/DAY", .right), .init("SCENARIO/DAY", .right),
                                           .init("CHANGE", .right), .init("%", .right), .init("WAIT MIN", .right), .init("V/C", .right),
                                           .init("PEAK QUEUE", .right), .init("UNIT")]
        if uncertainty != nil { columns.insert(.init("CHANGE 10–90%", .right), at: 5) }
        var table = TextTable(columns: columns)
        func signed(_ value: Double) -> String { (value > 0 ? "+" : "") + formatCount(value) }
        for index in listed {
            let change = diversion.crossings[index]
            let wait = change.closed ? "closed" : "\(formatFixed(change.waitMinutesBaseline, decimals: 0)) → \(formatFixed(change.waitMinutesScenario, decimals: 0))"
            var cells = [dataset.crossings[change.crossing].id, change.mode.rawValue, formatCount(change.baseline), formatCount(change.scenario),
                          signed(change.change),
                          change.percentChange.map { (($0 > 0 ? "+" : "") + formatFixed($0, decimals: 0)) } ?? "-", wait,
                          change.volumeCapacityRatio.map { formatFixed($0, decimals: 2) } ?? "-",
                          change.closed ? "-" : formatCount(change.scenarioDay.peakQueue), change.mode.unit]
            if let band = band(index) { cells.insert("\(signed(band.low)) … \(signed(band.high))", at: 5) }
            table.append(cells)
        }
        if listed.isEmpty {
            text += "No crossing's volume changes.\n"
        } else {
            text += table.render()
            let of = listed.count == changedCount ? "All \(formatCount(Double(changedCount), "crossing-mode", "crossing-modes")) that changed or closed"
                : "\(formatCount(Double(listed.count))) of the \(formatCount(Double(changedCount))) crossing-modes that changed or closed: every closed one and the open ones that changed most; --format json or csv lists them all"
            text += of + ".\n"
        }
        var sectors = TextTable(columns: [.init("SECTOR"), .init("MODE"), .init("BASELINE/DAY", .right), .init("SCENARIO/DAY", .right), .init("CHANGE", .right)])
        for row in diversion.sectors where abs(row.change) >= 0.5 {
            sectors.append([row.name, row.mode.rawValue, formatCount(row.baseline), formatCount(row.scenario), signed(row.change)])
        }
        if !sectors.rows.isEmpty { text += "\n" + sectors.render() }
        text += detoursTable()
        text += perDayText()
        let assignment = diversion.scenario
        text += "\nModel: \(assignment.method.name)"
        if case .equilibrium = assignment.method {
            text += ", relative gap \(String(format: "%.1e", assignment.relativeGap)) after \(formatCount(Double(assignment.iterations), "iteration", "iterations"))"
        }
        text += "; \(formatCount(Double(diversion.reachedTrips), "trip", "trips")) reached by the scenario, their response settled in \(formatCount(Double(diversion.responseRounds), "round", "rounds"))"
        text += diversion.season.map { "; demand at \($0.name)'s level (seasons.csv)" } ?? "; demand at an ordinary day's level"
        if let uncertainty {
            text += "\nCHANGE 10–90%: over \(formatCount(Double(uncertainty.draws), "draw", "draws")) of the behaviour within its fitted ranges (seed \(uncertainty.seed))"
        }
        text += "\nBASELINE: the model's daily volume with every crossing open"
            + (diversion.season.map { ", at \($0.name)'s level" } ?? "")
            + "; `borderflow crossings` lists the dataset's counted volumes of an ordinary day"
        text += "\nV/C: volume arriving ÷ the day's capacity in the scenario; PEAK QUEUE: the longest queue of the day, in units"
        return text + "\n"
    }

    /// How many of the largest detours the table and the JSON list.
    static let listedDetours = 10

    /// The trips losing most time, as the JSON's `largestDetours` lists them; empty when none lose any.
    private func detoursTable() -> String {
        let detours = diversion.detours.prefix(Self.listedDetours)
        guard !detours.isEmpty else { return "" }
        var table = TextTable(columns: [.init("LARGEST DETOURS: FROM"), .init("TO"), .init("MODE"), .init("TRIPS/DAY", .right),
                                        .init("MINUTES", .right), .init("EXTRA MIN", .right), .init("CROSSING")])
        for detour in detours {
            let crossings = detour.baselineCrossing == detour.scenarioCrossing ? (detour.scenarioCrossing ?? "-")
                : "\(detour.baselineCrossing ?? "-") → \(detour.scenarioCrossing ?? "-")"
            table.append([detour.origin, detour.destination, detour.mode.rawValue, formatFixed(detour.dailyTrips, decimals: 1),
                          "\(formatCount(detour.baselineMinutes)) → \(formatCount(detour.scenarioMinutes))",
                          "+" + formatCount(detour.scenarioMinutes - detour.baselineMinutes), crossings])
        }
        return "\n" + table.render()
    }

    /// The per-mode daily totals: extra hours, trips forgone and deferred, drivers who walked; empty when
    /// nothing is worth a line.
    private func perDayText() -> String {
        var lines: [String] = []
        for mode in Mode.allCases {
            let hours = diversion.extraHours[mode] ?? 0, forgone = diversion.forgone[mode] ?? 0, deferred = diversion.deferred[mode] ?? 0
            guard abs(hours) >= 0.5 || forgone >= 0.5 || deferred >= 0.5 else { continue }
            var line = "  \(mode.displayName): " + formatCount(hours, "extra \(mode.unitSingular)-hour", "extra \(mode.unitSingular)-hours")
            if forgone >= 0.5 { line += ", \(formatCount(forgone, mode.unitSingular, mode.unit)) forgone" }
            if let band = uncertainty?.forgone[mode], band.high >= 0.5 { line += " (10–90%: \(formatCount(band.low))–\(formatCount(band.high)))" }
            if deferred >= 0.5 { line += ", \(formatCount(deferred, mode.unitSingular, mode.unit)) deferred" }
            if let band = uncertainty?.deferred[mode], band.high >= 0.5 { line += " (10–90%: \(formatCount(band.low))–\(formatCount(band.high)))" }
            if mode == .pedestrian && diversion.walkedInstead >= 0.5 {
                line += "; \(formatCount(diversion.walkedInstead, "person", "persons")) walked across instead of driving"
            }
            lines.append(line)
        }
        return lines.isEmpty ? "" : "\nPer day:\n" + lines.joined(separator: "\n") + "\n"
    }

    /// The report as CSV: the command's `--format csv` contract, the crossings table alone.
    ///
    /// One CSV holds one table: the rows are every crossing and mode the network serves, as the JSON's
    /// `crossings`; the port and sector totals, the per-mode totals and the detours are in the JSON.
    ///
    /// - Returns: a header and a row per crossing and mode.
    public func csv() -> String {
        var table = CSVTable(header: ["crossing", "name", "mode", "status", "baseline", "scenario", "change", "waitMinutesBaseline", "waitMinutesScenario",
                                      "capacityScenario", "volumeCapacityRatio", "peakQueueScenario", "unservedScenario", "walkedInstead"]
                             + (uncertainty == nil ? [] : ["changeP10", "changeMedian", "changeP90"]))
        for (index, change) in diversion.crossings.enumerated() {
            table.append([dataset.crossings[change.crossing].id, dataset.crossings[change.crossing].name, change.mode.rawValue, change.closed ? "closed" : "open",
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
