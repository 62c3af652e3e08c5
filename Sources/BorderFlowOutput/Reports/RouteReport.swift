import BorderFlow
import BorderFlowSpatial

/// The `route` answer in its three forms.
public struct RouteReport: Report, Sendable {
    /// The comparison reported: the route, the all-open route and the alternatives.
    public let comparison: RouteComparison
    /// Crossing names by id, printed beside the ids in the table.
    public let crossingNames: [String: String]

    /// A report of a route comparison.
    ///
    /// - Parameters:
    ///   - comparison: the comparison.
    ///   - crossingNames: crossing names by id, for the table; ids without a name are printed alone.
    public init(comparison: RouteComparison, crossingNames: [String: String] = [:]) {
        self.comparison = comparison
        self.crossingNames = crossingNames
    }

    static func json(_ route: Route) -> [(String, JSONValue)] {
        [
            ("crossing", route.crossing.map(JSONValue.string) ?? .null),
            ("travelSeconds", .number(route.travelSeconds, decimals: Self.secondDecimals)),
            ("lengthMeters", .number(route.lengthMeters.rounded())),
            ("path", .array(route.path.map(JSONValue.string))),
            ("roads", .array(route.roads.map(JSONValue.string))),
        ]
    }

    /// The report as JSON: the command's `--format json` contract.
    ///
    /// - Returns: an object with the ends, mode and route (or the reason there is none), the detour and alternatives.
    public func json() -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("origin", .string(comparison.origin.id)),
            ("destination", .string(comparison.destination.id)),
            ("mode", .string(comparison.mode.rawValue)),
        ]
        if let route = comparison.route {
            members += Self.json(route)
        } else {
            members += [("crossing", .null), ("travelSeconds", .null), ("lengthMeters", .null), ("path", .array([])), ("roads", .array([])),
                        ("reason", .string(comparison.reason ?? "no route"))]
        }
        if comparison.closuresApplied {
            members.append(("detourSeconds", comparison.detourSeconds.map { .number($0, decimals: Self.secondDecimals) } ?? .null))
            members.append(("allOpenCrossing", comparison.allOpen?.crossing.map(JSONValue.string) ?? .null))
            members.append(("allOpenCrossingClosure", comparison.allOpenCrossingClosure.map { .string($0.code) } ?? .null))
        }
        if !comparison.alternatives.isEmpty {
            members.append(("alternatives", .array(comparison.alternatives.map { .object(JSONObject(Self.json($0))) })))
        }
        return .object(JSONObject(members))
    }

    /// Seconds to the millisecond the costs are kept in, without binary noise in the last digits.
    static let secondDecimals = 3

    /// A duration for people, to the minute: "4 h 05 min", or "35 min" under an hour.
    ///
    /// - Parameter seconds: the duration.
    /// - Returns: the text.
    public static func duration(_ seconds: Double) -> String {
        let minutes = Int((seconds / 60).rounded())
        return minutes >= 60 ? "\(minutes / 60) h \(minutes % 60 < 10 ? "0" : "")\(minutes % 60) min" : "\(minutes) min"
    }

    /// The report as a table for people, with the crossing names the report was made with.
    ///
    /// - Returns: the text.
    public func table() -> String {
        table(crossingNames: crossingNames)
    }

    /// The report as a table for people.
    ///
    /// - Parameter crossingNames: crossing names by id, to print beside the ids.
    /// - Returns: the text.
    public func table(crossingNames: [String: String]) -> String {
        var text = "\(comparison.origin.label) → \(comparison.destination.label) by \(comparison.mode.displayName)\n"
        guard let route = comparison.route else {
            // The reason starts with "no open route" or "no route even with every crossing open".
            let reason = comparison.reason ?? "no route"
            return text + reason.prefix(1).uppercased() + reason.dropFirst() + "\n"
        }
        let crossing = route.crossing.map { "\(crossingNames[$0] ?? $0) (\($0))" } ?? "none (the trip stays on one side)"
        text += "Crossing  \(crossing)\n"
        text += "Time      \(Self.duration(route.travelSeconds))"
        if comparison.closuresApplied, let detour = comparison.detourSeconds {
            text += detour > 0.5 ? ", \(Self.duration(detour)) longer than with every crossing open (via \(comparison.allOpen?.crossing ?? "-"))" : ", no longer than with every crossing open"
            if let unused = comparison.allOpen?.crossing, let why = comparison.allOpenCrossingClosure {
                text += "\nNot via   \(unused): \(why)"
            }
        }
        text += "\nDistance  \(formatFixed(route.lengthMeters / 1000, decimals: 1)) km\n"
        text += "Via       \(route.roads.joined(separator: " → "))\n"
        text += "Path      \(route.path.joined(separator: " → "))\n"
        if comparison.alternatives.count > 1 || (comparison.alternatives.count == 1 && comparison.alternatives[0].crossing != route.crossing) {
            var table = TextTable(columns: [.init("#", .right), .init("CROSSING"), .init("TIME", .right), .init("EXTRA", .right), .init("KM", .right)])
            for (rank, alternative) in comparison.alternatives.enumerated() {
                table.append(["\(rank + 1)", alternative.crossing ?? "-", Self.duration(alternative.travelSeconds),
                              "+" + Self.duration(alternative.travelSeconds - route.travelSeconds),
                              formatFixed(alternative.lengthMeters / 1000, decimals: 1)])
            }
            text += "\nAlternatives (best route through each crossing)\n" + table.render()
        }
        return text
    }

    /// The report as CSV: the command's `--format csv` contract.
    ///
    /// - Returns: a header and a row per route: the alternatives when there are any, otherwise the best route.
    ///   With closures, `detourSeconds` is each route's time less the best time with every crossing open and
    ///   `allOpenCrossing` that route's crossing; both are empty without closures, as the JSON leaves them out.
    public func csv() -> String {
        var table = CSVTable(header: ["rank", "origin", "destination", "mode", "crossing", "travelSeconds", "lengthMeters", "path", "roads",
                                      "detourSeconds", "allOpenCrossing"])
        let routes = comparison.alternatives.isEmpty ? [comparison.route].compactMap { $0 } : comparison.alternatives
        let allOpen = comparison.closuresApplied ? comparison.allOpen : nil
        for (rank, route) in routes.enumerated() {
            table.append(["\(rank + 1)", route.origin, route.destination, route.mode.rawValue, route.crossing ?? "",
                          formatFixed(route.travelSeconds, decimals: Self.secondDecimals), formatFixed(route.lengthMeters, decimals: 0),
                          route.path.joined(separator: ";"), route.roads.joined(separator: ";"),
                          allOpen.map { formatFixed(route.travelSeconds - $0.travelSeconds, decimals: Self.secondDecimals) } ?? "",
                          allOpen?.crossing ?? ""])
        }
        return table.render()
    }
}
