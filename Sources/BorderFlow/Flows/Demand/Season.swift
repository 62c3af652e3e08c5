import Foundation

/// A month of the year's level of traffic. The fitted demand is an ordinary day of the year (the crossings'
/// `dailyVolume` are deseasonalised baselines); a scenario dated in a month runs on that month's level: each
/// trip is scaled by the seasonal factor of the crossing and mode it would use with every crossing open and no
/// queue (its cheapest option with the crossing's constant), so December's shoppers and January's lull reach
/// the crossings they use.
public struct Season: Sendable, Equatable {
    /// The month of the year, 1 (January) to 12.
    public let month: Int
    /// Each crossing's factor per mode in that month.
    let factors: [PerMode<Double>]

    /// A month's factors from the crossings' baselines.
    ///
    /// - Parameters:
    ///   - month: the month of the year, 1 to 12.
    ///   - baselines: the crossings' baselines, whose seasonal factors are used.
    public init(month: Int, baselines: CrossingBaselines) {
        precondition((1...12).contains(month), "a month of the year is 1 to 12")
        self.month = month
        factors = baselines.entries.map { entry in
            PerMode(uniqueKeysWithValues: Mode.allCases.compactMap { mode in entry[mode].map { (mode, $0.factors[month - 1]) } })
        }
    }

    /// The month's name: `December`.
    public var name: String {
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
         "November", "December"][month - 1]
    }

    /// A crossing's factor for a mode: traffic in this month over an ordinary day's.
    ///
    /// - Parameters:
    ///   - crossing: the crossing's index in the dataset.
    ///   - mode: the mode.
    /// - Returns: the factor; 1 where the crossing has none.
    public func factor(crossing: CrossingIndex, mode: Mode) -> Double {
        crossing.rawValue < factors.count ? factors[crossing.rawValue][mode] ?? 1 : 1
    }

    /// A demand at this month's level.
    ///
    /// - Parameters:
    ///   - demand: the ordinary day's demand.
    ///   - choices: every trip's options, in the demand's trip order.
    ///   - constants: seconds added to each crossing's cost per mode.
    /// - Returns: each trip's daily count times the factor of its cheapest option; a trip with none keeps its count.
    func scaled(_ demand: Demand, choices: CrossingChoices, constants: [PerMode<Double>]) -> Demand {
        let daily = demand.trips.indices.map { trip -> Double in
            let mode = demand.trips[trip].mode
            var best: (cost: Double, crossing: CrossingIndex)?
            for option in choices.options(ofTrip: trip) {
                let cost = option.accessSeconds + (constants[option.crossing][mode] ?? 0)
                if best == nil || cost < best!.cost { best = (cost, option.crossing) }
            }
            return demand.dailyTrips[trip] * (best.map { factor(crossing: $0.crossing, mode: mode) } ?? 1)
        }
        return Demand(trips: demand.trips, dailyTrips: daily)
    }
}

extension Moment {
    /// The month of the year this moment falls in: a local time's own month, an instant's in UTC.
    public var monthOfYear: Int? {
        switch self {
        case let .localTime(components):
            return components.month
        case let .instant(date):
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(secondsFromGMT: 0)!
            return calendar.component(.month, from: date)
        }
    }
}

extension BorderNetwork {
    /// The crossings' baselines and seasonal factors from a dataset folder's `baselines.csv` (written by
    /// `borderflow build-counts`).
    ///
    /// - Parameter directory: the folder; nil for the dataset's own.
    /// - Returns: the baselines; nil when the folder has no baselines file (its demand then stays at an
    ///   ordinary day's level whatever the month).
    /// - Throws: `MonthlyCountsError` when a row is not valid; `InputFileError` when it cannot be read.
    public func crossingBaselines(in directory: URL? = nil) throws -> CrossingBaselines? {
        let url = (directory ?? dataset.directory).appendingPathComponent(BaselineTable.fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return CrossingBaselines(dataset: dataset, baselines: try BaselineFile.read(contentsOf: url, dataset: dataset))
    }
}
