/// Which monthly count series: one crossing's (the Texas bridges, counted per bridge) or a whole port's (every
/// port, counted by BTS), for one mode.
public struct SeriesKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The four-digit CBP port code; for a crossing's series, the code of the crossing's port.
    public let port: String
    /// The crossing's id for a per-crossing series; nil for a whole-port series.
    public let crossing: String?
    /// The mode counted.
    public let mode: Mode

    /// A series key.
    ///
    /// - Parameters:
    ///   - port: the four-digit CBP port code.
    ///   - crossing: the crossing's id, or nil for the whole port.
    ///   - mode: the mode counted.
    public init(port: String, crossing: String?, mode: Mode) {
        self.port = port
        self.crossing = crossing
        self.mode = mode
    }

    /// Ordered as the counts file is: by port, then crossing (the whole port first), then mode, in `Mode` order.
    public static func < (lhs: SeriesKey, rhs: SeriesKey) -> Bool {
        (lhs.port, lhs.crossing ?? "", lhs.mode.index) < (rhs.port, rhs.crossing ?? "", rhs.mode.index)
    }

    /// `laredo-juarez-lincoln pov` or `port 2408 truck`.
    public var description: String { "\(crossing ?? "port \(port)") \(mode.rawValue)" }
}
