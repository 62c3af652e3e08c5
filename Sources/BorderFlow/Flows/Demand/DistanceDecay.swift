import Foundation

/// How fast a mode's trips fall off with the cost of the way across: a local part and an optional long-distance
/// tail, `exp(−cost / localSeconds) + longShare × exp(−cost / longSeconds)`.
///
/// Cost is the trip's cheapest road or rail time on both sides of its crossing, without the inspection. Most
/// pedestrian and car crossings are errands between twin cities — work, school, shopping, family a few
/// kilometres across — so their local part is steep; cars and buses keep a thin tail of trips to a region's
/// far cities (San Diego to Los Angeles's Inland Empire, Monterrey to San Antonio), and freight is long-distance.
public struct DistanceDecay: Sendable, Equatable {
    /// τ of the local part, in seconds.
    public let localSeconds: Double
    /// Weight of the long-distance part against the local part at zero cost; 0 for none.
    public let longShare: Double
    /// τ of the long-distance part, in seconds.
    public let longSeconds: Double

    /// A decay from its parts.
    ///
    /// - Parameters:
    ///   - localSeconds: τ of the local part.
    ///   - longShare: weight of the long-distance part; 0 for none.
    ///   - longSeconds: τ of the long-distance part.
    public init(localSeconds: Double, longShare: Double = 0, longSeconds: Double = 0) {
        self.localSeconds = localSeconds
        self.longShare = longShare
        self.longSeconds = longSeconds
    }

    /// The bundled demand's decay of a mode.
    ///
    /// - Pedestrians, 15 min and no tail: they ride a local bus or taxi to the port, walk across and go on by
    ///   trolley, bus or a waiting car; `PedestrianReach` bounds them besides.
    /// - Personal vehicles, 20 min, with a 0.5 % tail of τ 3 h: a day's shopping or a commute across is a short
    ///   drive, a weekend visit to family in Phoenix or San Antonio a long one. The tail is thin because a far
    ///   city pair weighs its two populations: Chihuahua × San Antonio is ten thousand times Ojinaga × Presidio.
    /// - Buses, 30 min, with a 50 % tail of τ 4 h: city and shuttle buses at the twin-city ports, and the
    ///   intercity lines (Tijuana–Los Angeles, Juárez–Denver, Nuevo Laredo–San Antonio) that make up most of the rest.
    /// - Trucks, 4 h: freight crosses from the plants of the border cities and the interior to warehouses and
    ///   markets across the U.S. side.
    /// - Trains, 12 h: railcars cross on their way between Mexico's interior and the U.S. rail network.
    ///
    /// - Parameter mode: the mode.
    /// - Returns: its decay.
    public static func standard(_ mode: Mode) -> DistanceDecay {
        switch mode {
        case .pedestrian: return DistanceDecay(localSeconds: 15 * 60)
        case .pov: return DistanceDecay(localSeconds: 20 * 60, longShare: 0.005, longSeconds: 3 * 3_600)
        case .bus: return DistanceDecay(localSeconds: 30 * 60, longShare: 0.5, longSeconds: 4 * 3_600)
        case .truck: return DistanceDecay(localSeconds: 4 * 3_600)
        case .rail: return DistanceDecay(localSeconds: 12 * 3_600)
        }
    }

    /// The relative weight of a trip of a given cost: 1 + `longShare` at zero cost, falling towards 0.
    ///
    /// - Parameter seconds: the trip's cost, in seconds.
    /// - Returns: the weight.
    public func weight(seconds: Double) -> Double {
        let local = Foundation.exp(-seconds / localSeconds)
        guard longShare > 0, longSeconds > 0 else { return local }
        return local + longShare * Foundation.exp(-seconds / longSeconds)
    }
}
