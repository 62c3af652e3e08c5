import BorderFlow
import BorderFlowSpatial

/// The `scenarios` listing: each scenario's id, title, default moment, closures and capacity changes.
public struct ScenariosReport: Report, Sendable {
    /// The scenarios listed.
    public let scenarios: [Scenario]

    /// A report of scenarios.
    ///
    /// - Parameter scenarios: the scenarios, in the order to list them.
    public init(scenarios: [Scenario]) {
        self.scenarios = scenarios
    }

    /// The report as JSON: the command's `--format json` contract.
    ///
    /// - Returns: an array with one object per scenario; `date` in ISO 8601, with `dateIsLocalTime` true when it
    ///   has no zone and is read in each crossing's own time zone.
    public func json() -> JSONValue {
        .array(scenarios.map { scenario in
            .object(JSONObject([
                ("id", .string(scenario.id)),
                ("title", .string(scenario.title)),
                ("date", scenario.date.map { .string($0.iso8601) } ?? .null),
                ("dateIsLocalTime", scenario.date.map { .bool($0.isLocalTime) } ?? .null),
                ("closures", .number(Double(scenario.closureEntries.count))),
                ("capacityChanges", .number(Double(scenario.capacityChanges.count))),
                ("sources", .array(scenario.sources.map { source in
                    .object(JSONObject([("title", .string(source.title)), ("url", source.url.map(JSONValue.string) ?? .null)]))
                })),
            ]))
        })
    }

    /// The report as a table for people.
    ///
    /// - Returns: a row per scenario.
    public func table() -> String {
        var table = TextTable(columns: [.init("ID"), .init("DATE"), .init("CLOSURES", .right), .init("CAPACITY", .right), .init("TITLE")])
        for scenario in scenarios {
            table.append([scenario.id, scenario.date?.description ?? "-", "\(scenario.closureEntries.count)",
                          "\(scenario.capacityChanges.count)", scenario.title])
        }
        return table.render()
    }

    /// The report as CSV: the command's `--format csv` contract.
    ///
    /// - Returns: a header and a row per scenario, `date` in ISO 8601 as in the JSON.
    public func csv() -> String {
        var table = CSVTable(header: ["id", "date", "dateIsLocalTime", "closures", "capacityChanges", "title"])
        for scenario in scenarios {
            table.append([scenario.id, scenario.date?.iso8601 ?? "", scenario.date.map { "\($0.isLocalTime)" } ?? "", "\(scenario.closureEntries.count)",
                          "\(scenario.capacityChanges.count)", scenario.title])
        }
        return table.render()
    }
}
