import Foundation

/// A folder of its own in the temporary directory for one test, removed when the value goes away.
public final class ScratchFolder: @unchecked Sendable {
    /// Where the folder is.
    public let url: URL

    /// Makes an empty folder.
    ///
    /// - Parameter label: a word for the folder's name, to tell tests' folders apart.
    public init(_ label: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("borderflow-\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes a file of exactly these bytes into the folder.
    ///
    /// - Parameters:
    ///   - name: the file's name.
    ///   - bytes: its contents.
    /// - Returns: the file's URL.
    public func file(_ name: String, _ bytes: [UInt8]) throws -> URL {
        let file = url.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file
    }
}
