import BorderFlowSpatial
import Foundation
import Testing
import BorderFlowTestSupport
import BorderFlow

@Suite("Building the basemap from Natural Earth layers")
struct BasemapBuilderTests {
    static let extent = BasemapBuilder.Extent(west: -111.5, south: 31, east: -110.5, north: 32)

    func builder(states: String = "states.geojson") -> BasemapBuilder {
        let folder = Fixtures.folder("basemap-build")
        return BasemapBuilder(land: folder.appendingPathComponent("land.geojson"), coast: folder.appendingPathComponent("coast.geojson"),
                              lakes: folder.appendingPathComponent("lakes.geojson"), states: folder.appendingPathComponent(states),
                              extent: Self.extent, toleranceMeters: 1_000)
    }

    @Test func clipsEveryLayerToTheExtentAndDropsWhatLiesOutside() throws {
        let basemap = try builder().build()
        #expect(Set(basemap.layers.keys) == Set(Basemap.Layer.allCases))
        for (layer, geometry) in basemap.layers {
            for position in geometry.allPositions {
                #expect(position.x >= -111.5 - 1e-9 && position.x <= -110.5 + 1e-9 && position.y >= 31 - 1e-9 && position.y <= 32 + 1e-9, "\(layer) at \(position)")
            }
        }
        #expect(basemap.layers[.lakes]?.polygons.count == 1, "the lake west of the extent is gone")
        let stateLine = try #require(basemap.layers[.stateLines]?.lines.first)
        #expect(basemap.layers[.stateLines]?.lines.count == 1)
        #expect(abs((stateLine.map(\.y).min() ?? 0) - 31) < 1e-6 && abs((stateLine.map(\.y).max() ?? 0) - 32) < 1e-6, "cut at the extent's edges")
    }

    @Test func simplifiesWithinTheToleranceAndKeepsWhatLiesBeyondIt() throws {
        let land = try #require(try builder().build().layers[.land])
        let xs = land.allPositions.map(\.x)
        #expect(!xs.contains { abs($0 - -111.0003) < 1e-6 }, "a vertex 30 m off the line goes")
        #expect(xs.contains { abs($0 - -110.98) < 1e-6 }, "a bump 1.9 km out stays")
    }

    @Test func writesAFileThatReadsBackTheSameLayers() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("borderflow-basemap-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let built = try builder().build()
        try builder().write(built, to: directory)
        let file = directory.appendingPathComponent(DatasetFiles.basemap)
        let text = try String(contentsOf: file, encoding: .utf8)
        let reread = try Basemap.read(contentsOf: file)
        #expect(Set(reread.layers.keys) == Set(built.layers.keys))
        for (layer, geometry) in built.layers {
            let again = try #require(reread.layers[layer])
            #expect(again.allPositions.count == geometry.allPositions.count)
            // The file turns rings by the right-hand rule, so the same positions may come back in another order.
            func sorted(_ g: GeoJSONGeometry) -> [Position] { g.allPositions.sorted { ($0.x, $0.y) < ($1.x, $1.y) } }
            #expect(zip(sorted(again), sorted(geometry)).allSatisfy { abs($0.x - $1.x) < 1e-9 && abs($0.y - $1.y) < 1e-9 }, "\(layer)")
        }
        try builder().write(try builder().build(), to: directory)
        #expect(try String(contentsOf: file, encoding: .utf8) == text, "byte-identical run to run")
    }

    @Test func anInputWithoutTheGeometryItsLayerNeedsIsAnError() {
        do {
            _ = try builder(states: "points.geojson").build()
            Issue.record("expected an error")
        } catch let error as BasemapBuildError {
            #expect(error.description.contains("points.geojson"))
            #expect(error.description.contains("no LineString or MultiLineString"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
