import Foundation

extension CrossingChoices {
    /// The same options with a per-crossing, per-mode constant added to their cost.
    func shifted(by constants: [PerMode<Double>]) -> CrossingChoices {
        var adjusted = options
        for t in trips.indices {
            for index in offsets[t]..<offsets[t + 1] {
                let option = options[index]
                adjusted[index] = Option(crossing: option.crossing,
                                         accessSeconds: option.accessSeconds + (constants[option.crossing][trips[t].mode] ?? 0))
            }
        }
        return CrossingChoices(trips: trips, offsets: offsets, options: adjusted)
    }
}
