import Testing
@testable import BorderFlowSpatial

@Suite("GEOS geometry")
struct GeometryTests {
    static func square(_ x: Double, _ y: Double, _ size: Double) -> GeoJSONGeometry {
        .polygon([[Position(x: x, y: y), Position(x: x + size, y: y), Position(x: x + size, y: y + size),
                   Position(x: x, y: y + size), Position(x: x, y: y)]])
    }

    @Test func aBowTieIsInvalidWithTheReasonAndWhere() throws {
        let context = GEOSContext()
        let bowTie = try Geometry(.polygon([[Position(x: 0, y: 0), Position(x: 2, y: 2), Position(x: 2, y: 0),
                                             Position(x: 0, y: 2), Position(x: 0, y: 0)]]), context: context)
        guard case let .invalid(reason, location) = bowTie.validity() else {
            Issue.record("a bow tie must be invalid")
            return
        }
        #expect(reason.contains("Self-intersection"))
        #expect(location == Position(x: 1, y: 1))
        #expect(try bowTie.makeValid().validity() == .valid)
    }

    @Test func unionIntersectionDifferenceAndArea() throws {
        let context = GEOSContext()
        let a = try Geometry(Self.square(0, 0, 2), context: context)
        let b = try Geometry(Self.square(1, 1, 2), context: context)
        #expect(try a.union(b).area == 7)
        #expect(try a.intersection(b).area == 1)
        #expect(try a.difference(b).area == 3)
        #expect(try Geometry.union(of: [a, b], context: context).area == 7)
        #expect(a.intersects(b))
    }

    @Test func simplifyingDropsVerticesWithinTheToleranceOnly() throws {
        let context = GEOSContext()
        let line = try Geometry(.lineString([Position(x: 0, y: 0), Position(x: 50, y: 0.4), Position(x: 100, y: 0),
                                             Position(x: 150, y: 30), Position(x: 200, y: 0)]), context: context)
        let simplified = try line.simplified(tolerance: 1).geoJSON()
        #expect(simplified == .lineString([Position(x: 0, y: 0), Position(x: 100, y: 0), Position(x: 150, y: 30), Position(x: 200, y: 0)]))
    }

    @Test func bufferOfAPointApproachesACircle() throws {
        let context = GEOSContext()
        let disc = try Geometry(point: Position(x: 0, y: 0), context: context).buffer(100, quadrantSegments: 64)
        #expect(abs(disc.area - Double.pi * 100 * 100) / (Double.pi * 100 * 100) < 0.001)
    }

    @Test func distanceAndNearestPoints() throws {
        let context = GEOSContext()
        let line = try Geometry(.lineString([Position(x: 0, y: 0), Position(x: 10, y: 0)]), context: context)
        let point = try Geometry(point: Position(x: 4, y: 3), context: context)
        #expect(try line.distance(to: point) == 3)
        let nearest = try line.nearestPoints(to: point)
        #expect(nearest.onSelf == Position(x: 4, y: 0))
        #expect(nearest.onOther == Position(x: 4, y: 3))
    }

    @Test func preparedGeometryCoversItsBoundaryButContainsOnlyItsInterior() throws {
        let context = GEOSContext()
        let prepared = try PreparedGeometry(Geometry(Self.square(0, 0, 2), context: context))
        let edge = try Geometry(point: Position(x: 0, y: 1), context: context)
        #expect(prepared.covers(edge))
        #expect(!prepared.contains(edge))
        #expect(try prepared.covers(Position(x: 1, y: 1)))
        #expect(try !prepared.covers(Position(x: 3, y: 1)))
    }

    @Test func roundTripThroughGEOSKeepsTheGeometry() throws {
        let context = GEOSContext()
        let original = GeoJSONGeometry.multiPolygon([Self.square(0, 0, 1).polygons[0], Self.square(5, 5, 1).polygons[0]])
        #expect(try Geometry(original, context: context).geoJSON() == original)
    }

    @Test func ringsWithTooFewPointsAreRejectedBeforeGEOS() {
        let context = GEOSContext()
        #expect(throws: SpatialError.self) {
            _ = try Geometry(.polygon([[Position(x: 0, y: 0), Position(x: 1, y: 0), Position(x: 0, y: 0)]]), context: context)
        }
    }

    @Test func lineMergeJoinsPartsThatMeetEndToEnd() throws {
        let context = GEOSContext()
        let parts = try Geometry(.multiLineString([[Position(x: 0, y: 0), Position(x: 1, y: 0)],
                                                   [Position(x: 1, y: 0), Position(x: 2, y: 1)]]), context: context)
        #expect(try parts.lineMerge().geoJSON() == .lineString([Position(x: 0, y: 0), Position(x: 1, y: 0), Position(x: 2, y: 1)]))
    }
}

@Suite("STRtree region index")
struct RegionIndexTests {
    @Test func findsTheRegionHoldingAPointAndTheNearestOne() throws {
        let context = GEOSContext()
        let regions = try (0..<20).map { index in
            try Geometry(GeometryTests.square(Double(index) * 10, 0, 10), context: context)
        }
        let index = try RegionIndex(regions: regions, context: context)
        #expect(try index.regions(covering: Position(x: 55, y: 5)) == [5])
        #expect(try index.regions(covering: Position(x: 60, y: 5)) == [5, 6], "a shared edge belongs to both")
        #expect(try index.regions(covering: Position(x: 55, y: 50)).isEmpty)
        let nearest = try #require(try index.nearest(to: Position(x: 73, y: 14)))
        #expect(nearest.index == 7)
        #expect(nearest.distance == 4)
    }

    @Test func queryNarrowsCandidatesByEnvelope() throws {
        let context = GEOSContext()
        let regions = try (0..<100).map { try Geometry(GeometryTests.square(Double($0) * 10, 0, 10), context: context) }
        let index = try RegionIndex(regions: regions, context: context)
        let probe = try Geometry(point: Position(x: 505, y: 5), context: context)
        #expect(index.candidates(intersectingEnvelopeOf: probe) == [50])
    }
}
