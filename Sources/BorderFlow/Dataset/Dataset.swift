import BorderFlowSpatial
import Foundation

/// A loaded, validated BorderFlow dataset: crossings (each with its sector), sectors, places and the boundary.
public struct Dataset: Sendable {
    /// The folder the dataset was read from.
    public let directory: URL
    /// The crossing facilities, in file order.
    public let crossings: [Crossing]
    /// The Border Patrol sectors, in file order.
    public let sectors: [Sector]
    /// The places trips start and end at, in file order.
    public let places: [Place]
    /// The international boundary line.
    public let boundary: Boundary
    /// Road and rail segments; empty when the dataset has no `roads.geojson`.
    public let roads: [Road]
    /// Road and rail nodes that are neither places nor crossings; empty without a road network.
    public let junctions: [Junction]
    /// The bulk of an imported road network (`roads.bfroads`, from `borderflow import-roads`), whose nodes `roads`
    /// name `n1`, `n2`, …; nil for a dataset whose roads are all in `roads.geojson`.
    public let importedRoads: ImportedRoads?
    /// The places' names folded for matching, on the first lookup by name.
    let placeNameKeys = PlaceNameKeys()
}

extension Dataset {
    /// Every coordinate of the dataset, for measuring the working CRS's scale error over it.
    public var allCoordinates: [Coordinate] {
        crossings.map(\.coordinate) + places.map(\.coordinate) + junctions.map(\.coordinate) + boundary.line
            + roads.flatMap(\.geometry)
            + sectors.flatMap { $0.geometry.allPositions.map(Coordinate.init) }
    }

    /// The crossing with an id.
    ///
    /// - Parameter id: the crossing's id.
    /// - Returns: the crossing, or nil.
    public func crossing(id: String) -> Crossing? { crossings.first { $0.id == id } }
    /// The sector with an id.
    ///
    /// - Parameter id: the sector's id.
    /// - Returns: the sector, or nil.
    public func sector(id: String) -> Sector? { sectors.first { $0.id == id } }
    /// The place with an id (exactly; see `place(named:)` for names).
    ///
    /// - Parameter id: the place's id.
    /// - Returns: the place, or nil.
    public func place(id: String) -> Place? { places.first { $0.id == id } }
}
