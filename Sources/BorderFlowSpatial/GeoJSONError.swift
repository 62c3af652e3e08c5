/// A problem in a GeoJSON file: which file, which feature (index and id), which field, and what was expected.
public struct GeoJSONError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var featureIndex: Int?
    public var featureID: String?
    public var field: String?
    public var message: String

    public init(file: String, featureIndex: Int? = nil, featureID: String? = nil, field: String? = nil, message: String) {
        self.file = file
        self.featureIndex = featureIndex
        self.featureID = featureID
        self.field = field
        self.message = message
    }

    /// Where the problem is, as a reader would point at it: `crossings.geojson: feature 3 (id "lukeville"), field "modes"`.
    public var location: String {
        var text = file
        if let featureIndex {
            text += ": feature \(featureIndex)"
            if let featureID { text += " (id \"\(featureID)\")" }
        }
        if let field { text += (featureIndex == nil ? ": " : ", ") + "field \"\(field)\"" }
        return text
    }

    public var description: String { "\(location): \(message)" }
}
