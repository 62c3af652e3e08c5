/// Why a crossing takes no traffic of a mode at a moment: what a route answer says of a crossing it did not use.
public enum CrossingClosureReason: Sendable, Equatable, CustomStringConvertible {
    /// A closure in force then closes it: a scenario's (or a mode its lane changes leave without lanes) or one
    /// given on the command line.
    case closed
    /// Its opening hours for the mode do not include the moment; the hours, in the crossing's local time.
    case outsideOpeningHours(OpeningHours)
    /// It does not serve the mode.
    case modeNotServed
    /// It takes no traffic in any scenario (`"status": "out-of-service"` in the data).
    case outOfService

    /// A short name for machines: `closed`, `outside-opening-hours`, `mode-not-served` or `out-of-service`.
    public var code: String {
        switch self {
        case .closed: return "closed"
        case .outsideOpeningHours: return "outside-opening-hours"
        case .modeNotServed: return "mode-not-served"
        case .outOfService: return "out-of-service"
        }
    }

    /// The reason for people, to follow a crossing's id: "closed by the scenario or a closure given", …
    public var description: String {
        switch self {
        case .closed: return "closed by the scenario or a closure given"
        case let .outsideOpeningHours(hours): return "outside its opening hours at that time (open \(hours) local time)"
        case .modeNotServed: return "does not serve this mode"
        case .outOfService: return "out of service"
        }
    }
}
