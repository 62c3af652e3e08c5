/// One feature of a FeatureCollection as read from a file: its id, geometry and properties, with typed
/// property accessors whose errors name the file, the feature and the field.
public struct GeoJSONFeature: Equatable, Sendable {
    /// The name of the file the feature was read from, as errors show it.
    public var file: String
    /// Position of the feature in its collection, counting from 0.
    public var index: Int
    /// The feature's `id` member (a string, or a number written as text), if any.
    ///
    /// When the member is missing or null, the reader takes a string `id` property instead.
    public var id: String?
    /// The feature's geometry in WGS 84 longitude/latitude, as read; nil when the file gives none or null.
    public var geometry: GeoJSONGeometry?
    /// The feature's `properties` member, empty when the file gives none or null.
    ///
    /// As read, keys are in sorted order, not the file's: the JSON decoder does not keep the order of members.
    public var properties: JSONObject

    /// A feature as the reader builds it.
    ///
    /// - Parameters:
    ///   - file: The name of the file the feature comes from, as errors should show it.
    ///   - index: The feature's position in its collection, counting from 0.
    ///   - id: The feature's id, if any.
    ///   - geometry: The feature's geometry, if any.
    ///   - properties: The feature's properties.
    public init(file: String, index: Int, id: String?, geometry: GeoJSONGeometry?, properties: JSONObject) {
        self.file = file
        self.index = index
        self.id = id
        self.geometry = geometry
        self.properties = properties
    }

    /// An error located at this feature.
    ///
    /// - Parameters:
    ///   - field: The member at fault, if there is one.
    ///   - message: What was expected and what was found.
    /// - Returns: An error naming this feature's file, index and id, and the field.
    public func error(field: String? = nil, _ message: String) -> GeoJSONError {
        GeoJSONError(file: file, featureIndex: index, featureID: id, field: field, message: message)
    }

    private func required(_ key: String) throws -> JSONValue {
        guard let value = properties[key], value != .null else {
            throw error(field: key, "missing; every feature in this file needs it")
        }
        return value
    }

    /// The string property named `key`.
    ///
    /// - Parameter key: The property's name.
    /// - Returns: The property's text.
    /// - Throws: `GeoJSONError` naming this feature and the field when the property is missing, null or not
    ///   a string.
    public func string(_ key: String) throws -> String {
        let value = try required(key)
        guard let text = value.stringValue else { throw error(field: key, "expected a string, found \(value.kindDescription)") }
        return text
    }

    /// The string property named `key`, or nil when it is missing or null.
    ///
    /// - Parameter key: The property's name.
    /// - Returns: The property's text, or nil.
    /// - Throws: `GeoJSONError` naming this feature and the field when the property is present but not a string.
    public func optionalString(_ key: String) throws -> String? {
        guard let value = properties[key], value != .null else { return nil }
        guard let text = value.stringValue else { throw error(field: key, "expected a string, found \(value.kindDescription)") }
        return text
    }

    /// The number property named `key`.
    ///
    /// - Parameter key: The property's name.
    /// - Returns: The property's value.
    /// - Throws: `GeoJSONError` naming this feature and the field when the property is missing, null or not
    ///   a number.
    public func number(_ key: String) throws -> Double {
        let value = try required(key)
        guard let number = value.numberValue else { throw error(field: key, "expected a number, found \(value.kindDescription)") }
        return number
    }

    /// The number property named `key`, or nil when it is missing or null.
    ///
    /// - Parameter key: The property's name.
    /// - Returns: The property's value, or nil.
    /// - Throws: `GeoJSONError` naming this feature and the field when the property is present but not a number.
    public func optionalNumber(_ key: String) throws -> Double? {
        guard let value = properties[key], value != .null else { return nil }
        guard let number = value.numberValue else { throw error(field: key, "expected a number, found \(value.kindDescription)") }
        return number
    }

    /// The property named `key` as an array of strings.
    ///
    /// - Parameter key: The property's name.
    /// - Returns: The strings, in order.
    /// - Throws: `GeoJSONError` naming this feature and the field when the property is missing, null or not an
    ///   array, or naming the element (`key[2]`) when an element is not a string.
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

    /// The boolean property named `key`, or nil when it is missing or null.
    ///
    /// - Parameter key: The property's name.
    /// - Returns: The property's value, or nil.
    /// - Throws: `GeoJSONError` naming this feature and the field when the property is present but not true or false.
    public func optionalBool(_ key: String) throws -> Bool? {
        guard let value = properties[key], value != .null else { return nil }
        guard case let .bool(flag) = value else { throw error(field: key, "expected true or false, found \(value.kindDescription)") }
        return flag
    }

    /// The property named `key` as an array of strings, or nil when it is missing or null.
    ///
    /// - Parameter key: The property's name.
    /// - Returns: The strings, in order, or nil.
    /// - Throws: `GeoJSONError` as `stringArray(_:)` does when the property is present.
    public func optionalStringArray(_ key: String) throws -> [String]? {
        guard let value = properties[key], value != .null else { return nil }
        return try stringArray(key)
    }

    /// The object property named `key`.
    ///
    /// - Parameter key: The property's name.
    /// - Returns: The object's members.
    /// - Throws: `GeoJSONError` naming this feature and the field when the property is missing, null or not
    ///   an object.
    public func object(_ key: String) throws -> JSONObject {
        let value = try required(key)
        guard let object = value.objectValue else { throw error(field: key, "expected an object, found \(value.kindDescription)") }
        return object
    }

    /// The feature's point, or an error saying what geometry was found instead.
    ///
    /// - Returns: The point's position: longitude in `x`, latitude in `y`.
    /// - Throws: `GeoJSONError` naming this feature and the field `geometry` when the geometry is missing or
    ///   not a Point.
    public func point() throws -> Position {
        guard case let .point(position)? = geometry else {
            throw error(field: "geometry", "expected a Point, found \(geometry?.typeName ?? "no geometry")")
        }
        return position
    }
}

/// A GeoJSON FeatureCollection read from a file.
public struct GeoJSONFeatureCollection: Equatable, Sendable {
    /// The name of the file, as errors show it.
    public var file: String
    /// The features in file order; each one's `index` is its position here.
    public var features: [GeoJSONFeature]

    /// A collection of features read from one file.
    ///
    /// - Parameters:
    ///   - file: The name of the file, as errors should show it.
    ///   - features: The features in file order.
    public init(file: String, features: [GeoJSONFeature]) {
        self.file = file
        self.features = features
    }
}
