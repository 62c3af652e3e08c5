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

extension Crossing {
    /// The crossing's daily queue for a mode (see `DailyQueue`).
    ///
    /// - Parameters:
    ///   - mode: the mode.
    ///   - lanes: inspection lanes open; the crossing's own when nil.
    ///   - throughput: the share of the usual processing rate the officers on duty achieve (1 as usual; less
    ///     when officers are taken from the port).
    /// - Returns: its hourly capacity over its opening hours, and its northbound inspection time.
    public func queue(for mode: Mode, lanes: Int? = nil, throughput: Double = 1) -> DailyQueue {
        DailyQueue(dailyCapacity: dailyCapacity(for: mode, lanes: lanes) * throughput, hours: hours[mode], mode: mode,
                   freeSeconds: CrossingTimes.northboundMinutes(mode) * 60)
    }
}
