/// Months in which some series are not what a normal month would show, and must not count as ordinary
/// months: the COVID-19 restrictions on travel, the held-out months, officers redeployed, gaps in the public
/// counts. Seasonal factors, baselines and placebo windows avoid them. Read from
/// `GeoData/events/disruptions.yaml`; every past event is one too, over its own series.
public struct Disruption: Sendable {
    /// The series a disruption touches.
    public enum Scope: Sendable {
        /// Every series.
        case all
        /// The series the selectors match.
        case series([Selector])
    }

    /// Series of a crossing or of a port, for some modes or all.
    public struct Selector: Sendable, Equatable {
        /// A crossing id: matches that crossing's own series.
        public let crossing: String?
        /// A port code: matches the port's whole-port series and every series of its crossings.
        public let port: String?
        /// The modes matched; nil for every mode.
        public let modes: [Mode]?
        /// True to match a port's whole-port series only, not its crossings' series.
        public let wholePortOnly: Bool

        /// A selector of a crossing's series or of a port's.
        ///
        /// - Parameters:
        ///   - crossing: a crossing id, or nil.
        ///   - port: a port code, or nil.
        ///   - modes: the modes, or nil for all.
        public init(crossing: String? = nil, port: String? = nil, modes: [Mode]? = nil) {
            self.crossing = crossing
            self.port = port
            self.modes = modes
            wholePortOnly = false
        }

        /// A selector of exactly one series.
        ///
        /// - Parameter key: the series.
        public init(exactly key: SeriesKey) {
            crossing = key.crossing
            port = key.port
            modes = [key.mode]
            wholePortOnly = key.crossing == nil
        }

        /// Whether a series is selected.
        ///
        /// - Parameter key: the series.
        /// - Returns: true when its crossing or port and its mode match.
        public func matches(_ key: SeriesKey) -> Bool {
            if let modes, !modes.contains(key.mode) { return false }
            if let crossing { return key.crossing == crossing }
            if let port { return key.port == port && (!wholePortOnly || key.crossing == nil) }
            return true
        }
    }

    /// The disruption's id.
    public let id: String
    /// A one-line title.
    public let title: String
    /// What happened and how the counts show it.
    public let note: String
    /// The months disrupted.
    public let months: Set<YearMonth>
    /// The series disrupted.
    public let scope: Scope
    /// Where the facts come from.
    public let sources: [EventSource]

    /// A disruption.
    ///
    /// - Parameters:
    ///   - id: its id.
    ///   - title: a one-line title.
    ///   - note: what happened.
    ///   - months: the months disrupted.
    ///   - scope: the series disrupted.
    ///   - sources: where the facts come from.
    public init(id: String, title: String, note: String = "", months: Set<YearMonth>, scope: Scope, sources: [EventSource] = []) {
        self.id = id
        self.title = title
        self.note = note
        self.months = months
        self.scope = scope
        self.sources = sources
    }

    /// Whether a series is disrupted in a month.
    ///
    /// - Parameters:
    ///   - key: the series.
    ///   - month: the month.
    /// - Returns: true when the month is one of the disruption's and the series is in its scope.
    public func applies(to key: SeriesKey, in month: YearMonth) -> Bool {
        guard months.contains(month) else { return false }
        switch scope {
        case .all: return true
        case let .series(selectors): return selectors.contains { $0.matches(key) }
        }
    }
}
