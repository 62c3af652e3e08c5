import BorderFlow
import BorderFlowSpatial

/// What `borderflow import-roads` built: the network's size, kilometres by class, the parts left out, each
/// crossing and the road it was matched to, and the places joined.
public struct RoadImportReport: Report {
    let summary: RoadImportSummary
    let folder: String

    /// A report of an import.
    ///
    /// - Parameters:
    ///   - summary: what the import built.
    ///   - folder: the dataset folder it wrote.
    public init(summary: RoadImportSummary, folder: String) {
        self.summary = summary
        self.folder = folder
    }

    public func table() -> String {
        let s = summary
        var text = "Imported \(s.source) (\(s.driver), layer \(s.layer)) into \(folder)\n"
        text += "Profiles   \(s.profiles.map(\.rawValue).joined(separator: ", "))\(s.boundingBox.map { "; area \($0)" } ?? "")\n"
        text += "Lines      \(s.linesRead) read, \(s.linesNotRoads) not roads, \(s.linesOutside) outside the area"
        text += s.endsJoined > 0 ? ", \(s.endsJoined) ends joined to lines they lie on\n" : "\n"
        text += "Network    \(s.nodes) nodes, \(s.roads) road segments (\(s.oneWayRoads) one-way)\n"
        text += "Dropped    \(s.partsDropped) part\(s.partsDropped == 1 ? "" : "s") joined to no crossing (\(s.nodesDropped) nodes)\n"
        var classes = TextTable(columns: [.init("Class"), .init("km", .right)])
        for (roadClass, kilometres) in s.kilometresByClass { classes.append([roadClass.rawValue, formatFixed(kilometres, decimals: 1)]) }
        text += "\n" + classes.render()
        var crossings = TextTable(columns: [.init("Crossing"), .init("Matched to road"), .init("Metres away", .right)])
        for match in s.crossingsMatched { crossings.append([match.crossing, match.road, formatFixed(match.distanceMeters, decimals: 0)]) }
        text += "\n" + crossings.render()
        if !s.railCrossingsKept.isEmpty { text += "Rail crossings kept with the dataset's rail lines: \(s.railCrossingsKept.joined(separator: ", "))\n" }
        for (crossing, reason) in s.crossingsLeftOut { text += "Left out: \(crossing): \(reason)\n" }
        text += "\nPlaces     \(s.placesJoined) joined to their nearest road\n"
        for (place, reason) in s.placesLeftOut { text += "  left out: \(place): \(reason)\n" }
        return text
    }

    public func json() -> JSONValue { summary.jsonValue }

    public func csv() -> String {
        var text = "crossing,road,distanceMeters\n"
        for match in summary.crossingsMatched {
            text += "\(match.crossing),\(Self.csvField(match.road)),\(formatFixed(match.distanceMeters, decimals: 1))\n"
        }
        return text
    }

    /// A CSV cell: quoted, quotes doubled, when it holds a comma, quote or line break (RFC 4180).
    private static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
