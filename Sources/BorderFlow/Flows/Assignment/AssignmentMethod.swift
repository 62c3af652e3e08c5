import Foundation

/// How demand is spread over the crossings.
public enum AssignmentMethod: Sendable, Equatable {
    /// Every trip takes its cheapest option at free-flow waits.
    case allOrNothing
    /// Trips split over their options by a logit on free-flow cost: share ∝ exp(−cost / scale).
    case logit(scaleSeconds: Double)
    /// User equilibrium with volume-dependent waits (`CrossingDelay`): no trip can save time by moving to
    /// another crossing. Solved by flow shifts along each trip's options until the relative gap is reached.
    case equilibrium(relativeGap: Double = 1e-4, maximumIterations: Int = 2_000)

    /// The logit's default scale: 15 minutes.
    public static let defaultLogitScaleSeconds = 900.0
    /// The default model: equilibrium converged to a relative gap of 1e-4.
    public static let standard = AssignmentMethod.equilibrium()

    /// The model's name as the command line takes it (`aon`, `logit`, `equilibrium`).
    public var name: String {
        switch self {
        case .allOrNothing: return "aon"
        case .logit: return "logit"
        case .equilibrium: return "equilibrium"
        }
    }
}
