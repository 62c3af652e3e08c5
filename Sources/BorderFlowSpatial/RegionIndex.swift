import CGEOS

/// Answers "which region holds this point?" and "which region is nearest?" without scanning every region:
/// a GEOS STRtree (`GEOSSTRtree_*_r`) over the regions' envelopes narrows the candidates, then prepared
/// geometries decide exactly.
///
/// Not thread-safe (it holds GEOS objects of one context). Regions are identified by their index in the
/// array given at creation.
public final class RegionIndex {
    /// The regions in the order given; the index's answers are positions in this array.
    public let regions: [Geometry]
    private let prepared: [PreparedGeometry]
    private let context: GEOSContext
    private let tree: OpaquePointer

    /// Indexes regions that share one GEOS context.
    ///
    /// - Parameters:
    ///   - regions: The regions, all in the same CRS and made with `context`.
    ///   - context: The context of the regions, which the index keeps alive.
    /// - Throws: `SpatialError.geometryOperationFailed` when a region cannot be prepared or the tree cannot be made.
    public init(regions: [Geometry], context: GEOSContext) throws {
        self.regions = regions
        self.context = context
        prepared = try regions.map(PreparedGeometry.init)
        guard let tree = GEOSSTRtree_create_r(context.handle, 10) else {
            throw SpatialError.geometryOperationFailed(operation: "STRtree create", reason: context.takeLastError())
        }
        self.tree = tree
        for (index, region) in regions.enumerated() {
            // The item is the region's index + 1 (a null item would be indistinguishable from "none").
            GEOSSTRtree_insert_r(context.handle, tree, region.handle, UnsafeMutableRawPointer(bitPattern: index + 1))
        }
    }

    deinit {
        GEOSSTRtree_destroy_r(context.handle, tree)
    }

    /// Indexes of the regions that cover the position (boundary included), in ascending order.
    ///
    /// - Parameter position: A position in the regions' CRS.
    /// - Returns: Indexes into ``regions``; empty when no region covers the position.
    /// - Throws: `SpatialError.invalidGeometry` when the position is not finite.
    public func regions(covering position: Position) throws -> [Int] {
        let point = try Geometry(point: position, context: context)
        return candidates(intersectingEnvelopeOf: point).filter { prepared[$0].covers(point) }
    }

    /// Indexes of the regions whose envelopes meet the geometry's envelope, ascending (the STRtree query).
    ///
    /// - Parameter geometry: A geometry in the regions' CRS.
    /// - Returns: Indexes into ``regions`` of the candidates, which still need an exact test.
    public func candidates(intersectingEnvelopeOf geometry: Geometry) -> [Int] {
        let collector = IndexCollector()
        GEOSSTRtree_query_r(context.handle, tree, geometry.handle, { item, userData in
            guard let item, let userData else { return }
            let collector = Unmanaged<IndexCollector>.fromOpaque(userData).takeUnretainedValue()
            collector.indexes.append(Int(bitPattern: item) - 1)
        }, Unmanaged.passUnretained(collector).toOpaque())
        return collector.indexes.sorted()
    }

    /// The region nearest to a position and its planar distance (0 when a region covers it), or nil when there
    /// are no regions. Uses `GEOSSTRtree_nearest_generic_r`.
    ///
    /// - Parameter position: A position in the regions' CRS.
    /// - Returns: The region's index into ``regions`` and its distance in the units of the CRS, or nil.
    /// - Throws: `SpatialError.invalidGeometry` when the position is not finite, or
    ///   `SpatialError.geometryOperationFailed` when the search fails.
    public func nearest(to position: Position) throws -> (index: Int, distance: Double)? {
        if regions.isEmpty { return nil }
        let point = try Geometry(point: position, context: context)
        // The query item is the point's own address: it can never equal a region item (small integers).
        let queryItem = UnsafeRawPointer(point.handle)
        let search = NearestSearch(regions: regions, point: point, queryItem: queryItem)
        let found = GEOSSTRtree_nearest_generic_r(
            context.handle, tree, queryItem, point.handle,
            { item1, item2, distance, userData in
                guard let userData, let distance else { return 0 }
                let search = Unmanaged<NearestSearch>.fromOpaque(userData).takeUnretainedValue()
                let candidate = Int(bitPattern: item1 == search.queryItem ? item2 : item1) - 1
                guard candidate >= 0, candidate < search.regions.count,
                      let measured = try? search.regions[candidate].distance(to: search.point) else { return 0 }
                distance.pointee = measured
                return 1
            },
            Unmanaged.passUnretained(search).toOpaque())
        guard let found else {
            throw SpatialError.geometryOperationFailed(operation: "STRtree nearest", reason: context.takeLastError())
        }
        let index = Int(bitPattern: found) - 1
        return (index, try regions[index].distance(to: point))
    }
}

private final class IndexCollector {
    var indexes: [Int] = []
}

private final class NearestSearch {
    let regions: [Geometry]
    let point: Geometry
    let queryItem: UnsafeRawPointer
    init(regions: [Geometry], point: Geometry, queryItem: UnsafeRawPointer) {
        self.regions = regions
        self.point = point
        self.queryItem = queryItem
    }
}
