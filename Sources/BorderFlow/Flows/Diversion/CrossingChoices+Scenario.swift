import BorderFlowGraph
import Foundation

extension CrossingChoices {
    /// The options open under a mask and with lanes to serve them, by the network's one closure rule (a mode
    /// left with no lanes is closed, so no queue grows without end).
    func open(on network: BorderNetwork, mask: ClosureMask, capacity: (CrossingIndex, Mode) -> Double) -> CrossingChoices {
        let places = network.dataset.places
        return filtered { t, option in
            let trip = trips[t]
            return network.isOpen(crossing: option.crossing, mode: trip.mode, northbound: places[trip.origin].country == .mx,
                                  mask: mask, capacity: capacity(option.crossing, trip.mode))
        }
    }

    /// The options travellers weigh: the cheapest `DiversionModel.limits.options` within
    /// `DiversionModel.limits.extraSeconds` of the cheapest, each with its crossing's constant added.
    func considered(with constants: [PerMode<Double>]) -> CrossingChoices {
        limited(maximumOptions: DiversionModel.limits.options, maximumExtraSeconds: DiversionModel.limits.extraSeconds)
            .shifted(by: constants)
    }
}
