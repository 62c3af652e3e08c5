import BorderFlowSpatial
import Foundation

/// A loaded, validated BorderFlow dataset: crossings (each with its sector), sectors, places and the boundary.
public struct Dataset: Sendable {
    public let directory: URL
    public let crossings: [Crossing]
    public let sectors: [Sector]
    public let places: [Place]
    public let boundary: Boundary

    /// How far a crossing may sit from the nearest sector polygon and still join it (see `BorderRegion`).
    /// The sectors end at the 1:10,000,000 boundary line, which runs up to about 2 km off the river
    /// (at Eagle Pass), so a crossing on the real river bank may lie just beyond them.
    public static let crossingSectorToleranceMeters = 3_000.0
    /// How far a crossing may sit from the boundary line (the line is generalised at 1:10,000,000).
    public static let crossingBoundaryToleranceMeters = 5_000.0
    /// How far a place may sit on the wrong side of the boundary line before it is an error.
    public static let placeSideToleranceMeters = 2_000.0

    /// Loads and validates a dataset directory.
    ///
    /// - Parameters:
    ///   - directory: a folder with `crossings.geojson`, `sectors.geojson`, `boundary.geojson`, `places.geojson`.
    ///   - workingCRS: the CRS in metres for region questions.
    /// - Throws: `DatasetError.invalid` listing every problem found, or `DatasetError.unusableCRS`.
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
            guard let side = try region.country(at: place.coordinate), side != place.country else { continue }
            let toBoundary = try region.distanceToBoundaryMeters(from: place.coordinate)
            if toBoundary > placeSideToleranceMeters {
                problems.append(DatasetProblem(
                    file: DatasetFiles.places, featureIndex: index, featureID: place.id, field: "country",
                    message: "says \(place.country.rawValue) but \(place.coordinate) lies on the \(side.rawValue) side of the boundary, \(formatFixed(toBoundary / 1000, decimals: 1)) km from it"))
            }
        }
        let dataset = Dataset(directory: directory, crossings: crossings, sectors: layers.sectors, places: layers.places, boundary: boundary)
        return (dataset, problems)
    }

    /// Every coordinate of the dataset, for measuring the working CRS's scale error over it.
    public var allCoordinates: [Coordinate] {
        crossings.map(\.coordinate) + places.map(\.coordinate) + boundary.line
            + sectors.flatMap { $0.geometry.allPositions.map(Coordinate.init) }
    }

    public func crossing(id: String) -> Crossing? { crossings.first { $0.id == id } }
    public func sector(id: String) -> Sector? { sectors.first { $0.id == id } }
}
