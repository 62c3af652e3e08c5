import BorderFlowSpatial
import Foundation
import Testing
import BorderFlowTestSupport
@testable import BorderFlow

/// A broken fixture and one problem it must be reported with.
struct BrokenDatasetCase: Sendable, CustomTestStringConvertible {
    /// What the problem's message must say.
    enum Message: Sendable {
        /// The whole message.
        case exactly(String)
        /// How the message starts (the rest comes from the JSON parser and differs between platforms).
        case startsWith(String)
        /// Words the message must contain, each somewhere.
        case contains([String])

        func matches(_ message: String) -> Bool {
            switch self {
            case let .exactly(text): return message == text
            case let .startsWith(text): return message.hasPrefix(text)
            case let .contains(parts): return parts.allSatisfy { message.contains($0) }
            }
        }
    }

    /// The folder under `Fixtures/broken`, laid over the tiny dataset.
    let fixture: String
    /// How many problems the fixture has in all: each breaks the valid tiny dataset in one way.
    let problemCount: Int
    /// The file the problem names.
    let file: String
    /// The feature's position in its file, or nil when the problem is in no one feature.
    let featureIndex: Int?
    /// The feature's id, or nil.
    let featureID: String?
    /// The field at fault, or nil.
    let field: String?
    /// What the message says.
    let message: Message

    var testDescription: String { "\(fixture): \(file) \(featureID ?? "-") \(field ?? "-")" }

    func isReported(by problem: DatasetProblem) -> Bool {
        problem.file == file && problem.featureIndex == featureIndex && problem.featureID == featureID
            && problem.field == field && message.matches(problem.message)
    }

    static let all: [BrokenDatasetCase] = [
        // The file does not parse, so no feature or field can be named.
        .init(fixture: "malformed-json", problemCount: 1, file: "crossings.geojson", featureIndex: nil, featureID: nil, field: nil,
              message: .startsWith("not valid JSON")),
        // GEOS's reason and the place: the bow-tie's diagonals cross at the middle of the west square.
        .init(fixture: "self-intersecting-sector", problemCount: 1, file: "sectors.geojson", featureIndex: 0, featureID: "west", field: "geometry",
              message: .contains(["Self-intersection", "(-111.25, 31.55)"])),
        .init(fixture: "overlapping-sectors", problemCount: 1, file: "sectors.geojson", featureIndex: 1, featureID: "east", field: "geometry",
              message: .contains(["overlaps sector \"west\""])),
        // Gate B moved to (-109.9, 31.6): east of both sectors and 0.6° beyond the boundary's east end, so two rules break.
        .init(fixture: "crossing-outside-sectors", problemCount: 2, file: "crossings.geojson", featureIndex: 1, featureID: "gate-b", field: "geometry",
              message: .contains(["outside every sector"])),
        .init(fixture: "crossing-outside-sectors", problemCount: 2, file: "crossings.geojson", featureIndex: 1, featureID: "gate-b", field: "geometry",
              message: .contains(["from the boundary line", "must sit on the border"])),
        .init(fixture: "swapped-coordinates", problemCount: 1, file: "crossings.geojson", featureIndex: 0, featureID: "gate-a", field: "geometry.coordinates",
              message: .contains(["swapped"])),
        // The second feature repeats the first's id: the problem is the second's.
        .init(fixture: "duplicate-ids", problemCount: 1, file: "crossings.geojson", featureIndex: 1, featureID: "gate-a", field: "id",
              message: .contains(["duplicate id \"gate-a\""])),
        // A comma in an id would break the demand file's rows; ids are letters, digits and hyphens.
        .init(fixture: "id-with-comma", problemCount: 1, file: "places.geojson", featureIndex: 1, featureID: "town,north", field: "id",
              message: .contains(["\"town,north\" is not a valid id", "ASCII letters, digits and hyphens"])),
        // The message lists the valid modes.
        .init(fixture: "unknown-mode", problemCount: 1, file: "crossings.geojson", featureIndex: 1, featureID: "gate-b", field: "modes[1]",
              message: .contains(["unknown mode \"hovercraft\"", "pedestrian, pov, bus, truck, rail"])),
        // Per-mode values must match the modes: Gate A has truck hours but no truck mode.
        .init(fixture: "hours-for-unlisted-mode", problemCount: 1, file: "crossings.geojson", featureIndex: 0, featureID: "gate-a", field: "hours.truck",
              message: .contains(["\"truck\"", "modes"])),
        .init(fixture: "missing-field", problemCount: 1, file: "crossings.geojson", featureIndex: 1, featureID: "gate-b", field: "portCode",
              message: .exactly("missing; every feature in this file needs it")),
        // Town South says it is in Mexico but lies north of the boundary.
        .init(fixture: "place-on-wrong-side", problemCount: 1, file: "places.geojson", featureIndex: 0, featureID: "town-south", field: "country",
              message: .contains(["MX", "US side"])),
        // North Town moved 555 km north of the boundary, past the modelled region, where no side is known.
        .init(fixture: "place-beyond-the-region", problemCount: 1, file: "places.geojson", featureIndex: 1, featureID: "town-north", field: "geometry",
              message: .contains(["outside the modelled region (within 500 km of it)"])),
        // Other names are an array of strings: an element that is not one, and a bare string, are each named.
        .init(fixture: "alternate-name-not-text", problemCount: 2, file: "places.geojson", featureIndex: 0, featureID: "town-south", field: "alternateNames[1]",
              message: .contains(["expected a string, found"])),
        .init(fixture: "alternate-name-not-text", problemCount: 2, file: "places.geojson", featureIndex: 1, featureID: "town-north", field: "alternateNames",
              message: .contains(["expected an array of strings"])),
        // An unmerged boundary is refused with a hint.
        .init(fixture: "boundary-parts", problemCount: 1, file: "boundary.geojson", featureIndex: 0, featureID: "line", field: "geometry",
              message: .contains(["MultiLineString"])),
    ]
}

