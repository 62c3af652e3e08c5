import BorderFlowSpatial
import Foundation

extension Dataset {
    /// How far a crossing may sit from the nearest sector polygon and still join it (see `BorderRegion`).
    /// The sectors end at the 1:10,000,000 boundary line, which runs up to about 2 km off the river
    /// (at Eagle Pass), so a crossing on the real river bank may lie just beyond them.
    public static let crossingSectorToleranceMeters = 3_000.0
    /// How far a crossing may sit from the boundary line (the line is generalised at 1:10,000,000).
    public static let crossingBoundaryToleranceMeters = 5_000.0
    /// How far a place may sit on the wrong side of the boundary line before it is an error.
    public static let placeSideToleranceMeters = 2_000.0
    /// The most crossings a dataset may have. Every trip weighs every crossing and the access table holds
    /// every place to every crossing, so time and memory grow with their number: 10,000 take `divert` some
    /// 8 s of processor time and 330 MB; this bound keeps a dataset within about twice that.
    public static let maximumCrossingCount = 20_000

    /// Loads and validates a dataset directory.
    ///
    /// - Parameters:
    ///   - directory: a folder with `crossings.geojson`, `sectors.geojson`, `boundary.geojson`, `places.geojson`.
    ///   - workingCRS: the CRS in metres for region questions.
    /// - Returns: the dataset, each crossing with its sector and each road with its length.
    /// - Throws: `DatasetError.invalid` listing every problem found, `DatasetError.missingDirectory`, or
    ///   `DatasetError.unusableCRS`.
    public static func load(
        from directory: URL = DatasetFiles.bundledDirectory,
        workingCRS: CoordinateReferenceSystem = WorkingCRS.borderStrip
    ) throws -> Dataset {
        let (dataset, problems) = try check(directory: directory, workingCRS: workingCRS)
        guard let dataset, problems.isEmpty else {
            throw DatasetError.invalid(directory: directory.path, problems: problems)
        }
        return dataset
    }

    /// Every schema and geometry problem in a dataset directory; empty when it is valid.
    ///
    /// - Parameters:
    ///   - directory: the dataset folder.
    ///   - workingCRS: the CRS in metres for region questions.
    /// - Returns: the problems, each with its file, feature, field and message.
    /// - Throws: `DatasetError.missingDirectory` or `DatasetError.unusableCRS`, which are not problems of the data.
    public static func problems(
        in directory: URL, workingCRS: CoordinateReferenceSystem = WorkingCRS.borderStrip
    ) throws -> [DatasetProblem] {
        try check(directory: directory, workingCRS: workingCRS).1
    }

    private static func check(directory: URL, workingCRS: CoordinateReferenceSystem) throws -> (Dataset?, [DatasetProblem]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DatasetError.missingDirectory(directory.path)
        }
        let reader = DatasetReader(directory: directory)
        let layers = reader.read()
        var problems = reader.problems
        // Refused before any check that grows with the crossings.
        if layers.crossings.count > maximumCrossingCount {
            problems.append(DatasetProblem(
                file: DatasetFiles.crossings,
                message: "has \(layers.crossings.count) crossings; a dataset may have at most \(maximumCrossingCount), since every trip weighs every crossing and the time to divert grows with their number"))
            return (nil, problems)
        }
        guard let boundary = layers.boundary, !layers.sectors.isEmpty else { return (nil, problems) }

        let region: BorderRegion
        do {
            region = try BorderRegion(sectors: layers.sectors, boundary: boundary, workingCRS: workingCRS)
        } catch let error as DatasetError {
            throw error
        } catch {
            problems.append(DatasetProblem(file: DatasetFiles.boundary, featureIndex: 0, field: "geometry", message: "\(error)"))
            return (nil, problems)
        }
        let sectorProblems = try region.sectorProblems(file: DatasetFiles.sectors)
        problems += sectorProblems
        if !sectorProblems.isEmpty { return (nil, problems) }

