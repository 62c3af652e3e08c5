import BorderFlowSpatial
import Foundation

/// Reads the four layer files of a dataset into values, collecting every schema problem it finds instead of
/// stopping at the first, so `borderflow validate` can list them all.
final class DatasetReader {
    /// Longitude/latitude box of the Southwest border region; data outside it is a mistake (often swapped axes).
    static let regionLongitudes = -125.0 ... -85.0
    static let regionLatitudes = 10.0 ... 45.0

    static let usStates = Country.us.stateCodes
    static let mexicanStates = Country.mx.stateCodes
    static let timeZones: Set<String> = ["America/Los_Angeles", "America/Phoenix", "America/Denver", "America/Chicago", "America/Tijuana", "America/Hermosillo", "America/Ojinaga", "America/Matamoros", "America/Monterrey"]

    let directory: URL
    private(set) var problems: [DatasetProblem] = []

    init(directory: URL) {
        self.directory = directory
    }

    struct Layers {
        var crossings: [Crossing]
        var sectors: [Sector]
        var places: [Place]
        var boundary: Boundary?
        var junctions: [Junction]
        var roads: [Road]
        /// The bulk of an imported network (`roads.bfroads`), or nil.
        var importedRoads: ImportedRoads?
        /// Files that could not be read or parsed at all; checks that need them are skipped, so that one broken
        /// file gives one problem rather than one per reference to it.
        var unreadable: Set<String>
    }

