import Benchmark
import BorderFlow
import Foundation

/// The December 2023 diversion on the bundled data with the equilibrium model and the fitted behaviour: the
/// whole run (demand's options searched, baseline and scenario assigned), the scenario alone on a prepared
/// model (the options and baseline kept, as a simulation that changes closures every day would keep them),
/// and `divert --uncertainty 100`'s work: the scenario under 100 draws of the behaviour on a prepared model.
func registerDiversionBenchmarks(network: BorderNetwork) {
    let whole = "Diversion dec-2023, equilibrium, whole run"
    let scenarioOnly = "Diversion dec-2023, equilibrium, scenario on a prepared model"
    let draws = "Diversion dec-2023, 100 behaviour draws on a prepared model"
    let configuration = Benchmark.Configuration(
        metrics: [.throughput, .wallClock, .mallocCountTotal], timeUnits: .milliseconds,
        units: [.throughput: .count, .mallocCountTotal: .count], warmupIterations: 1, scalingFactor: .one,
        maxDuration: .seconds(60), maxIterations: 20)

    /// The fitted demand, constants and behaviour, the scenario, and its month's level (as `divert` runs it).
    func inputs() throws -> (Demand, [PerMode<Double>], Behaviour, Scenario, Season?) {
        let (demand, constants) = try network.baselineDemand()
        let scenario = try Scenario.find("dec-2023", dataset: network.dataset)
        let season = try scenario.date?.monthOfYear.flatMap { try network.season(month: $0) }
        return (demand, constants, try network.behaviour(), scenario, season)
    }

    Benchmark(whole, configuration: configuration) { _, state in
        let (demand, constants, behaviour, scenario, season) = state
        blackHole(try network.divert(demand: demand, constants: constants, behaviour: behaviour, closures: scenario.closures,
                                     at: scenario.date, lanes: { scenario.lanes(of: $0, mode: $1, at: scenario.date) },
                                     season: season))
    } setup: {
        setUp(whole) { try inputs() }
    }

    Benchmark(scenarioOnly, configuration: configuration) { _, state in
        let (model, scenario) = state
        blackHole(try model.divert(closures: scenario.closures, at: scenario.date,
                                   lanes: { scenario.lanes(of: $0, mode: $1, at: scenario.date) }))
    } setup: {
        setUp(scenarioOnly) { () throws -> (DiversionModel, Scenario) in
            let (demand, constants, behaviour, scenario, season) = try inputs()
            let model = DiversionModel(network: network, demand: demand, constants: constants, behaviour: behaviour, season: season)
            // The check behind the figure: the equilibrium converges and the closed crossings carry nothing.
            let diversion = try model.divert(closures: scenario.closures, at: scenario.date)
            guard diversion.scenario.relativeGap <= 1e-4,
                  diversion.crossings.allSatisfy({ !$0.closed || $0.scenario == 0 }) else {
                throw CheckFailed(description: "the dec-2023 diversion did not converge or a closed crossing carries flow")
            }
            print("Checked: dec-2023 diversion converged to a relative gap of \(diversion.scenario.relativeGap) in \(diversion.scenario.iterations) iterations.")
            return (model, scenario)
        }
    }

    Benchmark(draws, configuration: configuration) { _, state in
        let (model, rows, scenario) = state
        blackHole(try model.uncertainty(rows: rows, draws: 100, seed: 1, closures: scenario.closures, at: scenario.date,
                                        lanes: { scenario.lanes(of: $0, mode: $1, at: scenario.date) }))
    } setup: {
        setUp(draws) { () throws -> (DiversionModel, [BehaviourFile.Row], Scenario) in
            let (demand, constants, behaviour, scenario, season) = try inputs()
            return (DiversionModel(network: network, demand: demand, constants: constants, behaviour: behaviour, season: season),
                    try network.behaviourRows(), scenario)
        }
    }
}
