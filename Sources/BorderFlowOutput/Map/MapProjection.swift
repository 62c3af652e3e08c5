import BorderFlow
import BorderFlowSpatial

/// From WGS 84 longitude/latitude to picture pixels: PROJ projects to the network's working CRS, then a
/// uniform scale and offset fit the extent into a frame, y pointing down.
struct MapProjection: CustomStringConvertible {
    let transformer: CoordinateTransformer
    let crs: CoordinateReferenceSystem
    let pixelsPerMeter: Double
    let origin: Position
    let frame: (left: Double, top: Double, right: Double, bottom: Double)
    let offset: Position

    /// - Parameter extentOf: the coordinates the frame must show, with a margin of 4 % each side.
    init(network: BorderNetwork, frame: (left: Double, top: Double, right: Double, bottom: Double), extentOf coordinates: [Coordinate]) throws {
        crs = network.workingCRS
        transformer = try CoordinateTransformer(from: .wgs84, to: crs)
        var positions = coordinates.map(Position.init)
        try transformer.forward(&positions)
        let minX = positions.map(\.x).min() ?? 0, maxX = positions.map(\.x).max() ?? 1
        let minY = positions.map(\.y).min() ?? 0, maxY = positions.map(\.y).max() ?? 1
        let spanX = max(maxX - minX, 1) * 1.08, spanY = max(maxY - minY, 1) * 1.08
        let scale = min((frame.right - frame.left) / spanX, (frame.bottom - frame.top) / spanY)
        pixelsPerMeter = scale
        origin = Position(x: (minX + maxX) / 2, y: (minY + maxY) / 2)
        self.frame = frame
        offset = Position(x: (frame.left + frame.right) / 2, y: (frame.top + frame.bottom) / 2)
    }

    func project(_ coordinates: [Coordinate]) throws -> [Position] {
        var positions = coordinates.map(Position.init)
        try transformer.forward(&positions)
        return positions.map(pixel)
    }

    func project(_ geometry: GeoJSONGeometry) throws -> GeoJSONGeometry {
        var positions = geometry.allPositions
        try transformer.forward(&positions)
        return geometry.replacingPositions(with: positions.map(pixel))
    }

    private func pixel(_ position: Position) -> Position {
        Position(x: offset.x + (position.x - origin.x) * pixelsPerMeter, y: offset.y - (position.y - origin.y) * pixelsPerMeter)
    }

    var description: String {
        crs == WorkingCRS.borderStrip ? WorkingCRS.borderStripName : crs.definition
    }
}
