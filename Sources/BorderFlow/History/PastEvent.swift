/// A past disruption at the border whose effect the monthly counts show: a facility closed to a mode, a
/// facility that lost capacity, or officers taken from ports. Read from `GeoData/events/<id>.yaml`.
public struct PastEvent: Sendable, Identifiable {
    /// What happened.
    public enum Kind: Sendable, Equatable {
        /// A facility closed to a mode (`closure`).
        case closure
        /// A facility that kept running with less capacity (`capacity-loss`): lanes lost, or the fraction of
        /// its capacity lost, or both.
        case capacityLoss(lanesLost: Int?, fractionLost: Double?)
        /// Officers taken from ports (`staff`): no facility closed, every facility of the ports slowed.
        case staff(ports: [String])

        /// The name event files use: `closure`, `capacity-loss` or `staff`.
        public var name: String {
            switch self {
            case .closure: return "closure"
            case .capacityLoss: return "capacity-loss"
            case .staff: return "staff"
            }
        }
    }

    /// Why a series is watched.
    public enum Label: String, CaseIterable, Sendable {
        /// Another facility of the same port.
        case samePort = "same-port"
        /// A facility of a nearby port.
        case nearby
        /// A distant facility, where little should arrive.
        case far
        /// Another mode at the facility itself, such as pedestrians on a bridge closed to cars.
        case modeSwitch = "mode-switch"
        /// A series of a staffing event: a port whose officers were taken, or that took its traffic.
        case affected
    }

    /// A series watched during the event.
    public struct Watch: Sendable {
        /// The crossing or port and mode.
        public let series: SeriesKey
        /// Why it is watched.
        public let label: Label
        /// What it is, for people (such as "1 km downstream").
        public let note: String

        /// A watched series.
        ///
        /// - Parameters:
        ///   - series: the crossing or port and mode.
        ///   - label: why it is watched.
        ///   - note: what it is, for people.
        public init(series: SeriesKey, label: Label, note: String = "") {
            self.series = series
            self.label = label
            self.note = note
        }
    }

    /// The event's id, its file's name: `laredo-bridge-1-cars-2016`.
    public let id: String
    /// A one-line title.
    public let title: String
    /// What happened, and what the counts show about it.
    public let description: String
    /// Where the facts come from.
    public let sources: [EventSource]
    /// What happened.
    public let kind: Kind
    /// The months the facility was lost (or the ports short of officers), first and last included.
    public let months: ClosedRange<YearMonth>
    /// The series lost: the closed facility's mode; nil for a staffing event.
    public let lost: SeriesKey?
    /// The series watched for where the traffic went.
    public let watch: [Watch]
    /// False when the counts of the event cannot be taken at face value; ``reliabilityNote`` says why.
    public let reliable: Bool
    /// Why the event is or is not reliable, when the file says.
    public let reliabilityNote: String?

    /// A past event.
    ///
    /// - Parameters:
    ///   - id: its id.
    ///   - title: a one-line title.
    ///   - description: what happened.
    ///   - sources: where the facts come from.
    ///   - kind: what happened.
    ///   - months: the months of the event, first and last included.
    ///   - lost: the series lost; nil for a staffing event.
    ///   - watch: the series watched.
    ///   - reliable: whether the counts can be taken at face value.
    ///   - reliabilityNote: why or why not.
    public init(id: String, title: String, description: String = "", sources: [EventSource] = [], kind: Kind,
                months: ClosedRange<YearMonth>, lost: SeriesKey?, watch: [Watch], reliable: Bool = true,
                reliabilityNote: String? = nil) {
        self.id = id
        self.title = title
        self.description = description
        self.sources = sources
        self.kind = kind
        self.months = months
        self.lost = lost
        self.watch = watch
        self.reliable = reliable
        self.reliabilityNote = reliabilityNote
    }

    /// The months after the event a neighbour is watched for giving traffic back: the three after its end.
    public var monthsAfter: ClosedRange<YearMonth> { months.upperBound.advanced(by: 1)...months.upperBound.advanced(by: 3) }
}

/// A source of a past event or disruption: a title and, when there is one, where to read it.
public struct EventSource: Sendable, Equatable {
    /// The title, with its publisher and date.
    public let title: String
    /// Where to read it.
    public let url: String?

    /// A source.
    ///
    /// - Parameters:
    ///   - title: the title.
    ///   - url: where to read it, if anywhere.
    public init(title: String, url: String?) {
        self.title = title
        self.url = url
    }
}
