import BorderFlowSpatial
import Foundation

/// Each crossing's ordinary daily volume per mode and its seasonal factors, from the count series' baselines
/// (``BaselineFile``): what the dataset's `dailyVolume` holds and what a scenario's month scales by.
///
/// **Volume.** A crossing counted on its own (the Texas bridges) takes its own series' baseline. The other
/// crossings of a port share what the port's series leaves after those counted on their own, in proportion to
/// their lanes for the mode (the port counts do not say which gate or bridge was used); a crossing the dataset
/// gives no traffic of a mode that others of its port carry (out of service, or not in its port's counts, as
/// Antelope Wells is not in Columbus's) takes no share. A crossing with neither has no baseline, and keeps the dataset's number.
///
/// **Seasonal factors.** The crossing's own series' factors when they rest on at least
/// ``minimumFactorYears`` clean years, else the port's on the same terms, else 1 for every month: a factor
/// from one or two years is mostly noise.
public struct CrossingBaselines: Sendable {
    /// One crossing and mode.
    public struct Entry: Sendable, Equatable {
        /// The baseline daily volume; nil when no series gives one.
        public let dailyVolume: Double?
        /// The series the volume comes from, when one does.
        public let series: SeriesKey?
        /// The crossing's share of that series: 1 for its own, its lanes over the lanes sharing a port's.
        public let share: Double
        /// Whether the share is of what the port's series leaves after crossings counted on their own.
        public let lessCounted: Bool
        /// The months behind the volume, as `baselines.csv` writes them.
        public let months: String
        /// The factor of each month of the year, January first.
        public let factors: [Double]
        /// The series the factors come from; nil when every factor is 1.
        public let factorSeries: SeriesKey?
    }

    /// Clean years a series' seasonal factors need before they are used.
    public static let minimumFactorYears = 5

    /// One entry per crossing (dataset order) and mode it serves.
    public let entries: [PerMode<Entry>]

    /// The baselines of a dataset's crossings.
    ///
    /// - Parameters:
    ///   - dataset: the dataset.
    ///   - baselines: the series' baselines.
    public init(dataset: Dataset, baselines: BaselineFile) {
        let crossings = dataset.crossings
        var entries = [PerMode<Entry>](repeating: PerMode(), count: crossings.count)
        for (port, members) in Dictionary(grouping: crossings.indices, by: { crossings[$0].portCode }) {
            for mode in Mode.allCases {
                let serving = members.filter { crossings[$0].modes.contains(mode) }
                guard !serving.isEmpty else { continue }
                let portRow = baselines.row(for: SeriesKey(port: port, crossing: nil, mode: mode))
                var counted = 0.0
                var shared: [Int] = []
                for index in serving {
                    let key = SeriesKey(port: port, crossing: crossings[index].id, mode: mode)
                    if let own = baselines.row(for: key), let volume = own.dailyVolume {
                        counted += volume
                        entries[index][mode] = Self.entry(volume: volume, series: key, share: 1, months: own.months,
                                                          lessCounted: false, own: own, port: portRow)
                    } else {
                        shared.append(index)
                    }
                }
                // A crossing given none of a mode its port's other crossings carry is not in their count.
                let carrying = shared.filter { (crossings[$0].dailyVolume[mode] ?? 0) > 0 }
                if !carrying.isEmpty { shared = carrying }
                let lanes = shared.map { Double(crossings[$0].lanes[mode] ?? 0) }
                let totalLanes = lanes.reduce(0, +)
                for (position, index) in shared.enumerated() {
                    let own = baselines.row(for: SeriesKey(port: port, crossing: crossings[index].id, mode: mode))
                    guard let portRow, let portVolume = portRow.dailyVolume else {
                        entries[index][mode] = Self.entry(volume: nil, series: nil, share: 0, months: "", lessCounted: false,
                                                          own: own, port: portRow)
                        continue
                    }
                    let share = totalLanes > 0 ? lanes[position] / totalLanes : 1 / Double(shared.count)
                    entries[index][mode] = Self.entry(volume: max(0, portVolume - counted) * share, series: portRow.key,
                                                      share: share, months: portRow.months, lessCounted: shared.count < serving.count,
                                                      own: own, port: portRow)
                }
            }
        }
        self.entries = entries
    }

    private static func entry(volume: Double?, series: SeriesKey?, share: Double, months: String, lessCounted: Bool,
                              own: BaselineFile.Row?, port: BaselineFile.Row?) -> Entry {
        let source = [own, port].compactMap { $0 }.first { $0.seasonalYears >= minimumFactorYears }
        return Entry(dailyVolume: volume, series: series, share: share, lessCounted: lessCounted, months: months,
                     factors: source?.factors ?? [Double](repeating: 1, count: 12), factorSeries: source?.key)
    }

