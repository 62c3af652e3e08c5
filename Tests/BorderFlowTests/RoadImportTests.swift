import BorderFlowSpatial
import BorderFlowTestSupport
import Foundation
import Testing
@testable import BorderFlow

/// `import-roads` on the hand-made Nogales network (Fixtures/roads-nogales, whose EXPECTED.md works every figure
/// out by hand and whose check_expected.py recomputes them), as OpenStreetMap XML and as a GeoPackage of plain lines.
@Suite("Importing road networks")
struct RoadImportTests {
    static let fixtures = Fixtures.folder("roads-nogales")
    static let area = RoadImportOptions.BoundingBox(west: -111.0, south: 31.28, east: -110.9, north: 31.37)
    static let bundled = Result { try Dataset.load() }

    /// Imports a source of the fixture folder into a new temporary folder, the Nogales area only, with the
    /// network's contraction hierarchies, as `borderflow import-roads` writes them.
    static func importing(_ source: String, options change: (inout RoadImportOptions) -> Void = { _ in }) throws -> (URL, RoadImportSummary) {
        var options = RoadImportOptions()
        options.boundingBox = area
        change(&options)
        let output = Fixtures.temporaryDirectory("import")
        let summary = try RoadImporter.importRoads(from: VectorSource(path: source), dataset: bundled.get(), options: options, into: output,
                                                   verify: { dataset, folder in try BorderNetwork(dataset: dataset).writeHierarchies(to: folder) })
        return (output, summary)
    }

