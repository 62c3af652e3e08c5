import BorderFlow
import BorderFlowOutput
import BorderFlowSpatial
import BorderFlowTestSupport
import Foundation
import Testing

/// `borderflow locate`: a point's side, sector, distance to the border and nearest crossings.
@Suite("Location report")
struct LocationReportTests {
    /// The tiny dataset and its region (a region holds GEOS state, so each test makes its own).
    func tiny() throws -> (dataset: Dataset, region: BorderRegion) {
        let dataset = try Dataset.load(from: Fixtures.tiny)
        return (dataset, try BorderRegion(sectors: dataset.sectors, boundary: dataset.boundary))
    }

    @Test func northTownLiesInTheWestSectorDueNorthOfGateAInEveryForm() throws {
        let (dataset, region) = try tiny()
        let point = Coordinate(longitude: -111.2, latitude: 31.5)
        let location = try region.locate(point, crossings: dataset.crossings, limit: 5)
        // The boundary runs along 31.3°N; Gate A sits at 31.3005°N straight south, Gate B 0.4° further east.
        let toBorder = WGS84.meridianKm(from: 31.3, to: 31.5)
        let toGateA = WGS84.meridianKm(from: 31.3005, to: 31.5)
        let east = WGS84.parallelKm(longitudes: 0.4, at: 31.4)
        let toGateB = (toGateA * toGateA + east * east).squareRoot()
        #expect(location.country == .us && location.sector?.id == "west")
        #expect(abs(location.distanceToBorderKm - toBorder) < 0.05, "\(location.distanceToBorderKm) against \(toBorder)")
        #expect(location.nearestCrossings.map(\.id) == ["gate-a", "gate-b"], "only two crossings, however many are asked for")
        #expect(abs(location.nearestCrossings[0].distanceKm - toGateA) < 0.01)
        #expect(abs(location.nearestCrossings[1].distanceKm - toGateB) < 0.005 * toGateB)

        let report = LocationReport(location: location)
        let json = report.json()
        #expect(DocumentedJSON.documentedKeys("locate", areIn: json), "\(json.keys)")
        #expect(json["longitude"]?.numberValue == -111.2 && json["latitude"]?.numberValue == 31.5)
        #expect(json["country"]?.stringValue == "US" && json["sector"]?.stringValue == "west")
        #expect(json["distanceToBorderKm"]?.numberValue == (location.distanceToBorderKm * 1000).rounded() / 1000)
        let nearest = try #require(json["nearestCrossings"]?.arrayValue)
        #expect(nearest.map(\.keys) == [DocumentedJSON.of("locate nearestCrossings"), DocumentedJSON.of("locate nearestCrossings")])
        #expect(nearest.map { $0["id"]?.stringValue } == ["gate-a", "gate-b"])

        let csv = try CSVReader.table(report.csv())
        #expect(csv.header == ["longitude", "latitude", "country", "sector", "distanceToBorderKm", "rank", "crossing", "distanceKm"])
        #expect(csv.records.map { Array($0[0...3]) + [$0[5], $0[6]] } == [["-111.2", "31.5", "US", "west", "1", "gate-a"], ["-111.2", "31.5", "US", "west", "2", "gate-b"]])
        for (row, object) in zip(csv.rows, nearest) {
            #expect(Double(row["distanceKm"] ?? "") == object["distanceKm"]?.numberValue, "metres in both")
            #expect(Double(row["distanceToBorderKm"] ?? "") == json["distanceToBorderKm"]?.numberValue)
        }

        let text = report.table()
        #expect(text.hasPrefix("""
            Point    \(point)
            Country  United States
            Sector   West (west)
            Border   \(formatFixed(location.distanceToBorderKm, decimals: 1)) km away


            """))
        let table = try PrintedTable(text)
        #expect(table.header == ["NEAREST CROSSING", "ID", "KM"])
        #expect(table.rows == [["Gate A", "gate-a", formatFixed(location.nearestCrossings[0].distanceKm, decimals: 1)],
                               ["Gate B", "gate-b", formatFixed(location.nearestCrossings[1].distanceKm, decimals: 1)]])
    }

    @Test func nearTheGatewayBridgeTheBorderIsFartherThanTheBridgeAndTheReportSaysWhy() throws {
        let dataset = try BundledData.network.get().dataset
        let region = try BorderRegion(sectors: dataset.sectors, boundary: dataset.boundary)
        let location = try region.locate(Coordinate(longitude: -97.4975, latitude: 25.9017), crossings: dataset.crossings, limit: 1)
        // The generalised line runs some 2 km south of the river here; the bridge on the river is 0.3 km away.
        #expect(location.nearestCrossings.first?.id == "brownsville-gateway")
        #expect(try #require(location.nearestCrossings.first).distanceKm < 0.5)
        #expect(location.distanceToBorderKm > 2)
        // The bridge itself is as far from the line, so the line's offset covers the gap.
        let bridge = try #require(dataset.crossings.first { $0.id == "brownsville-gateway" })
        #expect(location.boundaryLineOffsetKm >= (try region.distanceToBoundaryMeters(from: bridge.coordinate)) / 1000)
        #expect(LocationReport(location: location).table().contains(
            "km away, from the generalised boundary line, which strays up to \(formatFixed(location.boundaryLineOffsetKm, decimals: 1)) km from the crossings on the real border\n"))
    }

    @Test func aPointInMexicoHasNoSector() throws {
        let (dataset, region) = try tiny()
        let report = LocationReport(location: try region.locate(Coordinate(longitude: -111.2, latitude: 31.1), crossings: dataset.crossings))
        #expect(report.json()["country"]?.stringValue == "MX" && report.json()["sector"]?.isNull == true)
        #expect(try CSVReader.table(report.csv()).rows.allSatisfy { $0["country"] == "MX" && $0["sector"] == "" })
        #expect(report.table().contains("\nCountry  Mexico\nSector   none (Mexico)\n"))
    }

    @Test func aUSPointBeyondTheSectorsAndAPointBeyondTheRegionSaySo() throws {
        let (dataset, region) = try tiny()
        let north = LocationReport(location: try region.locate(Coordinate(longitude: -111.2, latitude: 31.9), crossings: dataset.crossings))
        #expect(north.json()["country"]?.stringValue == "US" && north.json()["sector"]?.isNull == true)
        #expect(north.table().contains("\nSector   none (outside the 100-mile border zone)\n"))
        // The sides reach 500 km from the line; farther is neither.
        let atlantic = LocationReport(location: try region.locate(Coordinate(longitude: -80, latitude: 31), crossings: dataset.crossings))
        #expect(atlantic.json()["country"]?.isNull == true)
        #expect(atlantic.table().contains("\nCountry  outside the modelled region (more than 500 km from the border)\n"))
        #expect(try CSVReader.table(atlantic.csv()).rows.first?["country"] == "")
    }

    @Test func theModelledRegionReachesFiveHundredKilometresFromTheLineOnBothSides() throws {
        let (dataset, region) = try tiny()
        // The boundary runs along 31.3°N: 4.3° of latitude is about 477 km, 4.7° about 521 km.
        for (latitude, side) in [(35.6, Country.us), (36.0, nil), (27.0, .mx), (26.6, nil)] {
            let location = try region.locate(Coordinate(longitude: -111.2, latitude: latitude), crossings: dataset.crossings)
            #expect(location.country == side, "at \(latitude)°N, \(location.distanceToBorderKm) km from the line")
        }
    }

    @Test func askingForNoCrossingsStillGivesOneCSVRowForThePoint() throws {
        let (dataset, region) = try tiny()
        let report = LocationReport(location: try region.locate(Coordinate(longitude: -111.2, latitude: 31.5), crossings: dataset.crossings, limit: 0))
        #expect(report.json()["nearestCrossings"] == .array([]))
        let csv = try CSVReader.table(report.csv())
        #expect(csv.records.count == 1)
        #expect(csv.records[0].suffix(3) == ["", "", ""] && csv.records[0][3] == "west")
        #expect(try PrintedTable(report.table()).rows.isEmpty)
    }

    @Test func aPointNearSonoytaAgreesAcrossTableJSONAndCSVOnTheBundledData() throws {
        let dataset = try BundledData.network.get().dataset
        let region = try BorderRegion(sectors: dataset.sectors, boundary: dataset.boundary)
        let location = try region.locate(Coordinate(longitude: -112.8547, latitude: 31.8614), crossings: dataset.crossings, limit: 5)
        let report = LocationReport(location: location)
        let ids = location.nearestCrossings.map(\.id)
        #expect(ids.count == 5)
        #expect(location.nearestCrossings.map(\.distanceKm) == location.nearestCrossings.map(\.distanceKm).sorted())
        // The nearest of all: no crossing of the dataset is closer than the first.
        let closest = dataset.crossings.map { region.geodesicDistanceMeters(from: location.coordinate, to: $0.coordinate) / 1000 }.min()
        #expect(location.nearestCrossings.first?.distanceKm == closest)
        #expect(report.json()["nearestCrossings"]?.arrayValue?.map { $0["id"]?.stringValue } == ids)
        #expect(try CSVReader.table(report.csv()).column("crossing") == ids)
        #expect(try PrintedTable(report.table()).column("ID") == ids)
        #expect(try CSVReader.table(report.csv()).column("rank") == ["1", "2", "3", "4", "5"])
        _ = try report.json().printedAndReadBack()
    }
}
