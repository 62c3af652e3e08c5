import BorderFlowGraph
import Foundation

extension BorderNetwork {
    /// The fitted baseline demand and crossing constants in a dataset folder (written by `borderflow calibrate`).
    ///
    /// - Parameter directory: the folder holding `demand.csv` and, optionally, `crossing-constants.csv`; nil
    ///   for the dataset's own folder.
    /// - Returns: the demand, and the constants per crossing and mode (none when there is no constants file).
    /// - Throws: `DemandFileError` when there is no demand file or a file's rows are not valid; `InputFileError`
    ///   when a file cannot be read.
    public func baselineDemand(in directory: URL? = nil) throws -> (demand: Demand, constants: [PerMode<Double>]) {
        let folder = directory ?? dataset.directory
        let demandURL = folder.appendingPathComponent(DemandFiles.demand)
        guard FileManager.default.fileExists(atPath: demandURL.path) else {
            throw DemandFileError(file: DemandFiles.demand, line: nil, column: nil,
                                  message: "the dataset in \(folder.path) has no fitted demand; run `borderflow calibrate --data \(folder.path)` to fit one, or pass --demand FILE")
        }
        let demand = try DemandFiles.readDemand(demandURL, dataset: dataset)
        let constantsURL = folder.appendingPathComponent(DemandFiles.constants)
        let constants = FileManager.default.fileExists(atPath: constantsURL.path)
            ? try DemandFiles.readConstants(constantsURL, dataset: dataset)
            : [PerMode<Double>](repeating: [:], count: dataset.crossings.count)
        return (demand, constants)
    }

    /// The freight origins in a dataset folder (`freight-origins.csv`), which the demand fit weighs trucks' and
    /// trains' origins by.
    ///
    /// - Parameter directory: the folder holding the file; nil for the dataset's own folder.
    /// - Returns: the weights; empty, so that freight starts in proportion to population, when the folder has
    ///   no such file.
    /// - Throws: `DemandFileError` when the file's rows are not valid; `InputFileError` when it cannot be read.
    public func freightOrigins(in directory: URL? = nil) throws -> FreightOrigins {
        let url = (directory ?? dataset.directory).appendingPathComponent(DemandFiles.freightOrigins)
        guard FileManager.default.fileExists(atPath: url.path) else { return FreightOrigins() }
        return try DemandFiles.readFreightOrigins(url, dataset: dataset)
    }
}
