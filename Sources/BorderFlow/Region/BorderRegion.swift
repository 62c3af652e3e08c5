import BorderFlowSpatial
import Foundation

/// The dataset's geometry in the working CRS, answering region questions with GEOS: which side of the
/// border and which sector holds a point, how far it is from the boundary, how large each sector is.
///
/// Not thread-safe: it owns a GEOS context and PROJ transformers, which serve one thread at a time.
/// Build one per task (it takes milliseconds).
public final class BorderRegion {
    /// How far from the boundary line the modelled region reaches, in metres of the working CRS: 500 km, past
    /// the farthest place, junction and road of the bundled dataset (about 380 km, Torreón). Beyond it the
    /// dataset knows nothing, and a point there has no side (`country(at:)` is nil), in Kansas as in New York.
    public static let modelledReachMeters = 500_000.0

    /// The CRS in metres that region questions are answered in.
    public let workingCRS: CoordinateReferenceSystem
    /// The sectors, in dataset order.
    public let sectors: [Sector]
    /// The boundary line.
    public let boundary: Boundary

    let context: GEOSContext
    let toWorking: CoordinateTransformer
    /// Geodesic distances on the WGS 84 ellipsoid.
    package let geodesic: Geodesic
    /// Sector polygons in the working CRS, in `sectors` order.
    let projectedSectors: [Geometry]
    let sectorIndex: RegionIndex
    /// The boundary line in the working CRS.
    let boundaryLine: Geometry
    private let usSide: PreparedGeometry
    private let mexicoSide: PreparedGeometry

    /// Projects the sectors and the boundary into the working CRS and closes the boundary into the two sides
    /// of the border, each cut to the modelled region (`modelledReachMeters` of the line).
    ///
    /// - Parameters:
    ///   - sectors: the sector polygons, in longitude/latitude.
    ///   - boundary: the boundary line, west to east.
    ///   - workingCRS: the CRS in metres the questions are answered in.
    /// - Throws: `DatasetError.unusableCRS` when the working CRS is not a projection PROJ can build;
    ///   `SpatialError` when a geometry cannot be built.
    public init(sectors: [Sector], boundary: Boundary, workingCRS: CoordinateReferenceSystem = WorkingCRS.borderStrip) throws {
        self.workingCRS = workingCRS
        self.sectors = sectors
        self.boundary = boundary
        let context = GEOSContext()
        let toWorking: CoordinateTransformer
        do {
            try Self.checkScale(of: ProjectionDistortion(crs: workingCRS), along: boundary.line)
            toWorking = try CoordinateTransformer(from: .wgs84, to: workingCRS)
        } catch let SpatialError.unsuitableWorkingCRS(_, reason) {
            throw DatasetError.unusableCRS(workingCRS.definition, reason: reason + ". " + SpatialError.workingCRSAdvice)
        } catch let error as SpatialError {
            throw DatasetError.unusableCRS(workingCRS.definition, reason: "\(error)")
        }
        self.context = context
        self.toWorking = toWorking
        geodesic = try Geodesic()
        let projectedSectors = try sectors.map { sector in
            try Geometry(sector.geometry.transformed(by: toWorking), context: context)
        }
        self.projectedSectors = projectedSectors
        sectorIndex = try RegionIndex(regions: projectedSectors, context: context)
        let line = boundary.line.map(Position.init)
        boundaryLine = try Geometry(GeoJSONGeometry.lineString(line).transformed(by: toWorking), context: context)
        // A line simplified to 1 km draws the same 500 km band, with a hundredth of the buffer's work.
        let modelledRegion = try boundaryLine.simplified(tolerance: 1_000).buffer(Self.modelledReachMeters, quadrantSegments: 8)

        func side(_ country: Country) throws -> PreparedGeometry {
            let polygon = try Geometry(BorderSides.polygon(boundary: line, country: country).transformed(by: toWorking), context: context)
            if case let .invalid(reason, location) = polygon.validity() {
                let at = try location.map { try Coordinate(toWorking.inverse($0)).description } ?? "an unknown place"
                throw SpatialError.invalidGeometry("the boundary line cannot split the region into two sides (\(reason) at \(at)); it must run from the Pacific to the Gulf without crossing itself")
            }
            return try PreparedGeometry(polygon.intersection(modelledRegion))
        }
        usSide = try side(.us)
        mexicoSide = try side(.mx)
    }

