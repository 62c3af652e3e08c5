import BorderFlowGraph
import BorderFlowSpatial
import Foundation

extension BorderNetwork {
    /// Where a point lies: its side of the border, its sector, the distance to the border, the nearest crossings.
    ///
    /// Builds the GEOS and PROJ objects it needs for the call (milliseconds), so it is safe from any task;
    /// for many points, make one `BorderRegion` per task and call its `locate`.
    ///
    /// - Parameters:
    ///   - coordinate: longitude and latitude in degrees (WGS 84).
    ///   - nearest: how many nearest crossings to list.
    /// - Returns: the location.
    /// - Throws: `LocateError.invalidCoordinate` for a coordinate that is not a longitude and latitude.
    public func locate(_ coordinate: Coordinate, nearest: Int = 5) throws -> Location {
        let region = try BorderRegion(sectors: dataset.sectors, boundary: dataset.boundary, workingCRS: workingCRS)
        return try region.locate(coordinate, crossings: dataset.crossings, limit: nearest)
    }
}
