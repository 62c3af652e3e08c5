import BorderFlow
import BorderFlowOutput
import BorderFlowSpatial
import BorderFlowTestSupport
import Foundation
import Testing

/// The origin–destination CSV of `divert --od` and the GeoJSON of `route --geojson`, on the tiny network.
@Suite("Flow table and route layer")
struct FlowAndRouteLayerTests {
    @Test func theFlowTableHasKeplersArcColumnsAndOneRowPerStream() throws {
        let (network, diversion) = try DiversionReportTests.gateAClosed.get()
        let dataset = network.dataset
        let streams = diversion.streams(in: dataset)
        #expect(!streams.isEmpty)
        let csv = try CSVReader.table(FlowTable.csv(streams, dataset: dataset))
        // README: origin_lon,origin_lat,dest_lon,dest_lat,count make an arc layer; crossing_lon,crossing_lat a second arc.
        #expect(Array(csv.header.prefix(5)) == ["origin_lon", "origin_lat", "dest_lon", "dest_lat", "count"])
        #expect(csv.header.contains("crossing_lon") && csv.header.contains("crossing_lat"))
        #expect(csv.records.count == streams.count)
        for (row, stream) in zip(csv.rows, streams) {
            let origin = dataset.places[stream.origin], destination = dataset.places[stream.destination]
            let crossing = dataset.crossings[stream.crossing]
            #expect(row["origin"] == origin.id && row["destination"] == destination.id && row["crossing"] == crossing.id)
            #expect(Double(row["origin_lon"] ?? "") == origin.coordinate.longitude && Double(row["dest_lat"] ?? "") == destination.coordinate.latitude)
            #expect(Double(row["crossing_lon"] ?? "") == crossing.coordinate.longitude && Double(row["crossing_lat"] ?? "") == crossing.coordinate.latitude)
            #expect(row["mode"] == stream.mode.rawValue && row["unit"] == stream.mode.unit)
            // The arc's count is the scenario's daily trips; all three volumes to the hundredth.
            #expect(row["count"] == row["scenario"])
            for (key, value) in [("baseline", stream.baseline), ("scenario", stream.scenario), ("change", stream.change)] {
                #expect(abs((Double(row[key] ?? "") ?? .nan) - value) <= 0.005 + 1e-9, "\(key)")
            }
        }
        // Nothing crosses at the closed gate in the scenario.
        #expect(csv.rows.filter { $0["crossing"] == "gate-a" }.allSatisfy { $0["scenario"] == "0" })
    }

    @Test func aRouteLayerDrawsTheRouteTheAllOpenRouteTheEndsAndTheirCrossings() throws {
        let directory = try Fixtures.network()
        defer { try? FileManager.default.removeItem(at: directory) }
        let network = try BorderNetwork(contentsOf: directory)
        var closures = Closures()
        try closures.close(crossing: "gate-a")
        let answer = try network.compareRoutes(from: "sur", to: "north", mode: .pov, closures: closures)
        let route = try #require(answer.route)
        #expect(route.crossing == "gate-b" && answer.allOpen?.crossing == "gate-a")
        let layers = answer.layers(on: network)
        // One geometry type per layer, so that each converts to a Shapefile or a GeoPackage layer.
        #expect(layers.map(\.name) == ["route", "route-points"])
        let layer = layers[0], points = layers[1]
        #expect(layer.features.map(\.id) == ["route-1", "all-open-1"])
        #expect(points.features.map(\.id) == ["origin", "destination", "crossing-gate-b", "crossing-gate-a"])
        #expect(layer.features.allSatisfy { if case .lineString = $0.geometry { true } else { false } })
        #expect(points.features.allSatisfy { if case .point = $0.geometry { true } else { false } })
        let line = try #require(layer.features.first)
        #expect(line.properties["crossing"]?.stringValue == "gate-b")
        #expect(abs((line.properties["travel_minutes"]?.numberValue ?? .nan) - route.travelSeconds / 60) <= 0.05)
        #expect(abs((line.properties["length_km"]?.numberValue ?? .nan) - route.lengthMeters / 1000) <= 0.005)
        #expect(line.properties["roads"]?.stringValue == route.roads.joined(separator: ", "))
        guard case let .lineString(positions) = line.geometry else {
            Issue.record("the route is a LineString")
            return
        }
        let sur = try #require(network.dataset.place(id: "sur")), gateB = try #require(network.dataset.crossing(id: "gate-b"))
        #expect(positions.first.map(Coordinate.init) == sur.coordinate)
        #expect(positions.map(Coordinate.init).contains(gateB.coordinate))
        #expect(points.features[0].properties["id"]?.stringValue == "sur" && points.features[1].properties["id"]?.stringValue == "north")
    }
}
