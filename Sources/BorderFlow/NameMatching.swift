import Foundation

/// Finds places and crossings by what users type: ids or names, ignoring case, accents and punctuation,
/// with the closest matches suggested when nothing matches.
public enum NameMatching {
    /// The text as compared: lower case, accents dropped, letters and digits only.
    ///
    /// "Ciudad Juárez" → "ciudadjuarez"; "ciudad-juarez" → "ciudadjuarez".
    ///
    /// - Parameter text: an id or name as typed.
    /// - Returns: the key.
    public static func key(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en_US_POSIX"))
            .unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }
            .map(String.init).joined()
    }

    /// Up to `limit` candidates closest to `text` by edit distance on their keys, closest first.
    ///
    /// - Parameters:
    ///   - text: what the user typed.
    ///   - candidates: the ids or names to choose from.
    ///   - limit: how many to return at most.
    /// - Returns: the closest candidates as given, ties in alphabetical order.
    public static func suggestions(for text: String, among candidates: [String], limit: Int = 3) -> [String] {
        let wanted = key(text)
        return candidates
            .map { (candidate: $0, distance: editDistance(wanted, key($0))) }
            .sorted { ($0.distance, $0.candidate) < ($1.distance, $1.candidate) }
            .prefix(limit)
            .map(\.candidate)
    }

    /// Levenshtein distance.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

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

extension Dataset {
    /// The place with this id, or whose name matches ignoring case and accents.
    ///
    /// - Parameter text: a place id or name, in any case, accents optional.
    /// - Returns: the one place it names.
    /// - Throws: `LookupError.unknownPlace` with the closest ids, or `.ambiguousPlace` when a name is shared.
    public func place(named text: String) throws -> Place {
        if let exact = place(id: text) { return exact }
        let wanted = NameMatching.key(text)
        let byID = places.filter { NameMatching.key($0.id) == wanted }
        if byID.count == 1 { return byID[0] }
        let byName = places.filter { NameMatching.key($0.name) == wanted }
        if byName.count == 1 { return byName[0] }
        if byName.count > 1 { throw LookupError.ambiguousPlace(text, matches: byName.map(\.id)) }
        let labels = places.map(\.id) + places.map(\.name)
        let suggested = NameMatching.suggestions(for: text, among: labels, limit: 6)
        var ids: [String] = []
        for label in suggested {
            let id = places.first { $0.id == label || $0.name == label }?.id ?? label
            if !ids.contains(id) { ids.append(id) }
        }
        throw LookupError.unknownPlace(text, suggestions: Array(ids.prefix(3)))
    }
}
