import Foundation

/// The hand-made fixtures every test target shares, and the one way to copy them into a temporary folder.
///
/// The files stay in `Tests/BorderFlowTests/Fixtures`, where `Scripts/fuzz` and the `Fuzz` package seed their
/// corpora from; this is the only code that knows the place. It is found from this file's location in the source
/// tree, as the library finds `GeoData`, so the library's, the outputs' and the command's tests read the same
/// files without copying them into each target's bundle.
public enum Fixtures {
    /// The fixtures folder.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // BorderFlowTestSupport
        .deletingLastPathComponent()   // Tests
        .appendingPathComponent("BorderFlowTests", isDirectory: true)
        .appendingPathComponent("Fixtures", isDirectory: true)

    /// The package's root folder, where README.md and GeoData are.
    public static let packageDirectory = root
        .deletingLastPathComponent()   // BorderFlowTests
        .deletingLastPathComponent()   // Tests
        .deletingLastPathComponent()

    /// A small valid dataset: two square sectors north of a straight boundary, two crossings, two places.
    public static let tiny = folder("tiny")

    /// The inputs of `build-sectors`: counties, a boundary and sector areas (one of them missing a county).
    public static let sectorBuild = folder("sector-build")

    /// A fixture folder by its path under `root`, such as `"network"` or `"broken/unknown-mode"`.
    public static func folder(_ relative: String) -> URL {
        root.appendingPathComponent(relative, isDirectory: true)
    }

    /// A scenario file of `scenarios/`, such as `"reversed-window.yaml"`.
    public static func scenario(_ name: String) -> URL {
        root.appendingPathComponent("scenarios", isDirectory: true).appendingPathComponent(name)
    }

    /// A fresh temporary folder holding the files of the fixture folders `layers`, in order: a later folder's
    /// file replaces an earlier one's of the same name. The caller removes the folder when done.
    ///
    /// - Parameters:
    ///   - layers: fixture folders under `root`, such as `["tiny", "network", "broken/road-to-nowhere"]`.
    ///   - label: a word for the folder's name, to tell leftovers apart.
    /// - Returns: the folder.
    public static func copy(_ layers: [String], label: String = "fixture") throws -> URL {
        let directory = temporaryDirectory(label)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for layer in layers {
            let source = folder(layer)
            for file in try FileManager.default.contentsOfDirectory(atPath: source.path).sorted() {
                let target = directory.appendingPathComponent(file)
                if FileManager.default.fileExists(atPath: target.path) { try FileManager.default.removeItem(at: target) }
                try FileManager.default.copyItem(at: source.appendingPathComponent(file), to: target)
            }
        }
        return directory
    }

    /// A copy of the tiny dataset with its road network (`tiny` + `network`): four places, a junction, seven roads.
    public static func network() throws -> URL {
        try copy(["tiny", "network"], label: "network")
    }

    /// The tiny network with a far city on each side, 75 minutes south of Sur and 54 minutes north of North, and
    /// a freight-origins table that weighs Villa Este alone (`tiny` + `network` + `demand`).
    public static func demand() throws -> URL {
        try copy(["tiny", "network", "demand"], label: "demand")
    }

    /// A copy of the tiny dataset with the files of `broken/<name>` in place of the originals.
    public static func broken(_ name: String) throws -> URL {
        try copy(["tiny", "broken/\(name)"], label: name)
    }

    /// A copy of the tiny network with the files of `broken/<name>` in place of the originals.
    public static func brokenNetwork(_ name: String) throws -> URL {
        try copy(["tiny", "network", "broken/\(name)"], label: name)
    }

    /// A path in the temporary folder that nothing uses yet (not created).
    ///
    /// - Parameter label: a word for the name, to tell leftovers apart.
    public static func temporaryDirectory(_ label: String) -> URL {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("borderflow-\(label)-\(UUID().uuidString)", isDirectory: true)
    }
}
