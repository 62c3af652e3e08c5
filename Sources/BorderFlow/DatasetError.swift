import BorderFlowSpatial

/// One thing wrong with a dataset: which file, which feature, which field, and what was expected.
public struct DatasetProblem: Hashable, Sendable, CustomStringConvertible {
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

    init(_ error: GeoJSONError) {
        self.init(file: error.file, featureIndex: error.featureIndex, featureID: error.featureID, field: error.field, message: error.message)
    }

    public var description: String {
        GeoJSONError(file: file, featureIndex: featureIndex, featureID: featureID, field: field, message: message).description
    }
}

/// Why a dataset could not be loaded or used.
public enum DatasetError: Error, Sendable, CustomStringConvertible {
    /// The dataset has problems; every one found is listed.
    case invalid(directory: String, problems: [DatasetProblem])
    /// The dataset directory does not exist.
    case missingDirectory(String)
    /// The working CRS cannot be used.
    case unusableCRS(String, reason: String)

    public var description: String {
        switch self {
        case let .invalid(directory, problems):
            let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
            return "the dataset in \(directory) has \(count):\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
        case let .missingDirectory(path):
            return "no dataset directory at \(path); pass --data DIR with a folder holding crossings.geojson, sectors.geojson, boundary.geojson and places.geojson"
        case let .unusableCRS(definition, reason):
            return "cannot use '\(definition)' as the working CRS: \(reason)"
        }
    }

    public var problems: [DatasetProblem] {
        if case let .invalid(_, problems) = self { return problems }
        return []
    }
}