/// Broken datasets: each problem is reported with its file, feature and field; nothing crashes.
@Suite("Dataset validation")
struct DatasetValidationTests {
    @Test func theTinyFixtureIsValid() throws {
        let dataset = try Dataset.load(from: Fixtures.tiny)
        #expect(dataset.crossings.map(\.id) == ["gate-a", "gate-b"])
        #expect(dataset.crossings.map(\.sector) == ["west", "east"])
        #expect(try Dataset.problems(in: Fixtures.tiny).isEmpty)
    }

    @Test(arguments: BrokenDatasetCase.all)
    func everyBrokenFixtureIsReportedWithItsFileFeatureFieldAndReason(_ broken: BrokenDatasetCase) throws {
        let directory = try Fixtures.broken(broken.fixture)
        defer { try? FileManager.default.removeItem(at: directory) }
        let found = try Dataset.problems(in: directory)
        #expect(found.count == broken.problemCount, "\(found.map(\.description))")
        #expect(found.contains { broken.isReported(by: $0) }, "\(found.map(\.description))")
        // Loading refuses the same folder with the same list.
        do {
            _ = try Dataset.load(from: directory)
            Issue.record("\(broken.fixture) loaded")
        } catch let error as DatasetError {
            #expect(error.problems == found)
        }
    }

