/// How the time to pass a crossing grows with the volume it processes, in the form of the U.S. Bureau of
/// Public Roads link function: wait = t₀ × (1 + α (volume / capacity)^β), with α = 0.15 and β = 4.
///
/// t₀ is the flat inspection time of `CrossingTimes` (the typical northbound wait), and capacity is the
/// crossing's daily processing capacity for the mode (lanes × rate × hours open, after any scenario lane
/// changes). A crossing near its capacity adds a few percent; at twice its capacity the wait is 3.4 × t₀.
public enum CrossingDelay {
    public static let alpha = 0.15
    public static let beta = 4.0

    /// Seconds to pass at a daily volume; the free time alone when the capacity is zero and so is the volume.
    @inlinable
    public static func waitSeconds(volume: Double, capacity: Double, freeSeconds: Double) -> Double {
        guard capacity > 0 else { return volume > 0 ? .infinity : freeSeconds }
        let ratio = volume / capacity
        let squared = ratio * ratio
        return freeSeconds * (1 + alpha * squared * squared)
    }

    /// d(wait)/d(volume), for the Newton steps of the equilibrium.
    @inlinable
    public static func waitDerivative(volume: Double, capacity: Double, freeSeconds: Double) -> Double {
        guard capacity > 0, volume > 0 else { return 0 }
        let ratio = volume / capacity
        return freeSeconds * alpha * beta * ratio * ratio * ratio / capacity
    }
}
