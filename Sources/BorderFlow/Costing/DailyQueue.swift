/// The queue at one crossing for one mode over a day: a deterministic queue fed hour by hour by
/// `ArrivalProfile` and served at the crossing's hourly capacity (lanes × `ProcessingRate` in the hours it
/// is open).
///
/// A crossing cannot process more than its capacity over the day. Below it, the queue builds in the hours
/// whose arrivals outrun the booths and drains in the others, and the mean wait is the area under the queue
/// over the day ÷ the day's arrivals (Little's law). To it is added the time at the booths, which grows with
/// the day's use of them as arrivals bunch and inspections vary, in the form of the U.S. Bureau of Public
/// Roads link function: t₀ × (1 + α (volume / capacity)^β) with α = 1 and β = 2, t₀ the inspection time of
/// `CrossingTimes` (1.25 × t₀ at half capacity, 2 × t₀ at capacity). That rise, small at small volumes, is
/// also what lets two bridges side by side share their traffic in an equilibrium.
/// At or above the daily capacity no steady queue exists: the crossing serves its capacity, the excess is
/// not served that day, and the wait grows without limit, by a full day for each day's capacity of excess,
/// so that an assignment never fills a crossing past what it can process.
///
/// The day is run three times from an empty queue and the last is kept, so a queue that carries over
/// midnight (a gate that closes with people waiting) is counted once it has settled.
public struct DailyQueue: Sendable, Equatable {
    /// Units the crossing can process in each hour of the day, 0 to 23.
    public let hourlyCapacity: [Double]
    /// The share of a day's arrivals in each hour (sums to 1 over the hours the crossing is open).
    public let arrivalShares: [Double]
    /// Units the crossing can process over the day.
    public let dailyCapacity: Double
    /// The time to pass with no queue, in seconds.
    public let freeSeconds: Double
    /// The daily volume below which no hour's arrivals outrun its capacity, so no queue forms.
    public let queueFreeVolume: Double

    /// The queue of a crossing open `hours` (all day when nil) with `dailyCapacity` spread evenly over them.
    ///
    /// - Parameters:
    ///   - dailyCapacity: units a day the crossing can process in the mode.
    ///   - hours: when it is open; nil for around the clock.
    ///   - mode: the mode, whose `ArrivalProfile` shapes the arrivals.
    ///   - freeSeconds: the time to pass with no queue.
    public init(dailyCapacity: Double, hours: OpeningHours?, mode: Mode, freeSeconds: Double) {
        let open = (0..<24).map { hour -> Double in
            guard let hours else { return 1 }
            let from = max(hour * 60, hours.opensMinute), to = min((hour + 1) * 60, hours.closesMinute)
            return Double(max(0, to - from)) / 60
        }
        let openHours = open.reduce(0, +)
        hourlyCapacity = open.map { openHours > 0 ? dailyCapacity * $0 / openHours : 0 }
        let weights = zip(ArrivalProfile.hourlyWeights(mode), open).map { $0 * $1 }
        let total = weights.reduce(0, +)
        arrivalShares = weights.map { total > 0 ? $0 / total : 0 }
        self.dailyCapacity = openHours > 0 ? dailyCapacity : 0
        self.freeSeconds = freeSeconds
        let shares = arrivalShares, capacities = hourlyCapacity
        queueFreeVolume = (0..<24).filter { shares[$0] > 0 }.map { capacities[$0] / shares[$0] }.min() ?? 0
    }

    /// What a day's volume meets at the crossing.
    public struct Day: Sendable, Equatable {
        /// Units the crossing can process in the day.
        public let capacity: Double
        /// Units processed in the day: the volume, or the daily capacity when the volume is larger.
        public let served: Double
        /// Units that arrive beyond the daily capacity and are not processed that day.
        public let unserved: Double
        /// Mean seconds to pass, inspection included, for those served; infinite when nothing can be served.
        public let waitSeconds: Double
        /// The longest queue in the day, in units.
        public let peakQueue: Double
        /// About how many minutes the last arrival of the worst hour waits in the queue (the queue then ÷ the
        /// next hour's capacity), plus a day per day's capacity of excess.
        public let peakWaitMinutes: Double
    }

