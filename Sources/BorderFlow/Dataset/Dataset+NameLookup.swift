import Foundation

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
