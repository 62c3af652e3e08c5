extension Crossing {
    /// Daily processing capacity for a mode: lanes × `ProcessingRate` × hours open; 0 for a mode not served.
    ///
    /// - Parameters:
    ///   - mode: the mode.
    ///   - lanes: the lanes open, when a scenario changes them (default: the crossing's own).
    /// - Returns: units a day.
    public func dailyCapacity(for mode: Mode, lanes: Int? = nil) -> Double {
        guard let count = lanes ?? self.lanes[mode], let hours = hours[mode] else { return 0 }
        return Double(count) * ProcessingRate.perLaneHour(mode) * hours.openHours
    }
}
