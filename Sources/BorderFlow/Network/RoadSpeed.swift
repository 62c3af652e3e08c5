/// How fast each mode travels a road or rail segment: the rule both the bundled network's segments and an
/// imported network's follow.
enum RoadSpeed {
    /// The km/h a mode travels a segment at, nil when it may not use it: rail only by trains, a footway only on
    /// foot, a road by the road modes at `CrossingTimes.roadSpeedKph`, never by a mode it is closed to.
    ///
    /// - Parameters:
    ///   - mode: the mode.
    ///   - roadClass: the segment's class.
    ///   - carSpeedKph: the segment's `speedKph`.
    ///   - closed: whether the segment is closed to the mode.
    /// - Returns: the speed, or nil.
    static func kph(for mode: Mode, roadClass: Road.RoadClass, carSpeedKph: Double, closed: Bool = false) -> Double? {
        guard !closed else { return nil }
        switch roadClass {
        case .rail: return mode == .rail ? carSpeedKph : nil
        case .footway: return mode == .pedestrian ? carSpeedKph : nil
        default: return CrossingTimes.roadSpeedKph(mode, carSpeedKph: carSpeedKph)
        }
    }
}
