import BorderFlow

/// The title of a diversion run, as `divert`, `map` and the server give it.
public enum DiversionTitle {
    /// "Scenario title — on date — with what was typed closed": each part when there is one, so that a
    /// title names every closure the scenario's title does not.
    ///
    /// - Parameters:
    ///   - scenario: the scenario run, if any.
    ///   - moment: the day looked at, if any.
    ///   - typed: the closures given beside the scenario's.
    /// - Returns: the title; "with every crossing open" when there is nothing to name.
    public static func title(scenario: Scenario?, moment: Moment?, typed: Closures) -> String {
        var parts: [String] = []
        if let scenario { parts.append(scenario.title) }
        if let moment { parts.append("on \(moment)") }
        if !typed.isEmpty {
            parts.append("with \(typed.closures.map { name(of: $0.target) }.joined(separator: ", "))\(scenario == nil ? "" : " also") closed")
        }
        return parts.isEmpty ? "with every crossing open" : parts.joined(separator: " — ")
    }

    /// A closure's target as a person would name it.
    private static func name(of target: Closures.Target) -> String {
        switch target {
        case let .crossing(id): return id
        case let .port(code): return "port \(code)"
        case let .modeAtCrossing(mode, crossing): return "\(mode.rawValue) at \(crossing)"
        case let .modeAtPort(mode, port): return "\(mode.rawValue) at port \(port)"
        case let .sector(id): return "sector \(id)"
        case let .polygon(_, name): return "the crossings in \(name)"
        }
    }
}
