import CGDAL
import Foundation

/// A vector file or folder read through GDAL: OpenStreetMap (`.osm`, `.osm.pbf`), GeoPackage, Shapefile, GeoJSON,
/// FlatGeobuf and every other vector format the system's GDAL reads. Only lines are read, with the attributes asked
/// for, in longitude and latitude (PROJ transforms a layer in any other CRS).
///
/// Not `Sendable`: a GDAL dataset handle is used by one thread at a time.
public final class VectorSource {
    /// What sort of geometry a layer declares.
    public enum GeometryKind: String, Sendable {
        /// Points or multi-points.
        case point
        /// Lines or multi-lines: roads.
        case line
        /// Polygons or multi-polygons.
        case polygon
        /// A mixed geometry collection.
        case collection
        /// No geometry: a table.
        case none
        /// Any other type GDAL names.
        case unknown
    }

    /// A layer of the source, as GDAL describes it.
    public struct Layer: Sendable {
        /// The layer's name (`lines` in an OpenStreetMap file).
        public let name: String
        /// The geometry type it declares.
        public let geometry: GeometryKind
        /// Its attribute fields, in order.
        public let fields: [String]
        /// Its feature count when the driver knows it without reading the file; nil otherwise (OpenStreetMap).
        public let featureCount: Int?
    }

    /// One line feature: its attributes and its parts (a multi-line has several), in longitude and latitude.
    public struct Line {
        /// The feature's id in the source (`FID`; the way id in OpenStreetMap).
        public let featureID: Int64
        /// The asked-for attributes, in the order asked; nil where the field is empty or missing.
        public let attributes: [String?]
        /// The line's parts, each at least two positions.
        public let parts: [[Coordinate]]
    }

    /// The path the source was opened from.
    public let path: String
    /// The GDAL driver that opened it, such as `OSM` or `GPKG`.
    public let driver: String
    /// Its layers, in the source's order.
    public let layers: [Layer]
    private let handle: GDALDatasetH

