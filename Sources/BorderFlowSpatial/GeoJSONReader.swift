import Foundation

/// Reads GeoJSON FeatureCollections (RFC 7946) into values, with errors that name file, feature and field.
public enum GeoJSONReader {
    /// Reads a FeatureCollection from a file.
    ///
    /// - Parameters:
    ///   - url: The file's location.
    ///   - name: How errors name the file (defaults to its last path component).
    /// - Returns: The collection, positions in WGS 84 longitude/latitude as written in the file.
    /// - Throws: `InputFileError` when the file is missing, unreadable, empty or larger than ``maximumFileBytes``,
    ///   or is not JSON; `GeoJSONError` when it is not a valid FeatureCollection.
    public static func read(contentsOf url: URL, name: String? = nil) throws -> GeoJSONFeatureCollection {
        let fileName = name ?? url.lastPathComponent
        return try parse(fileReader.data(contentsOf: url, name: fileName), file: fileName)
    }

    /// The largest file `read` accepts: a file is parsed whole, at several times its size in memory.
    public static let maximumFileBytes: Int64 = 100_000_000

    /// How GeoJSON files are read, and what users are told when one is refused.
    static let fileReader = InputFileReader(
        maximumBytes: maximumFileBytes,
        tooLargeAdvice: "BorderFlow reads GeoJSON files of up to \(maximumFileBytes / 1_000_000) MB whole, and a bigger one would take more memory than a border dataset needs. Simplify or clip it first (e.g. ogr2ogr -simplify or -clipsrc)",
        emptyAdvice: "expected a GeoJSON FeatureCollection")

    /// Parses a FeatureCollection from bytes.
    ///
    /// - Parameters:
    ///   - data: The file's contents, UTF-8 JSON.
    ///   - file: How errors name the file.
    /// - Returns: The collection, positions in WGS 84 longitude/latitude as written.
    /// - Throws: `InputFileError` when the text is not JSON; `GeoJSONError` naming the file, and the feature and
    ///   field where there is one, when the root is not a FeatureCollection, it has a `crs` member, or a feature
    ///   or geometry is malformed.
    public static func parse(_ data: Data, file: String) throws -> GeoJSONFeatureCollection {
        let root = try InputFileReader.json(data, file: file)
        guard let object = root.objectValue else {
            throw GeoJSONError(file: file, message: "expected a GeoJSON object, found \(root.kindDescription)")
        }
        guard object["type"]?.stringValue == "FeatureCollection" else {
            throw GeoJSONError(file: file, field: "type", message: "expected \"FeatureCollection\", found \(describe(object["type"]))")
        }
        if object["crs"] != nil {
            throw GeoJSONError(file: file, field: "crs", message: crsMemberMessage)
        }
        guard let featureValues = object["features"]?.arrayValue else {
            throw GeoJSONError(file: file, field: "features", message: "expected an array of features, found \(describe(object["features"]))")
        }
        var features: [GeoJSONFeature] = []
        features.reserveCapacity(featureValues.count)
        for (index, value) in featureValues.enumerated() {
            features.append(try feature(value, index: index, file: file))
        }
        return GeoJSONFeatureCollection(file: file, features: features)
    }

    /// Why a `crs` member is refused, and what to do.
    static let crsMemberMessage = "RFC 7946 GeoJSON has no \"crs\" member; coordinates must be WGS 84 longitude/latitude. Reproject the file (e.g. ogr2ogr -t_srs EPSG:4326 -lco RFC7946=YES) and remove the member"

    private static func describe(_ value: JSONValue?) -> String {
        guard let value else { return "nothing" }
        if let text = value.stringValue { return "\"\(text)\"" }
        return value.kindDescription
    }

    static func feature(_ value: JSONValue, index: Int, file: String) throws -> GeoJSONFeature {
        guard let object = value.objectValue else {
            throw GeoJSONError(file: file, featureIndex: index, message: "expected a Feature object, found \(value.kindDescription)")
        }
        var id: String?
        switch object["id"] {
        case let .string(text)?: id = text
        case let .number(number)?: id = (try? JSONTextWriter.number(number)) ?? "\(number)"
        case nil, .null?: id = nil
        case let other?:
            throw GeoJSONError(file: file, featureIndex: index, field: "id", message: "expected a string or a number, found \(other.kindDescription)")
        }
        guard object["type"]?.stringValue == "Feature" else {
            throw GeoJSONError(file: file, featureIndex: index, featureID: id, field: "type", message: "expected \"Feature\", found \(describe(object["type"]))")
        }
        var properties = JSONObject()
        switch object["properties"] {
        case let .object(members)?: properties = members
        case nil, .null?: break
        case let other?:
            throw GeoJSONError(file: file, featureIndex: index, featureID: id, field: "properties", message: "expected an object, found \(other.kindDescription)")
        }
        if id == nil, let propertyID = properties["id"]?.stringValue { id = propertyID }
        var geometry: GeoJSONGeometry?
        if let geometryValue = object["geometry"], geometryValue != .null {
            do {
                geometry = try self.geometry(geometryValue, path: "geometry")
            } catch let problem as GeometryProblem {
                throw GeoJSONError(file: file, featureIndex: index, featureID: id, field: problem.path, message: problem.message)
            }
        }
        return GeoJSONFeature(file: file, index: index, id: id, geometry: geometry, properties: properties)
    }

