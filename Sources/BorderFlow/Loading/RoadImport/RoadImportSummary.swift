import BorderFlowSpatial
import Foundation

/// What an import read, built and joined: the figures `borderflow import-roads` prints and writes beside the
/// dataset (`road-import.json`), so anyone can see where the network came from.
public struct RoadImportSummary: Sendable {
    /// A crossing and the road that became it.
    public struct MatchedCrossing: Sendable, Equatable {
        /// The crossing's id.
        public let crossing: String
        /// The name of the road that became it.
        public let road: String
        /// How far that road's segment lies from the crossing's point.
        public let distanceMeters: Double
    }

    /// The file the summary is written to, in the new dataset.
    public static let fileName = "road-import.json"

    /// The source read, as given.
    public let source: String
    /// The GDAL driver that read it (`OSM`, `GPKG`, …).
    public let driver: String
    /// The layer read.
    public let layer: String
    /// The profiles built.
    public let profiles: [RoadProfile]
    /// The area, `west,south,east,north`, or nil for the whole source.
    public let boundingBox: String?
    /// Line features read from the layer.
    public let linesRead: Int
    /// Lines that are not roads under the rules (tracks, rivers, buildings' outlines).
    public let linesNotRoads: Int
    /// Road lines with no vertex inside the area.
    public let linesOutside: Int
    /// Plain lines joined where an end lay on another line.
    public let endsJoined: Int
    /// Nodes and road segments written, connectors and rail included.
    public let nodes: Int
    /// Road segments written: the network's own, the connectors, the approaches and the rail lines.
    public let roads: Int
    /// Of the network's own segments, those that are one-way.
    public let oneWayRoads: Int
    /// Kilometres written per class, in class order: the network's segments, connectors, approaches and rail.
    public let kilometresByClass: [(roadClass: Road.RoadClass, kilometres: Double)]
    /// Parts of the network not joined to any crossing, left out, and their nodes.
    public let partsDropped: Int
    /// The nodes of the parts dropped.
    public let nodesDropped: Int
    /// Each crossing matched, with its road.
    public let crossingsMatched: [MatchedCrossing]
    /// Rail crossings kept with the dataset's own rail lines.
    public let railCrossingsKept: [String]
    /// Crossings inside the area left out of the new dataset, with why.
    public let crossingsLeftOut: [(crossing: String, reason: String)]
    /// Places joined to the network.
    public let placesJoined: Int
    /// Places inside the area left out, with why.
    public let placesLeftOut: [(place: String, reason: String)]

    init(source: String, driver: String, layer: String, profiles: [RoadProfile], boundingBox: String?, linesRead: Int,
         linesNotRoads: Int, linesOutside: Int, endsJoined: Int, layers: RoadImportLayers, attachment: BorderAttachment,
         dataset: Dataset) {
        self.source = source
        self.driver = driver
        self.layer = layer
        self.profiles = profiles
        self.boundingBox = boundingBox
        self.linesRead = linesRead
        self.linesNotRoads = linesNotRoads
        self.linesOutside = linesOutside
        self.endsJoined = endsJoined
        nodes = layers.nodeCount
        roads = layers.roads.count + layers.imported.segmentCount
        oneWayRoads = layers.oneWayRoads
        kilometresByClass = Road.RoadClass.allCases.compactMap { roadClass in
            layers.kilometresByClass[roadClass].map { (roadClass, $0) }
        }
        partsDropped = attachment.partsDropped
        nodesDropped = attachment.nodesDropped
        crossingsMatched = attachment.matched.map { match in
            MatchedCrossing(crossing: dataset.crossings[match.crossing].id, road: match.roadName, distanceMeters: match.distanceMeters)
        }
        crossingsLeftOut = layers.crossingsLeftOut
        railCrossingsKept = dataset.crossings.map(\.id).filter { id in
            layers.crossingsKept.contains(id) && !attachment.matched.contains { dataset.crossings[$0.crossing].id == id }
        }
        placesJoined = attachment.joinedPlaces.count
        placesLeftOut = attachment.placesLeftOut.map { (dataset.places[$0.place].id, $0.reason) }
    }

    /// The summary as JSON: `road-import.json`, and `import-roads --format json`.
    public var jsonValue: JSONValue {
        var members: [(String, JSONValue)] = [
            ("source", .string((source as NSString).lastPathComponent)), ("driver", .string(driver)), ("layer", .string(layer)),
            ("profiles", .array(profiles.map { .string($0.rawValue) })),
            ("boundingBox", boundingBox.map(JSONValue.string) ?? .null),
            ("linesRead", .number(Double(linesRead))), ("linesNotRoads", .number(Double(linesNotRoads))),
            ("linesOutside", .number(Double(linesOutside))), ("endsJoined", .number(Double(endsJoined))),
            ("nodes", .number(Double(nodes))), ("roads", .number(Double(roads))), ("oneWayRoads", .number(Double(oneWayRoads))),
        ]
        members.append(("kilometresByClass", .object(JSONObject(kilometresByClass.map { ($0.roadClass.rawValue, .number(($0.kilometres * 1000).rounded() / 1000)) }))))
        members.append(("partsDropped", .number(Double(partsDropped))))
        members.append(("nodesDropped", .number(Double(nodesDropped))))
        members.append(("crossingsMatched", .array(crossingsMatched.map { match in
            .object(JSONObject([("crossing", .string(match.crossing)), ("road", .string(match.road)),
                                ("distanceMeters", .number((match.distanceMeters * 10).rounded() / 10))]))
        })))
        members.append(("railCrossingsKept", .array(railCrossingsKept.map(JSONValue.string))))
        members.append(("crossingsLeftOut", .array(crossingsLeftOut.map { .object(JSONObject([("crossing", .string($0.crossing)), ("reason", .string($0.reason))])) })))
        members.append(("placesJoined", .number(Double(placesJoined))))
        members.append(("placesLeftOut", .array(placesLeftOut.map { .object(JSONObject([("place", .string($0.place)), ("reason", .string($0.reason))])) })))
        return .object(JSONObject(members))
    }
}
