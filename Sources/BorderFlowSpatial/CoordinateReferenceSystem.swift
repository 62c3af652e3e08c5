/// A coordinate reference system as the user names it: an EPSG code or a PROJ string (or anything else
/// `proj_create` understands, such as WKT or an authority:code pair).
public struct CoordinateReferenceSystem: Hashable, Sendable, CustomStringConvertible {
    /// The definition handed to PROJ.
    public let definition: String

    /// A CRS from a definition PROJ understands, with surrounding whitespace removed.
    ///
    /// The definition is not checked here: PROJ reads it when a ``CoordinateTransformer`` or a
    /// ``ProjectionDistortion`` is made with it.
    ///
    /// - Parameter definition: An authority code such as `EPSG:4326`, a PROJ string, or WKT.
    public init(definition: String) {
        self.definition = definition.trimmingWhitespace()
    }

    /// The CRS with an EPSG code, for example `4326` or `3857`.
    ///
    /// - Parameter code: The EPSG code.
    /// - Returns: The CRS defined as `EPSG:<code>`.
    public static func epsg(_ code: Int) -> CoordinateReferenceSystem {
        CoordinateReferenceSystem(definition: "EPSG:\(code)")
    }

    /// WGS 84 longitude/latitude, the CRS of every GeoJSON file (RFC 7946).
    public static let wgs84 = CoordinateReferenceSystem.epsg(4326)

    /// Reads a user's CRS argument: a bare number means an EPSG code; anything else goes to PROJ as written.
    ///
    /// - Parameter text: The argument as typed, such as `32613`, `EPSG:32613` or `+proj=utm +zone=13 +datum=WGS84`.
    public init(parsing text: String) {
        let trimmed = text.trimmingWhitespace()
        if !trimmed.isEmpty, trimmed.allSatisfy(\.isNumber) {
            self.init(definition: "EPSG:\(trimmed)")
        } else {
            self.init(definition: trimmed)
        }
    }

    /// The definition, as handed to PROJ.
    public var description: String { definition }
}

extension String {
    func trimmingWhitespace() -> String {
        var view = Substring(self)
        while let first = view.first, first.isWhitespace { view.removeFirst() }
        while let last = view.last, last.isWhitespace { view.removeLast() }
        return String(view)
    }
}
