import BorderFlowGraph
import BorderFlowSpatial
import Foundation

/// A closure that cannot be applied.
public enum ClosureError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No crossing has this id; the closest ids.
    case unknownCrossing(String, suggestions: [String])
    /// No crossing belongs to this port code; the known codes.
    case unknownPort(String, known: [String])
    /// No sector has this id; the known ids.
    case unknownSector(String, known: [String])
    /// The crossing or port does not serve the mode closed there.
    case modeNotServed(Mode, at: String, served: [Mode])
    /// A polygon closure's geometry has no polygon.
    case notAPolygon(String)
    /// A polygon closure's geometry is not valid (GEOS's reason and where), so which crossings lie inside it
    /// would be a guess.
    case invalidPolygon(String, reason: String)
    /// A polygon closure has a position that is not a longitude/latitude of the Southwest border region
    /// (longitude -125 to -85, latitude 10 to 45); `swapped` when the position read the other way round is one.
    case polygonOutsideRegion(String, position: Position, swapped: Bool)
    /// A polygon closure holds no crossing of the dataset, so closes nothing.
    case polygonClosesNothing(String)
    /// The window's end is not after its start.
    case windowEndsBeforeItStarts(Moment, Moment)
    /// A typed `MODE:ID` entry that is not a known mode, a colon and a target.
    case unreadableModeEntry(String)

    /// A message for people: what is wrong and how to fix it.
    public var description: String {
        switch self {
        case let .unknownCrossing(id, suggestions):
            return "no crossing has the id \"\(id)\"" + (suggestions.isEmpty ? "" : "; did you mean \(suggestions.map { "\"\($0)\"" }.joined(separator: ", "))?")
        case let .unknownPort(code, known):
            return "no crossing belongs to port code \"\(code)\"; known port codes: \(known.joined(separator: ", "))"
        case let .unknownSector(id, known):
            return "no sector has the id \"\(id)\"; known sectors: \(known.joined(separator: ", "))"
        case let .modeNotServed(mode, at, served):
            return "\(at) does not serve \(mode.rawValue); it serves \(served.map(\.rawValue).joined(separator: ", "))"
        case let .notAPolygon(name):
            return "\(name) is not a Polygon or MultiPolygon"
        case let .invalidPolygon(name, reason):
            return "\(name) is not a valid polygon: \(reason); the rings must not cross themselves or each other, and holes must lie inside their shell"
        case let .polygonOutsideRegion(name, position, swapped):
            return "\(name) has the position \(Coordinate(position)), which is not a longitude/latitude of the Southwest border region (longitude -125 to -85, latitude 10 to 45)"
                + (swapped ? "; longitude and latitude look swapped (GeoJSON puts longitude first)" : "; GeoJSON polygons are WGS 84 longitude/latitude")
        case let .polygonClosesNothing(name):
            return "\(name) holds no crossing of the dataset, so it would close nothing; draw it around the crossings to close (`borderflow crossings --format json` lists their longitude and latitude)"
        case let .windowEndsBeforeItStarts(start, end):
            return "the closure window ends (\(end)) before it starts (\(start)); give `to` after `from`"
        case let .unreadableModeEntry(entry):
            return Closures.modeEntryProblem(entry)
        }
    }
}