    func read() -> Layers {
        var unreadable = Set<String>()
        func required(_ name: String, holding what: String) -> GeoJSONFeatureCollection? {
            guard let collection = readCollection(name) else {
                unreadable.insert(name)
                return nil
            }
            if collection.features.isEmpty {
                problems.append(DatasetProblem(file: name, field: "features", message: "the collection is empty; a dataset needs at least one \(what)"))
            }
            return collection
        }
        func optional(_ name: String) -> GeoJSONFeatureCollection? {
            guard FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path) else { return nil }
            let collection = readCollection(name)
            if collection == nil { unreadable.insert(name) }
            return collection
        }
        let crossings = required(DatasetFiles.crossings, holding: "crossing").map { readCrossings($0) } ?? []
        let sectors = required(DatasetFiles.sectors, holding: "sector").map { readSectors($0) } ?? []
        let places = required(DatasetFiles.places, holding: "place").map { readPlaces($0) } ?? []
        let boundary = required(DatasetFiles.boundary, holding: "boundary line").flatMap { readBoundary($0) }
        let junctions = optional(DatasetFiles.junctions).map { readJunctions($0) } ?? []
        let roads = optional(DatasetFiles.roads).map { readRoads($0) } ?? []
        var importedRoads: ImportedRoads?
        let importedURL = directory.appendingPathComponent(ImportedRoadsFile.name)
        if FileManager.default.fileExists(atPath: importedURL.path) {
            do {
                importedRoads = try ImportedRoadsFile.read(importedURL)
            } catch let error as InputFileError {
                problems.append(DatasetProblem(file: ImportedRoadsFile.name, message: error.message))
                unreadable.insert(ImportedRoadsFile.name)
            } catch {
                problems.append(DatasetProblem(file: ImportedRoadsFile.name, message: "\(error)"))
                unreadable.insert(ImportedRoadsFile.name)
            }
        }
        return Layers(crossings: crossings, sectors: sectors, places: places, boundary: boundary, junctions: junctions, roads: roads,
                      importedRoads: importedRoads, unreadable: unreadable)
    }

    private func readCollection(_ name: String) -> GeoJSONFeatureCollection? {
        do {
            return try GeoJSONReader.read(contentsOf: directory.appendingPathComponent(name), name: name)
        } catch let error as GeoJSONError {
            problems.append(error)
        } catch let error as InputFileError {
            problems.append(DatasetProblem(file: error.file, message: error.message))
        } catch {
            problems.append(DatasetProblem(file: name, message: "\(error)"))
        }
        return nil
    }

    /// Runs one field's parse, recording its error and returning nil on failure.
    private func field<T>(_ body: () throws -> T) -> T? {
        do {
            return try body()
        } catch let error as GeoJSONError {
            problems.append(error)
        } catch {
            problems.append(DatasetProblem(file: directory.lastPathComponent, message: "\(error)"))
        }
        return nil
    }

    private func report(_ feature: GeoJSONFeature, field: String?, _ message: String) {
        problems.append(feature.error(field: field, message))
    }

    /// The feature's id: present, non-empty and not seen before in the file.
    private func identifier(_ feature: GeoJSONFeature, seen: inout Set<String>) -> String? {
        guard let id = feature.id, !id.isEmpty else {
            report(feature, field: "id", "missing; every feature needs a stable, unique id")
            return nil
        }
        guard Self.isValidIdentifier(id) else {
            report(feature, field: "id", "\"\(id.prefix(80))\" is not a valid id; ids are ASCII letters, digits and hyphens, such as san-ysidro-pedwest, so that they stand as they are in CSV files, command lines and scenarios")
            return nil
        }
        if !seen.insert(id).inserted {
            report(feature, field: "id", "duplicate id \"\(id)\"; ids must be unique within the file")
            return nil
        }
        return id
    }

    /// Whether an id is made of ASCII letters, digits and hyphens only, and is not empty.
    static func isValidIdentifier(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
        }
    }

    /// A point's coordinate, checked for range, swapped axes and the border region.
    private func coordinate(_ feature: GeoJSONFeature) -> Coordinate? {
        guard let position = field({ try feature.point() }) else { return nil }
        let coordinate = Coordinate(longitude: position.x, latitude: position.y)
        if !coordinate.isValidGeographic {
            let swapped = Coordinate(longitude: position.y, latitude: position.x)
            let hint = Self.inRegion(swapped) ? "; longitude and latitude look swapped (GeoJSON puts longitude first)" : ""
            report(feature, field: "geometry.coordinates", "\(coordinate) is not a valid longitude/latitude\(hint)")
            return nil
        }
        if !Self.inRegion(coordinate) {
            let swapped = Coordinate(longitude: position.y, latitude: position.x)
            let hint = Self.inRegion(swapped) ? "; longitude and latitude look swapped (GeoJSON puts longitude first)" : ""
            report(feature, field: "geometry.coordinates",
                   "\(coordinate) is outside the Southwest border region (longitude -125 to -85, latitude 10 to 45)\(hint)")
            return nil
        }
        return coordinate
    }

    static func inRegion(_ coordinate: Coordinate) -> Bool {
        regionLongitudes.contains(coordinate.longitude) && regionLatitudes.contains(coordinate.latitude)
    }

    // MARK: Crossings

    private func readCrossings(_ collection: GeoJSONFeatureCollection) -> [Crossing] {
        var seen = Set<String>()
        var crossings: [Crossing] = []
        for feature in collection.features {
            let start = problems.count
            let id = identifier(feature, seen: &seen)
            let name = field { try feature.string("name") }
            let kindText = field { try feature.string("kind") }
            var kind: Crossing.Kind?
            if let kindText {
                kind = Crossing.Kind(rawValue: kindText)
                if kind == nil {
                    report(feature, field: "kind", "unknown kind \"\(kindText)\"; expected one of \(Crossing.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
            }
            let port = field { try feature.string("port") }
            let portCode = field { try feature.string("portCode") }
            if let portCode, portCode.count != 4 || !portCode.allSatisfy(\.isASCII) || !portCode.allSatisfy(\.isNumber) {
                report(feature, field: "portCode", "\"\(portCode)\" is not a 4-digit CBP port code (e.g. \"2602\")")
            }
            let state = field { try feature.string("state") }
            if let state, !Self.usStates.contains(state) {
                report(feature, field: "state", "\"\(state)\" is not a border state; expected CA, AZ, NM or TX")
            }
            let mexicanCity = field { try feature.string("mexicanCity") }
            let mexicanState = field { try feature.string("mexicanState") }
            if let mexicanState, !Self.mexicanStates.contains(mexicanState) {
                report(feature, field: "mexicanState", "\"\(mexicanState)\" is not a Mexican border state; expected one of \(Self.mexicanStates.sorted().joined(separator: ", "))")
            }
            let timeZone = field { try feature.string("timeZone") }
            if let timeZone, !Self.timeZones.contains(timeZone) {
                report(feature, field: "timeZone", "\"\(timeZone)\" is not a border time zone; expected one of \(Self.timeZones.sorted().joined(separator: ", "))")
            }
            let volumeSource = field { try feature.string("volumeSource") }
            let note = (field { try feature.optionalString("note") } ?? nil) ?? ""
            let railroad = field { try feature.optionalString("railroad") } ?? nil
            let status = (field { try feature.optionalString("status") } ?? nil) ?? "in-service"
            if status != "in-service" && status != "out-of-service" {
                report(feature, field: "status", "\"\(status)\" is not a status; expected \"in-service\" (the default) or \"out-of-service\"")
            }
            let modes = readModes(feature)
            let hours = readPerMode(feature, "hours", modes: modes) { value, path -> OpeningHours? in
                guard let text = value.stringValue, let hours = OpeningHours(parsing: text) else {
                    return self.reportNil(feature, path, "expected opening hours as \"HH:MM-HH:MM\" (\"00:00-24:00\" for all day), found \(Self.show(value))")
                }
                return hours
            }
            let lanes = readPerMode(feature, "lanes", modes: modes) { value, path -> Int? in
                guard let number = value.numberValue, number == number.rounded(), number >= 1, number <= 500 else {
                    return self.reportNil(feature, path, "expected a whole number of lanes from 1 to 500, found \(Self.show(value))")
                }
                return Int(number)
            }
            let volume = readPerMode(feature, "dailyVolume", modes: modes) { value, path -> Double? in
                guard let number = value.numberValue, number.isFinite, number >= 0 else {
                    return self.reportNil(feature, path, "expected a daily volume of zero or more, found \(Self.show(value))")
                }
                return number
            }
            let coordinate = self.coordinate(feature)
            guard problems.count == start, let id, let name, let kind, let port, let portCode, let state, let mexicanCity,
                  let mexicanState, let timeZone, let volumeSource, let modes, let hours, let lanes, let volume, let coordinate
            else { continue }
            crossings.append(Crossing(
                id: id, name: name, kind: kind, port: port, portCode: portCode, state: state, mexicanCity: mexicanCity,
                mexicanState: mexicanState, coordinate: coordinate, modes: modes, hours: hours, timeZone: timeZone,
                lanes: lanes, dailyVolume: volume, volumeSource: volumeSource, note: note, railroad: railroad,
                inService: status != "out-of-service", sector: nil))
        }
        return crossings
    }

    private func reportNil<T>(_ feature: GeoJSONFeature, _ path: String, _ message: String) -> T? {
        report(feature, field: path, message)
        return nil
    }

    private static func show(_ value: JSONValue) -> String {
        if let text = value.stringValue { return "\"\(text)\"" }
        if let number = value.numberValue { return (try? JSONTextWriter.number(number)) ?? "\(number)" }
        return value.kindDescription
    }

    private func readModes(_ feature: GeoJSONFeature) -> [Mode]? {
        guard let names = field({ try feature.stringArray("modes") }) else { return nil }
        if names.isEmpty {
            report(feature, field: "modes", "empty; a crossing serves at least one of \(Mode.validNames)")
            return nil
        }
        var modes: [Mode] = []
        var ok = true
        for (index, name) in names.enumerated() {
            guard let mode = Mode(rawValue: name) else {
                report(feature, field: "modes[\(index)]", "unknown mode \"\(name)\"; expected one of \(Mode.validNames)")
                ok = false
                continue
            }
            if modes.contains(mode) {
                report(feature, field: "modes[\(index)]", "mode \"\(name)\" is listed twice")
                ok = false
            }
            modes.append(mode)
        }
        return ok ? modes.sorted() : nil
    }

    /// An object keyed by mode with exactly the crossing's modes as keys.
    private func readPerMode<T>(
        _ feature: GeoJSONFeature, _ key: String, modes: [Mode]?,
        _ parse: (JSONValue, String) -> T?
    ) -> PerMode<T>? {
        guard let object = field({ try feature.object(key) }) else { return nil }
        guard let modes else { return nil }
        var result: PerMode<T> = [:]
        var ok = true
        for name in object.keys {
            guard let mode = Mode(rawValue: name) else {
                report(feature, field: "\(key).\(name)", "unknown mode \"\(name)\"; expected one of \(Mode.validNames)")
                ok = false
                continue
            }
            guard modes.contains(mode) else {
                report(feature, field: "\(key).\(name)", "the crossing does not list \"\(name)\" in modes; remove it or add the mode")
                ok = false
                continue
            }
            if let value = object[name], let parsed = parse(value, "\(key).\(name)") {
                result[mode] = parsed
            } else {
                ok = false
            }
        }
        for mode in modes where object[mode.rawValue] == nil {
            report(feature, field: "\(key).\(mode.rawValue)", "missing; every mode in modes needs a value here")
            ok = false
        }
        return ok ? result : nil
    }

    // MARK: Sectors, places, boundary

    private func readSectors(_ collection: GeoJSONFeatureCollection) -> [Sector] {
        var seen = Set<String>()
        var sectors: [Sector] = []
        for feature in collection.features {
            let start = problems.count
            let id = identifier(feature, seen: &seen)
            let name = field { try feature.string("name") }
            var geometry: GeoJSONGeometry?
            switch feature.geometry {
            case let value? where !value.polygons.isEmpty && (value.typeName == "Polygon" || value.typeName == "MultiPolygon"):
                geometry = value
                if let bad = value.allPositions.first(where: { !Self.inRegion(Coordinate($0)) }) {
                    report(feature, field: "geometry", "vertex \(Coordinate(bad)) is outside the Southwest border region (longitude -125 to -85, latitude 10 to 45); are longitude and latitude swapped?")
                }
            default:
                report(feature, field: "geometry", "expected a Polygon or MultiPolygon, found \(feature.geometry?.typeName ?? "no geometry")")
            }
            guard problems.count == start, let id, let name, let geometry else { continue }
            sectors.append(Sector(id: id, name: name, geometry: geometry))
        }
        if collection.features.isEmpty {
            problems.append(DatasetProblem(file: collection.file, message: "no sectors; the file needs at least one sector polygon"))
        }
        return sectors
    }

    private func readPlaces(_ collection: GeoJSONFeatureCollection) -> [Place] {
        var seen = Set<String>()
        var places: [Place] = []
        for feature in collection.features {
            let start = problems.count
            let id = identifier(feature, seen: &seen)
            let name = field { try feature.string("name") }
            let countryText = field { try feature.string("country") }
            let country = countryText.flatMap(Country.init(rawValue:))
            if let countryText, country == nil {
                report(feature, field: "country", "\"\(countryText)\" is not a border country; expected \"US\" or \"MX\"")
            }
            let state = field { try feature.string("state") }
            if let state, let country {
                let valid = country == .us ? Self.usStates : Self.mexicanStates
                if !valid.contains(state) {
                    report(feature, field: "state", "\"\(state)\" is not a \(country.rawValue) border state; expected one of \(valid.sorted().joined(separator: ", "))")
                }
            }
            let population = field { try feature.number("population") }
            if let population, !(population >= 0 && population == population.rounded() && population < 1e9) {
                report(feature, field: "population", "expected a whole number of people, found \(population)")
            }
            let coordinate = self.coordinate(feature)
            // Optional: most places are known by their name alone.
            var alternateNames: [String]? = []
            if feature.properties["alternateNames"] != nil { alternateNames = field { try feature.stringArray("alternateNames") } }
            if let blank = alternateNames?.firstIndex(where: { NameMatching.key($0).isEmpty }) {
                report(feature, field: "alternateNames[\(blank)]", "a name needs at least one letter or digit")
            }
            guard problems.count == start, let id, let name, let country, let state, let population, let coordinate, let alternateNames else { continue }
            places.append(Place(id: id, name: name, country: country, state: state, population: Int(population), coordinate: coordinate,
                                alternateNames: alternateNames))
        }
        return places
    }

    private func readJunctions(_ collection: GeoJSONFeatureCollection) -> [Junction] {
        var seen = Set<String>()
        var junctions: [Junction] = []
        for feature in collection.features {
            let start = problems.count
            let id = identifier(feature, seen: &seen)
            let name = field { try feature.string("name") }
            let country = readCountry(feature)
            let coordinate = self.coordinate(feature)
            guard problems.count == start, let id, let name, let country, let coordinate else { continue }
            junctions.append(Junction(id: id, name: name, country: country, coordinate: coordinate))
        }
        return junctions
    }

    private func readCountry(_ feature: GeoJSONFeature) -> Country? {
        guard let text = field({ try feature.string("country") }) else { return nil }
        guard let country = Country(rawValue: text) else {
            report(feature, field: "country", "\"\(text)\" is not a border country; expected \"US\" or \"MX\"")
            return nil
        }
        return country
    }

    private func readRoads(_ collection: GeoJSONFeatureCollection) -> [Road] {
        var seen = Set<String>()
        var roads: [Road] = []
        for feature in collection.features {
            let start = problems.count
            let id = identifier(feature, seen: &seen)
            let name = field { try feature.string("name") }
            let country = readCountry(feature)
            var roadClass: Road.RoadClass?
            if let text = field({ try feature.string("class") }) {
                roadClass = Road.RoadClass(rawValue: text)
                if roadClass == nil {
                    report(feature, field: "class", "unknown road class \"\(text)\"; expected one of \(Road.RoadClass.allCases.map(\.rawValue).joined(separator: ", "))")
                }
            }
            let speed = field { try feature.number("speedKph") }
            if let speed, !(speed >= 5 && speed <= 200) {
                report(feature, field: "speedKph", "\(speed) km/h is not a plausible speed; expected 5 to 200")
            }
            let from = field { try feature.string("from") }
            let to = field { try feature.string("to") }
            let oneWay = field { try feature.optionalBool("oneWay") }.flatMap { $0 }
            var closedTo: Set<Mode> = []
            for text in field({ try feature.optionalStringArray("closedTo") }).flatMap({ $0 }) ?? [] {
                if let mode = Mode(rawValue: text) {
                    closedTo.insert(mode)
                } else {
                    report(feature, field: "closedTo", "\"\(text)\" is not a mode; expected some of \(Mode.validNames)")
                }
            }
            var line: [Coordinate]?
            if case let .lineString(positions)? = feature.geometry {
                let coordinates = positions.map(Coordinate.init)
                if let bad = coordinates.first(where: { !Self.inRegion($0) }) {
                    report(feature, field: "geometry.coordinates", "vertex \(bad) is outside the Southwest border region (longitude -125 to -85, latitude 10 to 45); are longitude and latitude swapped?")
                } else if coordinates.count < 2 {
                    report(feature, field: "geometry.coordinates", "a road needs at least 2 positions")
                } else {
                    line = coordinates
                }
            } else {
                report(feature, field: "geometry", "expected a LineString, found \(feature.geometry?.typeName ?? "no geometry")")
            }
            guard problems.count == start, let id, let name, let country, let roadClass, let speed, let from, let to, let line
            else { continue }
            roads.append(Road(id: id, name: name, country: country, roadClass: roadClass, speedKph: speed,
                              from: from, to: to, oneWay: oneWay ?? false, closedTo: closedTo, geometry: line))
        }
        return roads
    }

    private func readBoundary(_ collection: GeoJSONFeatureCollection) -> Boundary? {
        guard collection.features.count == 1, let feature = collection.features.first else {
            problems.append(DatasetProblem(file: collection.file, message: "expected exactly one feature (the boundary line), found \(collection.features.count)"))
            return nil
        }
        guard case let .lineString(positions)? = feature.geometry else {
            report(feature, field: "geometry", "expected one LineString from the Pacific to the Gulf of Mexico, found \(feature.geometry?.typeName ?? "no geometry"); merge the parts (borderflow build-sectors writes this file)")
            return nil
        }
        guard positions.count >= 2 else {
            report(feature, field: "geometry.coordinates", "a line needs at least 2 positions")
            return nil
        }
        var line = positions.map(Coordinate.init)
        if let bad = line.first(where: { !Self.inRegion($0) }) {
            report(feature, field: "geometry.coordinates", "vertex \(bad) is outside the Southwest border region; are longitude and latitude swapped?")
            return nil
        }
        if line[0].longitude > line[line.count - 1].longitude { line.reverse() }
        return Boundary(line: line)
    }
}
