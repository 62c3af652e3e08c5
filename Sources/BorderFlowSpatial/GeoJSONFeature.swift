/// One feature of a FeatureCollection as read from a file: its id, geometry and properties, with typed
/// property accessors whose errors name the file, the feature and the field.
public struct GeoJSONFeature: Equatable, Sendable {
    public var file: String
    /// Position of the feature in its collection, counting from 0.
    public var index: Int
    /// The feature's `id` member (a string, or a number written as text), if any.
    public var id: String?
    public var geometry: GeoJSONGeometry?
    public var properties: JSONObject

    public init(file: String, index: Int, id: String?, geometry: GeoJSONGeometry?, properties: JSONObject) {
        self.file = file
        self.index = index
        self.id = id
        self.geometry = geometry
        self.properties = properties
    }

    /// An error located at this feature.
    public func error(field: String? = nil, _ message: String) -> GeoJSONError {
        GeoJSONError(file: file, featureIndex: index, featureID: id, field: field, message: message)
    }

    private func required(_ key: String) throws -> JSONValue {
        guard let value = properties[key], value != .null else {
            throw error(field: key, "missing; every feature in this file needs it")
        }
        return value
    }

    public func string(_ key: String) throws -> String {
        let value = try required(key)
        guard let text = value.stringValue else { throw error(field: key, "expected a string, found \(value.kindDescription)") }
        return text
    }

    public func optionalString(_ key: String) throws -> String? {
        guard let value = properties[key], value != .null else { return nil }
        guard let text = value.stringValue else { throw error(field: key, "expected a string, found \(value.kindDescription)") }
        return text
    }

    public func number(_ key: String) throws -> Double {
        let value = try required(key)
        guard let number = value.numberValue else { throw error(field: key, "expected a number, found \(value.kindDescription)") }
        return number
    }

    public func optionalNumber(_ key: String) throws -> Double? {
        guard let value = properties[key], value != .null else { return nil }
        guard let number = value.numberValue else { throw error(field: key, "expected a number, found \(value.kindDescription)") }
        return number
    }

    public func stringArray(_ key: String) throws -> [String] {
        let value = try required(key)
        guard let array = value.arrayValue else { throw error(field: key, "expected an array of strings, found \(value.kindDescription)") }
        return try array.enumerated().map { index, element in
            guard let text = element.stringValue else {
                throw error(field: "\(key)[\(index)]", "expected a string, found \(element.kindDescription)")
            }
            return text
        }
    }

    public func object(_ key: String) throws -> JSONObject {
        let value = try required(key)
        guard let object = value.objectValue else { throw error(field: key, "expected an object, found \(value.kindDescription)") }
        return object
    }

    /// The feature's point, or an error saying what geometry was found instead.
    public func point() throws -> Position {
        guard case let .point(position)? = geometry else {
            throw error(field: "geometry", "expected a Point, found \(geometry?.typeName ?? "no geometry")")
        }
        return position
    }
}

/// A GeoJSON FeatureCollection read from a file.
public struct GeoJSONFeatureCollection: Equatable, Sendable {
    public var file: String
    public var features: [GeoJSONFeature]

    public init(file: String, features: [GeoJSONFeature]) {
        self.file = file
        self.features = features
    }
}
