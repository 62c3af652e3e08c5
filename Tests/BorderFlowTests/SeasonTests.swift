import BorderFlowTestSupport
import Foundation
import Testing
@testable import BorderFlow

/// A dated scenario runs on its month's level: the demand is an ordinary day's, each trip scaled by its home
/// crossing's fitted factor and each constant shifted, so that the month's baseline carries every crossing's
/// seasonal volume.
@Suite("Seasons")
struct SeasonTests {
    static let december = Result { () throws -> (model: DiversionModel, season: Season, baselines: CrossingBaselines) in
        let network = try BundledRoutingTests.loaded.get()
        let (demand, constants) = try DiversionTests.baseline.get()
        let season = try #require(try network.season(month: 12))
        let model = DiversionModel(network: network, demand: demand, constants: constants,
                                   behaviour: try FittedBehaviour.load(), season: season)
        return (model, season, try #require(try network.crossingBaselines()))
    }

    @Test func decembersBaselineCarriesEachCrossingsDecemberVolume() throws {
        let (model, season, baselines) = try Self.december.get()
        #expect(season.name == "December")
        let crossings = model.network.dataset.crossings
        var checked = 0
        for (index, crossing) in zip(crossings.typedIndices, crossings) {
            for (mode, ordinary) in crossing.dailyVolume {
                let target = ordinary * baselines.factor(crossing: index, mode: mode, month: 12)
                guard target >= 100 else { continue }
                let modelled = model.baseline.volumes[index][mode] ?? 0
                #expect(abs(modelled - target) / target <= 0.06, "\(crossing.id) \(mode.rawValue): \(modelled) against \(target)")
                checked += 1
            }
        }
        #expect(checked > 80)
        // Sasabe's cars rise in December while Lukeville's, whose trips they share, fall.
        let sasabe = model.network.dataset.crossingIndex(id: "sasabe")!
        let lukeville = model.network.dataset.crossingIndex(id: "lukeville")!
        #expect(baselines.factor(crossing: sasabe, mode: .pov, month: 12) > 1)
        #expect(baselines.factor(crossing: lukeville, mode: .pov, month: 12) < 0.8)
        let sasabeCars = model.baseline.volumes[sasabe][.pov] ?? 0
        #expect(sasabeCars > crossings[sasabe].dailyVolume[.pov]! * 0.95)
    }

    @Test func eachTripIsScaledByItsHomeCrossingsFactorAndTheConstantsShifted() throws {
        let (model, season, _) = try Self.december.get()
        let (demand, constants) = try DiversionTests.baseline.get()
        let reach = PedestrianReach(network: model.network)
        let homes = model.network.homeCrossings(of: demand.trips, constants: constants, admitting: reach.admits)
        var changed = 0
        for t in demand.trips.indices {
            let factor = homes[t].map { season.tripFactor(crossing: $0, mode: demand.trips[t].mode) } ?? 1
            #expect(model.demand.dailyTrips[t] == demand.dailyTrips[t] * factor)
            if abs(factor - 1) > 0.01 && demand.dailyTrips[t] > 0 { changed += 1 }
        }
        #expect(changed > demand.trips.count / 4)
        for index in constants.indices {
            for mode in Mode.allCases {
                let crossing = CrossingIndex(index)
                let expected = (constants[index][mode] ?? 0) + season.constantShift(crossing: crossing, mode: mode)
                #expect(abs((model.constants[index][mode] ?? 0) - expected) < 1e-9)
            }
        }
        #expect(model.with(behaviour: try FittedBehaviour.load()).demand.dailyTrips == model.demand.dailyTrips)
        #expect(try model.divert(closures: Closures(), at: nil).season == season)
    }

    @Test func theSeasonsFileIsReadBackAsWrittenAndBadRowsAreNamed() throws {
        let network = try BundledRoutingTests.loaded.get()
        let dataset = network.dataset
        let scratch = try ScratchFolder("seasons")
        let seasons = try (1...12).map { try #require(try network.season(month: $0)) }
        let url = scratch.url.appendingPathComponent(DemandFiles.seasons)
        try AtomicFile.write([DemandFiles.seasonsFile(seasons, dataset: dataset, at: url)])
        #expect(try DemandFiles.readSeasons(url, dataset: dataset) == seasons)
        let bundled = DatasetFiles.bundledDirectory.appendingPathComponent(DemandFiles.seasons)
        #expect(try String(contentsOf: url, encoding: .utf8) == String(contentsOf: bundled, encoding: .utf8))

        let header = "crossing,mode,month,tripFactor,constantShiftSeconds"
        for (row, column, message) in [
            ("sasabe,pov,13,1,0", "month", "\"13\" is not a month of the year, 1 to 12"),
            ("sasabe,pov,12,-1,0", "tripFactor", "\"-1\" is not a factor of zero or more"),
            ("sasabee,pov,12,1,0", "crossing", nil),
        ] as [(String, String, String?)] {
            let bad = try scratch.file("bad.csv", Array("\(header)\n\(row)\n".utf8))
            let error = #expect(throws: DemandFileError.self) { try DemandFiles.readSeasons(bad, dataset: dataset) }
            #expect(error?.line == 2 && error?.column == column, "\(row)")
            if let message { #expect(error?.message == message) }
        }
    }

    @Test func aMomentKnowsItsMonth() throws {
        #expect(try Moment(parsing: "2023-12-20", dateAlone: .noon).monthOfYear == 12)
        #expect(try Moment(parsing: "2024-01-01T00:30+02:00", dateAlone: .noon).monthOfYear == 12, "an instant's month is read in UTC")
    }
}
