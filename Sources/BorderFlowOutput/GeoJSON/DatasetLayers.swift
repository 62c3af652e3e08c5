import BorderFlow
import BorderFlowSpatial

/// The network a dataset describes, as map layers: what `borderflow export` writes.
public enum DatasetLayers {
    /// A layer `borderflow export` can write, named as its file is.
    public enum Name: String, CaseIterable, Sendable {
        /// Points: the crossing facilities with their ports, modes, lanes, hours and daily volumes.
        case crossings
        /// MultiPolygons: the Border Patrol sectors, with how many crossings each holds.
        case sectors
        /// A line: the international boundary.
        case boundary
        /// Points: the places trips start and end at, with their populations.
        case places
        /// Lines: the road and rail segments, with class, speed and length.
        case roads
        /// Points: the road and rail junctions.
        case junctions

        /// The names, comma-separated, for help and error messages.
        public static let validNames = allCases.map(\.rawValue).joined(separator: ", ")
    }

    /// The named layers, in the order asked for.
    ///
    /// - Parameters:
    ///   - names: the layers to make.
    ///   - dataset: the dataset to draw them from.
    /// - Returns: one layer per name, with simplestyle properties for drawing.
    public static func layers(_ names: [Name], of dataset: Dataset) -> [GeoJSONLayer] {
        names.map { name in
            switch name {
            case .crossings: return crossingLayer(dataset)
            case .sectors: return sectorLayer(dataset)
            case .boundary: return boundaryLayer(dataset)
            case .places: return placeLayer(dataset)
            case .roads: return roadLayer(dataset)
            case .junctions: return junctionLayer(dataset)
            }
        }
    }

    static func crossingLayer(_ dataset: Dataset) -> GeoJSONLayer {
        GeoJSONLayer(name: "crossings", features: dataset.crossings.map { crossing in
            var properties: [(String, JSONValue)] = [
                ("id", .string(crossing.id)), ("name", .string(crossing.name)), ("kind", .string(crossing.kind.rawValue)),
                ("port", .string(crossing.port)), ("port_code", .string(crossing.portCode)), ("state", .string(crossing.state)),
                ("mexican_city", .string(crossing.mexicanCity)), ("mexican_state", .string(crossing.mexicanState)),
                ("sector", crossing.sector.map(JSONValue.string) ?? .null),
                ("status", .string(crossing.inService ? CrossingStatus.open.rawValue : CrossingStatus.outOfService.rawValue)),
                ("modes", .string(crossing.modes.map(\.rawValue).joined(separator: ","))), ("time_zone", .string(crossing.timeZone)),
            ]
            var total = 0.0
            for mode in Mode.allCases {
                let volume = crossing.dailyVolume[mode] ?? 0
                total += volume
                properties += [
                    ("\(mode.rawValue)_daily", PropertyValue.volume(volume)),
                    ("\(mode.rawValue)_lanes", crossing.lanes[mode].map { .number(Double($0)) } ?? .null),
                    ("\(mode.rawValue)_hours", crossing.hours[mode].map { .string($0.description) } ?? .null),
                ]
            }
            properties += [
                ("crossings_daily", PropertyValue.volume(total)), ("volume_source", .string(crossing.volumeSource)),
                ("title", .string(crossing.name)),
                ("marker-color", .string(crossing.inService ? "#2166ac" : SimpleStyle.outOfService)),
                ("marker-size", .string(SimpleStyle.markerSize(dailyCrossings: total))),
            ]
            return GeoJSONOutputFeature(id: crossing.id, geometry: .point(Position(crossing.coordinate)), properties: JSONObject(properties))
        })
    }

    static func sectorLayer(_ dataset: Dataset) -> GeoJSONLayer {
        GeoJSONLayer(name: "sectors", features: dataset.sectors.map { sector in
            GeoJSONOutputFeature(id: sector.id, geometry: multiPolygon(sector.geometry), properties: JSONObject([
                ("id", .string(sector.id)), ("name", .string(sector.name)),
                ("crossings", .number(Double(dataset.crossings.filter { $0.sector == sector.id }.count))),
                ("title", .string("\(sector.name) Sector")),
                ("stroke", .string("#555555")), ("stroke-width", .number(1)), ("fill", .string("#fee391")), ("fill-opacity", .number(0.3)),
            ]))
        })
    }

