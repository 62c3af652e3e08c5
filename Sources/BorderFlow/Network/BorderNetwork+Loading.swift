import BorderFlowGraph
import BorderFlowSpatial
import Foundation

extension BorderNetwork {
    /// Loads a dataset folder and builds its network, with the contraction hierarchies an imported network's
    /// folder holds.
    ///
    /// - Parameters:
    ///   - directory: a folder in the BorderFlow schema, with `roads.geojson`.
    ///   - workingCRS: the CRS in metres for distances and A*.
    /// - Throws: `DatasetError` listing every problem of the data, `NetworkError.noRoads`, or `GraphFileError`
    ///   for a hierarchy file that is damaged or was built for other road costs.
    public convenience init(contentsOf directory: URL, workingCRS: CoordinateReferenceSystem = WorkingCRS.borderStrip) throws {
        try self.init(dataset: Dataset.load(from: directory, workingCRS: workingCRS), workingCRS: workingCRS)
    }

    /// The bundled Southwest border network (`BORDERFLOW_DATA` when set; see `DatasetFiles.bundledDirectory`).
    ///
    /// - Returns: the network, built in a fraction of a second.
    /// - Throws: `DatasetError` when the data cannot be read or is not valid.
    public static func bundled() throws -> BorderNetwork {
        try BorderNetwork(contentsOf: DatasetFiles.bundledDirectory)
    }

    /// The crossing facilities, in dataset order (`RouteCost.crossing` and `CrossingChoices` index them).
    public var crossings: [Crossing] { dataset.crossings }
    /// The Border Patrol sectors.
    public var sectors: [Sector] { dataset.sectors }
    /// The places trips start and end at, in dataset order (`Trip` indexes them).
    public var places: [Place] { dataset.places }

}
