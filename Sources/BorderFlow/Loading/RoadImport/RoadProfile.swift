/// Who an imported road network is built for. Each profile decides which lines the modes it stands for may use.
public enum RoadProfile: String, CaseIterable, Sendable, Comparable {
    /// Personal vehicles and buses (`Mode.pov`, `Mode.bus`): every road and ferry, no footway.
    case car
    /// Commercial trucks (`Mode.truck`): every road but those tagged `hgv=no`; a ferry only where tagged `hgv=yes`.
    case truck
    /// Pedestrians (`Mode.pedestrian`), who ride the car roads to and from a crossing and may also walk footways.
    case pedestrian

    /// The modes the profile routes.
    public var modes: [Mode] {
        switch self {
        case .car: return [.pov, .bus]
        case .truck: return [.truck]
        case .pedestrian: return [.pedestrian]
        }
    }

    /// The profile names, for messages.
    public static let validNames = allCases.map(\.rawValue).joined(separator: ", ")

    private var order: Int {
        switch self {
        case .car: return 0
        case .truck: return 1
        case .pedestrian: return 2
        }
    }

    public static func < (lhs: RoadProfile, rhs: RoadProfile) -> Bool { lhs.order < rhs.order }
}
