/// A feature to write: an id, a geometry in WGS 84 longitude/latitude, and properties in the order given.
public struct GeoJSONOutputFeature: Equatable, Sendable {
    /// The feature's `id` member.
    public var id: String
    /// Longitude/latitude; nil writes `"geometry": null`.
    public var geometry: GeoJSONGeometry?
    /// Written in this order.
    public var properties: JSONObject

    /// A feature to write.
    ///
    /// - Parameters:
    ///   - id: The feature's `id` member.
    ///   - geometry: The geometry in WGS 84 longitude/latitude, or nil for `"geometry": null`.
    ///   - properties: The properties, written in their order.
    public init(id: String, geometry: GeoJSONGeometry?, properties: JSONObject) {
        self.id = id
        self.geometry = geometry
        self.properties = properties
    }
}

/// Writes RFC 7946 GeoJSON: longitude/latitude with six decimals, exterior rings counter-clockwise and holes
/// clockwise, no `crs` member, members in a fixed order, one feature per line. The same input always gives
/// the same bytes.
public struct GeoJSONWriter {
    /// Decimals of every coordinate: six is about 0.1 m, as RFC 7946 advises.
    public var coordinateDecimals: Int

    /// A writer with `coordinateDecimals` decimals per coordinate.
    ///
    /// - Parameter coordinateDecimals: Decimals of every coordinate; six, the default, is about 0.1 m.
    public init(coordinateDecimals: Int = 6) {
        self.coordinateDecimals = coordinateDecimals
    }

    /// The text of a FeatureCollection.
    ///
    /// - Parameters:
    ///   - features: The features, written in this order, one per line.
    ///   - name: Written as the collection's `name` member (a foreign member RFC 7946 allows), which
    ///     GDAL, and so QGIS, take as the layer's name.
    /// - Returns: The whole file's text, ending with a newline.
    /// - Throws: `JSONWriteError.nonFiniteNumber` when a coordinate or property is NaN or infinite.
    public func featureCollection(_ features: [GeoJSONOutputFeature], name: String? = nil) throws -> String {
        var output = "{\"type\":\"FeatureCollection\","
        if let name {
            output += "\"name\":"
            JSONTextWriter.appendQuoted(name, to: &output)
            output += ","
        }
        output += "\"features\":["
        for (index, feature) in features.enumerated() {
            output += index == 0 ? "\n" : ",\n"
            output += try self.feature(feature)
        }
        output += "\n]}\n"
        return output
    }

    /// GeoJSON text sequences (RFC 8142): each feature after an ASCII record separator and before a line feed.
    ///
    /// - Parameter features: The features, written in this order.
    /// - Returns: The text of the sequence; empty when there are no features.
    /// - Throws: `JSONWriteError.nonFiniteNumber` when a coordinate or property is NaN or infinite.
    public func textSequence(_ features: [GeoJSONOutputFeature]) throws -> String {
        var output = ""
        for feature in features {
            output += "\u{1E}"
            output += try self.feature(feature)
            output += "\n"
        }
        return output
    }

    /// The text of one Feature (also one record of a text sequence).
    ///
    /// - Parameter feature: The feature to write.
    /// - Returns: The Feature object on one line, without a trailing newline.
    /// - Throws: `JSONWriteError.nonFiniteNumber` when a coordinate or property is NaN or infinite.
    public func feature(_ feature: GeoJSONOutputFeature) throws -> String {
        var output = "{\"type\":\"Feature\",\"id\":"
        JSONTextWriter.appendQuoted(feature.id, to: &output)
        output += ",\"geometry\":"
        if let geometry = feature.geometry {
            try write(geometry, into: &output)
        } else {
            output += "null"
        }
        output += ",\"properties\":"
        try JSONTextWriter().write(.object(feature.properties), into: &output)
        output += "}"
        return output
    }

    /// The text of one geometry object, polygon rings oriented by the right-hand rule.
    ///
    /// - Parameter geometry: The geometry in WGS 84 longitude/latitude.
    /// - Returns: The geometry object on one line.
    /// - Throws: `JSONWriteError.nonFiniteNumber` when a coordinate is NaN or infinite.
    public func geometry(_ geometry: GeoJSONGeometry) throws -> String {
        var output = ""
        try write(geometry, into: &output)
        return output
    }

    private func write(_ geometry: GeoJSONGeometry, into output: inout String) throws {
        output += "{\"type\":\"\(geometry.typeName)\","
        switch geometry {
        case let .geometryCollection(members):
            output += "\"geometries\":["
            for (index, member) in members.enumerated() {
                if index > 0 { output += "," }
                try write(member, into: &output)
            }
            output += "]}"
            return
        case let .point(p):
            output += "\"coordinates\":"
            try position(p, into: &output)
        case let .multiPoint(ps), let .lineString(ps):
            output += "\"coordinates\":"
            try positions(ps, into: &output)
        case let .multiLineString(lines):
            output += "\"coordinates\":"
            try list(lines, into: &output) { try positions($0, into: &$1) }
        case let .polygon(rings):
            output += "\"coordinates\":"
            try list(RingOrientation.rightHandRule(rings), into: &output) { try positions($0, into: &$1) }
        case let .multiPolygon(polygons):
            output += "\"coordinates\":"
            try list(polygons, into: &output) { polygon, text in
                try list(RingOrientation.rightHandRule(polygon), into: &text) { try positions($0, into: &$1) }
            }
        }
        output += "}"
    }

    private func list<T>(_ items: [T], into output: inout String, _ body: (T, inout String) throws -> Void) throws {
        output += "["
        for (index, item) in items.enumerated() {
            if index > 0 { output += "," }
            try body(item, &output)
        }
        output += "]"
    }

    /// A list of positions, built as bytes and added to the text once: lines along roads have hundreds.
    private func positions(_ ps: [Position], into output: inout String) throws {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(2 + ps.count * (6 + 2 * (coordinateDecimals + 5)))
        bytes.append(UInt8(ascii: "["))
        for (index, p) in ps.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            try append(p, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
        output += String(decoding: bytes, as: UTF8.self)
    }

    private func position(_ p: Position, into output: inout String) throws {
        var bytes: [UInt8] = []
        try append(p, to: &bytes)
        output += String(decoding: bytes, as: UTF8.self)
    }

    private func append(_ p: Position, to bytes: inout [UInt8]) throws {
        guard p.x.isFinite, p.y.isFinite else { throw JSONWriteError.nonFiniteNumber }
        bytes.append(UInt8(ascii: "["))
        appendFixed(p.x, decimals: coordinateDecimals, to: &bytes)
        bytes.append(UInt8(ascii: ","))
        appendFixed(p.y, decimals: coordinateDecimals, to: &bytes)
        bytes.append(UInt8(ascii: "]"))
    }
}
