import BorderFlow
import BorderFlowSpatial

/// The `simulate` answer in its three forms: one row per day and port that saw any crosser.
public struct SimulationReport: Report, Sendable {
    /// The simulation reported.
    public let simulation: Simulation

    /// A report of a simulation.
    ///
    /// - Parameter simulation: the simulation.
    public init(simulation: Simulation) {
        self.simulation = simulation
    }

    private var ports: [Simulation.Port] { simulation.ports }

    private var rows: [(date: String, port: Int, figures: PortDay)] {
        simulation.days.flatMap { day in
            day.ports.enumerated()
                .filter { $0.element.hasCrossers }
                .map { ("\(day.date)", $0.offset, $0.element) }
        }
    }

    private static func minutes(_ value: Double?) -> String {
        value.map { formatFixed($0, decimals: 1) } ?? ""
    }

    /// The report as CSV: the command's `--format csv` contract.
    ///
    /// - Returns: a header and a row per day and port that saw any crosser.
    public func csv() -> String {
        var table = CSVTable(header: ["date", "portCode", "port", "crossings", "diverted", "divertedAway", "forgone", "deferred", "meanDetourMinutes"])
        for row in rows {
            let figures = row.figures
            table.append([row.date, ports[row.port].code, ports[row.port].name, "\(figures.crossings)", "\(figures.diverted)",
                          "\(figures.divertedAway)", "\(figures.forgone)", "\(figures.deferred)", Self.minutes(figures.meanDetourMinutes)])
        }
        return table.render()
    }

    /// The report as JSON: the command's `--format json` contract.
    ///
    /// - Returns: an object with the scenario, crossers per day and seed, and per day the ports that saw any crosser.
    public func json() -> JSONValue {
        .object(JSONObject([
            ("scenario", simulation.scenario.map { .string($0.id) } ?? .null),
            ("crossersPerDay", .number(Double(simulation.crossersPerDay))),
            ("seed", .number(Double(simulation.seed))),
            ("days", .array(simulation.days.map { day in
                .object(JSONObject([
                    ("date", .string("\(day.date)")),
                    ("ports", .array(day.ports.enumerated().filter { $0.element.hasCrossers }.map { index, figures in
                        .object(JSONObject([
                            ("portCode", .string(ports[index].code)), ("port", .string(ports[index].name)),
                            ("crossings", .number(Double(figures.crossings))), ("diverted", .number(Double(figures.diverted))),
                            ("divertedAway", .number(Double(figures.divertedAway))),
                            ("forgone", .number(Double(figures.forgone))), ("deferred", .number(Double(figures.deferred))),
                            ("meanDetourMinutes", figures.meanDetourMinutes.map { .number(($0 * 10).rounded() / 10) } ?? .null),
                        ]))
                    })),
                ]))
            })),
        ]))
    }

    /// The report as a table for people: only the rows where something changed, then a line on the rest.
    ///
    /// - Returns: a heading, the day-and-port rows with crossers diverted in or away, trips forgone or freight
    ///   deferred, a count, and how this differs from `divert`.
    public func table() -> String {
        let days = simulation.days.count
        var text = "Simulated \(formatCount(Double(days), "day", "days")), \(formatCount(Double(simulation.crossersPerDay), "crosser", "crossers")) a day (seed \(simulation.seed))"
            + (simulation.scenario.map { ", scenario \($0.id)" } ?? "") + "\n\n"
        var changes = TextTable(columns: [.init("DATE"), .init("PORT"), .init("CODE"), .init("CROSSINGS", .right), .init("DIVERTED IN", .right),
                                          .init("DIVERTED AWAY", .right), .init("FORGONE", .right), .init("DEFERRED", .right),
                                          .init("MEAN DETOUR MIN", .right)])
        let changed = rows.filter { $0.figures.hasChanges }
        for row in changed {
            let figures = row.figures
            changes.append([row.date, ports[row.port].name, ports[row.port].code, formatCount(Double(figures.crossings)),
                            formatCount(Double(figures.diverted)), formatCount(Double(figures.divertedAway)), formatCount(Double(figures.forgone)),
                            formatCount(Double(figures.deferred)), Self.minutes(figures.meanDetourMinutes)])
        }
        text += changed.isEmpty ? "No crosser was diverted, and no trip forgone or deferred.\n" : changes.render()
        text += "\n\(formatCount(Double(changed.count))) of \(formatCount(Double(rows.count), "day-and-port row", "day-and-port rows")) changed; --format csv or json lists them all.\n"
        text += Self.differenceFromDivert
        return text
    }

    /// Why `simulate` and `divert` may send the same travellers to different crossings.
    static let differenceFromDivert = """

        Each crosser takes the quickest open crossing by road and inspection time, on its own: no queues and no \
        crossing's fitted constant; whether the trip goes ahead is drawn from the behaviour's share for its extra \
        time. `divert` assigns every trip together, to an equilibrium with the day's queues and each crossing's \
        fitted constant, so it may send the same diverted travellers to other crossings.

        """
}
