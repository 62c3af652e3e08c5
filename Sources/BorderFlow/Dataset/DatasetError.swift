import BorderFlowSpatial

/// One thing wrong with a dataset: which file, which feature (index and id), which field, and what was expected.
public typealias DatasetProblem = GeoJSONError

/// Why a dataset could not be loaded or used.
public enum DatasetError: Error, Sendable, CustomStringConvertible {
    /// The dataset has problems; every one found is listed.
    case invalid(directory: String, problems: [DatasetProblem])
    /// The dataset directory does not exist.
    case missingDirectory(String)
    /// The working CRS cannot be used.
    case unusableCRS(String, reason: String)

    /// A message for people: what is wrong, where, and how to fix it.
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

    /// The problems of an invalid dataset; empty for the other errors.
    public var problems: [DatasetProblem] {
        if case let .invalid(_, problems) = self { return problems }
        return []
    }
}
