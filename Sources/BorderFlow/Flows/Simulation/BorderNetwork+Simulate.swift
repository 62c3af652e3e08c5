import Foundation

extension BorderNetwork {
    /// Simulates crossers day by day under a scenario's closures: who crossed where, who was diverted, and
    /// which trips were forgone or deferred, per CBP port.
    ///
    /// Each day applies the closures in force at its local noon, all day (opening hours are not applied): the
    /// scenario's, with the modes its lane changes leave without lanes, then `closures`. It draws
    /// `crossersPerDay` crossers from the demand in proportion to its daily trips, routes each with a
    /// ``Router`` and compares it with the same crosser on a day with every crossing open. A crosser with no
    /// open crossing, or whose travel time grows and who draws against the share ``Behaviour/keptShare(_:riseSeconds:)``
    /// leaves, does not cross: forgone (pedestrians, cars, buses) or deferred (trucks, trains). Queues are
    /// not simulated: travel times are those of the roads and the crossings' inspection times.
    ///
    /// Deterministic: the draws of the day at position `d` of `days` come from (`seed`, `d`), so the same
    /// seed and days give the same figures whatever the thread count.
    ///
    /// - Parameters:
    ///   - demand: the daily trips to draw crossers from, places by index in ``BorderNetwork/places``.
    ///   - behaviour: how crossers respond to a longer trip (see ``behaviour(in:)``).
    ///   - scenario: the scenario whose closures apply, checked against this network's dataset; nil for none.
    ///   - closures: closures added to the scenario's every day.
    ///   - days: the days to simulate, in order.
    ///   - crossersPerDay: the crossers drawn each day; zero or fewer draw nobody.
    ///   - seed: the seed of the draws.
    ///   - threads: how many threads route crossers (at least one is used).
    ///   - progress: called after each day with the days done so far and the day just simulated.
    /// - Returns: every day's figures per port.
    /// - Throws: `SimulationError.unroutableDemand` when a trip of the demand crosses nowhere even with every
    ///   crossing open; `ClosureError` for a closure naming an unknown crossing, port or sector.
    public func simulate(
        demand: Demand, behaviour: Behaviour, scenario: Scenario? = nil, closures: Closures = Closures(), days: [CalendarDay],
        crossersPerDay: Int, seed: UInt64 = 1, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        progress: (_ done: Int, _ day: CalendarDay) -> Void = { _, _ in }
    ) throws -> Simulation {
        let simulation = try DailySimulation(network: self, demand: demand, behaviour: behaviour)
        var results: [Simulation.Day] = []
        for (index, day) in days.enumerated() {
            // One moment stands for the whole day: noon, clear of windows that open or close at midnight.
            let today = Scenario.closures(of: scenario, at: day.noon, in: dataset, adding: closures)
            let router = try router(closures: today, at: day.noon, applyingOpeningHours: false)
            let ports = simulation.run(day: index, router: router, crossers: crossersPerDay, seed: seed, threads: threads)
            results.append(Simulation.Day(date: day, ports: ports))
            progress(index + 1, day)
        }
        return Simulation(ports: simulation.ports, days: results, scenario: scenario, crossersPerDay: crossersPerDay,
                          seed: seed)
    }
}
