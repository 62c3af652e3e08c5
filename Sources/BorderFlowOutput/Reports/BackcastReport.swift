import BorderFlow
import BorderFlowSpatial

/// The `backcast` answer: per past event and series, the share of the lost traffic the counts show, its ±2
/// standard error interval, the model's share and whether the model lies within the interval.
public struct BackcastReport: Report, Sendable {
    /// The comparison reported.
    public let backcast: Backcast

    /// A report of a backcast.
    ///
    /// - Parameter backcast: the events compared.
    public init(backcast: Backcast) {
        self.backcast = backcast
    }

    private static func signed(_ value: Double?) -> String {
        guard let value else { return "-" }
        let text = formatCount(value)
        return value.rounded() > 0 ? "+" + text : text
    }

    private static func share(_ value: Double?) -> String {
        value.map { formatFixed($0, decimals: 2) } ?? "-"
    }

    private static func interval(_ range: ClosedRange<Double>?) -> String {
        range.map { "[\(formatFixed($0.lowerBound, decimals: 2)), \(formatFixed($0.upperBound, decimals: 2))]" } ?? "-"
    }

    private static func seriesName(_ series: SeriesKey?) -> String {
        guard let series else { return "-" }
        return series.crossing ?? "port \(series.port)"
    }

    private static func years(_ years: [Int]) -> String {
        guard let first = years.first, let last = years.last else { return "no placebo years" }
        let list = years.count <= 8 ? years.map(String.init).joined(separator: ", ") : "\(first)–\(last)"
        return formatCount(Double(years.count), "placebo year", "placebo years") + " (\(list))"
    }

    /// The report as a table for people.
    ///
    /// - Returns: for each event a heading, a line on the loss, the placebo years and the model, then a row per
    ///   series; for a staff event MODEL and LOO are percent changes rather than shares.
    public func table() -> String {
        var text = ""
        for result in backcast.results {
            let event = result.event, observed = result.observed
            if !text.isEmpty { text += "\n" }
            text += "\(event.id): \(event.title)\n"
            var facts = "\(event.kind.name), \(event.months.lowerBound)..\(event.months.upperBound)"
            if let loss = observed.loss, let unit = event.lost?.mode.unit {
                facts += "; lost \(formatCount(loss)) \(unit)/day"
                if let error = observed.lossStandardError { facts += " (±2SE \(formatCount(2 * error)))" }
            }
            facts += "; " + Self.years(observed.placeboYears)
            if let modelLoss = result.modelLoss { facts += "; the model loses \(formatCount(modelLoss))/day" }
            text += facts + "\n"
            if !event.reliable { text += "Not reliable: \(event.reliabilityNote ?? "see the event file")\n" }
            if let note = observed.note { text += "Counts: \(note)\n" }
            if let note = result.modelNote { text += "Model: \(note)\n" }
            var table = TextTable(columns: [.init("SERIES"), .init("MODE"), .init("LABEL"), .init("CHANGE/DAY", .right),
                                            .init("±2SE", .right), .init("%", .right), .init("SHARE", .right), .init("±2SE INTERVAL"),
                                            .init("MODEL", .right), .init("LOO", .right), .init("VERDICT"), .init("AFTER/DAY", .right)])
            for row in result.rows {
                table.append([Self.seriesName(row.series), row.series?.mode.rawValue ?? "-", row.label, Self.signed(row.observedChange),
                              row.changeStandardError.map { formatCount(2 * $0) } ?? "-", row.percentChange.map { Self.signed($0) } ?? "-", Self.share(row.observedShare),
                              row.interval.map { Self.interval($0) } ?? (row.observedShare == nil ? "-" : "no SE"),
                              row.modelPercentChange.map { Self.signed($0) + "%" } ?? Self.share(row.modelShare),
                              row.leaveOneOutPercentChange.map { Self.signed($0) + "%" } ?? Self.share(row.leaveOneOutShare),
                              row.verdict.rawValue, Self.signed(row.changeAfter)])
            }
            text += "\n" + table.render()
        }
        return text
    }

    private static func number(_ value: Double?, decimals: Int) -> JSONValue {
        value.map { .number($0, decimals: decimals) } ?? .null
    }

