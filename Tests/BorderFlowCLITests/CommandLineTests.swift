import BorderFlowTestSupport
import Foundation
import Testing

/// Runs the built `borderflow` binary the way a user does and reads what it prints.
struct BorderFlowRun {
    var status: Int32
    var standardOutput: String
    var standardError: String

    /// The `borderflow` binary beside this test bundle in the build folder.
    static let executable: URL = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
        ]
        for directory in candidates {
            let binary = directory.appendingPathComponent("borderflow")
            if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        }
        return candidates[0].appendingPathComponent("borderflow")
    }()

    init(_ arguments: String...) throws {
        try self.init(arguments)
    }

    /// Runs the tool, under another program when `wrapper` names one (such as strace and its options).
    init(_ arguments: [String], under wrapper: [String] = []) throws {
        let process = Process()
        if wrapper.isEmpty {
            process.executableURL = Self.executable
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = wrapper + [Self.executable.path] + arguments
        }
        // Run from somewhere else: the bundled data must load from any working directory.
        process.currentDirectoryURL = FileManager.default.temporaryDirectory
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        status = process.terminationStatus
        standardOutput = String(decoding: outputData, as: UTF8.self)
        standardError = String(decoding: errorData, as: UTF8.self)
    }

    func json() throws -> Any {
        try JSONSerialization.jsonObject(with: Data(standardOutput.utf8))
    }
}

@Suite("borderflow command line")
struct CommandLineTests {
    @Test func crossingsAsJSONCarryTheContractFields() throws {
        let run = try BorderFlowRun("crossings", "--format", "json")
        #expect(run.status == 0, "\(run.standardError)")
        let crossings = try #require(try run.json() as? [[String: Any]])
        #expect(crossings.count >= 57)
        for crossing in crossings {
            for key in ["id", "name", "port", "portCode", "state", "sector", "longitude", "latitude", "modes"] {
                #expect(crossing[key] != nil, "\(crossing["id"] ?? "?") lacks \(key)")
            }
        }
        let lukeville = try #require(crossings.first { $0["id"] as? String == "lukeville" })
        #expect(lukeville["portCode"] as? String == "2602")
        #expect(lukeville["sector"] as? String == "tucson")
    }

    @Test func crossingsFilterBySectorStateAndMode() throws {
        let run = try BorderFlowRun("crossings", "--sector", "del-rio", "--mode", "rail", "--format", "json")
        let crossings = try #require(try run.json() as? [[String: Any]])
        #expect(crossings.map { $0["id"] as? String } == ["eagle-pass-rail"])
        let texas = try #require(try BorderFlowRun("crossings", "--state", "NM", "--format", "json").json() as? [[String: Any]])
        #expect(Set(texas.compactMap { $0["state"] as? String }) == ["NM"])
    }

    @Test func crossingsAsCSVHaveAHeaderAndOneRowEach() throws {
        let run = try BorderFlowRun("crossings", "--format", "csv", "--state", "AZ")
        let lines = run.standardOutput.split(separator: "\n")
        #expect(lines.first?.hasPrefix("id,name,kind,port,portCode,state,sector") == true)
        #expect(lines.count == 11, "header and the ten Arizona crossings")
    }

    @Test func placesFilterByNameStateCountryAndSector() throws {
        let matamoros = try #require(try BorderFlowRun("places", "--name", "matamoros", "--format", "json").json() as? [[String: Any]])
        #expect(matamoros.map { $0["id"] as? String } == ["heroica-matamoros"])
        #expect(matamoros.first?["alternateNames"] as? [String] == ["Matamoros"])
        let yuma = try #require(try BorderFlowRun("places", "--state", "az", "--sector", "yuma", "--format", "json").json() as? [[String: Any]])
        #expect(yuma.map { $0["id"] as? String } == ["san-luis-az", "somerton", "donovan-estates", "yuma", "fortuna-foothills"])
        let mexican = try BorderFlowRun("places", "--country", "mx", "--format", "csv")
        #expect(mexican.standardOutput.split(separator: "\n").count == 81, "header and the 80 Mexican places")
        let unknown = try BorderFlowRun("places", "--sector", "yumma")
        #expect(unknown.status == 1)
        #expect(unknown.standardError.contains("unknown sector \"yumma\"; known sectors: san-diego"))
    }

