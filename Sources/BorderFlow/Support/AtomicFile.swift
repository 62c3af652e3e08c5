import Foundation

/// Writes files whole or not at all: the text goes to a temporary file beside the target, which is then
/// renamed over it, so a failure never leaves half a file.
public enum AtomicFile {
    /// Writes text to a file atomically, creating its folder when missing.
    ///
    /// - Parameters:
    ///   - text: the file's whole content (UTF-8).
    ///   - url: where to write.
    /// - Throws: `OutputError.cannotWrite` with the reason; the target is then left as it was.
    public static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }

    /// Writes bytes whole or not at all, creating the file's folder when missing.
    ///
    /// - Parameters:
    ///   - data: the file's whole content.
    ///   - url: where to write.
    /// - Throws: `OutputError.cannotWrite` with the reason; the target is then left as it was.
    public static func write(_ data: Data, to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try data.write(to: temporary)
            // rename(2) replaces the target in one step on the same file system.
            guard rename(temporary.path, url.path) == 0 else {
                throw OutputError.cannotWrite(path: url.path, reason: String(cString: strerror(errno)))
            }
        } catch let error as OutputError {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw OutputError.cannotWrite(path: url.path, reason: error.localizedDescription)
        }
    }
}