        var crossings = layers.crossings
        for index in crossings.indices {
            let crossing = crossings[index]
            let problem = { (field: String, message: String) in
                DatasetProblem(file: DatasetFiles.crossings, featureIndex: index, featureID: crossing.id, field: field, message: message)
            }
            if let found = try region.sector(at: crossing.coordinate, toleranceMeters: crossingSectorToleranceMeters) {
                crossings[index].sector = found.sector.id
            } else {
                problems.append(problem("geometry", "\(crossing.coordinate) lies outside every sector (more than \(Int(crossingSectorToleranceMeters / 1000)) km from the nearest sector polygon); check the coordinates or the sectors file"))
            }
            let toBoundary = try region.distanceToBoundaryMeters(from: crossing.coordinate)
            if toBoundary > crossingBoundaryToleranceMeters {
                problems.append(problem("geometry", "\(crossing.coordinate) lies \(formatFixed(toBoundary / 1000, decimals: 1)) km from the boundary line; a crossing must sit on the border (within \(Int(crossingBoundaryToleranceMeters / 1000)) km)"))
            }
        }
        for (index, place) in layers.places.enumerated() {
            guard let side = try region.country(at: place.coordinate) else {
                let toBoundary = try region.distanceToBoundaryMeters(from: place.coordinate)
                problems.append(DatasetProblem(
                    file: DatasetFiles.places, featureIndex: index, featureID: place.id, field: "geometry",
                    message: "\(place.coordinate) lies \(formatFixed(toBoundary / 1000, decimals: 1)) km from the boundary line, outside the modelled region (within \(Int(BorderRegion.modelledReachMeters / 1000)) km of it)"))
                continue
            }
            guard side != place.country else { continue }
            let toBoundary = try region.distanceToBoundaryMeters(from: place.coordinate)
            if toBoundary > placeSideToleranceMeters {
                problems.append(DatasetProblem(
                    file: DatasetFiles.places, featureIndex: index, featureID: place.id, field: "country",
                    message: "says \(place.country.rawValue) but \(place.coordinate) lies on the \(side.rawValue) side of the boundary, \(formatFixed(toBoundary / 1000, decimals: 1)) km from it"))
            }
        }
        var roads = layers.roads
        // Road ends name places, crossings and junctions: with one of those files unreadable, every reference
        // to it would be reported again as a dangling id.
        if layers.unreadable.isDisjoint(with: [DatasetFiles.crossings, DatasetFiles.places, DatasetFiles.junctions, ImportedRoadsFile.name]) {
            problems += try checkNetwork(roads: &roads, layers: layers, region: region)
        }
        let dataset = Dataset(directory: directory, crossings: crossings, sectors: layers.sectors, places: layers.places,
                              boundary: boundary, roads: roads, junctions: layers.junctions, importedRoads: layers.importedRoads)
        return (dataset, problems)
    }

    /// How far a road's end may be from the node it names.
    public static let roadEndToleranceMeters = 1_000.0
    /// How far a road vertex may stray across the boundary line (the line is generalised).
    public static let roadSideToleranceMeters = 1_000.0

    /// Checks the road network: ids unique across node layers, ends that resolve to nodes on the road's side
    /// and lie near them, vertices on the road's side, every place on a road and every crossing reached on
    /// both sides. Fills in each road's geodesic length.
    private static func checkNetwork(roads: inout [Road], layers: DatasetReader.Layers, region: BorderRegion) throws -> [DatasetProblem] {
        guard !roads.isEmpty || layers.importedRoads != nil else { return [] }
        var problems: [DatasetProblem] = []
        enum Node {
            case place(Place)
            case junction(Junction)
            case crossing(Crossing)
        }
        var nodes: [String: Node] = [:]
        for place in layers.places { nodes[place.id] = .place(place) }
        for (index, crossing) in layers.crossings.enumerated() {
            if nodes[crossing.id] != nil {
                problems.append(DatasetProblem(file: DatasetFiles.crossings, featureIndex: index, featureID: crossing.id, field: "id",
                                               message: "a place has the same id; roads name their ends by id, so ids must be unique across places, crossings and junctions (give the place a suffix, e.g. \"\(crossing.id)-\(crossing.state.lowercased())\")"))
            }
            nodes[crossing.id] = .crossing(crossing)
        }
        for (index, junction) in layers.junctions.enumerated() {
            if nodes[junction.id] != nil {
                problems.append(DatasetProblem(file: DatasetFiles.junctions, featureIndex: index, featureID: junction.id, field: "id",
                                               message: "the id is already used by a place or crossing; node ids must be unique across layers"))
                continue
            }
            nodes[junction.id] = .junction(junction)
        }
        // An imported network's own nodes, `n1`, `n2`, …, as junctions.
        func importedNode(_ id: String) -> Node? {
            guard let imported = layers.importedRoads, let node = imported.node(id: id) else { return nil }
            return .junction(Junction(id: id, name: "", country: imported.nodeCountry[node], coordinate: imported.nodeCoordinates[node]))
        }
        func isCrossing(_ id: String) -> Bool {
            if case .crossing? = nodes[id] { return true }
            return false
        }
        var placesOnRoads = Set<String>()
        var crossingSides = Set<String>()
        for index in roads.indices {
            let road = roads[index]
            let problem = { (field: String, message: String) in
                DatasetProblem(file: DatasetFiles.roads, featureIndex: index, featureID: road.id, field: field, message: message)
            }
            roads[index].lengthMeters = region.geodesic.lengthMeters(of: road.geometry)
            for (field, nodeID, end) in [("from", road.from, road.geometry[0]), ("to", road.to, road.geometry[road.geometry.count - 1])] {
                guard let node = nodes[nodeID] ?? importedNode(nodeID) else {
                    problems.append(problem(field, "no place, junction or crossing has the id \"\(nodeID)\""))
                    continue
                }
                let coordinate: Coordinate
                switch node {
                case let .place(place):
                    coordinate = place.coordinate
                    placesOnRoads.insert(place.id)
                    if place.country != road.country {
                        problems.append(problem(field, "\"\(nodeID)\" is in \(place.country.rawValue) but the road is in \(road.country.rawValue); only crossings join the two sides"))
                    }
                case let .junction(junction):
                    coordinate = junction.coordinate
                    if junction.country != road.country {
                        problems.append(problem(field, "junction \"\(nodeID)\" is in \(junction.country.rawValue) but the road is in \(road.country.rawValue)"))
                    }
                case let .crossing(crossing):
                    coordinate = crossing.coordinate
                    crossingSides.insert("\(crossing.id)|\(road.country.rawValue)|\(road.isRail ? "rail" : "road")")
                }
                let gap = region.geodesicDistanceMeters(from: end, to: coordinate)
                if gap > roadEndToleranceMeters {
                    problems.append(problem("geometry", "its \(field == "from" ? "first" : "last") vertex \(end) is \(formatFixed(gap / 1000, decimals: 1)) km from \(field) node \"\(nodeID)\" at \(coordinate); it must end within \(Int(roadEndToleranceMeters)) m of it"))
                }
            }
            // An end at a crossing lies where the crossing is, on the border: the generalised line may put it on
            // either side.
            let crossingEnds = (isCrossing(road.from) ? 1 : 0, isCrossing(road.to) ? 1 : 0)
            for vertex in road.geometry.dropFirst(crossingEnds.0).dropLast(crossingEnds.1) {
                guard let side = try region.country(at: vertex), side != road.country else { continue }
                let across = try region.distanceToBoundaryMeters(from: vertex)
                if across > roadSideToleranceMeters {
                    problems.append(problem("geometry", "vertex \(vertex) lies \(formatFixed(across / 1000, decimals: 1)) km inside \(side.rawValue), but the road is in \(road.country.rawValue); roads cross the border only at crossings"))
                    break
                }
            }
        }
        for (index, place) in layers.places.enumerated() where !placesOnRoads.contains(place.id) {
            problems.append(DatasetProblem(file: DatasetFiles.places, featureIndex: index, featureID: place.id, field: "id",
                                           message: "no road reaches this place; every place must be the end of a road in \(DatasetFiles.roads)"))
        }
        for (index, crossing) in layers.crossings.enumerated() {
            let kind = crossing.modes == [.rail] ? "rail" : "road"
            for country in Country.allCases where !crossingSides.contains("\(crossing.id)|\(country.rawValue)|\(kind)") {
                problems.append(DatasetProblem(file: DatasetFiles.crossings, featureIndex: index, featureID: crossing.id, field: "id",
                                               message: "no \(kind == "rail" ? "rail line" : "road") in \(DatasetFiles.roads) reaches the \(country.rawValue) side of this crossing; it is unreachable"))
            }
        }
        return problems
    }
}