    @Test func aCrossingGivenAsAPlaceIsToldToBeACrossing() throws {
        let run = try BorderFlowRun("route", "lukeville", "phoenix")
        #expect(run.status == 1)
        #expect(run.standardError.contains("\"lukeville\" is a crossing"))
        #expect(run.standardError.contains("sonoyta (Sonoyta, SON, MX, 4 km)"))
    }

    @Test func sectorsAsJSON() throws {
        let sectors = try #require(try BorderFlowRun("sectors", "--format", "json").json() as? [[String: Any]])
        #expect(sectors.count == 9)
        let yuma = try #require(sectors.first { $0["id"] as? String == "yuma" })
        #expect((yuma["crossings"] as? [String])?.contains("andrade") == true)
        #expect((yuma["areaKm2"] as? Double ?? 0) > 10_000)
        #expect((yuma["borderKm"] as? Double ?? 0) > 100)
    }

    @Test func locateTakesANegativeLongitude() throws {
        let run = try BorderFlowRun("locate", "-110.94", "31.335", "--format", "json")
        #expect(run.status == 0, "\(run.standardError)")
        let location = try #require(try run.json() as? [String: Any])
        #expect(location["country"] as? String == "US")
        #expect(location["sector"] as? String == "tucson")
        #expect(location["distanceToBorderKm"] as? Double != nil)
        let nearest = try #require(location["nearestCrossings"] as? [[String: Any]])
        #expect(nearest.count == 5)
        #expect(nearest.first?["distanceKm"] as? Double != nil)
    }

    @Test func locateInMexicoHasANullSector() throws {
        let location = try #require(try BorderFlowRun("locate", "-112.8547", "31.8614", "--format", "json").json() as? [String: Any])
        #expect(location["country"] as? String == "MX")
        #expect(location["sector"] is NSNull)
    }

    @Test func locateWithSwappedAxesFailsWithAHint() throws {
        let run = try BorderFlowRun("locate", "31.33", "-110.94")
        #expect(run.status == 1)
        #expect(run.standardError.contains("did you mean -110.94 31.33"))
        #expect(run.standardOutput.isEmpty)
    }

    @Test func infoShowsTheMeasuredScaleError() throws {
        let run = try BorderFlowRun("info", "--format", "json")
        let info = try #require(try run.json() as? [String: Any])
        let crs = try #require(info["workingCRS"] as? [String: Any])
        let percent = try #require(crs["worstScaleErrorPercent"] as? Double)
        #expect(percent > 0 && percent < 0.5)
        #expect(try BorderFlowRun("info").standardOutput.contains("Scale error"))
    }

    @Test func validateAcceptsTheBundledData() throws {
        let run = try BorderFlowRun("validate")
        #expect(run.status == 0)
        #expect(run.standardOutput.hasSuffix("valid\n"))
    }

    @Test func validateListsEveryProblemAndExitsNonZero() throws {
        let directory = try Fixtures.broken("unknown-mode")
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try BorderFlowRun("validate", "--data", directory.path)
        #expect(run.status == 1)
        #expect(run.standardOutput.contains(#"crossings.geojson: feature 1 (id "gate-b"), field "modes[1]": unknown mode "hovercraft""#))
        let json = try #require(try BorderFlowRun("validate", "--data", directory.path, "--format", "json").json() as? [String: Any])
        #expect(json["valid"] as? Bool == false)
    }

