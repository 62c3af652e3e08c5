import BorderFlowTestSupport
import Foundation
import Testing
@testable import BorderFlow

/// A dated scenario runs on its month's level: the demand is an ordinary day's, each trip scaled by the
/// seasonal factor of the crossing it would use.
@Suite("Seasons")
struct SeasonTests {
    @Test func aMonthScalesEachTripByTheFactorOfItsCheapestCrossing() throws {
        let network = try BundledRoutingTests.loaded.get()
        let (demand, constants) = try DiversionTests.baseline.get()
        let baselines = try #require(try network.crossingBaselines())
        let december = Season(month: 12, baselines: baselines)
        #expect(december.name == "December")
        let reach = PedestrianReach(network: network)
        let choices = network.crossingChoices(for: demand.trips, maximumOptions: .max, maximumExtraSeconds: .infinity)
            .filtered { t, option in demand.trips[t].mode != .pedestrian || reach.allows(demand.trips[t], through: option.crossing) }
        let scaled = december.scaled(demand, choices: choices, constants: constants)
        var singleOption = 0, changed = 0
        for t in demand.trips.indices where demand.dailyTrips[t] > 0 {
            let mode = demand.trips[t].mode
            let options = choices.options(ofTrip: t)
            let ratio = scaled.dailyTrips[t] / demand.dailyTrips[t]
            if options.isEmpty {
                #expect(ratio == 1)
                continue
            }
            #expect(options.contains { abs(december.factor(crossing: $0.crossing, mode: mode) - ratio) < 1e-12 })
            if options.count == 1 {
                singleOption += 1
                #expect(abs(ratio - december.factor(crossing: options.first!.crossing, mode: mode)) < 1e-12)
            }
            if abs(ratio - 1) > 0.01 { changed += 1 }
        }
        #expect(singleOption > 0)
        #expect(changed > demand.trips.count / 2, "December is not an ordinary month at most crossings")
        // San Ysidro's cars in December, from the port's factor in baselines.csv.
        let sanYsidro = network.dataset.crossingIndex(id: "san-ysidro")!
        #expect(december.factor(crossing: sanYsidro, mode: .pov) == baselines.entries[sanYsidro][.pov]!.factors[11])
        #expect(baselines.entries[sanYsidro][.pov]!.factorSeries == SeriesKey(port: "2504", crossing: nil, mode: .pov))
    }

    @Test func aDatedModelRunsAtItsMonthsLevelAndSaysSo() throws {
        let network = try BundledRoutingTests.loaded.get()
        let (demand, constants) = try DiversionTests.baseline.get()
        let january = Season(month: 1, baselines: try #require(try network.crossingBaselines()))
        let model = DiversionModel(network: network, demand: demand, constants: constants,
                                   behaviour: try FittedBehaviour.load(), season: january)
        #expect(model.season == january)
        #expect(model.demand.dailyTrips != demand.dailyTrips)
        #expect(try model.divert(closures: Closures(), at: nil).season == january)
        #expect(model.with(behaviour: try FittedBehaviour.load()).demand.dailyTrips == model.demand.dailyTrips)
    }

    @Test func aMomentKnowsItsMonth() {
        #expect(Moment(parsing: "2023-12-20")?.monthOfYear == 12)
        #expect(Moment(parsing: "2024-01-01T00:30+02:00")?.monthOfYear == 12, "an instant's month is read in UTC")
    }
}