    /// The plain-lines fixture as a GeoPackage, written by GDAL's own ogr2ogr.
    static func geoPackage() throws -> String {
        let folder = Fixtures.temporaryDirectory("gpkg")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let output = folder.appendingPathComponent("nogales.gpkg").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["ogr2ogr", "-f", "GPKG", output, fixtures.appendingPathComponent("nogales-lines.geojson").path, "-nln", "roads"]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "ogr2ogr (gdal-bin) turns the GeoJSON lines into a GeoPackage")
        return output
    }

    static let osm = Result { try importing(fixtures.appendingPathComponent("nogales.osm").path) }
    static let lines = Result { try importing(geoPackage()) }

    static func network(_ imported: Result<(URL, RoadImportSummary), Error>) throws -> BorderNetwork {
        try BorderNetwork(contentsOf: imported.get().0)
    }

    // MARK: - What the import builds

    @Test(arguments: ["osm", "gpkg"])
    func eachCrossingIsMatchedToItsOwnRoadAndTheLoosePartIsDropped(_ source: String) throws {
        let (folder, summary) = try (source == "osm" ? Self.osm : Self.lines).get()
        #expect(summary.crossingsMatched.map(\.crossing) == ["nogales-mariposa", "nogales-deconcini", "nogales-morley-gate"])
        #expect(summary.crossingsMatched.map(\.road) == ["Mariposa Road", "DeConcini Lane", "Morley Gate Walk"])
        #expect(summary.crossingsMatched.allSatisfy { $0.distanceMeters < 100 })
        #expect(summary.partsDropped == 1, "the three streets joined to nothing")
        #expect(summary.nodesDropped == 3)
        #expect(summary.placesJoined == 2)
        #expect(summary.railCrossingsKept == ["nogales-rail"], "the dataset's own rail line through Nogales")
        #expect(summary.endsJoined == (source == "osm" ? 0 : 2), "plain lines join where an end lies on another line")
        let dataset = try Dataset.load(from: folder)
        #expect(Set(dataset.crossings.map(\.id)) == ["nogales-mariposa", "nogales-deconcini", "nogales-morley-gate", "nogales-rail"])
        #expect(Set(dataset.places.map(\.id)) == ["nogales-az", "nogales-son"])
        let imported = try #require(dataset.importedRoads)
        let segments = (0..<imported.segmentCount).map(imported.road(segment:))
        #expect(segments.contains { $0.oneWay && $0.name == "Grand Avenue" })
        #expect(segments.contains { $0.roadClass == .ferry && $0.closedTo == [.truck] })
        #expect(segments.contains { $0.roadClass == .footway && $0.name == "Morley Gate Walk" })
        #expect(summary.roads == dataset.roads.count + imported.segmentCount)
        #expect(summary.nodes == imported.nodeCount)
        // What joins the network to the dataset is plain GeoJSON: a connector per place, two approaches per crossing.
        #expect(dataset.roads.filter { $0.id.hasPrefix("connector-") }.count == 2)
        #expect(dataset.roads.filter { $0.id.hasPrefix("approach-") }.count == 6)
        // The demand file keeps the rows between the two places kept, and nothing else.
        let demand = try String(contentsOf: folder.appendingPathComponent("demand.csv"), encoding: .utf8)
        let rows = demand.split(separator: "\n").dropFirst()
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0.hasPrefix("nogales-") && $0.split(separator: ",")[1].hasPrefix("nogales-") })
    }

    @Test func theSummaryIsWrittenBesideTheDataset() throws {
        let (folder, summary) = try Self.osm.get()
        let text = try String(contentsOf: folder.appendingPathComponent(RoadImportSummary.fileName), encoding: .utf8)
        let json = try JSONValue(parsing: Data(text.utf8), name: RoadImportSummary.fileName)
        #expect(json.objectValue?["nodes"]?.numberValue == Double(summary.nodes))
        #expect(json.objectValue?["source"]?.stringValue == "nogales.osm")
    }

    // MARK: - Routes, checked against EXPECTED.md

    /// Each route's crossing, roads, metres and seconds as EXPECTED.md works them out, on both sources.
    @Test(arguments: ["osm", "gpkg"])
    func routesFollowTheRulesOfTheRoads(_ source: String) throws {
        let network = try Self.network(source == "osm" ? Self.osm : Self.lines)
        let router = try network.router()
        func route(_ from: String, _ to: String, _ mode: Mode, closing: [String] = []) throws -> Route? {
            if closing.isEmpty { return try router.route(from: from, to: to, mode: mode) }
            var closures = Closures()
            for id in closing { try closures.close(crossing: id) }
            return try network.router(closures: closures).route(from: from, to: to, mode: mode)
        }

        // One-way respected: north on Grand Avenue, south on Terrace Avenue.
        let north = try #require(try route("nogales-son", "nogales-az", .pov))
        #expect(north.crossing == "nogales-deconcini")
        #expect(north.roads == ["connector to Nogales", "Avenida Álvaro Obregón", "DeConcini Lane", "Grand Avenue", "connector to Nogales"])
        let south = try #require(try route("nogales-az", "nogales-son", .pov))
        #expect(south.roads == ["connector to Nogales", "Terrace Avenue", "DeConcini Lane", "Avenida Álvaro Obregón", "connector to Nogales"])

        // The I-19 bridge over Crawford Street is not joined to it; the truck keeps off the ferry and the street
        // closed to trucks.
        let truck = try #require(try route("nogales-son", "nogales-az", .truck))
        #expect(truck.crossing == "nogales-mariposa")
        #expect(truck.roads.contains("I-19"))
        #expect(!truck.roads.contains("Crawford Street"), "a bridge over a street is not a junction with it")
        #expect(!truck.roads.contains("Lake ferry"))
        #expect(!truck.roads.contains("Calle del Lago"), "hgv=no")

        // A bus rides the ferry a truck may not.
        let bus = try #require(try route("nogales-son", "nogales-az", .bus))
        #expect(bus.roads.contains("Lake ferry"))

        // With DeConcini closed, pedestrians walk through Morley Gate, reached by the footway's end on Grand Avenue.
        let walk = try #require(try route("nogales-son", "nogales-az", .pedestrian, closing: ["nogales-deconcini"]))
        #expect(walk.crossing == "nogales-morley-gate")
        #expect(walk.roads.contains("Morley Gate Walk"))

        for (found, expected) in zip([north, south, truck, bus, walk], ExpectedRoutes.all) {
            #expect(abs(found.lengthMeters - expected.meters) < 1, "\(found.origin) → \(found.destination) \(found.mode): \(found.lengthMeters) m")
            #expect(abs(found.travelSeconds - expected.seconds) < 0.5, "\(found.origin) → \(found.destination) \(found.mode): \(found.travelSeconds) s")
        }
    }

    /// The access table, which the flow model reads, agrees with the searches both ways along one-way streets.
    @Test func theAccessTableKnowsOneWayStreetsBothWays() throws {
        let network = try Self.network(Self.osm)
        #expect(network.hasOneWayRoads)
        let router = try network.router()
        for (from, to) in [("nogales-son", "nogales-az"), ("nogales-az", "nogales-son")] {
            for mode in [Mode.pov, .truck, .pedestrian, .bus] {
                let trip = try network.trip(from: from, to: to, mode: mode)
                let cost = try #require(router.route(trip))
                let route = try #require(try router.route(from: from, to: to, mode: mode))
                #expect(abs(Double(cost.travelMilliseconds) / 1000 - route.travelSeconds) < 0.001, "\(from) → \(to) \(mode)")
                #expect(abs(cost.lengthMeters - route.lengthMeters) < 0.01)
            }
        }
    }

    /// The hierarchies give the graph searches' answers: every pair of places by every mode, with each crossing
    /// closed in turn, and the access table the flow model reads equals the one grown as trees without them.
    @Test(arguments: ["osm", "gpkg"])
    func theHierarchiesAnswerAsTheGraphSearchesDo(_ source: String) throws {
        let imported = try (source == "osm" ? Self.osm : Self.lines).get()
        let network = try BorderNetwork(contentsOf: imported.0)
        #expect(Set(network.hierarchies.keys) == Set(network.roadLayer))
        let places = network.places.map(\.id)
        var closings: [Closures] = [Closures()]
        for crossing in network.crossings where crossing.inService {
            var closures = Closures()
            try closures.close(crossing: crossing.id)
            closings.append(closures)
        }
        let withoutHierarchies = try BorderNetwork(dataset: network.dataset, workingCRS: network.workingCRS, hierarchyFile: nil)
        #expect(withoutHierarchies.hierarchies.isEmpty)
        var compared = 0
        for closures in closings {
            let router = try network.router(closures: closures), plainRouter = try withoutHierarchies.router(closures: closures)
            for mode in [Mode.pov, .bus, .truck, .pedestrian] {
                for from in places {
                    for to in places where to != from {
                        let fast = try network.compareRoutes(from: from, to: to, mode: mode, closures: closures, alternatives: 3)
                        let slow = try withoutHierarchies.compareRoutes(from: from, to: to, mode: mode, closures: closures, alternatives: 3)
                        let dijkstra = try network.compareRoutes(from: from, to: to, mode: mode, closures: closures, algorithm: .dijkstra)
                        #expect(fast.route?.travelSeconds == slow.route?.travelSeconds, "\(from) → \(to) \(mode)")
                        #expect(fast.route?.travelSeconds == dijkstra.route?.travelSeconds, "\(from) → \(to) \(mode)")
                        #expect(fast.route?.crossing == slow.route?.crossing)
                        if let route = fast.route, let other = slow.route { #expect(abs(route.lengthMeters - other.lengthMeters) < 0.01) }
                        #expect(fast.alternatives.map(\.crossing) == slow.alternatives.map(\.crossing))
                        #expect(fast.alternatives.map(\.travelSeconds) == slow.alternatives.map(\.travelSeconds))
                        #expect(zip(fast.alternatives, slow.alternatives).allSatisfy { abs($0.lengthMeters - $1.lengthMeters) < 0.01 })
                        let routed = try router.route(from: from, to: to, mode: mode), plain = try plainRouter.route(from: from, to: to, mode: mode)
                        #expect(routed?.roads == plain?.roads)
                        #expect(routed?.travelSeconds == plain?.travelSeconds)
                        compared += 1
                    }
                }
            }
        }
        #expect(closings.count > 3)
        #expect(compared == closings.count * 4 * places.count * (places.count - 1))
        let fast = network.accessCosts, slow = withoutHierarchies.accessCosts
        #expect(fast.toCrossing == slow.toCrossing)
        #expect(fast.fromCrossing == slow.fromCrossing)
        #expect(zip(fast.toCrossingMeters, slow.toCrossingMeters).allSatisfy { abs($0 - $1) < 0.01 })
        #expect(zip(fast.fromCrossingMeters, slow.fromCrossingMeters).allSatisfy { abs($0 - $1) < 0.01 })
        // The lines drawn for trips (as `divert --geojson` draws its flows): the same through every crossing that
        // serves the mode. (The fixture's two places lie in different countries.)
        var trips: [(origin: PlaceIndex, crossing: CrossingIndex?, destination: PlaceIndex, mode: Mode)] = []
        let placeIndices = network.dataset.places.indices.map { PlaceIndex($0) }
        for mode in [Mode.pov, .bus, .truck, .pedestrian] {
            for origin in placeIndices {
                for destination in placeIndices where destination != origin {
                    let apart = network.dataset.places[origin].country != network.dataset.places[destination].country
                    guard apart else {
                        trips.append((origin, nil, destination, mode))
                        continue
                    }
                    for crossing in network.dataset.crossings.indices where network.dataset.crossings[crossing].modes.contains(mode) {
                        trips.append((origin, CrossingIndex(crossing), destination, mode))
                    }
                }
            }
        }
        let drawn = network.geometry(of: trips), plainDrawn = withoutHierarchies.geometry(of: trips)
        #expect(drawn == plainDrawn)
        #expect(trips.count >= 8)
        #expect(drawn.filter { !$0.isEmpty }.count > trips.count / 2)
    }

    /// A damaged hierarchy file, or one built for other road costs, is refused with the file's name.
    @Test func aDamagedOrForeignHierarchyFileIsRefused() throws {
        let (folder, _) = try Self.osm.get()
        let copy = Fixtures.temporaryDirectory("hierarchy")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.copyItem(at: folder, to: copy)
        let file = copy.appendingPathComponent(BorderNetwork.hierarchyFileName)
        var bytes = try Data(contentsOf: file)
        bytes[bytes.count / 2] ^= 0x40
        try bytes.write(to: file)
        #expect { try BorderNetwork(contentsOf: copy) } throws: { "\($0)".contains(BorderNetwork.hierarchyFileName) && "\($0)".contains("checksum") }
        // The other fixture's hierarchies, whole and undamaged, belong to another graph.
        let (other, _) = try Self.lines.get()
        try FileManager.default.removeItem(at: file)
        try FileManager.default.copyItem(at: other.appendingPathComponent(BorderNetwork.hierarchyFileName), to: file)
        #expect { try BorderNetwork(contentsOf: copy) } throws: { "\($0)".contains(BorderNetwork.hierarchyFileName) }
    }

    @Test func leavingOutAProfileLeavesItsModesWithoutRoads() throws {
        let (folder, summary) = try Self.importing(Self.fixtures.appendingPathComponent("nogales.osm").path) { $0.profiles = [.car, .truck] }
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(summary.profiles == [.car, .truck])
        #expect(summary.crossingsLeftOut.map(\.crossing) == ["nogales-morley-gate"], "a pedestrian gate, and no pedestrians routed")
        let dataset = try Dataset.load(from: folder)
        let imported = try #require(dataset.importedRoads)
        let roads = dataset.roads.filter { !$0.isRail } + (0..<imported.segmentCount).map(imported.road(segment:))
        #expect(!roads.contains { $0.roadClass == .footway })
        #expect(roads.allSatisfy { $0.closedTo.contains(.pedestrian) })
    }

    // MARK: - Bad sources

    @Test func aFileGDALCannotReadIsRefusedByName() {
        let path = Self.fixtures.appendingPathComponent("broken/not-vector.txt").path
        #expect { _ = try VectorSource(path: path) } throws: { error in
            guard case let .cannotOpen(opened, reason)? = error as? VectorSourceError else { return false }
            return opened == path && reason.contains("no vector driver")
        }
    }

    @Test func aSourceWithoutLinesIsRefusedListingItsLayers() throws {
        let source = try VectorSource(path: Self.fixtures.appendingPathComponent("broken/points-only.geojson").path)
        #expect(throws: VectorSourceError.noLineLayer(path: source.path, layers: ["points (point, 3 features)"])) {
            _ = try source.lineLayer(named: nil)
        }
    }

    @Test func aCrossingWithNoRoadNearItIsNamed() throws {
        var noMatch: RoadImportError?
        do {
            _ = try Self.importing(Self.fixtures.appendingPathComponent("broken/far-away.geojson").path) { $0.boundingBox = nil }
        } catch let error as RoadImportError {
            noMatch = error
        }
        guard case let .crossingNotMatched(crossing, _, _, _, others)? = noMatch else {
            Issue.record("expected crossingNotMatched, got \(String(describing: noMatch))")
            return
        }
        #expect(crossing == "san-ysidro-pedwest", "the first crossing in file order")
        #expect(others.contains("nogales-deconcini"))
        #expect(!others.contains("el-paso-bota"), "the roads of El Paso reach the Bridge of the Americas")
    }

    @Test func anAreaWithNothingInsideIsRefused() throws {
        let osm = Self.fixtures.appendingPathComponent("nogales.osm").path
        #expect(throws: RoadImportError.noCrossingInside(boundingBox: "-100.0,20.0,-99.0,21.0")) {
            _ = try Self.importing(osm) { $0.boundingBox = .init(west: -100, south: 20, east: -99, north: 21) }
        }
        // Crossings inside, but no road of the source.
        #expect { _ = try Self.importing(osm) { $0.boundingBox = .init(west: -106.5, south: 31.7, east: -106.4, north: 31.8) } } throws: { error in
            guard case .noRoads? = error as? RoadImportError else { return false }
            return true
        }
    }

    @Test func roadsJoiningTheCountriesOutsideACrossingAreRefused() throws {
        #expect { _ = try Self.importing(Self.fixtures.appendingPathComponent("broken/one-side-cut.osm").path) } throws: { error in
            guard case let .crossingSidesNotSeparate(crossing, reason)? = error as? RoadImportError else { return false }
            return crossing == "nogales-deconcini" && reason.contains("somewhere other than a crossing")
        }
    }

    @Test func aCrossingOnRoadsNoPlaceReachesIsRefused() throws {
        // Mariposa's road alone, joined to nothing on either side: no place is joined to it.
        let scratch = try ScratchFolder("unreachable")
        
        let source = try scratch.file("mariposa.geojson", Array("""
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"name":"Mariposa Road","highway":"trunk"},
             "geometry":{"type":"LineString","coordinates":[[-110.9733,31.3262],[-110.9733,31.3312],[-110.9733,31.3395],[-110.9700,31.3420]]}},
            {"type":"Feature","properties":{"name":"Obregon","highway":"primary"},
             "geometry":{"type":"LineString","coordinates":[[-110.9420,31.3095],[-110.9423,31.3200]]}},
            {"type":"Feature","properties":{"name":"Grand Avenue","highway":"primary"},
             "geometry":{"type":"LineString","coordinates":[[-110.9345,31.3410],[-110.9375,31.3364]]}}]}
            """.utf8))
        #expect { _ = try Self.importing(source.path) { $0.boundingBox = .init(west: -110.98, south: 31.30, east: -110.965, north: 31.36) } } throws: { error in
            guard case let .crossingUnreachable(crossing, _, _)? = error as? RoadImportError else { return false }
            return crossing == "nogales-mariposa"
        }
    }

    @Test func aPlaceOneWayStreetsCutOffIsLeftOutWithWhy() throws {
        // The three crossings' roads joined on each side, a street to Rio Rico both ways, and Nogales, AZ at the end
        // of a one-way street that only leads in: a car could come but never leave.
        let scratch = try ScratchFolder("one-way-cut")
        func line(_ name: String, _ highway: String, _ points: [(Double, Double)], oneway: Bool = false) -> String {
            let coordinates = points.map { "[\($0.0),\($0.1)]" }.joined(separator: ",")
            return #"{"type":"Feature","properties":{"name":"\#(name)","highway":"\#(highway)"\#(oneway ? #","oneway":"yes""# : "")},"#
                + #""geometry":{"type":"LineString","coordinates":[\#(coordinates)]}}"#
        }
        let features = [
            line("Mariposa Road", "trunk", [(-110.9733, 31.3262), (-110.9733, 31.3312), (-110.9733, 31.3395)]),
            line("Periferico", "primary", [(-110.9733, 31.3262), (-110.9500, 31.3150), (-110.9420, 31.3095)]),
            line("Obregon", "primary", [(-110.9420, 31.3095), (-110.9425, 31.3305)]),
            line("DeConcini Lane", "primary", [(-110.9425, 31.3305), (-110.9425, 31.3344)]),
            line("Calle Internacional", "residential", [(-110.9425, 31.3305), (-110.9400, 31.3316)]),
            line("Morley Walk", "footway", [(-110.9400, 31.3316), (-110.9400, 31.3354)]),
            line("Grand Avenue", "residential", [(-110.9400, 31.3354), (-110.9425, 31.3344), (-110.9733, 31.3395)]),
            line("Rio Rico Road", "primary", [(-110.9733, 31.3395), (-110.9760, 31.4700)]),
            line("Dead End Street", "residential", [(-110.9733, 31.3395), (-110.9600, 31.3420), (-110.9343, 31.3404)], oneway: true),
        ]
        let source = try scratch.file("cut.geojson", Array(#"{"type":"FeatureCollection","features":["#.utf8) + Array(features.joined(separator: ",").utf8) + Array("]}".utf8))
        let (folder, summary) = try Self.importing(source.path) {
            $0.boundingBox = .init(west: -110.99, south: 31.30, east: -110.93, north: 31.48)
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let leftOut = Dictionary(uniqueKeysWithValues: summary.placesLeftOut.map { ($0.place, $0.reason) })
        #expect(leftOut["nogales-az"] == "its nearest road leads to no crossing along one-way streets")
        #expect(leftOut["rio-rico"] == nil)
        #expect(try Dataset.load(from: folder).places.map(\.id).sorted() == ["nogales-son", "rio-rico"])
    }

    @Test func nothingIsWrittenWhenAnImportFails() throws {
        let output = Fixtures.temporaryDirectory("failed-import")
        let source = try VectorSource(path: Self.fixtures.appendingPathComponent("broken/one-side-cut.osm").path)
        var options = RoadImportOptions()
        options.boundingBox = Self.area
        #expect(throws: RoadImportError.self) {
            _ = try RoadImporter.importRoads(from: source, dataset: Self.bundled.get(), options: options, into: output)
        }
        #expect(!FileManager.default.fileExists(atPath: output.path))
        let parent = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
        #expect(!parent.contains { $0.contains(output.lastPathComponent) }, "no partial folder left beside it")
    }

    @Test func anOutputFolderThatHoldsFilesIsRefused() throws {
        let scratch = try ScratchFolder("occupied")
        
        _ = try scratch.file("keep.txt", Array("mine".utf8))
        let source = try VectorSource(path: Self.fixtures.appendingPathComponent("nogales.osm").path)
        #expect(throws: RoadImportError.outputNotEmpty(path: scratch.url.path)) {
            _ = try RoadImporter.importRoads(from: source, dataset: Self.bundled.get(), options: RoadImportOptions(), into: scratch.url)
        }
        #expect(try String(contentsOf: scratch.url.appendingPathComponent("keep.txt"), encoding: .utf8) == "mine")
    }

    // MARK: - The rules, line by line

    @Test func tagsBecomeClassSpeedDirectionAndAccess() throws {
        func tags(_ highway: String?, maxspeed: String? = nil, oneway: String? = nil, _ other: [String: String] = [:]) -> RoadTags? {
            RoadTags(highway: highway, maxspeed: maxspeed, oneway: oneway, tags: other, speedOverrides: ["residential": 30])
        }
        #expect(tags("motorway")?.direction == .forward, "a motorway is one-way unless tagged")
        #expect(tags("motorway", oneway: "no")?.direction == .both)
        #expect(tags("residential", ["junction": "roundabout"])?.direction == .forward)
        #expect(tags("primary", oneway: "-1")?.direction == .backward)
        #expect(tags("primary", oneway: "TF")?.direction == .backward)
        #expect(tags("footway", oneway: "yes")?.direction == .both, "walkers go both ways")
        #expect(tags("primary", maxspeed: "45 mph")?.speedKph == 45 * 1.609344)
        #expect(tags("primary", maxspeed: "signals")?.speedKph == 80, "an unreadable limit takes the class default")
        #expect(tags("residential")?.speedKph == 30, "the override replaces the default")
        #expect(tags("tertiary")?.roadClass == .secondary)
        #expect(tags("track") == nil)
        #expect(tags(nil) == nil)
        #expect(tags(nil, ["route": "ferry"])?.roadClass == .ferry)
        #expect(tags(nil, ["route": "ferry"])?.closedTo == [.truck], "a ferry takes trucks only where tagged")
        #expect(tags(nil, ["route": "ferry", "hgv": "yes"])?.closedTo == [])
        #expect(tags("secondary", ["hgv": "no"])?.closedTo == [.truck])
        #expect(tags("service", ["access": "private"])?.closedTo == [.pov, .bus, .truck, .pedestrian])
        #expect(tags("footway")?.closing([.pedestrian]) == nil, "a footway without the pedestrian profile is no road")
    }

    @Test func otherTagsAreReadAsGDALWritesThem() {
        let tags = RoadTags.otherTags(#""oneway"=>"yes","name:en"=>"Say \"hi\"","hgv"=>"no""#)
        #expect(tags == ["oneway": "yes", "name:en": "Say \"hi\"", "hgv": "no"])
        #expect(RoadTags.otherTags(nil).isEmpty)
    }

    @Test func croppedFilesKeepOnlyRowsAboutWhatIsKept() {
        let csv = "port,crossing,mode,note\n2604,nogales-deconcini,pov,\"a, b\"\n2506,lukeville,pov,x\n"
        #expect(RoadImportLayers.cropped(csv: csv, crossings: ["nogales-deconcini"], places: []) == "port,crossing,mode,note\n2604,nogales-deconcini,pov,\"a, b\"\n")
        let demand = "origin,destination,mode,dailyTrips\nnogales-son,nogales-az,pov,10\nnogales-son,tucson,pov,3\n"
        #expect(RoadImportLayers.cropped(csv: demand, crossings: [], places: ["nogales-son", "nogales-az"]) == "origin,destination,mode,dailyTrips\nnogales-son,nogales-az,pov,10\n")
    }
}

/// The figures EXPECTED.md works out by hand for the five routes `routesFollowTheRulesOfTheRoads` checks, in its order.
enum ExpectedRoutes {
    static let all: [(meters: Double, seconds: Double)] = [
        (4_042.4, 2_243.8), (4_656.4, 799.1), (13_016.8, 4_346.9), (11_093.6, 3_392.1), (4_042.4, 1_799.5),
    ]
}
