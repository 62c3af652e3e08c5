import BorderFlowGraph
import BorderFlowSpatial
import Foundation

/// Why a network could not be built or queried.
public enum NetworkError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The dataset has no road and rail network, so nothing can be routed.
    case noRoads(directory: String)
    /// No node has this id.
    case unknownNode(String)
    /// A search by contraction hierarchy was asked of a network that has none (only imported networks do).
    case noHierarchy

    /// A message for people: what is wrong and how to fix it.
    public var description: String {
        switch self {
        case let .noRoads(directory):
            return "the dataset in \(directory) has no \(DatasetFiles.roads); routing needs the road and rail network"
        case let .unknownNode(id):
            return "no place, junction or crossing has the id \"\(id)\""
        case .noHierarchy:
            return "this network has no contraction hierarchy (borderflow import-roads builds one for an imported network); search with astar or dijkstra"
        }
    }
}
