import ArgumentParser
import BorderFlow
import BorderFlowOutput
import Foundation

struct BuildBasemapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build-basemap",
        abstract: "Rebuild basemap.geojson, the land, lakes, coasts and state lines maps are drawn on, from Natural Earth.",
        discussion: """
            Inputs anyone can download: the Natural Earth 1:10m layers at \
            https://www.naturalearthdata.com/downloads/10m-physical-vectors/ (land, coastline, lakes) and \
            https://www.naturalearthdata.com/downloads/10m-cultural-vectors/ (admin_1_states_provinces_lines), \
            as GeoJSON in WGS 84, for example:
                ogr2ogr -f GeoJSON -spat -121 22 -93 37.5 land.geojson ne_10m_land.shp
            Each is clipped to the map's extent with GEOS and simplified in the working CRS.
            """)

    @Option(help: ArgumentHelp("Land polygons (GeoJSON, WGS 84).", valueName: "FILE"))
    var land: String

    @Option(help: ArgumentHelp("Coastlines (GeoJSON, WGS 84).", valueName: "FILE"))
    var coast: String

    @Option(help: ArgumentHelp("Lake polygons (GeoJSON, WGS 84).", valueName: "FILE"))
    var lakes: String

    @Option(help: ArgumentHelp("State and province lines (GeoJSON, WGS 84).", valueName: "FILE"))
    var states: String

    @Option(help: ArgumentHelp("Where to write basemap.geojson (default: the bundled GeoData, with --in-place).", valueName: "DIR"))
    var out: String?

    @OptionGroup var inPlace: InPlaceOption

    func run() throws {
        let directory = out.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? DatasetFiles.bundledDirectory
        try inPlace.check([directory.appendingPathComponent(DatasetFiles.basemap)], elsewhere: "give --out DIR")
        let builder = BasemapBuilder(land: URL(fileURLWithPath: land), coast: URL(fileURLWithPath: coast),
                                     lakes: URL(fileURLWithPath: lakes), states: URL(fileURLWithPath: states))
        let basemap = try builder.build()
        try builder.write(basemap, to: directory)
        let vertices = basemap.layers.values.reduce(0) { $0 + $1.allPositions.count }
        print("wrote \(basemap.layers.count) layers, \(vertices) vertices, to \(directory.appendingPathComponent(DatasetFiles.basemap).path)")
    }
}