    @Test func aDatasetOfMoreCrossingsThanTheLimitIsRefusedNamingTheFileTheCountAndTheLimit() throws {
        let directory = try Fixtures.copy(["tiny"], label: "many-crossings")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent(DatasetFiles.crossings)
        var collection = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        let model = try #require((collection["features"] as? [[String: Any]])?.first)
        let count = Dataset.maximumCrossingCount + 1
        collection["features"] = (0..<count).map { number -> [String: Any] in
            var feature = model, properties = model["properties"] as? [String: Any] ?? [:]
            feature["id"] = "crossing-\(number)"
            properties["id"] = "crossing-\(number)"
            feature["properties"] = properties
            return feature
        }
        try JSONSerialization.data(withJSONObject: collection).write(to: file)
        let problems = try Dataset.problems(in: directory)
        #expect(problems.map(\.description) == [
            "crossings.geojson: has \(count) crossings; a dataset may have at most \(Dataset.maximumCrossingCount), since every trip weighs every crossing and the time to divert grows with their number",
        ])
        #expect(throws: DatasetError.self) { try Dataset.load(from: directory) }
    }

    @Test func everyBrokenFixtureHasACase() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Fixtures.folder("broken").path)
        // road-to-nowhere breaks the road network, which the tiny dataset lacks: RoutingTests covers it.
        #expect(Set(BrokenDatasetCase.all.map(\.fixture)).union(["road-to-nowhere"]) == Set(folders))
    }

    @Test func anUnknownCRSIsAnErrorNotAProblemOfTheData() {
        do {
            _ = try Dataset.load(from: Fixtures.tiny, workingCRS: CoordinateReferenceSystem(parsing: "EPSG:999999"))
            Issue.record("expected an error")
        } catch let error as DatasetError {
            guard case .unusableCRS = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect("\(error)".contains("EPSG:999999"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func aGeographicCRSCannotBeTheWorkingCRS() {
        #expect(throws: DatasetError.self) {
            _ = try Dataset.load(from: Fixtures.tiny, workingCRS: .wgs84)
        }
    }

    func crsMessage(_ definition: String) -> String? {
        #expect(throws: DatasetError.self) {
            _ = try Dataset.load(from: Fixtures.tiny, workingCRS: CoordinateReferenceSystem(parsing: definition))
        }.map { "\($0)" }
    }

    @Test func eachUnusableCRSGetsOneMessageForItsOneCause() throws {
        let geographic = try #require(crsMessage("4326"))
        #expect(geographic == "cannot use 'EPSG:4326' as the working CRS: it is geographic (degrees), not a projection in metres. \(SpatialError.workingCRSAdvice)")
        let unknown = try #require(crsMessage("+proj=bogus"))
        #expect(unknown.hasPrefix("cannot use '+proj=bogus' as the working CRS: unknown coordinate reference system '+proj=bogus': "), "\(unknown)")
        #expect(!unknown.contains("geographic") && !unknown.contains("e.g. 4326"), "\(unknown)")
        // PROJ finds CRSs by parts of their names: the message says which one it took "foo" for.
        let loose = try #require(crsMessage("foo"))
        #expect(loose == "cannot use 'foo' as the working CRS: PROJ reads it as the CRS named \"Amersfoort\"; it is geographic (degrees), not a projection in metres. \(SpatialError.workingCRSAdvice)")
    }

    @Test func aCRSInFeetOrMillimetresIsRefusedNamingItsUnit() throws {
        // NAD83 / Arizona Central in international feet: lengths would be 3.28 times too long.
        let feet = try #require(crsMessage("2223"))
        #expect(feet.contains("its axes are in foot, not metres"), "\(feet)")
        let millimetres = try #require(crsMessage("+proj=utm +zone=12 +datum=WGS84 +units=mm +type=crs"))
        #expect(millimetres.contains("its axes are in millimetre, not metres"), "\(millimetres)")
    }

    @Test func aCRSWhoseScaleIsFarFromTrueIsRefusedWithItsScaleNotAGEOSError() throws {
        let huge = try #require(crsMessage("+proj=tmerc +lat_0=31 +lon_0=-111 +k_0=1e30 +units=m +type=crs"))
        #expect(huge.contains("its scale at (") && huge.contains("on the boundary is 1e+30"), "\(huge)")
        #expect(!huge.contains("GEOS") && !huge.contains("Topology"), "\(huge)")
        let small = try #require(crsMessage("+proj=tmerc +lat_0=31 +lon_0=-111 +k_0=0.5 +units=m +type=crs"))
        #expect(small.contains("is 0.5, where true scale is 1"), "\(small)")
        // Web Mercator is 1.2 times true at 31°N: accepted.
        #expect(try Dataset.load(from: Fixtures.tiny, workingCRS: CoordinateReferenceSystem(parsing: "3857")).crossings.count == 2)
    }

    @Test func anotherProjectedCRSGivesTheSameSectors() throws {
        let dataset = try Dataset.load(from: Fixtures.tiny, workingCRS: CoordinateReferenceSystem(parsing: "32612"))
        #expect(dataset.crossings.map(\.sector) == ["west", "east"])
    }

    @Test func aMissingDirectoryIsAClearError() {
        #expect(throws: DatasetError.self) {
            _ = try Dataset.load(from: URL(fileURLWithPath: "/nonexistent/borderflow-data"))
        }
    }
}

@Suite("Opening hours and capacity")
struct OpeningHoursTests {
    @Test func parsesWindowsAndRefusesNonsense() throws {
        let hours = try #require(OpeningHours(parsing: "06:00-22:00"))
        #expect(hours.openHours == 16)
        #expect(hours.isOpen(atMinuteOfDay: 6 * 60))
        #expect(!hours.isOpen(atMinuteOfDay: 22 * 60))
        #expect(OpeningHours(parsing: "00:00-24:00")?.isAroundTheClock == true)
        for bad in ["6-22", "22:00-06:00", "06:00-25:00", "06:60-07:00", "", "06:00"] {
            #expect(OpeningHours(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test func capacityIsLanesTimesRateTimesHours() throws {
        let dataset = try Dataset.load(from: Fixtures.tiny)
        let gate = try #require(dataset.crossing(id: "gate-b"))
        #expect(gate.dailyCapacity(for: .truck) == 2 * 15 * 10)
        #expect(gate.dailyCapacity(for: .pov) == 4 * 60 * 24)
        #expect(gate.dailyCapacity(for: .pedestrian) == 0)
    }
}
