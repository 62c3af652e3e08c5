import Foundation

/// A name or id that matches nothing.
public enum LookupError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No place has this id or name; the closest ids.
    case unknownPlace(String, suggestions: [String])
    /// Several places have this name; their ids.
    case ambiguousPlace(String, matches: [String])

    /// A message for people: what is wrong, where, and how to fix it.
    public var description: String {
        switch self {
        case let .unknownPlace(name, suggestions):
            return "no place is called \"\(name)\"" + (suggestions.isEmpty ? "" : "; closest: \(suggestions.joined(separator: ", "))")
        case let .ambiguousPlace(name, matches):
            return "\"\(name)\" names several places: \(matches.joined(separator: ", ")); use an id"
        }
    }
}