    /// Opens a vector source read-only.
    ///
    /// - Parameter path: a file or folder GDAL can read as vectors.
    /// - Throws: `VectorSourceError.cannotOpen` when it does not exist or no GDAL driver reads it as vectors.
    public init(path: String) throws {
        VectorSource.registerDrivers
        guard FileManager.default.fileExists(atPath: path) else {
            throw VectorSourceError.cannotOpen(path: path, reason: "no such file or folder")
        }
        CPLErrorReset()
        guard let handle = GDALOpenEx(path, UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY), nil, nil, nil) else {
            throw VectorSourceError.cannotOpen(path: path, reason: VectorSource.lastError(
                or: "GDAL has no vector driver that reads it; expected OpenStreetMap (.osm, .osm.pbf), GeoPackage, Shapefile, GeoJSON, FlatGeobuf or another GDAL vector format"))
        }
        self.handle = handle
        self.path = path
        driver = GDALGetDriverShortName(GDALGetDatasetDriver(handle)).map { String(cString: $0) } ?? "?"
        var layers: [Layer] = []
        for index in 0..<GDALDatasetGetLayerCount(handle) {
            guard let layer = GDALDatasetGetLayer(handle, index) else { continue }
            let definition = OGR_L_GetLayerDefn(layer)
            let fields = (0..<OGR_FD_GetFieldCount(definition)).map { String(cString: OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(definition, $0))) }
            let count = OGR_L_GetFeatureCount(layer, 0)
            layers.append(Layer(name: String(cString: OGR_L_GetName(layer)), geometry: Self.kind(of: OGR_L_GetGeomType(layer)),
                                fields: fields, featureCount: count >= 0 ? Int(count) : nil))
        }
        self.layers = layers
    }

    deinit {
        GDALClose(handle)
    }

    /// The layer to read lines from: the one named, or else `lines` in an OpenStreetMap file, or else the first
    /// layer that declares lines.
    ///
    /// - Parameter name: a layer name the user gave, or nil.
    /// - Returns: the layer.
    /// - Throws: `VectorSourceError.noSuchLayer` or `.noLineLayer`, each listing the layers there are.
    public func lineLayer(named name: String?) throws -> Layer {
        if let name {
            guard let layer = layers.first(where: { $0.name == name }) else {
                throw VectorSourceError.noSuchLayer(path: path, name: name, layers: layers.map(\.summary))
            }
            return layer
        }
        if driver == "OSM", let lines = layers.first(where: { $0.name == "lines" }) { return lines }
        guard let layer = layers.first(where: { $0.geometry == .line }) else {
            throw VectorSourceError.noLineLayer(path: path, layers: layers.map(\.summary))
        }
        return layer
    }

    /// Reads every line of a layer, handing each to `visit` as it is read; features of other geometry types and
    /// empty lines are counted and skipped.
    ///
    /// - Parameters:
    ///   - layer: a layer of this source.
    ///   - fields: the attribute names to hand over; a name the layer lacks gives nil for every feature.
    ///   - visit: called per line feature, in the source's order.
    /// - Returns: how many features were not lines.
    /// - Throws: `VectorSourceError.unusableCRS` when PROJ cannot transform the layer's CRS to longitude and
    ///   latitude; whatever `visit` throws.
    @discardableResult
    public func readLines(of layer: Layer, fields: [String], visit: (Line) throws -> Void) throws -> Int {
        guard let ogrLayer = GDALDatasetGetLayerByName(handle, layer.name) else {
            throw VectorSourceError.noSuchLayer(path: path, name: layer.name, layers: layers.map(\.summary))
        }
        let transformer = try transformerToLongitudeLatitude(ogrLayer, layer: layer.name)
        let definition = OGR_L_GetLayerDefn(ogrLayer)
        let indices = fields.map { OGR_FD_GetFieldIndex(definition, $0) }
        OGR_L_ResetReading(ogrLayer)
        var skipped = 0
        var xs: [Double] = [], ys: [Double] = []
        while let feature = OGR_L_GetNextFeature(ogrLayer) {
            defer { OGR_F_Destroy(feature) }
            var parts: [[Coordinate]] = []
            if let geometry = OGR_F_GetGeometryRef(feature) {
                try collectLines(geometry, into: &parts, xs: &xs, ys: &ys, transformer: transformer)
            }
            guard !parts.isEmpty else {
                skipped += 1
                continue
            }
            let attributes: [String?] = indices.map { index in
                guard index >= 0, OGR_F_IsFieldSetAndNotNull(feature, index) != 0 else { return nil }
                let text = String(cString: OGR_F_GetFieldAsString(feature, index))
                return text.isEmpty ? nil : text
            }
            try visit(Line(featureID: OGR_F_GetFID(feature), attributes: attributes, parts: parts))
        }
        if CPLGetLastErrorType() == CE_Failure {
            throw VectorSourceError.readFailed(path: path, layer: layer.name, reason: Self.lastError(or: "GDAL stopped reading"))
        }
        return skipped
    }

    private func collectLines(_ geometry: OGRGeometryH, into parts: inout [[Coordinate]], xs: inout [Double], ys: inout [Double],
                              transformer: CoordinateTransformer?) throws {
        let type = Int32(bitPattern: OGR_GT_Flatten(OGR_G_GetGeometryType(geometry)).rawValue)
        switch type {
        case Int32(wkbLineString.rawValue):
            let count = Int(OGR_G_GetPointCount(geometry))
            guard count >= 2 else { return }
            xs = [Double](repeating: 0, count: count)
            ys = [Double](repeating: 0, count: count)
            xs.withUnsafeMutableBytes { x in
                ys.withUnsafeMutableBytes { y in
                    _ = OGR_G_GetPoints(geometry, x.baseAddress, Int32(MemoryLayout<Double>.stride), y.baseAddress,
                                        Int32(MemoryLayout<Double>.stride), nil, 0)
                }
            }
            var positions = (0..<count).map { Position(x: xs[$0], y: ys[$0]) }
            if let transformer { try transformer.forward(&positions) }
            parts.append(positions.map { Coordinate(longitude: $0.x, latitude: $0.y) })
        case Int32(wkbMultiLineString.rawValue), Int32(wkbGeometryCollection.rawValue):
            for index in 0..<OGR_G_GetGeometryCount(geometry) {
                if let part = OGR_G_GetGeometryRef(geometry, index) {
                    try collectLines(part, into: &parts, xs: &xs, ys: &ys, transformer: transformer)
                }
            }
        default:
            return
        }
    }

    /// A PROJ transformer from the layer's CRS to longitude and latitude; nil when the layer is already in them
    /// (WGS 84 longitude and latitude, or no CRS declared, which GeoJSON and OpenStreetMap imply).
    private func transformerToLongitudeLatitude(_ layer: OGRLayerH, layer name: String) throws -> CoordinateTransformer? {
        guard let reference = OGR_L_GetSpatialRef(layer) else { return nil }
        if let authority = OSRGetAuthorityName(reference, nil).map({ String(cString: $0) }),
           let code = OSRGetAuthorityCode(reference, nil).map({ String(cString: $0) }) {
            if authority == "EPSG", code == "4326" || code == "4979" { return nil }
            do {
                return try CoordinateTransformer(from: CoordinateReferenceSystem(definition: "\(authority):\(code)"), to: .wgs84)
            } catch {
                // Fall through to the full definition: the code alone may not be in PROJ's database.
            }
        }
        var text: UnsafeMutablePointer<CChar>?
        guard OSRExportToWkt(reference, &text) == OGRERR_NONE, let text else {
            throw VectorSourceError.unusableCRS(path: path, layer: name, reason: "GDAL cannot describe the layer's CRS")
        }
        defer { VSIFree(text) }
        do {
            return try CoordinateTransformer(from: CoordinateReferenceSystem(definition: String(cString: text)), to: .wgs84)
        } catch {
            throw VectorSourceError.unusableCRS(path: path, layer: name, reason: "\(error)")
        }
    }

    private static func kind(of type: OGRwkbGeometryType) -> GeometryKind {
        switch Int32(bitPattern: OGR_GT_Flatten(type).rawValue) {
        case Int32(wkbPoint.rawValue), Int32(wkbMultiPoint.rawValue): return .point
        case Int32(wkbLineString.rawValue), Int32(wkbMultiLineString.rawValue): return .line
        case Int32(wkbPolygon.rawValue), Int32(wkbMultiPolygon.rawValue): return .polygon
        case Int32(wkbGeometryCollection.rawValue): return .collection
        case Int32(wkbNone.rawValue): return .none
        default: return .unknown
        }
    }

    /// GDAL's last error message, or `fallback` when it gave none.
    private static func lastError(or fallback: String) -> String {
        guard let message = CPLGetLastErrorMsg().map({ String(cString: $0) }), !message.isEmpty else { return fallback }
        return message
    }

    /// Registers GDAL's drivers once, with its messages kept off standard error: they reach users as errors.
    private static let registerDrivers: Void = {
        CPLSetErrorHandler(CPLQuietErrorHandler)
        GDALAllRegister()
    }()
}

