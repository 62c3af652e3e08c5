/// How the time to pass a crossing grows with the volume it processes, in the form of the U.S. Bureau of
/// Public Roads link function, wait = t₀ × (1 + α (volume / capacity)^β), with α = 1 and β = 2.
///
/// t₀ is the flat inspection time of `CrossingTimes`, and capacity is the crossing's daily processing
/// capacity for the mode (lanes × rate × hours open, after any scenario lane changes). The road form
/// (α = 0.15, β = 4) stays flat until a link is full; a border queue builds well before the booths are
/// saturated, so the wait here is 1.25 × t₀ at half capacity, 2 × t₀ at capacity and 5 × t₀ at twice it.
/// The steady rise also lets parallel facilities share their traffic in the equilibrium.
public enum CrossingDelay {
    /// α of the wait function: the wait doubles at capacity.
    public static let alpha = 1.0
    /// β of the wait function: the wait rises with the square of volume over capacity.
    public static let beta = 2.0

    /// Seconds to pass at a daily volume; the free time alone when the capacity is zero and so is the volume.
    ///
    /// - Parameters:
    ///   - volume: units a day through the crossing in the mode.
    ///   - capacity: units a day the crossing can process in the mode.
    ///   - freeSeconds: t₀, the time to pass at zero volume.
    /// - Returns: t₀ × (1 + α (volume / capacity)^β); infinite for volume at a crossing with no capacity.
    @inlinable
    public static func waitSeconds(volume: Double, capacity: Double, freeSeconds: Double) -> Double {
        guard capacity > 0 else { return volume > 0 ? .infinity : freeSeconds }
        let ratio = volume / capacity
        return freeSeconds * (1 + alpha * ratio * ratio)
    }

    /// d(wait)/d(volume), for the Newton steps of the equilibrium.
    ///
    /// - Parameters:
    ///   - volume: units a day through the crossing in the mode.
    ///   - capacity: units a day the crossing can process in the mode.
    ///   - freeSeconds: t₀, the time to pass at zero volume.
    /// - Returns: seconds of wait per extra unit a day; 0 at zero volume or zero capacity.
    @inlinable
    public static func waitDerivative(volume: Double, capacity: Double, freeSeconds: Double) -> Double {
        guard capacity > 0, volume > 0 else { return 0 }
        let ratio = volume / capacity
        return freeSeconds * alpha * beta * ratio / capacity
    }
}
