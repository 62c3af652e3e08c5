import BorderFlow
import BorderFlowSpatial
import Foundation

/// A named set of features that belong in one layer of a mapping tool: crossings, flows, sectors.
public struct GeoJSONLayer: Sendable, Equatable {
    /// The layer's name: its file's name and, in a combined file, each feature's `layer` property.
    public let name: String
    /// The features, in the order they are written.
    public var features: [GeoJSONOutputFeature]

    /// A layer of the given features.
    ///
    /// - Parameters:
    ///   - name: the layer's name, used for its file and its features' `layer` property.
    ///   - features: the features, in the order to write them.
    public init(name: String, features: [GeoJSONOutputFeature]) {
        self.name = name
        self.features = features
    }
}

/// Measured values as written to GeoJSON: volumes to two decimals, minutes and percentages to one, always
/// with their decimals so that every feature's field has the same type in GIS readers.
enum PropertyValue {
    static func volume(_ value: Double) -> JSONValue { .decimal(value.rounded(decimals: 2), places: 2) }
    static func minutes(_ value: Double) -> JSONValue { .decimal(value.rounded(decimals: 1), places: 1) }
    static func percent(_ value: Double?) -> JSONValue { value.map { .decimal($0.rounded(decimals: 1), places: 1) } ?? .null }
}
