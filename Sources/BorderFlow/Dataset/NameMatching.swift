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

    /// The key without the honorific a Mexican city's official name starts with ("Ciudad", "Cd.", "Heroica",
    /// "H."), which people leave out: "Heroica Matamoros" → "matamoros", "Ciudad Acuña" → "acuna".
    ///
    /// - Parameter text: a name as typed or stored.
    /// - Returns: the key of the name without its honorific, or the whole key when nothing else would remain.
    public static func keyWithoutHonorific(_ text: String) -> String {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" })
        guard words.count > 1, honorifics.contains(key(String(words[0]))) else { return key(text) }
        return key(words.dropFirst().joined(separator: " "))
    }

    /// First words of official names that people drop, as keys.
    static let honorifics: Set<String> = ["ciudad", "cd", "heroica", "h"]

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
