/// Time to pass a crossing's inspection, queue included, before congestion is modelled: a flat figure per
/// mode and direction, the same at every crossing.
///
/// Northbound figures are round numbers in the range of CBP's published average waits for 2023 (personal
/// vehicles half an hour, pedestrians twenty minutes, buses forty-five minutes with every passenger
/// inspected, commercial trucks an hour, a freight train two hours for the rail inspection portal and
/// crew change); southbound figures are Mexico's lighter entry checks.
public enum CrossingTimes {
    /// Minutes to pass a crossing northbound, into the U.S.
    ///
    /// - Parameter mode: the mode.
    /// - Returns: the flat inspection time.
    public static func northboundMinutes(_ mode: Mode) -> Double {
        switch mode {
        case .pedestrian: return 20
        case .pov: return 30
        case .bus: return 45
        case .truck: return 60
        case .rail: return 120
        }
    }

    /// Minutes to pass a crossing southbound, into Mexico.
    ///
    /// - Parameter mode: the mode.
    /// - Returns: the flat inspection time.
    public static func southboundMinutes(_ mode: Mode) -> Double {
        switch mode {
        case .pedestrian: return 5
        case .pov: return 5
        case .bus: return 15
        case .truck: return 30
        case .rail: return 60
        }
    }

    /// The fastest a mode travels on a road of the given free-flow car speed: buses and trucks are capped,
    /// a pedestrian rides (car or bus) to and from the crossing and walks only across it.
    ///
    /// - Parameters:
    ///   - mode: the mode.
    ///   - carSpeedKph: the road's free-flow speed for a car (`Road.speedKph`).
    /// - Returns: km/h: a car's speed for cars and pedestrians, at most 100 for buses and 90 for trucks; nil
    ///   for rail, which uses no road.
    public static func roadSpeedKph(_ mode: Mode, carSpeedKph: Double) -> Double? {
        switch mode {
        case .pov, .pedestrian: return carSpeedKph
        case .bus: return min(carSpeedKph, 100)
        case .truck: return min(carSpeedKph, 90)
        case .rail: return nil
        }
    }
}