extension VectorSource.Layer {
    /// "name (line, 12 features)", as errors list layers.
    public var summary: String {
        "\(name) (\(geometry.rawValue)\(featureCount.map { ", \($0) features" } ?? ""))"
    }
}

/// Why a vector source cannot be read.
public enum VectorSourceError: Error, CustomStringConvertible, Equatable {
    /// The path does not exist, or no GDAL driver reads it as vectors.
    case cannotOpen(path: String, reason: String)
    /// No layer declares lines; `layers` lists those there are.
    case noLineLayer(path: String, layers: [String])
    /// No layer has the name asked for.
    case noSuchLayer(path: String, name: String, layers: [String])
    /// PROJ cannot turn the layer's CRS into longitude and latitude.
    case unusableCRS(path: String, layer: String, reason: String)
    /// GDAL stopped part-way through the layer.
    case readFailed(path: String, layer: String, reason: String)

    /// The message for users: the path, the layer where one is concerned, and what is wrong.
    public var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            return "\(path): cannot be read as a vector source: \(reason)"
        case let .noLineLayer(path, layers):
            return "\(path): has no layer of lines to read roads from (layers: \(layers.isEmpty ? "none" : layers.joined(separator: ", "))); name one with --layer"
        case let .noSuchLayer(path, name, layers):
            return "\(path): has no layer \"\(name)\" (layers: \(layers.isEmpty ? "none" : layers.joined(separator: ", ")))"
        case let .unusableCRS(path, layer, reason):
            return "\(path), layer \(layer): its coordinate reference system cannot be turned into longitude and latitude: \(reason)"
        case let .readFailed(path, layer, reason):
            return "\(path), layer \(layer): reading stopped: \(reason)"
        }
    }
}
