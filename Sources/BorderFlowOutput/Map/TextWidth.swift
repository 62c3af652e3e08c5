import Foundation

/// How wide a line of text is drawn, estimated from DejaVu Sans's advance widths (the map's first font),
/// so labels are placed by the room they take and not by their number of characters.
enum TextWidth {
    /// The width in pixels of `text` at `fontSize`, bold text about a tenth wider.
    static func of(_ text: String, fontSize: Double, bold: Bool = false, letterSpacing: Double = 0) -> Double {
        let ems = text.reduce(0.0) { $0 + advance(of: $1) }
        return ems * fontSize * (bold ? 1.1 : 1) + letterSpacing * Double(text.count)
    }

    /// Advance widths in ems, by DejaVu Sans's glyphs; letters with accents take their base letter's width.
    private static func advance(of character: Character) -> Double {
        let base = character.unicodeScalars.first.map { String($0).decomposedStringWithCanonicalMapping.unicodeScalars.first ?? $0 }
        guard let scalar = base else { return 0.6 }
        switch scalar {
        case " ", ",", ".", "·", ":", ";", "'", "!", "|": return 0.32
        case "i", "j", "l", "I", "J": return 0.28
        case "f", "t", "(", ")", "[", "]", "-": return 0.38
        case "r": return 0.41
        case "s", "z", "c": return 0.53
        case "m", "M", "%": return 0.95
        case "w", "W": return 0.9
        case "+", "−", "±", "–", "=": return 0.84
        case "0"..."9": return 0.64
        case "A"..."Z": return 0.70
        default: return 0.62
        }
    }
}
