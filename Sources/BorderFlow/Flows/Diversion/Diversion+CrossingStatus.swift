/// Whether a crossing takes traffic in a scenario.
public enum CrossingStatus: String, Sendable, CaseIterable {
    /// Every mode it serves is open.
    case open
    /// Some of its modes are closed.
    case partial
    /// Every mode it serves is closed.
    case closed
    /// It stands but takes no traffic in any scenario (`"status": "out-of-service"` in the data).
    case outOfService = "out-of-service"
}

extension Diversion {
    /// A crossing's status in the scenario.
    ///
    /// - Parameters:
    ///   - index: the crossing's index in the dataset.
    ///   - dataset: the dataset, for whether the crossing is in service.
    /// - Returns: open, partial or closed by how many of its modes the scenario closes; out of service for a
    ///   crossing that takes no traffic.
    public func status(ofCrossing index: CrossingIndex, in dataset: Dataset) -> CrossingStatus {
        guard dataset.crossings[index].inService else { return .outOfService }
        let modes = crossings.filter { $0.crossing == index }
        let closedCount = modes.filter(\.closed).count
        if closedCount == 0 { return .open }
        return closedCount == modes.count ? .closed : .partial
    }

    /// A crossing's changes by mode.
    ///
    /// - Parameter index: the crossing's index in the dataset.
    /// - Returns: baseline against scenario for each mode the crossing serves.
    public func changes(ofCrossing index: CrossingIndex) -> PerMode<CrossingChange> {
        PerMode(uniqueKeysWithValues: crossings.filter { $0.crossing == index }.map { ($0.mode, $0) })
    }

    /// A sector's baseline and scenario totals by mode.
    ///
    /// - Parameter id: the sector's id.
    /// - Returns: daily volume per mode over the sector's crossings, with every crossing open and under the
    ///   scenario; empty for a sector with no crossing.
    public func totals(ofSector id: String) -> (baseline: PerMode<Double>, scenario: PerMode<Double>) {
        let rows = sectors.filter { $0.key == id }
        return (PerMode(uniqueKeysWithValues: rows.map { ($0.mode, $0.baseline) }),
                PerMode(uniqueKeysWithValues: rows.map { ($0.mode, $0.scenario) }))
    }
}
