import Foundation

/// How travellers respond when their crossing closes or its queue grows: the behavioural numbers of the
/// flow model, each fitted to the border's own past disruptions (`borderflow backcast`) and carried with
/// the range the fit allows.
///
/// - Trips made fall smoothly as a trip's cost rises: of a trip whose cheapest way across now takes Δ more
///   time than before (road, wait, and for trucks the cost of leaving their port; not the crossings'
///   calibrated constants, which only rank crossings), a share exp(−Δ / τ) is still made, τ per mode
///   (`responseHours`). The rest is forgone (pedestrians, cars, buses) or deferred (trucks, railcars).
/// - A discretionary trip whose own crossing closes to it is given up in `closureLoss` of cases before any
///   cost is weighed (errands dropped or put together, the habit of a bridge): the counts show much of a
///   closed bridge's traffic vanishing though the next bridge is a kilometre away.
/// - Drivers who give up a trip at a crossing that stays open on foot may park and walk: `walkingSwitch`
///   persons cross on foot there for each vehicle trip given up.
/// - Trucks keep to their port: entries are filed for a port, so a truck moving to another port's crossing
///   pays `portSwitchHours` on top of the road (moving between one port's bridges costs nothing extra).
/// - Officers taken from a port leave each of its crossings `officersTakenThroughput` of its usual rate.
/// - Railroads hold trains through a closure of up to `railHoldDays` days (deferred, then caught up)
///   rather than sending them round by another railroad's bridge; railcars keep to their own railroad.
public struct Behaviour: Sendable, Equatable {
    /// τ per mode, in hours: the rise in cost that leaves e⁻¹ (37 %) of the trips made.
    public var responseHours: PerMode<Double>
    /// The share of a discretionary trip given up when the crossing it used closes to it, whatever the cost.
    public var closureLoss: Double
    /// Persons crossing on foot per vehicle trip given up, where the crossing stays open to pedestrians.
    public var walkingSwitch: Double
    /// Hours a truck's crossing at another port costs on top of the road.
    public var portSwitchHours: Double
    /// Closures of a rail crossing up to this many days hold trains rather than reroute them.
    public var railHoldDays: Double
    /// The share of its usual processing rate a port achieves when officers are taken from it.
    public var officersTakenThroughput: Double

    /// A set of behavioural numbers.
    ///
    /// - Parameters:
    ///   - responseHours: τ per mode, in hours.
    ///   - closureLoss: the share of a discretionary trip given up when its crossing closes to it.
    ///   - walkingSwitch: persons on foot per vehicle trip given up where the crossing stays open on foot.
    ///   - portSwitchHours: the extra cost of a truck crossing at another port, in hours.
    ///   - railHoldDays: the longest rail closure for which trains are held.
    ///   - officersTakenThroughput: the share of the usual rate a port keeps when officers are taken from it.
    public init(responseHours: PerMode<Double>, closureLoss: Double, walkingSwitch: Double, portSwitchHours: Double,
                railHoldDays: Double, officersTakenThroughput: Double) {
        self.responseHours = responseHours
        self.closureLoss = closureLoss
        self.walkingSwitch = walkingSwitch
        self.portSwitchHours = portSwitchHours
        self.railHoldDays = railHoldDays
        self.officersTakenThroughput = officersTakenThroughput
    }

    /// The share of a trip still made when its cost rises by `riseSeconds` (1 for no rise, 0 with no way across).
    ///
    /// - Parameters:
    ///   - mode: the trip's mode.
    ///   - riseSeconds: scenario cost less baseline cost, in seconds; infinite when nothing is open.
    /// - Returns: exp(−rise / τ) for a rise, 1 otherwise.
    @inlinable
    public func keptShare(_ mode: Mode, riseSeconds: Double) -> Double {
        guard riseSeconds > 0 else { return 1 }
        guard riseSeconds.isFinite, let hours = responseHours[mode], hours > 0 else { return 0 }
        return Foundation.exp(-riseSeconds / (hours * 3_600))
    }

    /// The share of a trip still made when its cost rises by `riseSeconds` and `closedShare` of its traffic
    /// used crossings now closed to it: ``keptShare(_:riseSeconds:)`` less the `closureLoss` of a
    /// discretionary trip's closed share.
    ///
    /// - Parameters:
    ///   - mode: the trip's mode.
    ///   - riseSeconds: scenario time less baseline time, in seconds.
    ///   - closedShare: the share of the trip's baseline traffic on crossings now closed to it, 0 to 1.
    /// - Returns: the share made.
    @inlinable
    public func keptShare(_ mode: Mode, riseSeconds: Double, closedShare: Double) -> Double {
        keptShare(mode, riseSeconds: riseSeconds) * (mode.isFreight ? 1 : 1 - closureLoss * closedShare)
    }
}
