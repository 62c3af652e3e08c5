import Foundation

/// Hand-made fixtures shipped with the tests.
enum Fixtures {
    static let root = Bundle.module.resourceURL!.appendingPathComponent("Fixtures", isDirectory: true)

    /// A small valid dataset: two square sectors north of a straight boundary, two crossings, two places.
    static let tiny = root.appendingPathComponent("tiny", isDirectory: true)

    static let sectorBuild = root.appendingPathComponent("sector-build", isDirectory: true)

    /// The tiny dataset with a road network: four places, a junction, seven roads (`network/`).
    static func network() throws -> URL {
        try overlay(root.appendingPathComponent("network", isDirectory: true), name: "network")
    }

    /// The tiny network with the files of `broken/<name>` put in place of the originals.
    static func brokenNetwork(_ name: String) throws -> URL {
        let directory = try network()
        try replace(in: directory, with: root.appendingPathComponent("broken", isDirectory: true).appendingPathComponent(name, isDirectory: true))
        return directory
    }

    /// A copy of the tiny dataset with the files of `broken/<name>` put in place of the originals.
    static func broken(_ name: String) throws -> URL {
        try overlay(root.appendingPathComponent("broken", isDirectory: true).appendingPathComponent(name, isDirectory: true), name: name)
    }

    private static func overlay(_ replacements: URL, name: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("borderflow-\(name)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for file in try FileManager.default.contentsOfDirectory(atPath: tiny.path) {
            try FileManager.default.copyItem(at: tiny.appendingPathComponent(file), to: directory.appendingPathComponent(file))
        }
        try replace(in: directory, with: replacements)
        return directory
    }

    private static func replace(in directory: URL, with replacements: URL) throws {
        for file in try FileManager.default.contentsOfDirectory(atPath: replacements.path) {
            let target = directory.appendingPathComponent(file)
            if FileManager.default.fileExists(atPath: target.path) { try FileManager.default.removeItem(at: target) }
            try FileManager.default.copyItem(at: replacements.appendingPathComponent(file), to: target)
        }
    }
}
