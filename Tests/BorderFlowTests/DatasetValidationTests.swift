import BorderFlowSpatial
import Foundation
import Testing
import BorderFlowTestSupport
@testable import BorderFlow
import BorderFlowOutput

/// Broken datasets: each problem is reported with its file, feature and field; nothing crashes.
@Suite("Dataset validation")
struct DatasetValidationTests {
    func problems(_ brokenCase: String) throws -> [DatasetProblem] {
        let directory = try Fixtures.broken(brokenCase)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try Dataset.problems(in: directory)
    }

    @Test func theTinyFixtureIsValid() throws {
        let dataset = try Dataset.load(from: Fixtures.tiny)
        #expect(dataset.crossings.map(\.id) == ["gate-a", "gate-b"])
        #expect(dataset.crossings.map(\.sector) == ["west", "east"])
    }

    @Test func malformedJSONNamesTheFile() throws {
        let found = try problems("malformed-json")
        #expect(found.count == 1)
        #expect(found.first?.file == "crossings.geojson")
        #expect(found.first?.message.hasPrefix("not valid JSON") == true)
    }

    @Test func aSelfIntersectingSectorIsReportedWithTheReasonAndPlace() throws {
        let found = try problems("self-intersecting-sector")
        let problem = try #require(found.first)
        #expect(problem.file == "sectors.geojson")
        #expect(problem.featureID == "west")
        #expect(problem.field == "geometry")
        #expect(problem.message.contains("Self-intersection"))
        #expect(problem.message.contains("(-111.25, 31.55)"))
    }

    @Test func overlappingSectorsAreReported() throws {
        let found = try problems("overlapping-sectors")
        let problem = try #require(found.first)
        #expect(problem.featureID == "east")
        #expect(problem.message.contains("overlaps sector \"west\""))
    }

    @Test func aCrossingOutsideEverySectorIsReported() throws {
        let found = try problems("crossing-outside-sectors")
        #expect(found.contains { $0.featureID == "gate-b" && $0.field == "geometry" && $0.message.contains("outside every sector") })
    }

    @Test func swappedLongitudeAndLatitudeAreCaught() throws {
        let found = try problems("swapped-coordinates")
        let problem = try #require(found.first)
        #expect(problem.featureID == "gate-a")
        #expect(problem.field == "geometry.coordinates")
        #expect(problem.message.contains("swapped"))
    }

    @Test func duplicateIdsAreReported() throws {
        let found = try problems("duplicate-ids")
        #expect(found.contains { $0.featureIndex == 1 && $0.field == "id" && $0.message.contains("duplicate id \"gate-a\"") })
    }

    @Test func anUnknownModeNamesTheFieldAndTheValidModes() throws {
        let found = try problems("unknown-mode")
        let problem = try #require(found.first { $0.field == "modes[1]" })
        #expect(problem.featureID == "gate-b")
        #expect(problem.message.contains("unknown mode \"hovercraft\""))
        #expect(problem.message.contains("pedestrian, pov, bus, truck, rail"))
    }

    @Test func perModeValuesMustMatchTheModes() throws {
        let found = try problems("hours-for-unlisted-mode")
        #expect(found.contains { $0.featureID == "gate-a" && $0.field == "hours.truck" })
    }

    @Test func aMissingFieldIsNamed() throws {
        let found = try problems("missing-field")
        #expect(found.map(\.description) == [#"crossings.geojson: feature 1 (id "gate-b"), field "portCode": missing; every feature in this file needs it"#])
    }

    @Test func aPlaceOnTheWrongSideIsReported() throws {
        let found = try problems("place-on-wrong-side")
        #expect(found.contains { $0.file == "places.geojson" && $0.featureID == "town-south" && $0.field == "country" })
    }

    @Test func anUnmergedBoundaryIsRefusedWithAHint() throws {
        let found = try problems("boundary-parts")
        #expect(found.contains { $0.file == "boundary.geojson" && $0.message.contains("MultiLineString") })
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
