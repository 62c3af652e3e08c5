import BorderFlowSpatial
import Foundation
import Testing
import BorderFlowTestSupport
@testable import BorderFlow

@Suite("Building sectors from counties")
struct SectorBuilderTests {
    func builder(areas: String = "sector-areas.json") -> SectorBuilder {
        SectorBuilder(
            counties: Fixtures.sectorBuild.appendingPathComponent("counties.geojson"),
            boundary: Fixtures.sectorBuild.appendingPathComponent("boundary.geojson"),
            areas: Fixtures.sectorBuild.appendingPathComponent(areas))
    }

    @Test func unitesCountiesAppliesTransfersAndClipsToTheZone() throws {
        let output = try builder().build()
        #expect(output.sectors.map(\.id) == ["west", "east"])
        // The two boundary parts, given east to west, come out as one line running west to east.
        #expect(output.boundary.first?.longitude == -111.5)
        #expect(output.boundary.last?.longitude == -110.5)

        let region = try BorderRegion(sectors: output.sectors, boundary: Boundary(line: output.boundary))
        #expect(try region.sector(at: Coordinate(longitude: -111.3, latitude: 31.4))?.id == "west")
        #expect(try region.sector(at: Coordinate(longitude: -111.1, latitude: 31.4))?.id == "west")
        #expect(try region.sector(at: Coordinate(longitude: -111.02, latitude: 31.4))?.id == "east", "moved by the transfer")
        #expect(try region.sector(at: Coordinate(longitude: -110.7, latitude: 31.4))?.id == "east")
        #expect(try region.sector(at: Coordinate(longitude: -111.1, latitude: 31.75)) == nil, "beyond the 30 km zone")
        #expect(try region.sector(at: Coordinate(longitude: -111.1, latitude: 31.2)) == nil, "Mexico")
        #expect(try region.sectorProblems(file: "sectors.geojson").isEmpty)
    }

    @Test func aZoneCountyWithNoSectorIsAnError() {
        do {
            _ = try builder(areas: "sector-areas-missing-county.json").build()
            Issue.record("expected an error")
        } catch let error as SectorBuildError {
            #expect(error.message.contains("90003 Tres County, AZ"))
            #expect(!error.message.contains("Far County"), "a county beyond the zone needs no sector")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func writtenFilesLoadAsADatasetAndAreByteIdenticalRunToRun() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("borderflow-build-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try builder().build()
        try AtomicFile.write(try builder().files(first, in: directory))
        let sectorsText = try String(contentsOf: directory.appendingPathComponent("sectors.geojson"), encoding: .utf8)
        try AtomicFile.write(try builder().files(try builder().build(), in: directory))
        #expect(try String(contentsOf: directory.appendingPathComponent("sectors.geojson"), encoding: .utf8) == sectorsText)
        let reread = try GeoJSONReader.read(contentsOf: directory.appendingPathComponent("sectors.geojson"))
        #expect(reread.features.map(\.id) == ["west", "east"])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }
}
