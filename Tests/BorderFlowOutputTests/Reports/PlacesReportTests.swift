import BorderFlow
import BorderFlowOutput
import BorderFlowSpatial
import BorderFlowTestSupport
import Testing

/// `borderflow places`: the listing in its three forms, and its filters.
@Suite("Places report")
struct PlacesReportTests {
    static func tinyRows() throws -> [PlacesReport.Row] {
        let places = try Dataset.load(from: Fixtures.tiny).places
        return places.map { PlacesReport.Row(place: $0, sector: $0.country == .us ? "west" : nil) }
    }

    @Test func theTinyDatasetsPlacesReadAsTheirFixtureSaysInEveryForm() throws {
        let report = PlacesReport(rows: try Self.tinyRows())

        let csv = try CSVReader.table(report.csv())
        #expect(csv.header == ["id", "name", "alternateNames", "country", "state", "sector", "population", "longitude", "latitude"])
        #expect(csv.records == [
            ["town-south", "Pueblo Sur", "", "MX", "SON", "", "20000", "-111.2", "31.1"],
            ["town-north", "North Town", "", "US", "AZ", "west", "8000", "-111.2", "31.5"],
        ])

        let json = try #require(report.json().arrayValue)
        #expect(json.map { $0["id"]?.stringValue } == ["town-south", "town-north"])
        for object in json { #expect(DocumentedJSON.documentedKeys("places", areIn: object)) }
        #expect(json[0]["sector"]?.isNull == true)
        #expect(json[1]["sector"]?.stringValue == "west")
        #expect(json[1]["population"]?.numberValue == 8000)
        #expect(json[1]["alternateNames"]?.strings == [])

        let table = try PrintedTable(report.table())
        #expect(table.header == ["ID", "NAME", "ALSO KNOWN AS", "CTRY", "ST", "SECTOR", "POPULATION"])
        #expect(table.rows == [
            ["town-south", "Pueblo Sur", "", "MX", "SON", "-", "20,000"],
            ["town-north", "North Town", "", "US", "AZ", "west", "8,000"],
        ])
        #expect(report.table().contains("\n2 places (1 US, 1 MX); "))
    }

    @Test func filtersByCountryStateSectorAndPartOfAnyName() throws {
        let rows = try Self.tinyRows()
        func ids(country: Country? = nil, state: String? = nil, sector: String? = nil, name: String? = nil) -> [String] {
            PlacesReport.filtered(rows, country: country, state: state, sector: sector, name: name).map(\.place.id)
        }
        #expect(ids(country: .mx) == ["town-south"])
        #expect(ids(state: "az") == ["town-north"])
        #expect(ids(sector: "west") == ["town-north"])
        #expect(ids(sector: "east") == [])
        #expect(ids(name: "SUR") == ["town-south"])
        #expect(ids(name: "town") == ["town-south", "town-north"])
        #expect(ids(country: .us, name: "sur") == [])
        // Other names count, with accents and case ignored.
        let known = PlacesReport.Row(place: Place(id: "heroica-matamoros", name: "Heroica Matamoros", country: .mx, state: "TAMPS",
                                                  population: 1, coordinate: Coordinate(longitude: -97.5, latitude: 25.88),
                                                  alternateNames: ["Matamoros"]), sector: nil)
        #expect(PlacesReport.filtered([known], country: nil, state: nil, sector: nil, name: "MATAMOROS").count == 1)
        #expect(PlacesReport.filtered([known], country: nil, state: nil, sector: nil, name: "juárez").isEmpty)
    }
}
