import ArgumentParser
import BorderFlow
import BorderFlowOutput
import Foundation

struct BuildSectorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build-sectors",
        abstract: "Rebuild sectors.geojson and boundary.geojson from public county and boundary files.",
        discussion: """
            Inputs anyone can download:
              --counties  U.S. Census Bureau cartographic boundary counties, 1:5,000,000 (cb_2023_us_county_5m), \
            https://www.census.gov/geographies/mapping-files/time-series/geo/cartographic-boundary.html, as GeoJSON \
            in WGS 84 with properties fips, name, state (or the Census names GEOID, NAMELSAD, STUSPS), for example:
                ogr2ogr -f GeoJSON -t_srs EPSG:4326 -sql "SELECT GEOID AS fips, NAMELSAD AS name, STUSPS AS state \
            FROM cb_2023_us_county_5m WHERE STUSPS IN ('CA','AZ','NM','TX')" counties.geojson cb_2023_us_county_5m.shp
              --boundary  Natural Earth 1:10m Admin 0 boundary lines, land (ne_10m_admin_0_boundary_lines_land), \
            https://www.naturalearthdata.com/downloads/10m-cultural-vectors/, the United States–Mexico line as GeoJSON.
            The county-to-sector plan is GeoData/sector-areas.json (see GeoData/PLACES-AND-SECTORS.md).
            """)

    @Option(help: ArgumentHelp("County polygons (GeoJSON, WGS 84).", valueName: "FILE"))
    var counties: String

    @Option(help: ArgumentHelp("The U.S.–Mexico boundary line (GeoJSON, WGS 84).", valueName: "FILE"))
    var boundary: String

    @Option(help: ArgumentHelp("The county-to-sector plan (default: the bundled GeoData/sector-areas.json).", valueName: "FILE"))
    var areas: String?

    @Option(help: ArgumentHelp("Where to write sectors.geojson and boundary.geojson (default: the bundled GeoData, with --in-place).", valueName: "DIR"))
    var out: String?

    @OptionGroup var inPlace: InPlaceOption

    func run() throws {
        let bundled = DatasetFiles.bundledDirectory
        let directory = out.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? bundled
        try inPlace.check([DatasetFiles.sectors, DatasetFiles.boundary].map { directory.appendingPathComponent($0) }, elsewhere: "give --out DIR")
        let builder = SectorBuilder(
            counties: URL(fileURLWithPath: counties),
            boundary: URL(fileURLWithPath: boundary),
            areas: areas.map { URL(fileURLWithPath: $0) } ?? bundled.appendingPathComponent("sector-areas.json"))
        let output = try builder.build()
        try AtomicFile.write(try builder.files(output, in: directory))
        print("wrote \(output.sectors.count) sectors and a \(output.boundary.count)-vertex boundary to \(directory.path)")
    }
}
