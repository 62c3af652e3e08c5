import Foundation

/// A month of the year's level of traffic. The fitted demand is an ordinary day of the year (the crossings'
/// `dailyVolume` are deseasonalised baselines); a scenario dated in a month runs on that month's level.
///
/// Each trip has a *home* crossing, the one it would use with every crossing open and no queue (its cheapest
/// option with the crossing's constant). In a month, a trip's count is scaled by its home crossing's trip
/// factor, and each crossing's constant moves by a shift, both fitted (``SeasonalFit``, run by `borderflow
/// calibrate`, stored in `seasons.csv`) so that the month's baseline assignment carries every crossing's
/// ordinary volume times its seasonal factor: December's shoppers and January's lull reach the crossings that
/// see them, and a crossing whose season differs from its neighbour's (Sasabe's cars rise in December while
/// Lukeville's fall) keeps its own.
public struct Season: Sendable, Equatable {
    /// The month of the year, 1 (January) to 12.
    public let month: Int
    /// The factor of the trips whose home is each crossing, per mode.
    let tripFactors: [PerMode<Double>]
    /// Seconds added to each crossing's constant per mode in this month.
    let constantShifts: [PerMode<Double>]

    /// A month's level.
    ///
    /// - Parameters:
    ///   - month: the month of the year, 1 to 12.
    ///   - tripFactors: per crossing (dataset order) and mode, the factor of the trips whose home it is; 1 where
    ///     none is given.
    ///   - constantShifts: per crossing and mode, seconds added to its constant; 0 where none is given.
    public init(month: Int, tripFactors: [PerMode<Double>], constantShifts: [PerMode<Double>]) {
        precondition((1...12).contains(month), "a month of the year is 1 to 12")
        self.month = month
        self.tripFactors = tripFactors
        self.constantShifts = constantShifts
    }

    /// A month's level before it is fitted: every trip scaled by its home crossing's seasonal factor, no
    /// constant moved (where ``SeasonalFit`` starts).
    ///
    /// - Parameters:
    ///   - month: the month of the year, 1 to 12.
    ///   - baselines: the crossings' baselines, whose seasonal factors are used.
    public init(month: Int, baselines: CrossingBaselines) {
        self.init(month: month, tripFactors: baselines.entries.map { entry in
            PerMode(uniqueKeysWithValues: Mode.allCases.compactMap { mode in entry[mode].map { (mode, $0.factors[month - 1]) } })
        }, constantShifts: [PerMode<Double>](repeating: [:], count: baselines.entries.count))
    }

    /// The month's name: `December`.
    public var name: String {
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
         "November", "December"][month - 1]
    }

    /// The factor of the trips whose home is a crossing.
    ///
    /// - Parameters:
    ///   - crossing: the crossing's index in the dataset.
    ///   - mode: the mode.
    /// - Returns: the factor; 1 where none is given.
    public func tripFactor(crossing: CrossingIndex, mode: Mode) -> Double {
        crossing.rawValue < tripFactors.count ? tripFactors[crossing.rawValue][mode] ?? 1 : 1
    }

    /// Seconds added to a crossing's constant in this month.
    ///
    /// - Parameters:
    ///   - crossing: the crossing's index in the dataset.
    ///   - mode: the mode.
    /// - Returns: the shift; 0 where none is given.
    public func constantShift(crossing: CrossingIndex, mode: Mode) -> Double {
        crossing.rawValue < constantShifts.count ? constantShifts[crossing.rawValue][mode] ?? 0 : 0
    }

    /// A demand at this month's level: each trip times its home crossing's trip factor (a trip with no home
    /// keeps its count).
    func scaled(_ demand: Demand, homes: [CrossingIndex?]) -> Demand {
        Demand(trips: demand.trips, dailyTrips: demand.trips.indices.map { trip in
            demand.dailyTrips[trip] * (homes[trip].map { tripFactor(crossing: $0, mode: demand.trips[trip].mode) } ?? 1)
        })
    }

    /// Constants with this month's shifts added.
    func shifted(_ constants: [PerMode<Double>]) -> [PerMode<Double>] {
        constants.indices.map { index in
            var shifted = constants[index]
            let crossing = CrossingIndex(index)
            for mode in Mode.allCases where constantShift(crossing: crossing, mode: mode) != 0 {
                shifted[mode, default: 0] += constantShift(crossing: crossing, mode: mode)
            }
            return shifted
        }
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
    /// - Returns: the baselines; nil when the folder has no baselines file.
    /// - Throws: `MonthlyCountsError` when a row is not valid; `InputFileError` when it cannot be read.
    public func crossingBaselines(in directory: URL? = nil) throws -> CrossingBaselines? {
        let url = (directory ?? dataset.directory).appendingPathComponent(BaselineTable.fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return CrossingBaselines(dataset: dataset, baselines: try BaselineFile.read(contentsOf: url, dataset: dataset))
    }

    /// A month's fitted level from a dataset folder's `seasons.csv` (written by `borderflow calibrate`).
    ///
    /// - Parameters:
    ///   - month: the month of the year, 1 to 12.
    ///   - directory: the folder; nil for the dataset's own.
    /// - Returns: the month's level; nil when the folder has no seasons file (the demand then stays at an
    ///   ordinary day's level whatever the month).
    /// - Throws: `DemandFileError` when a row is not valid; `InputFileError` when the file cannot be read.
    public func season(month: Int, in directory: URL? = nil) throws -> Season? {
        let url = (directory ?? dataset.directory).appendingPathComponent(DemandFiles.seasons)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try DemandFiles.readSeasons(url, dataset: dataset).first { $0.month == month }
    }
}
