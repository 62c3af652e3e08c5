import BorderFlow
import BorderFlowOutput
import BorderFlowSpatial

/// The `simulate` answer in its three forms: one row per day and port that saw any crosser.
struct SimulationReport {
    let days: [DailySimulation.Day]
    let ports: [(code: String, name: String)]
    let scenario: String?
    let crossersPerDay: Int
    let seed: UInt64

    private var rows: [(date: String, port: Int, figures: DailySimulation.PortDay)] {
        days.flatMap { day in
            day.ports.enumerated()
                .filter { $0.element.hasCrossers }
                .map { (day.date, $0.offset, $0.element) }
        }
    }

    private static func minutes(_ value: Double?) -> String {
        value.map { formatFixed($0, decimals: 1) } ?? ""
    }

    func csv() -> String {
        var table = CSVTable(header: ["date", "portCode", "port", "crossings", "diverted", "forgone", "deferred", "meanDetourMinutes"])
        for row in rows {
            let figures = row.figures
            table.append([row.date, ports[row.port].code, ports[row.port].name, "\(figures.crossings)", "\(figures.diverted)",
                          "\(figures.forgone)", "\(figures.deferred)", Self.minutes(figures.meanDetourMinutes)])
        }
        return table.render()
    }

    func json() -> JSONValue {
        .object(JSONObject([
            ("scenario", scenario.map(JSONValue.string) ?? .null),
            ("crossersPerDay", .number(Double(crossersPerDay))),
            ("seed", .string(String(seed))),
            ("days", .array(days.map { day in
                .object(JSONObject([
                    ("date", .string(day.date)),
                    ("ports", .array(day.ports.enumerated().filter { $0.element.hasCrossers }.map { index, figures in
                        .object(JSONObject([
                            ("portCode", .string(ports[index].code)), ("port", .string(ports[index].name)),
                            ("crossings", .number(Double(figures.crossings))), ("diverted", .number(Double(figures.diverted))),
                            ("forgone", .number(Double(figures.forgone))), ("deferred", .number(Double(figures.deferred))),
                            ("meanDetourMinutes", figures.meanDetourMinutes.map { .number(($0 * 10).rounded() / 10) } ?? .null),
                        ]))
                    })),
                ]))
            })),
        ]))
    }

    /// For people: only the rows where something changed, then a line per day with totals.
    func table() -> String {
        var text = "Simulated \(days.count) day\(days.count == 1 ? "" : "s"), \(formatCount(Double(crossersPerDay))) crossers a day (seed \(seed))"
            + (scenario.map { ", scenario \($0)" } ?? "") + "\n\n"
        var changes = TextTable(columns: [.init("DATE"), .init("PORT"), .init("CODE"), .init("CROSSINGS", .right), .init("DIVERTED", .right),
                                          .init("FORGONE", .right), .init("DEFERRED", .right), .init("MEAN DETOUR MIN", .right)])
        let changed = rows.filter { $0.figures.diverted + $0.figures.forgone + $0.figures.deferred > 0 }
        for row in changed {
            let figures = row.figures
            changes.append([row.date, ports[row.port].name, ports[row.port].code, formatCount(Double(figures.crossings)),
                            formatCount(Double(figures.diverted)), formatCount(Double(figures.forgone)),
                            formatCount(Double(figures.deferred)), Self.minutes(figures.meanDetourMinutes)])
        }
        text += changed.isEmpty ? "No crosser was diverted, and no trip forgone or deferred.\n" : changes.render()
        text += "\n\(changed.count) of \(rows.count) day-and-port rows changed; --format csv or json lists them all.\n"
        return text
    }
}
