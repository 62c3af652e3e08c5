import Testing
@testable import BorderFlow

/// A route is drawn along the edges its own search found, so its line is the route whose roads it lists.
@Suite("Route lines")
struct RouteGeometryTests {
    @Test func aRouteIsDrawnAlongItsOwnEdgesAndAnotherNetworksRouteAlongTheSameRoads() throws {
        let network = try BundledRoutingTests.loaded.get()
        var closures = Closures()
        try closures.close(crossing: "lukeville")
        let comparison = try network.compareRoutes(from: "Sonoyta", to: "Phoenix", mode: .pov, closures: closures, alternatives: 3)
        let routes = [try #require(comparison.route)] + comparison.alternatives
        let lines = network.geometry(of: routes)
        let dataset = network.dataset
        for (route, line) in zip(routes, lines) {
            #expect(route.foundOn === network.identity)
            #expect(!route.edges.isEmpty)
            #expect(line.first == dataset.place(id: route.origin)?.coordinate)
            let crossing = try #require(route.crossing.flatMap(dataset.crossing(id:)))
            #expect(line.contains(crossing.coordinate), "\(route.crossing ?? "") on the line")
            #expect(zip(line, line.dropFirst()).allSatisfy { $0 != $1 }, "no repeated vertices")
        }
        // The same routes handed to a second network of the same data are drawn from its own searches: the
        // same lines, since both search the same roads the same way.
        let other = try BorderNetwork(dataset: network.dataset)
        #expect(other.geometry(of: routes) == lines)
        // A route naming a place the network does not have draws nothing.
        let unknownOrigin = routes.map {
            Route(origin: "atlantis", destination: $0.destination, mode: $0.mode, crossing: $0.crossing, travelSeconds: $0.travelSeconds,
                  lengthMeters: $0.lengthMeters, path: $0.path, roads: $0.roads, edges: $0.edges, foundOn: $0.foundOn)
        }
        #expect(network.geometry(of: unknownOrigin).allSatisfy { $0.isEmpty })
    }
}