    @Test(arguments: [
        ("malformed-json", "crossings.geojson: not valid JSON"),
        ("self-intersecting-sector", #"sectors.geojson: feature 0 (id "west"), field "geometry": invalid polygon: Self-intersection"#),
        ("crossing-outside-sectors", #"crossings.geojson: feature 1 (id "gate-b"), field "geometry""#),
        ("swapped-coordinates", #"crossings.geojson: feature 0 (id "gate-a"), field "geometry.coordinates""#),
        ("duplicate-ids", #"crossings.geojson: feature 1 (id "gate-a"), field "id": duplicate id"#),
        ("unknown-mode", #"field "modes[1]": unknown mode "hovercraft""#),
        ("overlapping-sectors", #"sectors.geojson: feature 1 (id "east"), field "geometry": overlaps sector "west""#),
        ("place-on-wrong-side", #"places.geojson: feature 0 (id "town-south"), field "country""#),
    ])
    func everyBrokenDatasetFailsWithFileFeatureAndField(brokenCase: String, expected: String) throws {
        let directory = try Fixtures.broken(brokenCase)
        defer { try? FileManager.default.removeItem(at: directory) }
        let validate = try BorderFlowRun("validate", "--data", directory.path)
        #expect(validate.status == 1)
        #expect(validate.standardOutput.contains(expected), "\(validate.standardOutput)")
        let crossings = try BorderFlowRun("crossings", "--data", directory.path)
        #expect(crossings.status == 1)
        #expect(crossings.standardError.contains(expected), "\(crossings.standardError)")
        #expect(crossings.standardOutput.isEmpty)
    }

    @Test func commandsOnABrokenDatasetFailCleanly() throws {
        let directory = try Fixtures.copy(["tiny"])
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("{\"type\":".utf8).write(to: directory.appendingPathComponent("sectors.geojson"))
        let run = try BorderFlowRun("crossings", "--data", directory.path)
        #expect(run.status == 1)
        #expect(run.standardError.contains("sectors.geojson: not valid JSON"))
        #expect(run.standardOutput.isEmpty)
    }

    @Test func anUnknownCRSIsRefusedWithPROJsReason() throws {
        let run = try BorderFlowRun("info", "--crs", "EPSG:999999")
        #expect(run.status == 1)
        #expect(run.standardError.contains("EPSG:999999"))
    }

    @Test func anotherWorkingCRSCanBeChosen() throws {
        let run = try BorderFlowRun("locate", "-106.45", "31.77", "--crs", "32613", "--format", "json")
        #expect(run.status == 0, "\(run.standardError)")
        #expect((try run.json() as? [String: Any])?["sector"] as? String == "el-paso")
    }

    @Test func anUnknownModeIsAUsageError() throws {
        let run = try BorderFlowRun("crossings", "--mode", "hovercraft")
        #expect(run.status != 0)
        #expect(run.standardError.contains("hovercraft"))
    }

    @Test func buildSectorsWritesNothingWhenAnInputIsBad() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("borderflow-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: out) }
        let build = Fixtures.sectorBuild
        let run = try BorderFlowRun(
            "build-sectors", "--counties", build.appendingPathComponent("counties.geojson").path,
            "--boundary", build.appendingPathComponent("boundary.geojson").path,
            "--areas", build.appendingPathComponent("sector-areas-missing-county.json").path, "--out", out.path)
        #expect(run.status == 1)
        #expect(run.standardError.contains("belong to no sector"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    }

    @Test func buildBasemapWritesTheFourLayersAndNothingWhenAnInputIsBad() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("borderflow-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: out) }
        let build = Fixtures.folder("basemap-build")
        func run(states: String) throws -> BorderFlowRun {
            try BorderFlowRun("build-basemap", "--land", build.appendingPathComponent("land.geojson").path,
                              "--coast", build.appendingPathComponent("coast.geojson").path,
                              "--lakes", build.appendingPathComponent("lakes.geojson").path,
                              "--states", build.appendingPathComponent(states).path, "--out", out.path)
        }
        let bad = try run(states: "points.geojson")
        #expect(bad.status == 1)
        #expect(bad.standardError.contains("points.geojson") && bad.standardError.contains("no LineString"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
        let good = try run(states: "states.geojson")
        #expect(good.status == 0, "\(good.standardError)")
        let file = try Data(contentsOf: out.appendingPathComponent("basemap.geojson"))
        let features = try #require((try JSONSerialization.jsonObject(with: file) as? [String: Any])?["features"] as? [[String: Any]])
        #expect(features.compactMap { $0["id"] as? String } == ["land", "lakes", "coast", "state-lines"])
    }
}

@Suite("borderflow route")
struct RouteCommandTests {
    @Test func jsonNamesTheCrossingTimeLengthAndPath() throws {
        let run = try BorderFlowRun("route", "Sonoyta", "Phoenix", "--format", "json")
        #expect(run.status == 0, "\(run.standardError)")
        let route = try #require(try run.json() as? [String: Any])
        #expect(route["crossing"] as? String == "lukeville")
        #expect((route["travelSeconds"] as? Double ?? 0) > 3 * 3600)
        #expect((route["lengthMeters"] as? Double ?? 0) > 250_000)
        let path = try #require(route["path"] as? [String])
        #expect(path.first == "sonoyta" && path.last == "phoenix" && path.contains("lukeville"))
        #expect(route["detourSeconds"] == nil, "no closures, no detour")
    }

    @Test func withAClosureTheDetourAndAlternativesAreReported() throws {
        let run = try BorderFlowRun("route", "sonoyta", "phoenix", "--close", "lukeville", "--alternatives", "3", "--format", "json")
        let route = try #require(try run.json() as? [String: Any])
        let crossing = try #require(route["crossing"] as? String)
        #expect(crossing != "lukeville")
        #expect((route["detourSeconds"] as? Double ?? 0) > 0)
        let alternatives = try #require(route["alternatives"] as? [[String: Any]])
        #expect(alternatives.count == 3)
        #expect(alternatives.first?["crossing"] as? String == crossing)
    }

    @Test func dijkstraAndAStarPrintTheSameRoute() throws {
        let astar = try BorderFlowRun("route", "monterrey", "san-antonio", "--mode", "truck", "--algorithm", "astar", "--format", "json")
        let dijkstra = try BorderFlowRun("route", "monterrey", "san-antonio", "--mode", "truck", "--algorithm", "dijkstra", "--format", "json")
        #expect(astar.status == 0)
        #expect(astar.standardOutput == dijkstra.standardOutput)
    }

    @Test func closingEveryCrossingIsNoRouteWithAReasonNotAFailure() throws {
        let sectors = ["san-diego", "el-centro", "yuma", "tucson", "el-paso", "big-bend", "del-rio", "laredo", "rio-grande-valley"]
        let run = try BorderFlowRun(["route", "sonoyta", "phoenix", "--format", "json"] + sectors.flatMap { ["--close-sector", $0] })
        #expect(run.status == 0)
        let route = try #require(try run.json() as? [String: Any])
        #expect(route["crossing"] is NSNull)
        #expect((route["reason"] as? String)?.contains("closed") == true)
    }

    @Test func anUnknownPlaceSuggestsTheClosestNames() throws {
        let run = try BorderFlowRun("route", "sonoyta", "fenix")
        #expect(run.status == 1)
        #expect(run.standardError.contains("no place is called \"fenix\""))
        #expect(run.standardError.contains("phoenix"))
    }

    @Test func anUnknownCrossingSuggestsTheClosestIds() throws {
        let run = try BorderFlowRun("route", "sonoyta", "phoenix", "--close", "lukevile")
        #expect(run.status == 1)
        #expect(run.standardError.contains("did you mean \"lukeville\""))
    }

    @Test func aBadDateIsAUsageError() throws {
        let run = try BorderFlowRun("route", "sonoyta", "phoenix", "--at", "next tuesday")
        #expect(run.status != 0)
        #expect(run.standardError.contains("--at"))
    }

    @Test func csvHasOneRowPerAlternative() throws {
        let run = try BorderFlowRun("route", "ciudad-juarez", "el-paso", "--alternatives", "3", "--format", "csv")
        let lines = run.standardOutput.split(separator: "\n")
        #expect(lines.first == "rank,origin,destination,mode,crossing,travelSeconds,lengthMeters,path,roads,detourSeconds,allOpenCrossing")
        #expect(lines.count == 4)
    }
}

@Suite("borderflow scenarios")
struct ScenarioCommandTests {
    @Test func listsTheBundledScenarios() throws {
        let run = try BorderFlowRun("scenarios", "--format", "json")
        #expect(run.status == 0, "\(run.standardError)")
        let scenarios = try #require(try run.json() as? [[String: Any]])
        #expect(scenarios.compactMap { $0["id"] as? String } == ["dec-2023", "lower-valley-storm", "ysleta-trucks-2020"])
    }

    @Test func routeAppliesAScenarioOnItsOwnDate() throws {
        let run = try BorderFlowRun("route", "sonoyta", "phoenix", "--scenario", "dec-2023", "--format", "json")
        let route = try #require(try run.json() as? [String: Any])
        #expect(route["crossing"] as? String != "lukeville")
        #expect(route["allOpenCrossing"] as? String == "lukeville")
        #expect(route["allOpenCrossingClosure"] as? String == "closed")
        let after = try #require(try BorderFlowRun("route", "sonoyta", "phoenix", "--scenario", "dec-2023", "--at", "2024-01-05T12:00", "--format", "json").json() as? [String: Any])
        #expect(after["crossing"] as? String == "lukeville")
    }

    @Test func anUnknownScenarioListsTheKnownOnes() throws {
        let run = try BorderFlowRun("route", "sonoyta", "phoenix", "--scenario", "dec-2024")
        #expect(run.status == 1)
        #expect(run.standardError.contains("dec-2023"))
    }
}

@Suite("borderflow divert")
struct DivertCommandTests {
    @Test func jsonCarriesTheContract() throws {
        let run = try BorderFlowRun("divert", "--scenario", "dec-2023", "--format", "json")
        #expect(run.status == 0, "\(run.standardError)")
        let result = try #require(try run.json() as? [String: Any])
        let crossings = try #require(result["crossings"] as? [[String: Any]])
        let lukeville = try #require(crossings.first { $0["id"] as? String == "lukeville" && $0["mode"] as? String == "pov" })
        for key in ["id", "mode", "baseline", "scenario", "change", "waitMinutesBaseline", "waitMinutesScenario"] {
            #expect(lukeville[key] != nil, "\(key)")
        }
        #expect(lukeville["scenario"] as? Double == 0)
        #expect(result["sectors"] is [[String: Any]])
        #expect(result["ports"] is [[String: Any]])
        #expect(result["forgone"] is [String: Any])
        #expect(result["deferred"] is [String: Any])
        let model = try #require(result["model"] as? [String: Any])
        #expect(model["name"] as? String == "equilibrium")
        #expect((model["relativeGap"] as? Double ?? 1) <= 1e-4)
        #expect(model["iterations"] as? Double != nil)
    }

    @Test func theSameRunGivesTheSameBytes() throws {
        let first = try BorderFlowRun("divert", "--scenario", "ysleta-trucks-2020", "--format", "csv")
        let second = try BorderFlowRun("divert", "--scenario", "ysleta-trucks-2020", "--format", "csv")
        #expect(first.status == 0)
        #expect(first.standardOutput == second.standardOutput)
    }

    @Test func theTableLeadsWithWhatChangedMost() throws {
        let run = try BorderFlowRun("divert", "--close", "lukeville", "--model", "aon")
        #expect(run.status == 0, "\(run.standardError)")
        let lines = run.standardOutput.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("lukeville") && $0.contains("closed") })
        #expect(run.standardOutput.contains("Model: aon"))
    }

    @Test func theTitleNamesTheClosuresTypedAndTheNextLineEveryCrossingClosed() throws {
        let run = try BorderFlowRun("divert", "--close", "lukeville", "--close-mode", "rail:2303", "--model", "aon")
        #expect(run.status == 0, "\(run.standardError)")
        let lines = run.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "with lukeville, rail at port 2303 closed")
        #expect(lines[1] == "Closed: lukeville, eagle-pass-rail")
        let dated = try BorderFlowRun("divert", "--scenario", "ysleta-trucks-2020", "--close", "sasabe", "--model", "aon")
        #expect(dated.standardOutput.split(separator: "\n").first?.hasSuffix(" — with sasabe also closed") == true)
    }

    @Test func aBadDemandFileIsNamedWithItsLine() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("demand-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("origin,destination,mode,dailyTrips\nsonoyta,phoenix,pov,12\nsonoyta,atlantis,pov,3\n".utf8).write(to: file)
        let run = try BorderFlowRun("divert", "--close", "lukeville", "--demand", file.path)
        #expect(run.status == 1)
        #expect(run.standardError.contains(":3: column \"destination\""))
        #expect(run.standardOutput.isEmpty)
    }
}

@Suite("borderflow calibrate")
struct CalibrateCommandTests {
    @Test func fitsADatasetWritesBothFilesAndReportsTheFitPerCrossing() throws {
        let directory = try Fixtures.network()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try BorderFlowRun("calibrate", "--data", directory.path, "--format", "json")
        #expect(run.status == 0, "\(run.standardError)")
        let report = try #require(try run.json() as? [String: Any])
        #expect((report["worstErrorPercent"] as? Double ?? 100) <= 5)
        #expect((report["crossings"] as? [[String: Any]])?.count == 4)
        let demand = try String(contentsOf: directory.appendingPathComponent("demand.csv"), encoding: .utf8)
        #expect(demand.hasPrefix("origin,destination,mode,dailyTrips\n"))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("crossing-constants.csv").path))
        // The written baseline then drives divert on the same dataset.
        let divert = try BorderFlowRun("divert", "--data", directory.path, "--close", "gate-a", "--format", "json")
        #expect(divert.status == 0, "\(divert.standardError)")
    }

    @Test func theFittedDemandsTripLengthsAddUpToAHundredPercentPerMode() throws {
        let directory = try Fixtures.demand()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try BorderFlowRun("calibrate", "--data", directory.path).status == 0)
        let run = try BorderFlowRun("demand", "--data", directory.path, "--format", "json")
        #expect(run.status == 0, "\(run.standardError)")
        let modes = try #require(try run.json() as? [[String: Any]])
        #expect(modes.map { $0["mode"] as? String } == ["pedestrian", "pov", "truck"])
        for mode in modes {
            for key in ["costBands", "distanceBands"] {
                let bands = try #require(mode[key] as? [[String: Any]])
                #expect(abs(bands.reduce(0) { $0 + ($1["percent"] as? Double ?? 0) } - 100) <= 0.03)
            }
        }
        // Far North City, a million people 54 minutes from the border, is no pedestrian's destination.
        let demand = try String(contentsOf: directory.appendingPathComponent("demand.csv"), encoding: .utf8)
        #expect(!demand.contains("far-north,pedestrian") && demand.contains("far-north,pov"))
    }
}

@Suite("borderflow divert without a fitted demand")
struct DivertWithoutDemandTests {
    @Test func saysHowToFitOne() throws {
        let directory = try Fixtures.network()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try BorderFlowRun("divert", "--data", directory.path, "--close", "gate-a")
        #expect(run.status == 1)
        #expect(run.standardError.contains("borderflow calibrate"))
        #expect(run.standardOutput.isEmpty)
    }
}
