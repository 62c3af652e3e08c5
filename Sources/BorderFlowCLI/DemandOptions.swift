import ArgumentParser
import BorderFlow
import BorderFlowOutput
import Foundation

/// The demand option `divert` and `simulate` share.
struct DemandOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A demand file (origin,destination,mode,dailyTrips) instead of the fitted baseline.", valueName: "FILE"))
    var demand: String?

    /// The dataset's fitted demand, crossing constants and behaviour, the demand replaced by `--demand`'s file
    /// when given.
    func baseline(for network: BorderNetwork) throws -> (demand: Demand, constants: [PerMode<Double>], behaviour: Behaviour) {
        var baseline = try network.baselineDemand()
        if let demand {
            baseline.demand = try DemandFiles.readDemand(URL(fileURLWithPath: demand), dataset: network.dataset)
        }
        return (baseline.demand, baseline.constants, try network.behaviour())
    }
}
