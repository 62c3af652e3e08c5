/// The assignment models by the names the command line and the server take.
public enum AssignmentModelName: String, Sendable, CaseIterable {
    /// All or nothing: every trip takes its cheapest option.
    case aon
    /// A logit split at the default scale.
    case logit
    /// User equilibrium, the default.
    case equilibrium

    /// The method the name stands for, at its default settings.
    public var method: AssignmentMethod {
        switch self {
        case .aon: return .allOrNothing
        case .logit: return .logit(scaleSeconds: AssignmentMethod.defaultLogitScaleSeconds)
        case .equilibrium: return .standard
        }
    }

    /// The names, comma-separated, for messages.
    public static let validNames = allCases.map(\.rawValue).joined(separator: ", ")
}
