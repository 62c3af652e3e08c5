/// Why a simulation cannot run.
public enum SimulationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Trips of the demand cross nowhere even with every crossing open: how many, and one of them
    /// ("origin → destination by mode"). Such a crosser has no port to be counted at.
    case unroutableDemand(count: Int, example: String)

    /// A message for people: what is wrong and how to fix it.
    public var description: String {
        switch self {
        case let .unroutableDemand(count, example):
            return "\(count) trip\(count == 1 ? "" : "s") of the demand cannot cross the border even with every crossing open (such as \(example)); give trips between a Mexican and a U.S. place that the network connects"
        }
    }
}
