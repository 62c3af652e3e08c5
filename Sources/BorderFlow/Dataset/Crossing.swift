import BorderFlowSpatial

/// One facility where traffic crosses the border: a bridge, a gate, a rail bridge, a land port's lanes.
public struct Crossing: Hashable, Sendable, Identifiable {
    /// What sort of facility it is.
    ///
    /// Descriptive only: routing and capacity follow a crossing's `modes`, `lanes` and `hours`, never its kind.
    public enum Kind: String, CaseIterable, Sendable {
        /// A port of entry whose inspection facility stands at the line rather than on a bridge (`land-port`).
        case landPort = "land-port"
        /// A road bridge over the Rio Grande, often with a walkway for pedestrians.
        case bridge
        /// A gate or building for pedestrians only (`pedestrian-gate`).
        case pedestrianGate = "pedestrian-gate"
        /// A footbridge for pedestrians only, such as the Cross Border Xpress to Tijuana's airport
        /// (`pedestrian-bridge`).
        case pedestrianBridge = "pedestrian-bridge"
        /// Any international rail crossing, bridge or at-grade gate (`rail-bridge`).
        case railBridge = "rail-bridge"
        /// A hand-pulled ferry across the Rio Grande, such as Los Ebanos.
        case ferry
        /// A road across the dam of a border reservoir (Amistad, Falcon).
        case dam
    }

    /// A stable id, such as `lukeville` or `eagle-pass-rail`.
    public let id: String
    /// The facility's name, such as "Lukeville Port of Entry".
    public let name: String
    /// What sort of facility it is.
    public let kind: Kind
    /// CBP port name; BTS counts are per port.
    public let port: String
    /// Four-digit CBP port code.
    public let portCode: String
    /// U.S. state postal code.
    public let state: String
    /// The Mexican city across the crossing.
    public let mexicanCity: String
    /// The Mexican state of that city.
    public let mexicanState: String
    /// Where the crossing is, in longitude and latitude (WGS 84).
    public let coordinate: Coordinate
    /// The modes served, in `Mode.allCases` order.
    public let modes: [Mode]
    /// Opening hours per mode, in `timeZone`.
    public let hours: PerMode<OpeningHours>
    /// IANA time zone of the opening hours.
    public let timeZone: String
    /// Primary inspection lanes (booths for pedestrians, tracks for rail) per mode.
    public let lanes: PerMode<Int>
    /// Average northbound units per day per mode (see `Mode.unit`).
    public let dailyVolume: PerMode<Double>
    /// Where the baseline volumes come from.
    public let volumeSource: String
    /// Anything else worth knowing about the facility.
    public let note: String
    /// For a rail bridge, the railroad that runs trains over it on the Mexican side (`"railroad"`, e.g.
    /// Ferromex or CPKC): railcars keep to their own railroad's bridges. Nil when not given, which lets
    /// railcars use any rail bridge.
    public let railroad: String?
    /// False for a facility that stands but takes no traffic (`"status": "out-of-service"`): it is kept in
    /// the data and on maps but carries no route or flow.
    public let inService: Bool
    /// The Border Patrol sector the crossing lies in, found with GEOS when the dataset loads.
    public internal(set) var sector: String?

    /// Whether the crossing takes traffic of a mode.
    ///
    /// - Parameter mode: the mode.
    /// - Returns: true when `modes` holds it.
    public func serves(_ mode: Mode) -> Bool { modes.contains(mode) }
}