    private struct GeometryProblem: Error {
        var path: String
        var message: String
    }

    /// Parses a geometry object; errors carry a JSON path such as `geometry.coordinates[0][3]`.
    ///
    /// - Parameters:
    ///   - value: A GeoJSON geometry object.
    ///   - file: How errors name the file.
    /// - Returns: The geometry, positions as written.
    /// - Throws: `GeoJSONError` naming the file and, as its field, the path of the member at fault: an unknown
    ///   type, a missing member, a position that is not two finite numbers, or a ring that is short or unclosed.
    public static func geometry(_ value: JSONValue, file: String) throws -> GeoJSONGeometry {
        do {
            return try geometry(value, path: "geometry")
        } catch let problem as GeometryProblem {
            throw GeoJSONError(file: file, field: problem.path, message: problem.message)
        }
    }

    private static func geometry(_ value: JSONValue, path: String) throws -> GeoJSONGeometry {
        guard let object = value.objectValue, let type = object["type"]?.stringValue else {
            throw GeometryProblem(path: path, message: "expected a geometry object with a \"type\"")
        }
        if type == "GeometryCollection" {
            guard let members = object["geometries"]?.arrayValue else {
                throw GeometryProblem(path: path + ".geometries", message: "expected an array of geometries")
            }
            return .geometryCollection(try members.enumerated().map { try geometry($1, path: "\(path).geometries[\($0)]") })
        }
        guard let coordinates = object["coordinates"] else {
            throw GeometryProblem(path: path + ".coordinates", message: "missing")
        }
        let coordinatesPath = path + ".coordinates"
        switch type {
        case "Point": return .point(try position(coordinates, path: coordinatesPath))
        case "MultiPoint": return .multiPoint(try positions(coordinates, path: coordinatesPath))
        case "LineString": return .lineString(try positions(coordinates, path: coordinatesPath))
        case "MultiLineString":
            return .multiLineString(try array(coordinates, path: coordinatesPath).enumerated().map {
                try positions($1, path: "\(coordinatesPath)[\($0)]")
            })
        case "Polygon": return .polygon(try rings(coordinates, path: coordinatesPath))
        case "MultiPolygon":
            return .multiPolygon(try array(coordinates, path: coordinatesPath).enumerated().map {
                try rings($1, path: "\(coordinatesPath)[\($0)]")
            })
        default:
            throw GeometryProblem(path: path + ".type", message: "unknown geometry type \"\(type)\"; expected Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon or GeometryCollection")
        }
    }

    private static func array(_ value: JSONValue, path: String) throws -> [JSONValue] {
        guard let array = value.arrayValue else {
            throw GeometryProblem(path: path, message: "expected an array, found \(value.kindDescription)")
        }
        return array
    }

    private static func position(_ value: JSONValue, path: String) throws -> Position {
        let values = try array(value, path: path)
        guard values.count >= 2, let x = values[0].numberValue, let y = values[1].numberValue else {
            throw GeometryProblem(path: path, message: "expected a position [longitude, latitude]")
        }
        guard x.isFinite, y.isFinite else {
            throw GeometryProblem(path: path, message: "a coordinate is not a finite number")
        }
        return Position(x: x, y: y)
    }

    private static func positions(_ value: JSONValue, path: String) throws -> [Position] {
        try array(value, path: path).enumerated().map { try position($1, path: "\(path)[\($0)]") }
    }

    private static func rings(_ value: JSONValue, path: String) throws -> [[Position]] {
        try array(value, path: path).enumerated().map { index, ringValue in
            let ringPath = "\(path)[\(index)]"
            let ring = try positions(ringValue, path: ringPath)
            guard ring.count >= 4 else {
                throw GeometryProblem(path: ringPath, message: "a linear ring needs at least 4 positions, found \(ring.count)")
            }
            guard ring.first == ring.last else {
                throw GeometryProblem(path: ringPath, message: "a linear ring must be closed: its first and last positions must be equal")
            }
            return ring
        }
    }
}
