import BorderFlow
import BorderFlowSpatial
import BorderFlowTestSupport
import Foundation
import Testing
@testable import BorderFlowOutput

/// The report of `borderflow import-roads` on the Nogales fixture, in its three forms.
@Suite("Road import report")
struct RoadImportReportTests {
    static func report() throws -> RoadImportReport {
        var options = RoadImportOptions()
        options.boundingBox = RoadImportOptions.BoundingBox(west: -111.0, south: 31.28, east: -110.9, north: 31.37)
        options.profiles = [.car, .truck]
        let output = Fixtures.temporaryDirectory("import-report")
        defer { try? FileManager.default.removeItem(at: output) }
        let source = try VectorSource(path: Fixtures.folder("roads-nogales").appendingPathComponent("nogales.osm").path)
        let summary = try RoadImporter.importRoads(from: source, dataset: Dataset.load(), options: options, into: output)
        return RoadImportReport(summary: summary, folder: "nogales")
    }

    @Test func theJSONHasTheDocumentedMembers() throws {
        let json = try Self.report().json()
        #expect(DocumentedJSON.documentedKeys("import-roads", areIn: json), "\(json.keys)")
        let matched = try #require(json.objectValue?["crossingsMatched"]?.arrayValue?.first)
        #expect(DocumentedJSON.documentedKeys("import-roads crossingsMatched", areIn: matched))
        let leftOut = try #require(json.objectValue?["crossingsLeftOut"]?.arrayValue?.first, "Morley Gate, with no pedestrians routed")
        #expect(DocumentedJSON.documentedKeys("import-roads crossingsLeftOut", areIn: leftOut))
        #expect(json.objectValue?["placesLeftOut"]?.arrayValue?.isEmpty == true)
    }

    @Test func theTableAndCSVNameEachCrossingAndItsRoad() throws {
        let report = try Self.report()
        let table = report.table()
        #expect(table.contains("Profiles   car, truck; area -111.0,31.28,-110.9,31.37"))
        #expect(table.contains("Left out: nogales-morley-gate: no profile imported routes its modes"))
        #expect(table.contains("nogales-mariposa   Mariposa Road"))
        let rows = report.csv().split(separator: "\n")
        #expect(rows.first == "crossing,road,distanceMeters")
        #expect(rows.dropFirst().map { $0.split(separator: ",")[0] } == ["nogales-mariposa", "nogales-deconcini"])
    }
}
