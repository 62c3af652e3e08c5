/// A problem in a GeoJSON file: which file, which feature (index and id), which field, and what was expected.
public struct GeoJSONError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file's name as the error shows it, usually its last path component.
    public var file: String
    /// The feature's position in the collection, counting from 0; nil when the problem is not in one feature.
    public var featureIndex: Int?
    /// The feature's id, if it has one; shown only together with ``featureIndex``.
    public var featureID: String?
    /// The member at fault, as a path such as `geometry.coordinates[0][3]` or `modes[2]`; nil if none.
    public var field: String?
    /// What was expected and what was found, without the location.
    public var message: String

    /// An error at a place in a GeoJSON file.
    ///
    /// - Parameters:
    ///   - file: The file's name as the error should show it.
    ///   - featureIndex: The feature's position in the collection, counting from 0, if the problem is in one.
    ///   - featureID: The feature's id, if it has one.
    ///   - field: The member at fault, if there is one.
    ///   - message: What was expected and what was found.
    public init(file: String, featureIndex: Int? = nil, featureID: String? = nil, field: String? = nil, message: String) {
        self.file = file
        self.featureIndex = featureIndex
        self.featureID = featureID
        self.field = field
        self.message = message
    }

    /// Where the problem is, as a reader would point at it: `crossings.geojson: feature 3 (id "lukeville"), field "modes"`.
    public var location: String { place.description }

    /// The location and the message, as users see them: `crossings.geojson: feature 3 (id "lukeville"), …`.
    public var description: String { place.describing(message) }

    /// The feature (with its id) and the field, after the file's name.
    private var place: InputFileLocation {
        var parts: [String] = []
        if let featureIndex { parts.append("feature \(featureIndex)" + (featureID.map { " (id \"\($0)\")" } ?? "")) }
        if let field { parts.append("field \"\(field)\"") }
        return InputFileLocation(file: file, place: parts.isEmpty ? nil : parts.joined(separator: ", "))
    }
}
