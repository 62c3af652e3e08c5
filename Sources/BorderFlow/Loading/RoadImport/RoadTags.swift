import Foundation

/// What one source line is as a road: its class, speed, direction and who may use it, read from OpenStreetMap
/// tags or from a GIS layer's attributes by the documented rules (README, "Importing a road network").
struct RoadTags: Hashable {
    /// Which way traffic may go along the line as drawn.
    enum Direction: Hashable {
        case both, forward, backward
    }

    let roadClass: Road.RoadClass
    /// The class value as the source gives it (`residential`), for summaries and speed overrides.
    let sourceClass: String
    let speedKph: Double
    let direction: Direction
    /// Modes the line's own tags close it to.
    let closedTo: Set<Mode>

    /// The tags besides class, speed and one-way that the rules read: from `other_tags` in OpenStreetMap, from
    /// attributes of these names in a plain layer.
    static let tagKeys = ["route", "junction", "hgv", "access", "motor_vehicle"]

    /// Default car speeds, km/h, by OpenStreetMap `highway` value, and the class each maps to.
    static let classes: [String: (Road.RoadClass, Double)] = [
        "motorway": (.motorway, 110), "motorway_link": (.motorway, 60),
        "trunk": (.trunk, 90), "trunk_link": (.trunk, 50),
        "primary": (.primary, 80), "primary_link": (.primary, 50),
        "secondary": (.secondary, 70), "secondary_link": (.secondary, 50),
        "tertiary": (.secondary, 60), "tertiary_link": (.secondary, 40),
        "unclassified": (.local, 50), "residential": (.local, 40), "living_street": (.local, 20),
        "service": (.local, 25), "road": (.local, 40),
        "footway": (.footway, 5), "pedestrian": (.footway, 5), "path": (.footway, 5), "steps": (.footway, 5),
        "ferry": (.ferry, 10),
    ]

    /// Reads a line's attributes; nil when it is not a road under the rules (a track, a cycleway, a river).
    ///
    /// - Parameters:
    ///   - highway: the class attribute (`highway` in OpenStreetMap).
    ///   - maxspeed: the speed attribute: km/h, or "NN mph".
    ///   - oneway: the one-way attribute.
    ///   - tags: further OpenStreetMap tags (`route`, `junction`, `hgv`, `access`, `motor_vehicle`), empty for a
    ///     plain GIS layer.
    ///   - speedOverrides: default speeds the user replaced, by class value.
    init?(highway: String?, maxspeed: String?, oneway: String?, tags: [String: String], speedOverrides: [String: Double]) {
        let value: String
        if tags["route"] == "ferry" {
            value = "ferry"
        } else if let highway {
            value = highway.lowercased()
        } else {
            return nil
        }
        guard let (roadClass, defaultSpeed) = Self.classes[value] else { return nil }
        self.roadClass = roadClass
        sourceClass = value
        speedKph = Self.speed(maxspeed).map { max(5, min(200, $0)) } ?? speedOverrides[value] ?? defaultSpeed

        if roadClass == .footway {
            direction = .both
        } else {
            switch oneway?.lowercased() {
            case "yes", "true", "1", "t", "ft": direction = .forward
            case "-1", "reverse", "tf": direction = .backward
            case "no", "false", "0", "f", "b": direction = .both
            default:
                direction = value == "motorway" || tags["junction"] == "roundabout" ? .forward : .both
            }
        }

        var closed: Set<Mode> = []
        let hgv = tags["hgv"]
        if hgv == "no" || hgv == "private" { closed.insert(.truck) }
        if roadClass == .ferry, hgv != "yes", hgv != "designated" { closed.insert(.truck) }
        if ["no", "private"].contains(tags["access"] ?? "") || ["no", "private"].contains(tags["motor_vehicle"] ?? "") {
            closed.formUnion([.pov, .bus, .truck])
            // Pedestrians ride the car roads, so a road closed to vehicles is closed to them too, footways aside.
            if roadClass != .footway { closed.insert(.pedestrian) }
        }
        closedTo = closed
    }

    private init(roadClass: Road.RoadClass, sourceClass: String, speedKph: Double, direction: Direction, closedTo: Set<Mode>) {
        self.roadClass = roadClass
        self.sourceClass = sourceClass
        self.speedKph = speedKph
        self.direction = direction
        self.closedTo = closedTo
    }

    /// The line also closed to `modes` (those of profiles not imported); nil when no mode may use it then.
    func closing(_ modes: Set<Mode>) -> RoadTags? {
        let closed = closedTo.union(modes)
        let users: Set<Mode> = roadClass == .footway ? [.pedestrian] : [.pov, .bus, .truck, .pedestrian]
        guard !users.isSubset(of: closed) else { return nil }
        return RoadTags(roadClass: roadClass, sourceClass: sourceClass, speedKph: speedKph, direction: direction, closedTo: closed)
    }

    /// A speed attribute in km/h: a number, or a number followed by "mph"; nil for anything else ("signals", "none").
    static func speed(_ text: String?) -> Double? {
        guard let text = text?.trimmingCharacters(in: .whitespaces).lowercased(), !text.isEmpty else { return nil }
        if text.hasSuffix("mph"), let mph = Double(text.dropLast(3).trimmingCharacters(in: .whitespaces)) {
            return mph * 1.609344
        }
        let digits = text.hasSuffix("km/h") ? String(text.dropLast(4)).trimmingCharacters(in: .whitespaces) : text
        guard let kph = Double(digits), kph.isFinite, kph > 0 else { return nil }
        return kph
    }

    /// OpenStreetMap's `other_tags` column as GDAL writes it: `"key"=>"value","key2"=>"value2"`, quotes inside
    /// values escaped with a backslash.
    static func otherTags(_ text: String?) -> [String: String] {
        guard let text else { return [:] }
        var tags: [String: String] = [:]
        var strings: [String] = []
        var current = ""
        var inside = false, escaped = false
        for character in text {
            if inside {
                if escaped {
                    current.append(character)
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    inside = false
                    strings.append(current)
                    current = ""
                } else {
                    current.append(character)
                }
            } else if character == "\"" {
                inside = true
            }
        }
        var index = 0
        while index + 1 < strings.count {
            tags[strings[index]] = strings[index + 1]
            index += 2
        }
        return tags
    }
}
