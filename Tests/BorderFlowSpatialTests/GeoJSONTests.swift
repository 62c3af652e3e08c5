import Foundation
import Testing
@testable import BorderFlowSpatial

@Suite("GeoJSON reading and writing")
struct GeoJSONTests {
    @Test func readsFeaturesWithTypedProperties() throws {
        let text = #"{"type":"FeatureCollection","features":[{"type":"Feature","id":"a","geometry":{"type":"Point","coordinates":[-110.9,31.3]},"properties":{"name":"Nogales","lanes":12,"modes":["pov","truck"]}}]}"#
        let collection = try GeoJSONReader.parse(Data(text.utf8), file: "t.geojson")
        let feature = try #require(collection.features.first)
        #expect(feature.id == "a")
        #expect(try feature.string("name") == "Nogales")
        #expect(try feature.number("lanes") == 12)
        #expect(try feature.stringArray("modes") == ["pov", "truck"])
        #expect(try feature.point() == Position(x: -110.9, y: 31.3))
    }

    @Test func errorsNameTheFileTheFeatureAndTheField() throws {
        let text = #"{"type":"FeatureCollection","features":[{"type":"Feature","id":"x","geometry":null,"properties":{"name":7}}]}"#
        let feature = try GeoJSONReader.parse(Data(text.utf8), file: "crossings.geojson").features[0]
        do {
            _ = try feature.string("name")
            Issue.record("expected an error")
        } catch let error as GeoJSONError {
            #expect(error.description == #"crossings.geojson: feature 0 (id "x"), field "name": expected a string, found a number"#)
        }
    }

    @Test func malformedJSONIsAClearError() {
        do {
            _ = try GeoJSONReader.parse(Data(#"{"type":"FeatureCollection","features":[{"#.utf8), file: "broken.geojson")
            Issue.record("expected an error")
        } catch let error as InputFileError {
            #expect(error.file == "broken.geojson")
            #expect(error.message.hasPrefix("not valid JSON"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func aCrsMemberIsRefused() {
        let text = #"{"type":"FeatureCollection","crs":{"type":"name"},"features":[]}"#
        #expect(throws: GeoJSONError.self) { _ = try GeoJSONReader.parse(Data(text.utf8), file: "f") }
    }

    @Test func anUnclosedRingIsRefusedWithItsPath() {
        let text = #"{"type":"FeatureCollection","features":[{"type":"Feature","id":"s","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}}]}"#
        do {
            _ = try GeoJSONReader.parse(Data(text.utf8), file: "sectors.geojson")
            Issue.record("expected an error")
        } catch let error as GeoJSONError {
            #expect(error.field == "geometry.coordinates[0]")
            #expect(error.message.contains("closed"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func writerFollowsRFC7946WindingAndPrecision() throws {
        // Exterior given clockwise, hole given counter-clockwise: the writer must flip both.
        let clockwise = [Position(x: 0, y: 0), Position(x: 0, y: 1), Position(x: 1, y: 1), Position(x: 1, y: 0), Position(x: 0, y: 0)]
        let hole = [Position(x: 0.25, y: 0.25), Position(x: 0.75, y: 0.25), Position(x: 0.75, y: 0.75), Position(x: 0.25, y: 0.25)]
        let feature = GeoJSONOutputFeature(
            id: "p", geometry: .polygon([clockwise, hole]),
            properties: JSONObject([("value", .number(1.0 / 3.0))]))
        let text = try GeoJSONWriter().featureCollection([feature])
        let back = try GeoJSONReader.parse(Data(text.utf8), file: "out")
        let rings = try #require(back.features.first?.geometry?.polygons.first)
        #expect(RingOrientation.isCounterClockwise(rings[0]))
        #expect(!RingOrientation.isCounterClockwise(rings[1]))
        #expect(!text.contains("\"crs\""))
        let point = GeoJSONOutputFeature(id: "q", geometry: .point(Position(x: -106.123456789, y: 31.000000449)), properties: JSONObject())
        #expect(try GeoJSONWriter().feature(point).contains("[-106.123457,31]"))
    }

    @Test func writerOutputIsByteIdenticalRunToRun() throws {
        let features = (0..<50).map { index in
            GeoJSONOutputFeature(id: "f\(index)", geometry: .point(Position(x: Double(index) * 0.1234567, y: 30)),
                                 properties: JSONObject([("b", .string("é\"\n")), ("a", .number(Double(index)))]))
        }
        #expect(try GeoJSONWriter().featureCollection(features) == GeoJSONWriter().featureCollection(features))
    }

    @Test func writerRefusesNaN() {
        let feature = GeoJSONOutputFeature(id: "n", geometry: nil, properties: JSONObject([("x", .number(.nan))]))
        #expect(throws: JSONWriteError.self) { _ = try GeoJSONWriter().feature(feature) }
    }

    @Test func fixedDecimalFormatting() {
        #expect(formatFixed(-0.0000001, decimals: 6) == "0")
        #expect(formatFixed(1.9999999, decimals: 6) == "2")
        #expect(formatFixed(-112.8170770, decimals: 6) == "-112.817077")
        #expect(formatFixed(0.5, decimals: 6) == "0.5")
    }

    @Test func fixedDecimalFormattingOfNumbersItCannotWriteInFixedDecimalsDoesNotTrap() {
        #expect(formatFixed(.nan, decimals: 2) == "nan")
        #expect(formatFixed(.infinity, decimals: 2) == "inf")
        #expect(formatFixed(-.infinity, decimals: 0) == "-inf")
        #expect(formatFixed(1e300, decimals: 6) == "1e+300")
        #expect(formatFixed(2.5, decimals: 400) == "2.5")
        #expect(formatFixed(2.5, decimals: -3) == "3")
    }
}
