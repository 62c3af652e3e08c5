import Testing
@testable import BorderFlowSpatial

@Suite("Geodesic distance and projection scale")
struct GeodesicAndScaleTests {
    @Test func oneDegreeOfLongitudeAtTheEquatorIsTheWGS84Figure() throws {
        let geodesic = try Geodesic()
        let meters = geodesic.distanceMeters(
            from: Coordinate(longitude: 0, latitude: 0), to: Coordinate(longitude: 1, latitude: 0))
        // a × π / 180 for the WGS 84 semi-major axis a = 6,378,137 m.
        #expect(abs(meters - 111_319.490_793) < 0.001)
    }

    @Test func elPasoToSanDiegoIsAboutOneThousandOneHundredKilometres() throws {
        let geodesic = try Geodesic()
        let meters = geodesic.distanceMeters(
            from: Coordinate(longitude: -106.4850, latitude: 31.7587), to: Coordinate(longitude: -117.1611, latitude: 32.7157))
        // Published great-circle distance about 1,013 km.
        #expect(abs(meters / 1000 - 1013) < 10)
    }

    @Test func scaleIsExactlyOneOnTheStandardParallels() throws {
        let distortion = try ProjectionDistortion(crs: WorkingCRS.borderStrip)
        for latitude in [25.7, 32.5] {
            let factors = try distortion.scaleFactors(at: Coordinate(longitude: -100, latitude: latitude))
            #expect(abs(factors.parallel - 1) < 1e-9)
            #expect(abs(factors.meridional - factors.parallel) < 1e-9, "conformal: h equals k")
        }
        let middle = try distortion.largestScaleFactor(at: Coordinate(longitude: -110, latitude: 29.1))
        #expect(middle < 1)
    }

    @Test func scaleSurveyFindsTheWorstPoint() throws {
        let points = [
            Coordinate(longitude: -117, latitude: 24.0),
            Coordinate(longitude: -100, latitude: 29.1),
            Coordinate(longitude: -97, latitude: 34.2),
        ]
        let survey = try ScaleErrorSurvey(crs: WorkingCRS.borderStrip, coordinates: points)
        #expect(survey.pointCount == 3)
        #expect(survey.largestScaleFactor > 1)
        #expect(survey.smallestScaleFactor < 1)
        #expect(survey.worstScaleError < 0.005)
    }

    @Test func anEPSGTransverseMercatorHasItsCentralScaleFactor() throws {
        // UTM zone 13N: scale 0.9996 on the central meridian, 105°W.
        let distortion = try ProjectionDistortion(crs: .epsg(32613))
        let factors = try distortion.scaleFactors(at: Coordinate(longitude: -105, latitude: 31))
        #expect(abs(factors.parallel - 0.9996) < 1e-9)
    }

    @Test func aGeographicCRSHasNoScaleFactor() {
        #expect(throws: SpatialError.self) { _ = try ProjectionDistortion(crs: .wgs84) }
    }
}
