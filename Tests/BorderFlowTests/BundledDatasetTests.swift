import BorderFlowSpatial
import Foundation
import Testing
@testable import BorderFlow

/// The bundled Southwest border dataset, checked against public facts.
@Suite("Bundled dataset")
struct BundledDatasetTests {
    /// Loaded once for every test; `Dataset` is a value and safe to share.
    static let loaded = Result { try Dataset.load() }

    let dataset: Dataset

    init() throws {
        dataset = try Self.loaded.get()
    }

    @Test func loadsWithoutAProblem() throws {
        #expect(try Dataset.problems(in: DatasetFiles.bundledDirectory).isEmpty)
    }

    @Test func hasTheNineSouthwestSectors() {
        #expect(dataset.sectors.map(\.id) == [
            "san-diego", "el-centro", "yuma", "tucson", "el-paso", "big-bend", "del-rio", "laredo", "rio-grande-valley",
        ])
    }

    @Test func hasEveryNamedCrossing() {
        let required = [
            "el-paso-paso-del-norte", "el-paso-good-neighbor", "el-paso-bridge-of-the-americas", "ysleta-zaragoza",
            "tornillo-marcelino-serna", "fort-hancock", "santa-teresa", "columbus", "antelope-wells", "douglas", "naco",
            "nogales-deconcini", "nogales-mariposa", "nogales-morley-gate", "sasabe", "lukeville", "san-luis-1", "san-luis-2",
            "andrade", "calexico-west", "calexico-east", "tecate", "otay-mesa", "cross-border-xpress", "san-ysidro",
            "san-ysidro-pedeast", "san-ysidro-pedwest", "presidio", "boquillas", "del-rio", "amistad-dam",
            "eagle-pass-bridge-1", "eagle-pass-camino-real", "laredo-gateway-to-the-americas", "laredo-juarez-lincoln",
            "laredo-world-trade", "laredo-colombia-solidarity", "falcon-dam", "roma", "rio-grande-city", "los-ebanos-ferry",
            "anzalduas", "mcallen-hidalgo", "pharr", "donna", "progreso", "los-indios", "brownsville-b-and-m",
            "brownsville-gateway", "brownsville-veterans", "el-paso-bnsf-rail", "el-paso-up-rail", "eagle-pass-rail",
            "laredo-rail", "brownsville-rail", "nogales-rail", "calexico-rail",
        ]
        let ids = Set(dataset.crossings.map(\.id))
        for id in required {
            #expect(ids.contains(id), "missing crossing \(id)")
        }
    }

    @Test func everyCrossingIsWithinOneKilometreOfItsReferenceCoordinate() throws {
        let geodesic = try Geodesic()
        #expect(referenceCoordinates.count >= 40)
        for reference in referenceCoordinates {
            guard let crossing = dataset.crossing(id: reference.crossingID) else {
                Issue.record("the reference names \(reference.crossingID), which the dataset lacks")
                continue
            }
            let meters = geodesic.distanceMeters(
                from: crossing.coordinate, to: Coordinate(longitude: reference.longitude, latitude: reference.latitude))
            #expect(meters < 1_000, "\(crossing.id) is \(Int(meters)) m from the \(reference.source) coordinate")
        }
    }

    @Test(arguments: [
        ("andrade", "yuma"), ("san-luis-1", "yuma"), ("lukeville", "tucson"), ("nogales-deconcini", "tucson"),
        ("douglas", "tucson"), ("santa-teresa", "el-paso"), ("fort-hancock", "el-paso"), ("antelope-wells", "el-paso"),
        ("presidio", "big-bend"), ("boquillas", "big-bend"), ("eagle-pass-bridge-1", "del-rio"), ("del-rio", "del-rio"),
        ("eagle-pass-rail", "del-rio"), ("laredo-world-trade", "laredo"), ("laredo-rail", "laredo"),
        ("los-ebanos-ferry", "rio-grande-valley"), ("roma", "rio-grande-valley"), ("brownsville-gateway", "rio-grande-valley"),
        ("san-ysidro", "san-diego"), ("otay-mesa", "san-diego"), ("calexico-west", "el-centro"), ("calexico-east", "el-centro"),
    ])
    func crossingLiesInItsSector(crossing id: String, sector: String) throws {
        let crossing = try #require(dataset.crossing(id: id))
        #expect(crossing.sector == sector)
    }

    @Test func sectorPolygonsAreValidAndDoNotOverlap() throws {
        let context = GEOSContext()
        let toWorking = try CoordinateTransformer(from: .wgs84, to: WorkingCRS.borderStrip)
        let polygons = try dataset.sectors.map { try Geometry($0.geometry, context: context) }
        for (sector, polygon) in zip(dataset.sectors, polygons) {
            #expect(polygon.validity() == .valid, "\(sector.id)")
        }
        let projected = try dataset.sectors.map { try Geometry($0.geometry.transformed(by: toWorking), context: context) }
        for first in projected.indices {
            for second in projected.indices where second > first {
                let overlapKm2 = try projected[first].intersection(projected[second]).area / 1e6
                #expect(overlapKm2 < 0.01, "\(dataset.sectors[first].id) overlaps \(dataset.sectors[second].id) by \(overlapKm2) km²")
            }
        }
    }

    @Test func workingCRSScaleErrorOverTheDataIsUnderHalfAPercent() throws {
        let survey = try ScaleErrorSurvey(crs: WorkingCRS.borderStrip, coordinates: dataset.allCoordinates)
        #expect(survey.pointCount > 1_000)
        #expect(survey.worstScaleError < 0.005)
    }

    @Test func everyBaselineVolumeFitsItsCapacity() {
        for crossing in dataset.crossings {
            for mode in crossing.modes {
                let volume = crossing.dailyVolume[mode] ?? 0
                #expect(volume <= crossing.dailyCapacity(for: mode), "\(crossing.id) \(mode): \(volume) over capacity \(crossing.dailyCapacity(for: mode))")
            }
        }
    }

    @Test func railBridgesServeRailOnlyAndRailOnlyCrossesAtRailBridges() {
        for crossing in dataset.crossings {
            if crossing.kind == .railBridge {
                #expect(crossing.modes == [.rail], "\(crossing.id)")
            } else {
                #expect(!crossing.serves(.rail), "\(crossing.id)")
            }
        }
    }

    @Test func sectorBorderLengthsAddUpToTheWholeBoundary() throws {
        let region = try BorderRegion(sectors: dataset.sectors, boundary: dataset.boundary)
        let lengths = try region.borderLengthsKm()
        let total = lengths.values.reduce(0, +)
        #expect(abs(total - region.boundaryLengthKm) < 1)
        #expect(Set(lengths.keys) == Set(dataset.sectors.map(\.id)), "every sector touches the border")
    }
}