    /// Polygons as MultiPolygons, so that a layer has one geometry type: QGIS splits a layer that mixes
    /// Polygon and MultiPolygon into two.
    static func multiPolygon(_ geometry: GeoJSONGeometry) -> GeoJSONGeometry {
        if case let .polygon(rings) = geometry { return .multiPolygon([rings]) }
        return geometry
    }

    static func boundaryLayer(_ dataset: Dataset) -> GeoJSONLayer {
        GeoJSONLayer(name: "boundary", features: [
            GeoJSONOutputFeature(id: "us-mx-boundary", geometry: .lineString(dataset.boundary.line.map(Position.init)), properties: JSONObject([
                ("name", .string("United States–Mexico boundary")),
                ("title", .string("United States–Mexico boundary")),
                ("stroke", .string(SimpleStyle.boundary)), ("stroke-width", .number(2.5)),
            ])),
        ])
    }

    static func placeLayer(_ dataset: Dataset) -> GeoJSONLayer {
        GeoJSONLayer(name: "places", features: dataset.places.map { place in
            GeoJSONOutputFeature(id: place.id, geometry: .point(Position(place.coordinate)), properties: JSONObject([
                ("id", .string(place.id)), ("name", .string(place.name)), ("country", .string(place.country.rawValue)),
                ("state", .string(place.state)), ("population", .number(Double(place.population))),
                ("title", .string(place.name)),
                ("marker-color", .string(place.country == .us ? "#4d4d4d" : "#8c510a")),
                ("marker-size", .string(place.population >= 500_000 ? "medium" : "small")),
            ]))
        })
    }

    static func roadLayer(_ dataset: Dataset) -> GeoJSONLayer {
        GeoJSONLayer(name: "roads", features: dataset.roads.map { road in
            let style: (color: String, width: Double)
            switch road.roadClass {
            case .motorway: style = ("#e31a1c", 2.5)
            case .trunk: style = ("#fd8d3c", 2)
            case .primary: style = ("#feb24c", 1.5)
            case .secondary, .local: style = ("#969696", 1)
            case .footway: style = ("#bdbdbd", 0.75)
            case .ferry: style = ("#3182bd", 1.5)
            case .rail: style = ("#252525", 1.5)
            }
            var properties: [(String, JSONValue)] = [
                ("id", .string(road.id)), ("name", .string(road.name)), ("country", .string(road.country.rawValue)),
                ("class", .string(road.roadClass.rawValue)), ("speed_kph", .number(road.speedKph)),
                ("from", .string(road.from)), ("to", .string(road.to)),
                ("length_km", .number(road.lengthMeters / 1000, decimals: 2)),
                ("title", .string(road.name)), ("stroke", .string(style.color)), ("stroke-width", .number(style.width)),
            ]
            // Only imported networks have one-way roads and closures by mode; the bundled layer stays as it was.
            if road.oneWay { properties.append(("one_way", .bool(true))) }
            if !road.closedTo.isEmpty { properties.append(("closed_to", .string(road.closedTo.sorted().map(\.rawValue).joined(separator: ",")))) }
            return GeoJSONOutputFeature(id: road.id, geometry: .lineString(road.geometry.map(Position.init)), properties: JSONObject(properties))
        })
    }

    static func junctionLayer(_ dataset: Dataset) -> GeoJSONLayer {
        GeoJSONLayer(name: "junctions", features: dataset.junctions.map { junction in
            GeoJSONOutputFeature(id: junction.id, geometry: .point(Position(junction.coordinate)), properties: JSONObject([
                ("id", .string(junction.id)), ("name", .string(junction.name)), ("country", .string(junction.country.rawValue)),
                ("title", .string(junction.name)), ("marker-color", .string("#737373")), ("marker-size", .string("small")),
            ]))
        })
    }
}
