import Foundation

/// A result could not be written.
public enum OutputError: Error, Sendable, CustomStringConvertible {
    /// The file could not be written, and why.
    case cannotWrite(path: String, reason: String)
    /// Writing would replace a file of a dataset that the user did not name, and how to go on.
    case wouldReplaceDatasetFile(path: String, folder: String, advice: String)

    /// A message for people: what is wrong, where, and how to fix it.
    public var description: String {
        switch self {
        case let .cannotWrite(path, reason): return "cannot write \(path): \(reason)"
        case let .wouldReplaceDatasetFile(path, folder, advice):
            return "refusing to replace \(path): it is a file of the dataset in \(folder). \(advice)"
        }
    }
}
