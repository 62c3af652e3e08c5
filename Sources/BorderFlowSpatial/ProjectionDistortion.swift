import CPROJ

/// Scale factors of a projected CRS, from PROJ's `proj_factors`.
///
/// Not thread-safe: it owns a PROJ context. Make one per task.
public final class ProjectionDistortion {
    /// The projected CRS whose scale is measured.
    public let crs: CoordinateReferenceSystem
    private let context: ProjContext
    private let projection: OpaquePointer

    /// Reads a projected CRS for measuring its scale, in a PROJ context that this object owns.
    ///
    /// - Parameter crs: A projected CRS, such as ``WorkingCRS/borderStrip``.
    /// - Throws: `SpatialError.unknownCRS` when PROJ does not understand the CRS;
    ///   `SpatialError.unsuitableWorkingCRS` when it is not a projection, or its axes are not in metres.
    public init(crs: CoordinateReferenceSystem) throws {
        self.crs = crs
        context = ProjContext()
        let object = try context.create(crs)
        let type = proj_get_type(object)
        // Checked before the object is stored: a throwing init with every property set still runs deinit.
        if type != PJ_TYPE_PROJECTED_CRS {
            let name = Self.nameIfDifferent(of: object, from: crs.definition)
            proj_destroy(object)
            throw SpatialError.unsuitableWorkingCRS(
                definition: crs.definition,
                reason: name + (type == PJ_TYPE_GEOGRAPHIC_2D_CRS || type == PJ_TYPE_GEOGRAPHIC_3D_CRS
                    ? "it is geographic (degrees), not a projection in metres"
                    : "it is not a projected CRS"))
        }
        // Lengths, speeds and A*'s bound are in metres: a CRS in feet or millimetres would scale them all.
        if let unit = Self.nonMetreUnit(of: object, in: context) {
            let name = Self.nameIfDifferent(of: object, from: crs.definition)
            proj_destroy(object)
            throw SpatialError.unsuitableWorkingCRS(definition: crs.definition, reason: name + "its axes are in \(unit), not metres")
        }
        // proj_factors on a CRS object rebuilds the operation on every call (milliseconds each). The CRS's
        // PROJ.4 form without "+type=crs" is the bare map projection, which proj_factors evaluates directly.
        let text = proj_as_proj_string(context.handle, object, PJ_PROJ_4, nil).map { String(cString: $0) }
        proj_destroy(object)
        guard let text else {
            throw SpatialError.unknownCRS(definition: crs.definition, reason: "PROJ cannot express it as a projection: \(context.lastErrorMessage())")
        }
        let bare = text.split(separator: " ").filter { $0 != "+type=crs" }.joined(separator: " ")
        projection = try context.create(CoordinateReferenceSystem(definition: bare))
    }

    deinit {
        proj_destroy(projection)
    }

    /// "PROJ reads it as NAME; " when PROJ found the CRS by a name other than the one typed (PROJ matches
    /// names loosely: `foo` finds Amersfoort), so the user sees what was understood; empty otherwise.
    private static func nameIfDifferent(of crs: OpaquePointer, from definition: String) -> String {
        guard let pointer = proj_get_name(crs) else { return "" }
        let name = String(cString: pointer)
        // Codes, PROJ strings and WKT say what they are; only a bare name can be read as another.
        let isBareName = !definition.contains(":") && !definition.contains("+") && !definition.contains("[")
        guard isBareName, !name.isEmpty, name.lowercased() != definition.lowercased() else { return "" }
        return "PROJ reads it as the CRS named \"\(name)\"; "
    }

    /// The name of the first axis unit that is not the metre (`proj_crs_get_coordinate_system`,
    /// `proj_cs_get_axis_info`); nil when every axis is in metres or PROJ cannot say.
    private static func nonMetreUnit(of crs: OpaquePointer, in context: ProjContext) -> String? {
        guard let system = proj_crs_get_coordinate_system(context.handle, crs) else { return nil }
        defer { proj_destroy(system) }
        for axis in 0..<proj_cs_get_axis_count(context.handle, system) {
            var factor = 0.0
            var name: UnsafePointer<CChar>?
            guard proj_cs_get_axis_info(context.handle, system, axis, nil, nil, nil, &factor, &name, nil, nil) != 0 else { continue }
            if factor != 1 { return name.map { String(cString: $0) } ?? "a unit of \(factor) m" }
        }
        return nil
    }

    /// Scale along the meridian (`h`) and the parallel (`k`) at a coordinate; both 1 where the map is true to scale.
    ///
    /// - Parameter coordinate: Longitude and latitude in degrees, on the CRS's datum.
    /// - Returns: The meridional and parallel scale factors.
    /// - Throws: `SpatialError.transformationFailed`, with the longitude as x and the latitude as y, when PROJ
    ///   cannot evaluate the projection there.
    public func scaleFactors(at coordinate: Coordinate) throws -> (meridional: Double, parallel: Double) {
        let radians = Double.pi / 180
        context.resetErrors()
        proj_errno_reset(projection)
        let factors = proj_factors(projection, proj_coord(coordinate.longitude * radians, coordinate.latitude * radians, 0, 0))
        let h = factors.meridional_scale
        let k = factors.parallel_scale
        guard h.isFinite, k.isFinite, h > 0, k > 0, proj_errno(projection) == 0 else {
            throw SpatialError.transformationFailed(
                x: coordinate.longitude, y: coordinate.latitude, reason: context.lastErrorMessage())
        }
        return (h, k)
    }

    /// The largest of the meridional and parallel scale factors at a coordinate.
    ///
    /// - Parameter coordinate: Longitude and latitude in degrees, on the CRS's datum.
    /// - Returns: The larger scale factor.
    /// - Throws: `SpatialError.transformationFailed` when PROJ cannot evaluate the projection there.
    public func largestScaleFactor(at coordinate: Coordinate) throws -> Double {
        let factors = try scaleFactors(at: coordinate)
        return max(factors.meridional, factors.parallel)
    }
}
