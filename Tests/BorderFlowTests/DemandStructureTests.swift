import Foundation
import Testing
import BorderFlowTestSupport
@testable import BorderFlow

/// The demand fixture: Sur (20,000) and Villa Este (9,000) by the border, Ciudad Lejos (500,000) 75 minutes
/// south of Sur; North (8,000) and East (5,000) by the border, Far North City (1,000,000) 54 minutes north of
/// North. Gate A takes pedestrians and cars, Gate B cars and trucks; the freight table weighs Villa Este alone.
@Suite("Demand with the border's structure")
struct DemandStructureTests {
    let network: BorderNetwork
    /// The fixture's freight table, read before its folder goes.
    let freight: FreightOrigins

    init() throws {
        let directory = try Fixtures.demand()
        defer { try? FileManager.default.removeItem(at: directory) }
        network = try BorderNetwork(dataset: Dataset.load(from: directory))
        freight = try network.freightOrigins()
    }

    func place(_ id: String) throws -> PlaceIndex { try #require(network.dataset.placeIndex(id: id)) }
    func crossing(_ id: String) throws -> CrossingIndex { try #require(network.dataset.crossingIndex(id: id)) }
    func ids(_ places: [PlaceIndex]) -> [String] { places.map { network.dataset.places[$0].id } }

    @Test func pedestriansReachGateAFromSurAndNorthOnly() throws {
        // Sur is 17 min from Gate A and North 15; Villa Este is 40 min round by Sur, East 35 round by North.
        let reach = PedestrianReach(network: network)
        #expect(ids(reach.origins[try crossing("gate-a").rawValue]) == ["sur"])
        #expect(ids(reach.destinations[try crossing("gate-a").rawValue]) == ["north"])
        #expect(reach.origins[try crossing("gate-b").rawValue].isEmpty, "Gate B takes no pedestrians")
        let gateA = try crossing("gate-a")
        #expect(reach.allows(Trip(origin: try place("sur"), destination: try place("north"), mode: .pedestrian), through: gateA))
        #expect(!reach.allows(Trip(origin: try place("lejos"), destination: try place("north"), mode: .pedestrian), through: gateA))
        #expect(!reach.allows(Trip(origin: try place("sur"), destination: try place("far-north"), mode: .pedestrian), through: gateA))
    }

    @Test func aCrossingWithNoPlaceWithinReachTakesTheNearestOnEachSide() throws {
        // Within ten minutes of Gate A there is nothing: Sur (17 min) and North (15 min) are the nearest.
        let reach = PedestrianReach(network: network, reachSeconds: 600)
        #expect(ids(reach.origins[try crossing("gate-a").rawValue]) == ["sur"])
        #expect(ids(reach.destinations[try crossing("gate-a").rawValue]) == ["north"])
    }

    @Test func noPedestrianTripStartsOrEndsBeyondTheReachWhileCarsComeFromFar() throws {
        let fit = GravityDemand.fit(network: network, freightOrigins: freight)
        let places = network.dataset.places
        let pedestrian = fit.demand.trips.filter { $0.mode == .pedestrian }
        #expect(pedestrian.map { "\(places[$0.origin].id)→\(places[$0.destination].id)" } == ["sur→north"])
        // Cars are not bounded: Ciudad Lejos and Far North City do send and receive them.
        let pov = fit.demand.trips.filter { $0.mode == .pov }
        #expect(pov.contains { places[$0.origin].id == "lejos" })
        #expect(pov.contains { places[$0.destination].id == "far-north" })
        #expect(fit.worstRelativeError <= 0.05)
    }

    @Test func truckOriginsFollowTheFreightWeightsNotPopulation() throws {
        let este = try place("este")
        #expect(freight.weights == [este: 9_000])
        let shares = freight.originShares(in: network.dataset)
        // 80 % by the table (Villa Este alone), 20 % by population (529,000 people in Mexico).
        #expect(abs(shares[try place("este").rawValue] - (0.8 + 0.2 * 9_000 / 529_000)) < 1e-12)
        #expect(abs(shares[try place("sur").rawValue] - 0.2 * 20_000 / 529_000) < 1e-12)
        #expect(shares[try place("north").rawValue] == 0)
        #expect(abs(shares.reduce(0, +) - 1) < 1e-12)

        // The seed: each truck trip ∝ freight share × destination population × decay of its cheapest way across.
        let seed = GravityDemand.fit(network: network, freightOrigins: freight, maximumRounds: 0)
        let places = network.dataset.places
        let trucks = seed.demand.trips.indices.filter { seed.demand.trips[$0].mode == .truck }
        #expect(trucks.count >= 6)
        let perWeight = trucks.map { t -> Double in
            let trip = seed.demand.trips[t]
            let cost = seed.choices.options(ofTrip: t).first!.accessSeconds
            let weight = shares[trip.origin.rawValue] * Double(places[trip.destination].population) * DistanceDecay.standard(.truck).weight(seconds: cost)
            return seed.demand.dailyTrips[t] / weight
        }
        for value in perWeight { #expect(abs(value / perWeight[0] - 1) < 1e-9) }
        func sent(from id: String) -> Double {
            trucks.filter { places[seed.demand.trips[$0].origin].id == id }.reduce(0) { $0 + seed.demand.dailyTrips[$1] }
        }
        // Villa Este, with the industry, sends more trucks than Sur, with twice its people, or Ciudad Lejos, with 55 times.
        #expect(sent(from: "este") > 10 * sent(from: "sur"))
        #expect(sent(from: "este") > sent(from: "lejos"))
        // Without the table, trucks start by population: Ciudad Lejos sends more than Villa Este.
        let byPopulation = GravityDemand.fit(network: network, maximumRounds: 0)
        func populationTrucks(from id: String) -> Double {
            byPopulation.demand.trips.indices.filter { byPopulation.demand.trips[$0].mode == .truck && places[byPopulation.demand.trips[$0].origin].id == id }
                .reduce(0) { $0 + byPopulation.demand.dailyTrips[$1] }
        }
        #expect(populationTrucks(from: "lejos") > populationTrucks(from: "este"))
    }

    @Test func localModesFallOffFasterThanFreight() {
        let decay = Mode.allCases.map(DistanceDecay.standard)
        for seconds: Double in [1_800, 3_600, 14_400] {
            let weights = decay.map { $0.weight(seconds: seconds) }
            // pedestrian < personal vehicle < bus < truck < rail, at half an hour, an hour and four hours.
            #expect(weights == weights.sorted() && Set(weights).count == weights.count, "\(seconds) s: \(weights)")
        }
        #expect(DistanceDecay.standard(.pov).weight(seconds: 0) == 1.005)
        // Cars keep a long-distance tail that pedestrians do not.
        #expect(DistanceDecay.standard(.pov).weight(seconds: 6 * 3_600) > 1_000 * DistanceDecay.standard(.pedestrian).weight(seconds: 6 * 3_600))
    }

    @Test func tripLengthsByCostDistanceAndTwinCityAddUpAsMeasuredByHand() throws {
        let sur = try place("sur"), north = try place("north"), east = try place("east")
        // Sur → North: 17 + 15 min through Gate A, 44 km straight, both ends within 25 km of Gate A (22 km each).
        // Sur → East: 54 min round by either gate, 59 km straight, Sur 49 km from Gate B.
        let demand = Demand(trips: [Trip(origin: sur, destination: north, mode: .pov), Trip(origin: sur, destination: east, mode: .pov),
                                    Trip(origin: sur, destination: north, mode: .pedestrian), Trip(origin: sur, destination: east, mode: .truck)],
                            dailyTrips: [10, 30, 5, 0])
        let lengths = TripLengths(demand: demand, network: network)
        #expect(lengths.modes.map(\.mode) == [.pedestrian, .pov], "a mode with no daily trips is left out")
        let pov = lengths.modes[1]
        #expect(pov.pairs == 2 && pov.dailyTrips == 40 && pov.dailyTripsWithoutCrossing == 0)
        #expect(pov.costShares == [0, 1, 0, 0, 0])
        #expect(pov.distanceShares == [0, 0.25, 0.75, 0, 0, 0])
        #expect(pov.twinCityShare == 0.25)
        let pedestrian = lengths.modes[0]
        #expect(pedestrian.costShares == [0, 1, 0, 0, 0] && pedestrian.twinCityShare == 1)
    }

    @Test func theFittedTripLengthsOfEveryModeAddUpToTheWhole() throws {
        let fit = GravityDemand.fit(network: network, freightOrigins: freight)
        let lengths = TripLengths(demand: fit.demand, network: network)
        #expect(lengths.modes.map(\.mode) == [.pedestrian, .pov, .truck])
        for mode in lengths.modes {
            #expect(abs(mode.costShares.reduce(0, +) - 1) < 1e-9, "\(mode.mode)")
            #expect(abs(mode.distanceShares.reduce(0, +) - 1) < 1e-9, "\(mode.mode)")
            #expect((0...1).contains(mode.twinCityShare))
            let total = fit.demand.trips.indices.filter { fit.demand.trips[$0].mode == mode.mode }.reduce(0) { $0 + fit.demand.dailyTrips[$1] }
            #expect(abs(mode.dailyTrips - total) < 1e-6 * total)
        }
    }
}

@Suite("Reading freight origins")
struct FreightOriginsFileTests {
    let dataset: Dataset

    init() throws {
        let directory = try Fixtures.demand()
        defer { try? FileManager.default.removeItem(at: directory) }
        dataset = try Dataset.load(from: directory)
    }

    func read(_ text: String) throws -> FreightOrigins {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("freight-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(text.utf8).write(to: file)
        return try DemandFiles.readFreightOrigins(file, dataset: dataset)
    }

    @Test(arguments: [
        ("place,freightWeight\neste,9000\nsurr,5\n", 3, "place", "no place has the id \"surr\""),
        ("place,freightWeight\nnorth,9000\n", 2, "place", "north is in the U.S."),
        ("place,freightWeight\neste,-1\n", 2, "freightWeight", "\"-1\" is not a weight of zero or more"),
        ("place,freightWeight\neste,1\neste,2\n", 3, "place", "este is listed twice"),
    ])
    func aBadRowNamesItsLineColumnAndProblem(text: String, line: Int, column: String, message: String) throws {
        let error = try #require(throws: DemandFileError.self) { try read(text) }
        #expect(error.line == line && error.column == column)
        #expect(error.message.contains(message), "\(error.message)")
    }

    @Test func aGoodFileGivesItsWeightsByPlace() throws {
        let freight = try read("place,freightWeight\neste,9000\nsur,0\n")
        #expect(freight.weights.count == 2)
        #expect(freight.weights[try #require(dataset.placeIndex(id: "este"))] == 9_000)
    }
}

@Suite("Demand on the bundled data")
struct BundledDemandStructureTests {
    let network: BorderNetwork

    init() throws {
        network = try BorderNetwork.bundled()
    }

    @Test func boquillasPedestriansComeFromBoquillasDelCarmenAndGoToTheNearestUSPlace() throws {
        let dataset = network.dataset
        let boquillas = try #require(dataset.crossingIndex(id: "boquillas"))
        let reach = PedestrianReach(network: network)
        #expect(reach.origins[boquillas.rawValue].map { dataset.places[$0].id } == ["boquillas-del-carmen"])
        // No U.S. place of the dataset is within half an hour of Big Bend: Presidio, 3 h 17 min away, is the nearest.
        #expect(reach.destinations[boquillas.rawValue].map { dataset.places[$0].id } == ["presidio-tx"])

        // The fitted baseline (GeoData/demand.csv) sends exactly those pedestrians through Boquillas.
        let (demand, constants) = try network.baselineDemand()
        let baseline = DiversionModel(network: network, demand: demand, constants: constants, behaviour: try FittedBehaviour.load()).baseline
        var byOrigin: [String: Double] = [:]
        for t in baseline.choices.trips.indices where baseline.choices.trips[t].mode == .pedestrian {
            for (offset, option) in baseline.choices.options(ofTrip: t).enumerated() where option.crossing == boquillas {
                byOrigin[dataset.places[baseline.choices.trips[t].origin].id, default: 0] += baseline.optionFlows[baseline.choices.offsets[t] + offset]
            }
        }
        #expect(byOrigin.filter { $0.value > 0.01 }.keys.sorted() == ["boquillas-del-carmen"])
        #expect(abs((byOrigin["boquillas-del-carmen"] ?? 0) - 55) <= 0.05 * 55, "Boquillas' observed 55 a day")
    }

    @Test func theFittedBaselineHasNoPedestrianTripBeyondReachAndTrucksFromTheIndustry() throws {
        let dataset = network.dataset
        let (demand, _) = try network.baselineDemand()
        let reach = PedestrianReach(network: network)
        for (trip, daily) in zip(demand.trips, demand.dailyTrips) where trip.mode == .pedestrian && daily > 0 {
            #expect(dataset.crossings.typedIndices.contains { reach.allows(trip, through: $0) },
                    "\(dataset.places[trip.origin].id) → \(dataset.places[trip.destination].id)")
        }
        // The places of the freight table send most trucks; Colombia, a village of 514 by the Laredo bridge that
        // carries 2,092 trucks a day, sends almost none of its own.
        let freight = try network.freightOrigins()
        var trucks = 0.0, fromTable = 0.0, fromColombia = 0.0
        for (trip, daily) in zip(demand.trips, demand.dailyTrips) where trip.mode == .truck {
            trucks += daily
            if freight.weights[trip.origin] != nil { fromTable += daily }
            if dataset.places[trip.origin].id == "colombia" { fromColombia += daily }
        }
        #expect(freight.weights.count == 26)
        #expect(fromTable > 0.8 * trucks)
        #expect(fromColombia < 0.001 * trucks)
    }

    @Test func theBundledTripLengthsAreLocalForPedestriansAndCarsAndAddUp() throws {
        let (demand, _) = try network.baselineDemand()
        let lengths = TripLengths(demand: demand, network: network)
        #expect(lengths.modes.map(\.mode) == Mode.allCases)
        for mode in lengths.modes {
            #expect(abs(mode.costShares.reduce(0, +) - 1) < 1e-9 && abs(mode.distanceShares.reduce(0, +) - 1) < 1e-9)
            #expect(mode.dailyTripsWithoutCrossing == 0)
        }
        let pedestrian = lengths.modes[0], pov = lengths.modes[1], truck = lengths.modes[3]
        // Pedestrians: within an hour's ride (a reach of 30 min each side), nearly all twin-city.
        #expect(pedestrian.costShares[0] + pedestrian.costShares[1] > 0.99 && pedestrian.twinCityShare > 0.8)
        // Cars: mostly local, with a tail; trucks mostly over two hours.
        #expect(pov.costShares[0] + pov.costShares[1] > 0.7 && pov.twinCityShare > 0.5)
        #expect(truck.costShares[3] + truck.costShares[4] > 0.6)
    }
}
