import BorderFlowSpatial
import Foundation

/// Builds the basemap a map is drawn on from public Natural Earth layers: each input is clipped to the map's
/// extent with GEOS, simplified in the working CRS to what the map can show, and written with five decimals.
public struct BasemapBuilder {
    /// A longitude/latitude box (WGS 84 degrees).
    public struct Extent: Sendable, Equatable {
        /// Western edge.
        public var west: Double
        /// Southern edge.
        public var south: Double
        /// Eastern edge.
        public var east: Double
        /// Northern edge.
        public var north: Double

        /// A box from its four edges.
        ///
        /// - Parameters:
        ///   - west: the western longitude.
        ///   - south: the southern latitude.
        ///   - east: the eastern longitude.
        ///   - north: the northern latitude.
        public init(west: Double, south: Double, east: Double, north: Double) {
            self.west = west
            self.south = south
            self.east = east
            self.north = north
        }

        var polygon: GeoJSONGeometry {
            .polygon([[Position(x: west, y: south), Position(x: east, y: south), Position(x: east, y: north),
                       Position(x: west, y: north), Position(x: west, y: south)]])
        }
    }

    /// What `borderflow map` shows of the bundled data, with room to spare: from the Pacific off Baja
    /// California to the Gulf beyond Brownsville, from Monterrey's latitude to north of Phoenix.
    public static let mapExtent = Extent(west: -119.5, south: 23.5, east: -95.0, north: 35.5)
    /// How far simplified lines may stray: 1 km, under a pixel on the 1,600-pixel map of the whole border.
    public static let mapToleranceMeters = 1_000.0

    /// Land polygons (Natural Earth `land`).
    public let land: URL
    /// Coastlines (Natural Earth `coastline`).
    public let coast: URL
    /// Lake polygons (Natural Earth `lakes`).
    public let lakes: URL
    /// State and province lines (Natural Earth `admin_1_states_provinces_lines`).
    public let states: URL
    /// The box everything is clipped to.
    public let extent: Extent
    /// How far simplified lines may stray, in metres.
    public let toleranceMeters: Double
    /// The CRS in metres the simplification is done in.
    public let workingCRS: CoordinateReferenceSystem

    /// A builder for the four inputs.
    ///
    /// - Parameters:
    ///   - land: land polygons.
    ///   - coast: coastlines.
    ///   - lakes: lake polygons.
    ///   - states: state and province lines.
    ///   - extent: the box to clip to.
    ///   - toleranceMeters: how far simplified lines may stray.
    ///   - workingCRS: the CRS in metres to simplify in.
    public init(land: URL, coast: URL, lakes: URL, states: URL, extent: Extent = mapExtent,
                toleranceMeters: Double = mapToleranceMeters, workingCRS: CoordinateReferenceSystem = WorkingCRS.borderStrip) {
        self.land = land
        self.coast = coast
        self.lakes = lakes
        self.states = states
        self.extent = extent
        self.toleranceMeters = toleranceMeters
        self.workingCRS = workingCRS
    }

    /// Reads the four inputs and clips and simplifies each.
    ///
    /// - Returns: the basemap; a layer with nothing inside the extent is left out.
    /// - Throws: `BasemapBuildError` for an input without the geometry its layer needs; `InputFileError` or
    ///   `GeoJSONError` for unreadable or malformed files; `SpatialError` when PROJ or GEOS fails.
    public func build() throws -> Basemap {
        let context = GEOSContext()
        let toWorking = try CoordinateTransformer(from: .wgs84, to: workingCRS)
        let box = try Geometry(extent.polygon, context: context)
        var layers: [Basemap.Layer: GeoJSONGeometry] = [:]
        for (layer, url) in [(Basemap.Layer.land, land), (.lakes, lakes), (.coast, coast), (.stateLines, states)] {
            let features = try GeoJSONReader.read(contentsOf: url).features
            let input: GeoJSONGeometry
            if layer.isArea {
                let polygons = features.flatMap { $0.geometry?.polygons ?? [] }
                guard !polygons.isEmpty else { throw BasemapBuildError(input: url.lastPathComponent, message: "no Polygon or MultiPolygon features; \(layer.rawValue) needs areas") }
                input = .multiPolygon(polygons)
            } else {
                let lines = features.flatMap { $0.geometry?.lines ?? [] }
                guard !lines.isEmpty else { throw BasemapBuildError(input: url.lastPathComponent, message: "no LineString or MultiLineString features; \(layer.rawValue) needs lines") }
                input = .multiLineString(lines)
            }
            // Clip in degrees (the extent is a longitude/latitude box), simplify in metres, snap to the file's grid.
            var clipped = try Geometry(input, context: context)
            if layer.isArea { clipped = try clipped.makeValid() }
            clipped = try clipped.intersection(box)
            let simplified = try Geometry(clipped.geoJSON().transformed(by: toWorking), context: context).simplified(tolerance: toleranceMeters)
            var lonLat = try Geometry(simplified.geoJSON().transformed(by: toWorking, inverse: true), context: context).snapped(toGrid: 1e-5)
            if layer.isArea { lonLat = try lonLat.makeValid() }
            let result = try lonLat.geoJSON()
            if layer.isArea {
                let polygons = result.polygons.filter { !$0.isEmpty }
                if !polygons.isEmpty { layers[layer] = .multiPolygon(polygons) }
            } else {
                let lines = result.lines.filter { $0.count >= 2 }
                if !lines.isEmpty { layers[layer] = .multiLineString(lines) }
            }
        }
        return Basemap(layers: layers)
    }

    /// Writes `basemap.geojson` into a directory, atomically: one feature per layer, five decimals.
    ///
    /// - Parameters:
    ///   - basemap: what `build()` made.
    ///   - directory: the dataset folder to write into.
    /// - Throws: `JSONWriteError` for a NaN or infinite coordinate; `OutputError.cannotWrite` when the file
    ///   cannot be written.
    public func write(_ basemap: Basemap, to directory: URL) throws {
        let sources: [Basemap.Layer: String] = [
            .land: "Natural Earth 1:10m land", .lakes: "Natural Earth 1:10m lakes", .coast: "Natural Earth 1:10m coastline",
            .stateLines: "Natural Earth 1:10m admin 1 states and provinces lines",
        ]
        let features = Basemap.Layer.allCases.compactMap { layer -> GeoJSONOutputFeature? in
            guard let geometry = basemap.layers[layer] else { return nil }
            return GeoJSONOutputFeature(id: layer.rawValue, geometry: geometry, properties: JSONObject([
                ("id", .string(layer.rawValue)),
                ("source", .string("\(sources[layer] ?? "Natural Earth") (public domain), clipped to \(extent.west)…\(extent.east)° E, \(extent.south)…\(extent.north)° N and simplified to \(Int(toleranceMeters)) m; for drawing, not analysis")),
            ]))
        }
        let text = try GeoJSONWriter(coordinateDecimals: 5).featureCollection(features)
        try AtomicFile.write(text, to: directory.appendingPathComponent(DatasetFiles.basemap))
    }
}
