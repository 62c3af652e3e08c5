import BorderFlow
import BorderFlowSpatial

/// An SVG 1.1 document built element by element, with numbers to one decimal so the same picture always
/// gives the same bytes.
struct SVGDocument {
    let width: Double
    let height: Double
    private(set) var body = ""

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    static func number(_ value: Double) -> String { formatFixed(value, decimals: 1) }

    /// Text as XML character data or an attribute value: markup characters escaped, and the characters
    /// XML 1.0 cannot carry at all (control characters but tab, line feed and carriage return; U+FFFE and
    /// U+FFFF) left out, so that a name from an input file cannot make the document ill-formed.
    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Attributes in the order given; values escaped.
    private static func attributes(_ list: [(String, String)]) -> String {
        list.map { " \($0.0)=\"\(escaped($0.1))\"" }.joined()
    }

    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        body += "<\(name)\(Self.attributes(attributes))>\n"
    }

    mutating func close(_ name: String) {
        body += "</\(name)>\n"
    }

    mutating func element(_ name: String, _ attributes: [(String, String)]) {
        body += "<\(name)\(Self.attributes(attributes))/>\n"
    }

    mutating func text(_ content: String, x: Double, y: Double, _ attributes: [(String, String)] = []) {
        body += "<text x=\"\(Self.number(x))\" y=\"\(Self.number(y))\"\(Self.attributes(attributes))>\(Self.escaped(content))</text>\n"
    }

    /// One line of a `text` element opened with `open("text", …)`.
    mutating func tspan(_ content: String, x: Double, y: Double, _ attributes: [(String, String)] = []) {
        body += "<tspan x=\"\(Self.number(x))\" y=\"\(Self.number(y))\"\(Self.attributes(attributes))>\(Self.escaped(content))</tspan>\n"
    }

    /// A path through points: `M x y L x y ...`, closed with `Z` for rings.
    static func pathData(_ points: [Position], closed: Bool) -> String {
        var data = ""
        for (index, point) in points.enumerated() {
            data += (index == 0 ? "M" : "L") + number(point.x) + " " + number(point.y)
        }
        return closed ? data + "Z" : data
    }

    func rendered(title: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" "
            + "viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n"
            + "<title>\(Self.escaped(title))</title>\n" + body + "</svg>\n"
    }
}