    /// The report as JSON: the command's `--format json` contract.
    ///
    /// - Returns: an array with one object per event: `id`, `title`, `kind`, `from`, `to`, `reliable`,
    ///   `reliabilityNote`, `loss`, `lossStandardError`, `placeboYears`, `modelLoss`, `modelNote`, `countsNote`
    ///   and `rows` (`label`, `crossing`, `port`, `mode`, `note`, `observedChange`, `changeStandardError`,
    ///   `percentChange`, `observedShare`, `shareStandardError`, `low`, `high`, `modelShare`, `leaveOneOutShare`,
    ///   `modelPercentChange`, `leaveOneOutPercentChange`, `verdict`, `changeAfter`, `shareAfter`).
    public func json() -> JSONValue {
        .array(backcast.results.map { result in
            let event = result.event, observed = result.observed
            return .object(JSONObject([
                ("id", .string(event.id)), ("title", .string(event.title)), ("kind", .string(event.kind.name)),
                ("from", .string(event.months.lowerBound.description)), ("to", .string(event.months.upperBound.description)),
                ("reliable", .bool(event.reliable)), ("reliabilityNote", event.reliabilityNote.map(JSONValue.string) ?? .null),
                ("loss", Self.number(observed.loss, decimals: 1)),
                ("lossStandardError", Self.number(observed.lossStandardError, decimals: 1)),
                ("placeboYears", .array(observed.placeboYears.map { .number(Double($0)) })),
                ("modelLoss", Self.number(result.modelLoss, decimals: 1)),
                ("modelNote", result.modelNote.map(JSONValue.string) ?? .null),
                ("countsNote", observed.note.map(JSONValue.string) ?? .null),
                ("rows", .array(result.rows.map { row in
                    .object(JSONObject([
                        ("label", .string(row.label)),
                        ("crossing", row.series?.crossing.map(JSONValue.string) ?? .null),
                        ("port", row.series.map { .string($0.port) } ?? .null),
                        ("mode", row.series.map { .string($0.mode.rawValue) } ?? .null),
                        ("note", .string(row.note)),
                        ("observedChange", Self.number(row.observedChange, decimals: 1)),
                        ("changeStandardError", Self.number(row.changeStandardError, decimals: 1)),
                        ("percentChange", Self.number(row.percentChange, decimals: 1)),
                        ("observedShare", Self.number(row.observedShare, decimals: 3)),
                        ("shareStandardError", Self.number(row.shareStandardError, decimals: 3)),
                        ("low", Self.number(row.interval?.lowerBound, decimals: 3)),
                        ("high", Self.number(row.interval?.upperBound, decimals: 3)),
                        ("modelShare", Self.number(row.modelShare, decimals: 3)),
                        ("leaveOneOutShare", Self.number(row.leaveOneOutShare, decimals: 3)),
                        ("modelPercentChange", Self.number(row.modelPercentChange, decimals: 1)),
                        ("leaveOneOutPercentChange", Self.number(row.leaveOneOutPercentChange, decimals: 1)),
                        ("verdict", .string(row.verdict.rawValue)),
                        ("changeAfter", Self.number(row.changeAfter, decimals: 1)),
                        ("shareAfter", Self.number(row.shareAfter, decimals: 3)),
                    ]))
                })),
            ]))
        })
    }

    /// The report as CSV: the command's `--format csv` contract.
    ///
    /// - Returns: a header and a row per event and series (the lost facility, each watched series, the share
    ///   disappeared), with the event's loss and placebo count repeated on each; a staff event's rows carry the
    ///   model's percent change and its leave-one-out percent change.
    public func csv() -> String {
        var table = CSVTable(header: ["event", "reliable", "from", "to", "loss", "placeboYears", "label", "crossing", "port", "mode",
                                      "observedChange", "changeStandardError", "percentChange", "observedShare",
                                      "shareStandardError", "low", "high", "modelShare", "verdict", "changeAfter", "shareAfter",
                                      "leaveOneOutShare", "modelPercentChange", "leaveOneOutPercentChange"])
        func field(_ value: Double?, _ decimals: Int) -> String { value.map { formatFixed($0, decimals: decimals) } ?? "" }
        for result in backcast.results {
            let event = result.event, observed = result.observed
            for row in result.rows {
                table.append([event.id, event.reliable ? "true" : "false", event.months.lowerBound.description,
                              event.months.upperBound.description, field(observed.loss, 1), "\(observed.placeboYears.count)",
                              row.label, row.series?.crossing ?? "", row.series?.port ?? "", row.series?.mode.rawValue ?? "",
                              field(row.observedChange, 1), field(row.changeStandardError, 1), field(row.percentChange, 1),
                              field(row.observedShare, 3), field(row.shareStandardError, 3), field(row.interval?.lowerBound, 3),
                              field(row.interval?.upperBound, 3), field(row.modelShare, 3), row.verdict.rawValue,
                              field(row.changeAfter, 1), field(row.shareAfter, 3), field(row.leaveOneOutShare, 3),
                              field(row.modelPercentChange, 1), field(row.leaveOneOutPercentChange, 1)])
            }
        }
        return table.render()
    }
}
