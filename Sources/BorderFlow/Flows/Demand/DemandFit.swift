import Foundation

/// A gravity model of northbound trips, fitted so that the baseline assignment reproduces every crossing's
/// observed daily volume per mode.
///
/// Seed (`GravityDemand`): trips from a Mexican place to a U.S. place ∝ origin weight (population; for trucks
/// and trains, `FreightOrigins`) × destination population × the mode's `DistanceDecay` of the trip's cheapest
/// road or rail time across, pedestrians only within `PedestrianReach`. Fit: repeated (1) assignment, (2) each
/// trip scaled by the flow-weighted geometric mean of observed ÷ modelled volume at the crossings it uses
/// (at most 1.25 either way per round), and (3) each crossing's constant (seconds added to its cost) lowered
/// where it carries too little and raised where it carries too much, until every crossing-mode with observed
/// volume is within the tolerance or the round limit is reached: read `worstRelativeError` and `fit` for how
/// close it came.
///
/// Parallel facilities with the same access and little congestion (two rail bridges side by side) are a
/// step function of their constants under an equilibrium, so their split may not settle; `fit` shows it.
public struct DemandFit: Sendable {
    /// The fitted demand.
    public let demand: Demand
    /// The trips' crossing options the fit was assigned over.
    public let choices: CrossingChoices
    /// Seconds added to each crossing's cost for each mode, to reproduce the observed split.
    public let constants: [PerMode<Double>]
    /// The last assignment of the fit.
    public let assignment: CrossingAssignment
    /// Rounds of assignment and adjustment the fit took.
    public let rounds: Int
    /// Per crossing and mode: observed and modelled daily volume.
    public let fit: [(crossing: CrossingIndex, mode: Mode, observed: Double, modelled: Double)]

    /// The largest relative miss among crossing-modes with observed volume.
    public var worstRelativeError: Double {
        fit.filter { $0.observed > 0 }.map { abs($0.modelled - $0.observed) / $0.observed }.max() ?? 0
    }
}
