/// How a traveller crosses. Counts per mode follow CBP's units (see `unit`).
public enum Mode: String, CaseIterable, Codable, Sendable, Comparable, CustomStringConvertible {
    /// On foot; counted in persons.
    case pedestrian
    /// Personal vehicles (POV), through the passenger lanes; counted in vehicles.
    case pov
    /// Buses, every passenger inspected; counted in buses.
    case bus
    /// Commercial trucks; counted in trucks.
    case truck
    /// Freight trains, on rail crossings only; counted in railcars.
    case rail

    /// What one unit of volume or capacity counts for this mode.
    public var unit: String {
        switch self {
        case .pedestrian: return "persons"
        case .pov: return "vehicles"
        case .bus: return "buses"
        case .truck: return "trucks"
        case .rail: return "railcars"
        }
    }

    /// Trucks and trains: freight is never forgone; with no open crossing it is deferred.
    public var isFreight: Bool { self == .truck || self == .rail }

    /// One unit of this mode, to name hours by: person-hours, vehicle-hours, bus-hours, truck-hours, railcar-hours.
    public var unitSingular: String {
        switch self {
        case .pedestrian: return "person"
        case .pov: return "vehicle"
        case .bus: return "bus"
        case .truck: return "truck"
        case .rail: return "railcar"
        }
    }

    /// A name for people.
    public var displayName: String {
        switch self {
        case .pedestrian: return "pedestrian"
        case .pov: return "personal vehicle"
        case .bus: return "bus"
        case .truck: return "truck"
        case .rail: return "rail"
        }
    }

    /// The id users type (`pov`, `rail`, …).
    public var description: String { rawValue }

    /// The mode's position in `allCases` (pedestrian 0 … rail 4): the one rule that turns a mode into an
    /// index, for `PerMode` slots and the network's cost layers alike.
    @inlinable
    public var index: Int {
        // A switch, not a search of `allCases`: routers ask this for every query.
        switch self {
        case .pedestrian: return 0
        case .pov: return 1
        case .bus: return 2
        case .truck: return 3
        case .rail: return 4
        }
    }

    /// Modes order as `allCases`: pedestrian, pov, bus, truck, rail.
    public static func < (lhs: Mode, rhs: Mode) -> Bool { lhs.index < rhs.index }

    /// The list users may type, for error messages.
    public static let validNames = allCases.map(\.rawValue).joined(separator: ", ")
}
