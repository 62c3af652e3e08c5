import ArgumentParser
import BorderFlow
import BorderFlowOutput

struct DemandCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demand",
        abstract: "Show how far the demand's trips go, per mode: by cost across, by distance, and between twin cities.",
        discussion: """
            Reads the fitted baseline (demand.csv, written by `borderflow calibrate`) or --demand FILE. A trip's \
            cost is its cheapest road or rail time to a crossing and on from it, without the inspection; its \
            distance is the straight line from origin to destination; a twin-city trip has both ends within \
            25 km of one crossing.
            """)

    @OptionGroup var options: DatasetOptions
    @OptionGroup var demandOptions: DemandOptions

    func run() throws {
        let network = try options.loadNetwork()
        let demand = try demandOptions.baseline(for: network).demand
        try options.print(TripLengthReport(lengths: TripLengths(demand: demand, network: network)))
    }
}