    /// How far the working CRS's scale may depart from true along the boundary: metre tolerances (a crossing
    /// within 3 km of a sector, the 500 km reach) are measured in it. Web Mercator, 1.2 at 34°N, passes.
    static let acceptedScaleFactors = 0.8...1.25

    /// Refuses a CRS whose scale somewhere along the boundary is outside `acceptedScaleFactors`, as a wildly
    /// wrong `+k_0` makes it, before its distances reach GEOS.
    private static func checkScale(of distortion: ProjectionDistortion, along line: [Coordinate]) throws {
        let step = max(1, line.count / 50)
        for coordinate in stride(from: 0, to: line.count, by: step).map({ line[$0] }) + line.suffix(1) {
            let factors = try distortion.scaleFactors(at: coordinate)
            for factor in [factors.meridional, factors.parallel] where !acceptedScaleFactors.contains(factor) {
                throw SpatialError.unsuitableWorkingCRS(
                    definition: distortion.crs.definition,
                    reason: "its scale at \(coordinate) on the boundary is \(String(format: "%.3g", factor)), where true scale is 1, so lengths measured in it are off by that factor (from \(acceptedScaleFactors.lowerBound) to \(acceptedScaleFactors.upperBound) is accepted)")
            }
        }
    }

    /// Projects a longitude/latitude into the working CRS.
    ///
    /// - Parameter coordinate: longitude and latitude in degrees (WGS 84).
    /// - Returns: the point in metres in the working CRS.
    /// - Throws: `SpatialError` when PROJ cannot project the point.
    public func project(_ coordinate: Coordinate) throws -> Position {
        try toWorking.forward(Position(coordinate))
    }

    /// The country whose side of the boundary holds the coordinate, or nil outside the modelled region.
    ///
    /// - Parameter coordinate: longitude and latitude in degrees (WGS 84).
    /// - Returns: the side, or nil farther than `modelledReachMeters` from the boundary line.
    /// - Throws: `SpatialError` when the point cannot be projected.
    public func country(at coordinate: Coordinate) throws -> Country? {
        let point = try Geometry(point: project(coordinate), context: context)
        if usSide.covers(point) { return .us }
        if mexicoSide.covers(point) { return .mx }
        return nil
    }

    /// The sector whose polygon covers the coordinate (the first in file order on a shared edge), or nil.
    ///
    /// - Parameter coordinate: longitude and latitude in degrees (WGS 84).
    /// - Returns: the sector, or nil where no sector polygon covers the point.
    /// - Throws: `SpatialError` when the point cannot be projected.
    public func sector(at coordinate: Coordinate) throws -> Sector? {
        try sectorIndex.regions(covering: project(coordinate)).first.map { sectors[$0] }
    }

    /// The sector covering the coordinate, or else the nearest sector within `toleranceMeters`.
    ///
    /// Crossings sit on the river or the fence, where generalised county outlines may stop short of the
    /// boundary; the tolerance lets such a point join the sector beside it.
    ///
    /// - Parameters:
    ///   - coordinate: longitude and latitude in degrees (WGS 84).
    ///   - toleranceMeters: how far, in the working CRS, the nearest sector may be.
    /// - Returns: the sector and the distance to it (0 when it covers the point), or nil when none is near.
    /// - Throws: `SpatialError` when the point cannot be projected or the nearest sector cannot be found.
    public func sector(at coordinate: Coordinate, toleranceMeters: Double) throws -> (sector: Sector, distanceMeters: Double)? {
        let position = try project(coordinate)
        if let index = try sectorIndex.regions(covering: position).first { return (sectors[index], 0) }
        guard let nearest = try sectorIndex.nearest(to: position), nearest.distance <= toleranceMeters else { return nil }
        return (sectors[nearest.index], nearest.distance)
    }

    /// Distance from the coordinate to the boundary line, on the ellipsoid: the nearest boundary point is
    /// found by GEOS in the working CRS, brought back to longitude/latitude, and measured geodesically.
    ///
    /// - Parameter coordinate: longitude and latitude in degrees (WGS 84).
    /// - Returns: metres on the WGS 84 ellipsoid.
    /// - Throws: `SpatialError` when the point cannot be projected or brought back.
    public func distanceToBoundaryMeters(from coordinate: Coordinate) throws -> Double {
        let point = try Geometry(point: project(coordinate), context: context)
        let nearest = try boundaryLine.nearestPoints(to: point).onSelf
        let onBoundary = try Coordinate(toWorking.inverse(nearest))
        return geodesic.distanceMeters(from: coordinate, to: onBoundary)
    }