    /// The seasonal factor of a crossing's mode in a month of the year.
    ///
    /// - Parameters:
    ///   - crossing: the crossing's index in the dataset.
    ///   - mode: the mode.
    ///   - month: the month of the year, 1 to 12.
    /// - Returns: the factor; 1 for a mode the crossing does not serve.
    public func factor(crossing: CrossingIndex, mode: Mode, month: Int) -> Double {
        entries[crossing][mode]?.factors[month - 1] ?? 1
    }

    /// A daily volume as the dataset writes it: whole units from 100 a day, one decimal below.
    ///
    /// - Parameter volume: the volume.
    /// - Returns: the rounded volume.
    public static func rounded(_ volume: Double) -> Double {
        volume >= 100 ? volume.rounded() : (volume * 10).rounded() / 10
    }

    /// What a crossing's `volumeSource` says of the volumes that come from baselines, modes with the same
    /// source together: `Baselines (baselines.csv) … pov, pedestrian: UNT/TxDOT counts of this crossing, 2022-09..2023-08`.
    ///
    /// - Parameters:
    ///   - crossing: the crossing's index.
    ///   - dataset: the dataset.
    /// - Returns: the text; nil when no mode has a baseline.
    public func volumeSource(ofCrossing crossing: CrossingIndex, in dataset: Dataset) -> String? {
        var parts: [(text: String, modes: [Mode])] = []
        var kept: [Mode] = []
        for mode in dataset.crossings[crossing].modes {
            guard let entry = entries[crossing][mode], entry.dailyVolume != nil, let series = entry.series else {
                kept.append(mode)
                continue
            }
            let text: String
            if series.crossing != nil {
                text = "UNT/TxDOT counts of this crossing, \(entry.months)"
            } else {
                let lanes = dataset.crossings[crossing].lanes[mode] ?? 0
                text = "BTS counts of port \(series.port), \(entry.months)"
                    + (entry.lessCounted ? ", less the crossings counted on their own" : "")
                    + (entry.share < 1 ? ", split by lanes (\(lanes) lane\(lanes == 1 ? "" : "s"), \(formatFixed(entry.share * 100, decimals: 0)) %)" : "")
            }
            if let existing = parts.firstIndex(where: { $0.text == text }) { parts[existing].modes.append(mode) } else { parts.append((text, [mode])) }
        }
        guard !parts.isEmpty else { return nil }
        if !kept.isEmpty { parts.append(("no baseline in the counts, the dataset's number kept", kept)) }
        return "Baseline (baselines.csv): mean deseasonalised daily volume of the undisrupted months; "
            + parts.map { "\($0.modes.map(\.rawValue).joined(separator: ", ")): \($0.text)" }.joined(separator: "; ")
    }
}

extension CrossingBaselines {
    /// One daily volume a rewrite changes.
    public struct VolumeChange: Sendable, Equatable {
        /// The crossing's id.
        public let crossing: String
        /// The mode.
        public let mode: Mode
        /// The dataset's volume before.
        public let before: Double
        /// The baseline written.
        public let after: Double
    }

    /// A dataset's crossings file with each crossing's `dailyVolume` set to its baselines (rounded as
    /// ``rounded(_:)``; modes with none keep theirs) and its `volumeSource` saying where they come from; the
    /// rest of the file is left as it is.
    ///
    /// - Parameters:
    ///   - text: the text of the dataset's `crossings.geojson`.
    ///   - dataset: the dataset loaded from it.
    /// - Returns: the new text and the volumes that change.
    /// - Throws: `GeoJSONError` when the text is not a FeatureCollection.
    public func crossingsFile(_ text: String, of dataset: Dataset) throws -> (text: String, changes: [VolumeChange]) {
        var changes: [VolumeChange] = []
        var properties: [String: [(String, GeoJSONPropertyEditor.NewValue)]] = [:]
        for (index, crossing) in dataset.crossings.enumerated() {
            guard let source = volumeSource(ofCrossing: CrossingIndex(index), in: dataset) else { continue }
            var volumes: [(String, Double)] = []
            for mode in crossing.modes {
                let before = crossing.dailyVolume[mode] ?? 0
                let after = entries[index][mode]?.dailyVolume.map(Self.rounded) ?? before
                if after != before { changes.append(VolumeChange(crossing: crossing.id, mode: mode, before: before, after: after)) }
                volumes.append((mode.rawValue, after))
            }
            properties[crossing.id] = [("dailyVolume", .numbers(volumes)), ("volumeSource", .string(source))]
        }
        let updated = try GeoJSONPropertyEditor.setting(in: text, file: DatasetFiles.crossings) { properties[$0] }
        return (updated, changes)
    }
}
