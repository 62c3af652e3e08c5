import BorderFlow
import BorderFlowSpatial

/// A demand fit that missed its tolerance at some crossing and mode: thrown instead of writing its files, it
/// lists every miss so that a person can see which crossings the data or the model get wrong.
public struct CalibrationShortfall: Error, Sendable, CustomStringConvertible {
    /// The largest relative miss allowed.
    public let tolerance: Double
    /// The rounds the fit took.
    public let rounds: Int
    /// Each crossing and mode beyond the tolerance, as "id mode: observed N, modelled M".
    public let misses: [String]

    /// Checks a fit against a tolerance.
    ///
    /// - Parameters:
    ///   - fit: the fit.
    ///   - dataset: its dataset, for crossing ids.
    ///   - tolerance: the largest relative miss allowed at any crossing and mode.
    /// - Throws: `CalibrationShortfall` when the fit's worst relative miss is above the tolerance.
    public static func check(_ fit: DemandFit, dataset: Dataset, tolerance: Double) throws {
        guard fit.worstRelativeError <= tolerance else {
            let misses = fit.fit.filter { $0.observed > 0 && abs($0.modelled - $0.observed) / $0.observed > tolerance }
                .map { "\(dataset.crossings[$0.crossing].id) \($0.mode.rawValue): observed \(formatCount($0.observed)), modelled \(formatCount($0.modelled))" }
            throw CalibrationShortfall(tolerance: tolerance, rounds: fit.rounds, misses: misses)
        }
    }

    /// What missed, and that nothing was written.
    public var description: String {
        "the fit did not reach \(formatFixed(tolerance * 100, decimals: 2))% after \(rounds) rounds; nothing written. Misses: \(misses.joined(separator: "; "))"
    }
}