@Suite("Locating points")
struct LocateTests {
    let dataset: Dataset
    /// Not thread-safe, so each test (Swift Testing makes a new suite value per test) gets its own.
    let region: BorderRegion

    init() throws {
        dataset = try BundledDatasetTests.loaded.get()
        region = try BorderRegion(sectors: dataset.sectors, boundary: dataset.boundary)
    }

    func locate(_ longitude: Double, _ latitude: Double) throws -> Location {
        try region.locate(Coordinate(longitude: longitude, latitude: latitude), crossings: dataset.crossings)
    }

    @Test func downtownNogalesArizonaIsInTheTucsonSectorNextToTheBorder() throws {
        let location = try locate(-110.94, 31.335)
        #expect(location.country == .us)
        #expect(location.sector?.id == "tucson")
        #expect(location.distanceToBorderKm < 2)
        #expect(location.nearestCrossings.prefix(3).map(\.id).contains("nogales-deconcini"))
    }

    @Test func sonoytaIsInMexicoWithLukevilleNearest() throws {
        let location = try locate(-112.8547, 31.8614)
        #expect(location.country == .mx)
        #expect(location.sector == nil)
        #expect(location.nearestCrossings.first?.id == "lukeville")
        #expect(location.nearestCrossings.count == 5)
    }

    @Test func downtownEaglePassIsOnTheUSSideInDelRio() throws {
        let location = try locate(-100.4995, 28.7091)
        #expect(location.country == .us)
        #expect(location.sector?.id == "del-rio")
    }

    @Test func phoenixIsBeyondTheHundredMileZone() throws {
        let location = try locate(-112.074, 33.448)
        #expect(location.country == .us)
        #expect(location.sector == nil)
        #expect(location.distanceToBorderKm > 160.9)
    }

    @Test func theModelledRegionEndsAtTheSameDistanceFromTheBorderInEveryDirection() throws {
        // Kansas and New York are both far beyond the dataset; neither gets a side.
        #expect(try locate(-100, 40).country == nil)
        #expect(try locate(-74, 40.7).country == nil)
        // Torreón, the dataset's farthest junction, is inside; so is the Gulf off Brownsville, on either side.
        #expect(try locate(-103.42, 25.54).country == .mx)
        #expect(try locate(-96.5, 26.5).country == .us && locate(-96.5, 25.5).country == .mx)
    }

    @Test func nearestCrossingsAreSortedByDistance() throws {
        let distances = try locate(-106.45, 31.77).nearestCrossings.map(\.distanceKm)
        #expect(distances == distances.sorted())
    }

    @Test func anInvalidCoordinateIsAnErrorThatSuggestsTheSwap() {
        do {
            _ = try locate(31.33, -110.94)
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("did you mean -110.94 31.33"))
        }
    }
}
