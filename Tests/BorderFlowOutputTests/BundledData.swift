import BorderFlow
import Foundation

/// The bundled network, its fitted baseline demand and one diversion, each computed once for the whole target.
enum BundledData {
    static let network = Result { try BorderNetwork.bundled() }

    static let baseline = Result { () throws -> (demand: Demand, constants: [PerMode<Double>]) in
        try network.get().baselineDemand()
    }

    /// Lukeville closed, and rail at Eagle Pass (port 2303).
    static func lukevilleAndEaglePassRailClosures() throws -> Closures {
        var closures = Closures()
        try closures.close(crossing: "lukeville")
        try closures.close(mode: .rail, atPort: "2303")
        return closures
    }

    static let lukevilleAndEaglePassRail = Result { () throws -> Diversion in
        let (demand, constants) = try baseline.get()
        return try network.get().divert(demand: demand, constants: constants, behaviour: try FittedBehaviour.load(), closures: lukevilleAndEaglePassRailClosures(), at: nil)
    }

    /// The December 2023 scenario on its own date, with its lanes.
    static let december2023 = Result { () throws -> Diversion in
        let (demand, constants) = try baseline.get()
        let bundled = try network.get()
        let scenario = try Scenario.find("dec-2023", dataset: bundled.dataset)
        return try bundled.divert(demand: demand, constants: constants, behaviour: try FittedBehaviour.load(), closures: scenario.closures,
                                  at: scenario.date, lanes: { scenario.lanes(of: $0, mode: $1, at: scenario.date) })
    }
}
