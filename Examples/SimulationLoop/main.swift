// The loop of an agent-based simulation that links BorderFlow: every simulated day the closures change,
// and every agent asks where it crosses and at what cost. Run with `swift run SimulationLoop`.
import BorderFlow
import Foundation

let network = try BorderNetwork.bundled()
let demand = try network.baselineDemand().demand
let scenario = try Scenario.find("dec-2023", dataset: network.dataset)

// The agents: one per trip a day in the fitted demand (origin, destination, mode), about 340,000.
let agents = zip(demand.trips, demand.dailyTrips).flatMap { trip, daily in
    [Trip](repeating: trip, count: Int(daily.rounded()))
}

// Where each agent crosses with every crossing open, to measure the closures against.
let usual = try network.router().route(agents)

var calendar = Calendar(identifier: .gregorian)
calendar.timeZone = TimeZone(identifier: "UTC")!
let firstDay = calendar.date(from: DateComponents(year: 2023, month: 11, day: 27))!

print("DAY         DIVERTED  NO ROUTE  MEAN DETOUR MIN")
for offset in 0..<14 {
    let day = calendar.date(byAdding: .day, value: 4 * offset, to: firstDay)!
    var noon = calendar.dateComponents([.year, .month, .day], from: day)
    noon.hour = 12
    // One router per closure state: cheap to make, immutable, shared by every task below.
    let router = try network.router(closures: scenario.closures, at: .localTime(noon), applyingOpeningHours: false)

    // Four tasks route a quarter of the agents each; the answers come back in the agents' order.
    let quarters = stride(from: 0, to: agents.count, by: agents.count / 4).map { $0..<min($0 + agents.count / 4, agents.count) }
    let today = await withTaskGroup(of: (Int, [RouteCost?]).self) { group in
        for (part, range) in quarters.enumerated() {
            group.addTask { (part, router.route(agents[range])) }
        }
        var parts = [[RouteCost?]](repeating: [], count: quarters.count)
        for await (part, routes) in group { parts[part] = routes }
        return parts.flatMap { $0 }
    }

    var diverted = 0, noRoute = 0, extraSeconds = 0.0
    for (before, after) in zip(usual, today) {
        guard let before else { continue }
        guard let after else { noRoute += 1; continue }
        if after.crossing != before.crossing {
            diverted += 1
            extraSeconds += after.travelSeconds - before.travelSeconds
        }
    }
    let date = String(format: "%04d-%02d-%02d", noon.year!, noon.month!, noon.day!)
    let detour = diverted > 0 ? String(format: "%.1f", extraSeconds / Double(diverted) / 60) : "-"
    print(date, String(format: "%9d %9d", diverted, noRoute), detour)
}

// A route with its path, for one agent a person wants to follow.
if let route = try network.router(closures: scenario.closures, at: scenario.date).route(from: "Sonoyta", to: "Phoenix", mode: .pov) {
    print("\nSonoyta → Phoenix on \(scenario.date.map { "\($0)" } ?? "the scenario's date"): via \(route.crossing ?? "no crossing"), \(Int(route.travelSeconds / 60)) min, \(route.path.joined(separator: " → "))")
}
