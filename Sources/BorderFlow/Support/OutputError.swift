import Foundation

/// A result could not be written.
public enum OutputError: Error, Sendable, CustomStringConvertible {
    /// The file could not be written, and why.
    case cannotWrite(path: String, reason: String)

    /// A message for people: what is wrong, where, and how to fix it.
    public var description: String {
        switch self {
        case let .cannotWrite(path, reason): return "cannot write \(path): \(reason)"
        }
    }
}
