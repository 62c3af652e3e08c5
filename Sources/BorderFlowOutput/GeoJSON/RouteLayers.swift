import BorderFlow
import BorderFlowSpatial

extension RouteComparison {
    /// The answer as map layers of one geometry type each, as Shapefiles and GeoPackage layers require: the
    /// best route, the alternatives and the all-open route as lines along their roads (`route`), and the two
    /// ends and the crossings the lines use as points (`route-points`).
    ///
    /// - Parameter network: the network the answer came from, for the roads the lines follow.
    /// - Returns: the `route` and `route-points` layers, with simplestyle colours for the best route,
    ///   alternatives and all-open route.
    public func layers(on network: BorderNetwork) -> [GeoJSONLayer] {
        let dataset = network.dataset
        var lines: [(role: String, rank: Int, route: Route)] = []
        if let route { lines.append(("route", 1, route)) }
        for (rank, alternative) in alternatives.enumerated() where alternative != route {
            lines.append(("alternative", rank + 1, alternative))
        }
        if closuresApplied, let allOpen, allOpen.crossing != route?.crossing { lines.append(("all-open", 1, allOpen)) }

        let geometry = network.geometry(of: lines.map(\.route))
        var features: [GeoJSONOutputFeature] = []
        var points: [GeoJSONOutputFeature] = []
        for (line, coordinates) in zip(lines, geometry) where !coordinates.isEmpty {
            let (color, width) = line.role == "route" ? ("#d7301f", 5.0) : line.role == "all-open" ? ("#7f7f7f", 3.0) : ("#2166ac", 3.0)
            features.append(GeoJSONOutputFeature(
                id: "\(line.role)-\(line.rank)", geometry: .lineString(coordinates.map(Position.init)), properties: JSONObject([
                    ("role", .string(line.role)), ("rank", .number(Double(line.rank))),
                    ("origin", .string(origin.id)), ("destination", .string(destination.id)), ("mode", .string(mode.rawValue)),
                    ("crossing", line.route.crossing.map(JSONValue.string) ?? .null),
                    ("travel_minutes", PropertyValue.minutes(line.route.travelSeconds / 60)),
                    ("length_km", .number(line.route.lengthMeters / 1000, decimals: 2)),
                    ("roads", .string(line.route.roads.joined(separator: ", "))),
                    ("title", .string("\(line.role == "route" ? "Best route" : line.role == "all-open" ? "With every crossing open" : "Alternative \(line.rank)") via \(line.route.crossing ?? "no crossing")")),
                    ("stroke", .string(color)), ("stroke-width", .number(width)), ("stroke-opacity", .number(0.85)),
                ])))
        }
        for (role, place) in [("origin", origin), ("destination", destination)] {
            points.append(GeoJSONOutputFeature(id: role, geometry: .point(Position(place.coordinate)), properties: JSONObject([
                ("role", .string(role)), ("id", .string(place.id)), ("name", .string(place.name)),
                ("title", .string(place.name)), ("marker-color", .string(role == "origin" ? "#1a9850" : "#762a83")), ("marker-size", .string("medium")),
            ])))
        }
        var seen = Set<String>()
        for line in lines {
            guard let id = line.route.crossing, seen.insert(id).inserted, let crossing = dataset.crossing(id: id) else { continue }
            points.append(GeoJSONOutputFeature(id: "crossing-\(id)", geometry: .point(Position(crossing.coordinate)), properties: JSONObject([
                ("role", .string("crossing")), ("id", .string(id)), ("name", .string(crossing.name)),
                ("title", .string(crossing.name)), ("marker-color", .string(line.role == "route" ? "#d7301f" : "#2166ac")), ("marker-size", .string("small")),
            ])))
        }
        return [GeoJSONLayer(name: "route", features: features), GeoJSONLayer(name: "route-points", features: points)]
    }
}
