import BorderFlowGraph
import Foundation

extension CrossingChoices {
    /// The options open under a mask and with lanes to serve them. A mode a scenario leaves with no lanes
    /// processes nobody, so it is as closed as a closure would make it (and no queue grows without end).
    func open(on network: BorderNetwork, mask: ClosureMask, capacity: (CrossingIndex, Mode) -> Double) -> CrossingChoices {
        let places = network.dataset.places
        return filtered { t, option in
            let trip = trips[t]
            return capacity(option.crossing, trip.mode) > 0
                && network.isOpen(crossing: option.crossing, mode: trip.mode, northbound: places[trip.origin].country == .mx, mask: mask)
        }
    }

    /// The options travellers weigh: the cheapest `DiversionModel.limits.options` within
    /// `DiversionModel.limits.extraSeconds` of the cheapest, each with its crossing's constant added.
    func considered(with constants: [PerMode<Double>]) -> CrossingChoices {
        limited(maximumOptions: DiversionModel.limits.options, maximumExtraSeconds: DiversionModel.limits.extraSeconds)
            .shifted(by: constants)
    }
}
