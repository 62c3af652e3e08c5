import CPROJ

/// Transforms positions between two coordinate reference systems with PROJ.
///
/// Wraps `proj_create_crs_to_crs` followed by `proj_normalize_for_visualization`, so geographic CRSs always
/// take and give longitude first (x) and latitude second (y), whatever axis order the CRS declares.
/// Batches go through `proj_trans_generic` in one call.
///
/// Not thread-safe: it owns a PROJ context, which may be used by one thread at a time. Make one per task.
public final class CoordinateTransformer {
    /// The CRS that `forward` transforms from and `inverse` transforms to.
    public let source: CoordinateReferenceSystem
    /// The CRS that `forward` transforms to and `inverse` transforms from.
    public let target: CoordinateReferenceSystem
    private let context: ProjContext
    private let operation: OpaquePointer

    /// Makes the operation PROJ chooses between two CRSs, in a PROJ context that this transformer owns.
    ///
    /// - Parameters:
    ///   - source: The CRS positions are given in.
    ///   - target: The CRS positions are wanted in.
    /// - Throws: `SpatialError.unknownCRS` when either CRS is not understood (or is an operation rather than
    ///   a CRS), or `SpatialError.noTransformation` when PROJ finds no operation between them.
    public init(from source: CoordinateReferenceSystem, to target: CoordinateReferenceSystem) throws {
        self.source = source
        self.target = target
        context = ProjContext()
        // Check each CRS on its own first so the error names the one PROJ did not understand.
        for crs in [source, target] {
            let object = try context.create(crs)
            let type = proj_get_type(object)
            proj_destroy(object)
            if !Self.isCRS(type) {
                throw SpatialError.unknownCRS(
                    definition: crs.definition,
                    reason: "PROJ reads it as an operation, not a coordinate reference system (add +type=crs to a PROJ string)")
            }
        }
        context.resetErrors()
        guard let raw = proj_create_crs_to_crs(context.handle, source.definition, target.definition, nil) else {
            throw SpatialError.noTransformation(
                source: source.definition, target: target.definition, reason: context.lastErrorMessage())
        }
        defer { proj_destroy(raw) }
        guard let normalized = proj_normalize_for_visualization(context.handle, raw) else {
            throw SpatialError.noTransformation(
                source: source.definition, target: target.definition, reason: context.lastErrorMessage())
        }
        operation = normalized
    }

    deinit {
        proj_destroy(operation)
    }

    /// Transforms one position from the source CRS to the target CRS.
    ///
    /// - Parameter position: A position in the source CRS (longitude and latitude in degrees if geographic).
    /// - Returns: The position in the target CRS.
    /// - Throws: `SpatialError.transformationFailed` when the position is not finite or PROJ cannot transform
    ///   it, for example outside the projection's domain.
    public func forward(_ position: Position) throws -> Position {
        try transform(position, direction: PJ_FWD)
    }

    /// Transforms one position from the target CRS back to the source CRS.
    ///
    /// - Parameter position: A position in the target CRS.
    /// - Returns: The position in the source CRS.
    /// - Throws: `SpatialError.transformationFailed` when the position is not finite or PROJ cannot transform it.
    public func inverse(_ position: Position) throws -> Position {
        try transform(position, direction: PJ_INV)
    }

    /// Transforms many positions in place with one `proj_trans_generic` call.
    ///
    /// - Parameter positions: Positions in the source CRS, replaced by the same positions in the target CRS.
    /// - Throws: `SpatialError.transformationFailed` naming the first position PROJ could not transform;
    ///   the array is then left unchanged.
    public func forward(_ positions: inout [Position]) throws {
        try transform(&positions, direction: PJ_FWD)
    }

    /// Transforms many positions from the target CRS back to the source CRS, in place.
    ///
    /// - Parameter positions: Positions in the target CRS, replaced by the same positions in the source CRS.
    /// - Throws: `SpatialError.transformationFailed` naming the first position PROJ could not transform;
    ///   the array is then left unchanged.
    public func inverse(_ positions: inout [Position]) throws {
        try transform(&positions, direction: PJ_INV)
    }

    private func transform(_ position: Position, direction: PJ_DIRECTION) throws -> Position {
        var batch = [position]
        try transform(&batch, direction: direction)
        return batch[0]
    }

    private func transform(_ positions: inout [Position], direction: PJ_DIRECTION) throws {
        if positions.isEmpty { return }
        if let bad = positions.first(where: { !$0.x.isFinite || !$0.y.isFinite }) {
            throw SpatialError.transformationFailed(x: bad.x, y: bad.y, reason: "the coordinate is not a finite number")
        }
        var output = positions
        context.resetErrors()
        proj_errno_reset(operation)
        let stride = MemoryLayout<Position>.stride
        let count = output.count
        output.withUnsafeMutableBytes { buffer in
            let base = buffer.baseAddress!
            let xs = base.assumingMemoryBound(to: Double.self)
            let ys = (base + MemoryLayout<Double>.stride).assumingMemoryBound(to: Double.self)
            _ = proj_trans_generic(operation, direction, xs, stride, count, ys, stride, count, nil, 0, 0, nil, 0, 0)
        }
        if let index = output.firstIndex(where: { !$0.x.isFinite || !$0.y.isFinite }) {
            let errno = proj_errno(operation)
            var reason = context.lastErrorMessage()
            if errno != 0, let text = proj_context_errno_string(context.handle, errno) {
                reason = String(cString: text)
            }
            throw SpatialError.transformationFailed(x: positions[index].x, y: positions[index].y, reason: reason)
        }
        positions = output
    }

    private static func isCRS(_ type: PJ_TYPE) -> Bool {
        switch type {
        case PJ_TYPE_GEOGRAPHIC_2D_CRS, PJ_TYPE_GEOGRAPHIC_3D_CRS, PJ_TYPE_GEODETIC_CRS, PJ_TYPE_GEOCENTRIC_CRS,
             PJ_TYPE_PROJECTED_CRS, PJ_TYPE_COMPOUND_CRS, PJ_TYPE_BOUND_CRS,
             PJ_TYPE_OTHER_CRS, PJ_TYPE_CRS, PJ_TYPE_ENGINEERING_CRS:
            return true
        default:
            return false
        }
    }
}
