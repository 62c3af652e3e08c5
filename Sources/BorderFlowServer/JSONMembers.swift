/// Adds members to a JSON object already written as text, so that a GeoJSON text written once (at startup,
/// or by the layer writer) is never parsed and written again.
enum JSONMembers {
    /// The object with the members added at its end.
    ///
    /// - Parameters:
    ///   - members: each member's name and its value as JSON text.
    ///   - object: a JSON object's text, `{...}`.
    /// - Returns: the object's text with the members before its closing brace.
    static func appending(_ members: [(name: String, json: String)], to object: String) -> String {
        var text = object
        while let last = text.last, last.isWhitespace { text.removeLast() }
        guard text.last == "}" else { return object }
        text.removeLast()
        let isEmpty = text.drop(while: { $0 != "{" }).dropFirst().allSatisfy(\.isWhitespace)
        for (index, member) in members.enumerated() {
            if index > 0 || !isEmpty { text += "," }
            text += "\"\(member.name)\":" + member.json
        }
        return text + "}"
    }

    /// An object of members given as JSON text.
    ///
    /// - Parameter members: each member's name (plain ASCII, no quotes to escape) and its value as JSON text.
    /// - Returns: the object's text.
    static func object(_ members: [(name: String, json: String)]) -> String {
        "{" + members.map { "\"\($0.name)\":" + $0.json }.joined(separator: ",") + "}"
    }
}
