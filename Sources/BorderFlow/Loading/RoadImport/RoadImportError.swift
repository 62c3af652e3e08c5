/// Why a road import cannot finish. Nothing is written when one is thrown.
public enum RoadImportError: Error, CustomStringConvertible, Equatable {
    /// The layer lacks an attribute the options name.
    case missingField(source: String, layer: String, field: String, option: String, fields: [String])
    /// Nothing in the source is a road under the rules (inside the box, when one is given).
    case noRoads(source: String, layer: String, linesRead: Int, boundingBox: String?)
    /// No crossing of the dataset lies inside the box.
    case noCrossingInside(boundingBox: String)
    /// A crossing has no road usable by its modes near its point (and neither have `others`).
    case crossingNotMatched(crossing: String, name: String, at: String, usableBy: String, others: [String])
    /// Two crossings matched the same road.
    case crossingsShareRoad(first: String, second: String, road: String)
    /// A crossing's road joins two parts that are on one side of the border, or one part on both.
    case crossingSidesNotSeparate(crossing: String, reason: String)
    /// A crossing's side is on roads that no place reaches.
    case crossingUnreachable(crossing: String, side: String, partNodes: Int)
    /// The output folder exists and is not empty.
    case outputNotEmpty(path: String)

    /// The message for users: what stopped the import, naming the crossing, file or folder concerned.
    public var description: String {
        switch self {
        case let .missingField(source, layer, field, option, fields):
            return "\(source), layer \(layer): has no attribute \"\(field)\" (\(option)); its attributes are: \(fields.isEmpty ? "none" : fields.joined(separator: ", "))"
        case let .noRoads(source, layer, linesRead, box):
            let area = box.map { " inside --bbox \($0)" } ?? ""
            return "\(source), layer \(layer): no line\(area) is a road (\(linesRead) line\(linesRead == 1 ? "" : "s") read); roads are lines whose class is an OpenStreetMap highway value such as primary or residential, or ferry"
        case let .noCrossingInside(box):
            return "no crossing of the dataset lies inside --bbox \(box); the box must hold at least one crossing"
        case let .crossingNotMatched(crossing, name, at, usableBy, others):
            let more = others.isEmpty ? "" : "; \(others.count) more crossing\(others.count == 1 ? " has" : "s have") none: \(others.prefix(8).joined(separator: ", "))\(others.count > 8 ? ", …" : "")"
            return "crossing \(crossing) (\(name)) at \(at): no road \(usableBy) lies within \(Int(RoadImportOptions.crossingMatchMeters)) m of it; the source must hold the road over the border there, or --bbox must leave the crossing out\(more)"
        case let .crossingsShareRoad(first, second, road):
            return "crossings \(first) and \(second) both match the road \"\(road)\"; each crossing needs its own road over the border"
        case let .crossingSidesNotSeparate(crossing, reason):
            return "crossing \(crossing): \(reason)"
        case let .crossingUnreachable(crossing, side, nodes):
            return "crossing \(crossing): its \(side) side is on a part of the network (\(nodes) nodes) that no place is joined to, so no trip can reach it"
        case let .outputNotEmpty(path):
            return "\(path): the output folder exists and is not empty; give a new or empty folder"
        }
    }
}
