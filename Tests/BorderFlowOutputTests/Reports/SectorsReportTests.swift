import BorderFlow
import BorderFlowOutput
import BorderFlowSpatial
import BorderFlowTestSupport
import Foundation
import Testing

/// `borderflow sectors`: area, border length and crossings of each sector.
@Suite("Sectors report")
struct SectorsReportTests {
    @Test func theTinySectorsMeasureAsTheirSquaresAndHalvesOfTheBoundary() throws {
        // Two 0.5° squares from 31.3°N to 31.8°N over a boundary along 31.3°N from 111.5°W to 110.5°W.
        let dataset = try Dataset.load(from: Fixtures.tiny)
        let report = try SectorsReport(dataset: dataset, region: BorderRegion(sectors: dataset.sectors, boundary: dataset.boundary))
        let area = WGS84.quadrangleKm2(longitudes: 0.5, from: 31.3, to: 31.8)
        let border = WGS84.parallelKm(longitudes: 0.5, at: 31.3)
        #expect(report.rows.map(\.id) == ["west", "east"])
        #expect(report.rows.map(\.crossings) == [["gate-a"], ["gate-b"]])
        for row in report.rows {
            #expect(abs(row.areaKm2 - area) < 0.005 * area, "\(row.id): \(row.areaKm2) km² against \(area)")
            #expect(abs(row.borderKm - border) < 0.002 * border, "\(row.id): \(row.borderKm) km against \(border)")
        }

        let csv = try CSVReader.table(report.csv())
        #expect(csv.header == ["id", "name", "areaKm2", "borderKm", "crossings"])
        #expect(csv.records.map { [$0[0], $0[1], $0[4]] } == [["west", "West", "gate-a"], ["east", "East", "gate-b"]])
        let table = try PrintedTable(report.table())
        #expect(table.header == ["ID", "NAME", "AREA KM²", "BORDER KM", "CROSSINGS", "FIRST CROSSINGS"])
        #expect(table.rows.map { [$0[0], $0[1], $0[4], $0[5]] } == [["west", "West", "1", "gate-a"], ["east", "East", "1", "gate-b"]])
        // The whole boundary, about 95.2 km: far enough from a half kilometre to round alike.
        #expect(report.table().hasSuffix("border length \(formatCount(2 * border)) km in all, measured on the ellipsoid.\n"))
    }

    @Test func theBundledSectorsAgreeAcrossTableJSONAndCSVAndWithTheRegion() throws {
        let dataset = try BundledData.network.get().dataset
        let region = try BorderRegion(sectors: dataset.sectors, boundary: dataset.boundary)
        let report = try SectorsReport(dataset: dataset, region: region)
        let areas = try region.sectorAreasKm2(), lengths = try region.borderLengthsKm()
        #expect(report.rows.map(\.id) == dataset.sectors.map(\.id))
        // Every crossing with a sector is listed once, under it.
        #expect(report.rows.flatMap(\.crossings).sorted() == dataset.crossings.filter { $0.sector != nil }.map(\.id).sorted())
        // The sectors' border lengths add up to the whole boundary.
        #expect(abs(report.rows.reduce(0) { $0 + $1.borderKm } - region.boundaryLengthKm) < 0.001 * region.boundaryLengthKm)

        let json = try #require(report.json().arrayValue)
        let csv = try CSVReader.table(report.csv())
        let table = try PrintedTable(report.table())
        #expect(json.count == report.rows.count && csv.records.count == report.rows.count && table.rows.count == report.rows.count)
        for (index, row) in report.rows.enumerated() {
            let sector = dataset.sectors[index]
            #expect(row.name == sector.name)
            #expect(row.areaKm2 == areas[sector.id] && row.borderKm == lengths[sector.id])
            #expect(row.crossings == dataset.crossings.filter { $0.sector == sector.id }.map(\.id))

            let object = json[index]
            #expect(object.keys == DocumentedJSON.of("sectors"))
            #expect(object["id"]?.stringValue == row.id && object["name"]?.stringValue == row.name)
            #expect(abs((object["areaKm2"]?.numberValue ?? .nan) - row.areaKm2) <= 0.05)
            #expect(abs((object["borderKm"]?.numberValue ?? .nan) - row.borderKm) <= 0.05)
            #expect(object["crossings"]?.strings == row.crossings)

            let record = csv.rows[index]
            #expect(record["id"] == row.id && record["name"] == row.name)
            #expect(Double(record["areaKm2"] ?? "") == object["areaKm2"]?.numberValue, "CSV and JSON round alike")
            #expect(Double(record["borderKm"] ?? "") == object["borderKm"]?.numberValue)
            #expect(record["crossings"] == row.crossings.joined(separator: ";"))

            let line = table.rows[index]
            #expect(line[0] == row.id && line[1] == row.name)
            #expect(line[2] == formatCount(row.areaKm2) && line[3] == formatCount(row.borderKm))
            #expect(line[4] == "\(row.crossings.count)")
            let firstThree = row.crossings.prefix(3).joined(separator: ", ")
            #expect(line[5] == firstThree + (row.crossings.count > 3 ? ", …" : ""))
        }
    }
}