    /// The day at a volume.
    ///
    /// - Parameter volume: units a day that arrive at the crossing in the mode.
    /// - Returns: what is served, what is not, the mean wait and the peak queue.
    public func day(volume: Double) -> Day {
        guard volume > 0 else { return Day(capacity: dailyCapacity, served: 0, unserved: 0, waitSeconds: freeSeconds, peakQueue: 0, peakWaitMinutes: 0) }
        guard dailyCapacity > 0 else {
            return Day(capacity: 0, served: 0, unserved: volume, waitSeconds: .infinity, peakQueue: volume, peakWaitMinutes: .infinity)
        }
        let served = min(volume, dailyCapacity)
        let run = settled(served)
        let overflow = volume > dailyCapacity ? 86_400 * (volume - dailyCapacity) / dailyCapacity : 0
        return Day(capacity: dailyCapacity, served: served, unserved: volume - served,
                   waitSeconds: boothSeconds(served) + 3_600 * run.area / served + overflow,
                   peakQueue: run.peak + (volume - served), peakWaitMinutes: run.peakWaitHours * 60 + overflow / 60)
    }

    /// Mean seconds to pass at a daily volume (``day(volume:)``'s wait, without building the rest).
    ///
    /// - Parameter volume: units a day that arrive.
    /// - Returns: the mean wait, inspection included; infinite for any volume at a crossing that cannot serve it.
    @inlinable
    public func waitSeconds(volume: Double) -> Double {
        guard volume > 0 else { return freeSeconds }
        guard dailyCapacity > 0 else { return .infinity }
        let served = min(volume, dailyCapacity)
        guard volume > queueFreeVolume else { return boothSeconds(served) }
        let overflow = volume > dailyCapacity ? 86_400 * (volume - dailyCapacity) / dailyCapacity : 0
        return boothSeconds(served) + 3_600 * settled(served).area / served + overflow
    }

    /// d(wait)/d(volume) by a forward difference, for the Newton steps of the equilibrium.
    ///
    /// - Parameter volume: units a day that arrive.
    /// - Returns: seconds of mean wait per extra unit a day; 0 where the crossing cannot serve at all.
    @inlinable
    public func waitDerivative(volume: Double) -> Double {
        waitDerivative(volume: volume, wait: waitSeconds(volume: volume))
    }

    /// d(wait)/d(volume) when the wait at `volume` is known already (one run of the day instead of two).
    ///
    /// - Parameters:
    ///   - volume: units a day that arrive.
    ///   - wait: ``waitSeconds(volume:)`` at that volume.
    /// - Returns: seconds of mean wait per extra unit a day; 0 where the crossing cannot serve at all.
    @inlinable
    public func waitDerivative(volume: Double, wait: Double) -> Double {
        guard dailyCapacity > 0 else { return 0 }
        let step = max(0.5, volume * 1e-3)
        return (waitSeconds(volume: volume + step) - wait) / step
    }

    /// α and β of the time at the booths: it doubles at capacity and rises with the square of use.
    public static let booth = (alpha: 1.0, beta: 2.0)

    /// Seconds at the booths for a day's volume served (inspection and the bunching of arrivals).
    @usableFromInline
    func boothSeconds(_ served: Double) -> Double {
        let use = served / dailyCapacity
        return freeSeconds * (1 + Self.booth.alpha * use * use)
    }

    /// Units × hours under the queue on a settled day, its peak, and the longest wait of an hour's last arrival.
    @usableFromInline
    func settled(_ volume: Double) -> (area: Double, peak: Double, peakWaitHours: Double) {
        var queue = 0.0, area = 0.0, peak = 0.0, peakWait = 0.0
        for pass in 0..<3 {
            area = 0; peak = 0; peakWait = 0
            for hour in 0..<24 {
                let capacity = hourlyCapacity[hour]
                let rate = volume * arrivalShares[hour] - capacity
                let start = queue
                if rate >= 0 {
                    queue = start + rate
                    area += (start + queue) / 2
                } else if start + rate > 0 {
                    queue = start + rate
                    area += (start + queue) / 2
                } else {
                    // The queue empties within the hour, after start ÷ −rate of it.
                    queue = 0
                    area += start * (start / -rate) / 2
                }
                peak = max(peak, queue)
                if queue > 0 {
                    // Those last in the queue wait until the capacity of the coming hours has cleared it.
                    let next = hourlyCapacity[(hour + 1) % 24]
                    peakWait = max(peakWait, next > 0 ? queue / next : Double(24 - hour))
                }
            }
            // A day that ends with no queue repeats itself.
            if queue == 0 || pass == 2 { break }
        }
        return (area, peak, peakWait)
    }
}