    /// Geodesic distance between two coordinates.
    ///
    /// - Parameters:
    ///   - a: one point, longitude and latitude in degrees.
    ///   - b: the other point.
    /// - Returns: metres on the WGS 84 ellipsoid.
    public func geodesicDistanceMeters(from a: Coordinate, to b: Coordinate) -> Double {
        geodesic.distanceMeters(from: a, to: b)
    }

    /// Every sector's area in km², computed in an Albers equal-area projection fitted to the border strip.
    ///
    /// - Returns: the area of each sector, by sector id.
    /// - Throws: `SpatialError` when PROJ or GEOS fails.
    public func sectorAreasKm2() throws -> [String: Double] {
        let equalArea = try CoordinateTransformer(from: .wgs84, to: Self.equalAreaCRS)
        var areas: [String: Double] = [:]
        for sector in sectors {
            areas[sector.id] = try Geometry(sector.geometry.transformed(by: equalArea), context: context).area / 1e6
        }
        return areas
    }

    /// Albers equal-area conic on the same standard parallels as the default working CRS.
    public static let equalAreaCRS = CoordinateReferenceSystem(
        definition: "+proj=aea +lat_0=29.1 +lon_0=-106 +lat_1=25.7 +lat_2=32.5 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs +type=crs")

    /// Length of the boundary in km attributed to each sector: the line is cut into pieces of at most 1 km,
    /// each piece goes to the sector nearest its midpoint (the STRtree nearest query), and pieces are measured
    /// on the ellipsoid. The sectors' lengths add up to the whole boundary.
    ///
    /// - Returns: kilometres of boundary, by sector id.
    /// - Throws: `SpatialError` when PROJ or GEOS fails.
    public func borderLengthsKm() throws -> [String: Double] {
        let pieces = try boundaryLine.densified(maxSegmentLength: 1000).geoJSON()
        guard case let .lineString(projected) = pieces, projected.count >= 2 else { return [:] }
        var geographic = projected
        try toWorking.inverse(&geographic)
        var lengths: [String: Double] = [:]
        for index in 1..<projected.count {
            let midpoint = Position(x: (projected[index - 1].x + projected[index].x) / 2,
                                    y: (projected[index - 1].y + projected[index].y) / 2)
            guard let nearest = try sectorIndex.nearest(to: midpoint) else { continue }
            let meters = geodesic.distanceMeters(from: Coordinate(geographic[index - 1]), to: Coordinate(geographic[index]))
            lengths[sectors[nearest.index].id, default: 0] += meters / 1000
        }
        return lengths
    }

    /// Geodesic length of the whole boundary in km.
    public var boundaryLengthKm: Double {
        geodesic.lengthMeters(of: boundary.line) / 1000
    }

    /// Problems with the sector polygons: GEOS validity (reason and place) and overlaps between sectors.
    func sectorProblems(file: String) throws -> [DatasetProblem] {
        var problems: [DatasetProblem] = []
        let geographicContext = GEOSContext()
        for (index, sector) in sectors.enumerated() {
            let geometry = try Geometry(sector.geometry, context: geographicContext)
            if case let .invalid(reason, location) = geometry.validity() {
                let at = location.map { " at \(Coordinate($0))" } ?? ""
                problems.append(DatasetProblem(file: file, featureIndex: index, featureID: sector.id, field: "geometry",
                                               message: "invalid polygon: \(reason)\(at)"))
            }
        }
        if !problems.isEmpty { return problems }
        for first in projectedSectors.indices {
            for second in projectedSectors.indices where second > first {
                guard projectedSectors[first].intersects(projectedSectors[second]) else { continue }
                let overlap = try projectedSectors[first].intersection(projectedSectors[second]).area / 1e6
                if overlap > Self.overlapToleranceKm2 {
                    problems.append(DatasetProblem(
                        file: file, featureIndex: second, featureID: sectors[second].id, field: "geometry",
                        message: "overlaps sector \"\(sectors[first].id)\" by \(formatFixed(overlap, decimals: 3)) km²; sectors must not overlap"))
                }
            }
        }
        return problems
    }

    /// Overlap below this is the noise of shared edges written with finite decimals.
    static let overlapToleranceKm2 = 0.01
}
