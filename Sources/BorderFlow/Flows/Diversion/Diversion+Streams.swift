import BorderFlowGraph
import BorderFlowSpatial

/// One origin–crossing–destination stream of a diversion: the daily trips of one trip (origin, destination,
/// mode) that use one crossing, in the baseline and in the scenario.
public struct FlowStream: Sendable, Equatable {
    /// Where the trips start: a place, by index in the dataset.
    public let origin: PlaceIndex
    /// The crossing they use, by index in the dataset.
    public let crossing: CrossingIndex
    /// Where they end: a place, by index in the dataset.
    public let destination: PlaceIndex
    /// The mode, which sets the unit of the volumes.
    public let mode: Mode
    /// Daily trips with every crossing open, in the mode's units (`Mode.unit`).
    public let baseline: Double
    /// Daily trips in the scenario, in the mode's units.
    public let scenario: Double

    /// Scenario less baseline.
    public var change: Double { scenario - baseline }
}

extension Diversion {
    /// Every stream that carries trips in the baseline or the scenario, ordered by mode, origin id,
    /// destination id and crossing id.
    ///
    /// Scenario flows are those served (a crossing's flows are cut in proportion where it cannot process
    /// them all), so the streams through a crossing add up to its scenario volume, less any drivers who walk.
    ///
    /// - Parameter dataset: the dataset, for the ids the streams are ordered by.
    /// - Returns: one stream per trip and crossing with flow in either assignment.
    public func streams(in dataset: Dataset) -> [FlowStream] {
        struct Key: Hashable { let trip: Int; let crossing: CrossingIndex }
        var volumes: [Key: (baseline: Double, scenario: Double)] = [:]
        for (assignment, isBaseline) in [(baseline, true), (scenario, false)] {
            let choices = assignment.choices
            for trip in choices.trips.indices {
                for (offset, option) in choices.options(ofTrip: trip).enumerated() {
                    let flow = assignment.optionFlows[choices.offsets[trip] + offset]
                    guard flow > 0 else { continue }
                    let key = Key(trip: trip, crossing: option.crossing)
                    if isBaseline {
                        volumes[key, default: (0, 0)].baseline += flow
                    } else {
                        volumes[key, default: (0, 0)].scenario += flow
                    }
                }
            }
        }
        let trips = baseline.choices.trips
        let places = dataset.places, crossingList = dataset.crossings
        return volumes.map { key, volume in
            let trip = trips[key.trip]
            return FlowStream(origin: trip.origin, crossing: key.crossing, destination: trip.destination, mode: trip.mode,
                              baseline: volume.baseline, scenario: volume.scenario)
        }.sorted {
            ($0.mode, places[$0.origin].id, places[$0.destination].id, crossingList[$0.crossing].id)
                < ($1.mode, places[$1.origin].id, places[$1.destination].id, crossingList[$1.crossing].id)
        }
    }
}
