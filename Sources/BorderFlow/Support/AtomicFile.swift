import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One file of a result: where it goes and its whole content.
public struct OutputFile: Sendable {
    /// Where the file goes.
    public let url: URL
    /// The file's whole content.
    public let data: Data

    /// A file of bytes.
    ///
    /// - Parameters:
    ///   - data: the whole content.
    ///   - url: where it goes.
    public init(_ data: Data, at url: URL) {
        self.data = data
        self.url = url
    }

    /// A file of text, written as UTF-8.
    ///
    /// - Parameters:
    ///   - text: the whole content.
    ///   - url: where it goes.
    public init(_ text: String, at url: URL) {
        self.init(Data(text.utf8), at: url)
    }
}

/// Writes files whole or not at all, and a result of several files as one unit.
///
/// Every target is checked before anything is written: it must not be a folder, a device, a FIFO or a socket,
/// nor named twice, and the nearest existing folder above it must be a folder. Each file then goes to a
/// temporary file beside its target, and only when all are written are they renamed over their targets; if a
/// rename fails, the targets already replaced get their old content back and new ones are removed. An
/// interrupt (SIGINT, SIGTERM, SIGHUP) during the write is held until the unit is complete, so a result is never
/// left with some files new and others old. A target that is a symbolic link is written through: the file it
/// points to is replaced, and the link stays.
public enum AtomicFile {
    /// Writes text to a file atomically, creating its folder when missing.
    ///
    /// - Parameters:
    ///   - text: the file's whole content (UTF-8).
    ///   - url: where to write.
    /// - Throws: `OutputError.cannotWrite` with the reason; the target is then left as it was.
    public static func write(_ text: String, to url: URL) throws {
        try write([OutputFile(text, at: url)])
    }

    /// Writes bytes whole or not at all, creating the file's folder when missing.
    ///
    /// - Parameters:
    ///   - data: the file's whole content.
    ///   - url: where to write.
    /// - Throws: `OutputError.cannotWrite` with the reason; the target is then left as it was.
    public static func write(_ data: Data, to url: URL) throws {
        try write([OutputFile(data, at: url)])
    }

    /// Writes several files as one unit: all of them, or none (every target left as it was).
    ///
    /// - Parameter files: the files; each path at most once.
    /// - Throws: `OutputError.cannotWrite` naming the file and the reason.
    public static func write(_ files: [OutputFile]) throws {
        let targets = try check(files.map(\.url))
        try InterruptHold.holding {
            var createdFolders: [URL] = []
            var temporaries: [URL] = []
            do {
                for (file, target) in zip(files, targets) {
                    createdFolders += try makeFolders(above: target.resolved, for: file.url)
                    let temporary = sidecar(of: target.resolved, suffix: "tmp")
                    do {
                        try file.data.write(to: temporary)
                    } catch {
                        try? FileManager.default.removeItem(at: temporary)
                        throw OutputError.cannotWrite(path: file.url.path, reason: reason(of: error))
                    }
                    temporaries.append(temporary)
                    // A replaced file keeps its permissions.
                    if let mode = target.existingMode { chmod(temporary.path, mode) }
                }
                try replace(targets.map(\.resolved), with: temporaries, named: files.map(\.url))
            } catch {
                for temporary in temporaries { unlink(temporary.path) }
                for folder in createdFolders.reversed() { rmdir(folder.path) }
                throw error
            }
        }
    }

    /// Checks every target and resolves symbolic links, before anything is written.
    ///
    /// - Parameter urls: the targets.
    /// - Returns: each target's real location and, when it exists, its permissions.
    /// - Throws: `OutputError.cannotWrite` for a target that cannot be written as a regular file.
    static func check(_ urls: [URL]) throws -> [(resolved: URL, existingMode: mode_t?)] {
        var seen: Set<String> = []
        return try urls.map { url in
            let resolved = try resolvingLinks(url)
            guard seen.insert(resolved.standardizedFileURL.path).inserted else {
                throw OutputError.cannotWrite(path: url.path, reason: "it is named twice among this command's outputs; give each output its own path")
            }
            var status = stat()
            if stat(resolved.path, &status) == 0 {
                switch status.st_mode & S_IFMT {
                case S_IFREG:
                    return (resolved, status.st_mode & 0o7777)
                case S_IFDIR:
                    throw OutputError.cannotWrite(path: url.path, reason: "it is a folder; name a file, or a folder only where a folder is expected")
                default:
                    throw OutputError.cannotWrite(path: url.path, reason: "it is a device, FIFO or socket, not a regular file; write to a regular file instead")
                }
            }
            var folder = resolved.deletingLastPathComponent()
            while stat(folder.path, &status) != 0 {
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
            guard status.st_mode & S_IFMT == S_IFDIR else {
                throw OutputError.cannotWrite(path: url.path, reason: "\(folder.path) is not a folder")
            }
            return (resolved, nil)
        }
    }

    /// The file a path finally names, following symbolic links (relative ones from the link's folder).
    private static func resolvingLinks(_ url: URL) throws -> URL {
        var current = url.standardizedFileURL
        for _ in 0..<40 {
            var status = stat()
            guard lstat(current.path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return current }
            let destination: String
            do {
                destination = try FileManager.default.destinationOfSymbolicLink(atPath: current.path)
            } catch {
                throw OutputError.cannotWrite(path: url.path, reason: "its symbolic link cannot be read: \(reason(of: error))")
            }
            current = destination.hasPrefix("/")
                ? URL(fileURLWithPath: destination).standardizedFileURL
                : current.deletingLastPathComponent().appendingPathComponent(destination).standardizedFileURL
        }
        throw OutputError.cannotWrite(path: url.path, reason: "its symbolic links loop or go more than 40 deep")
    }

    /// Makes the missing folders above a file and returns them, outermost first.
    private static func makeFolders(above file: URL, for named: URL) throws -> [URL] {
        var missing: [URL] = []
        var folder = file.deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.path) {
            missing.insert(folder, at: 0)
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { break }
            folder = parent
        }
        var made: [URL] = []
        for folder in missing {
            guard mkdir(folder.path, 0o777) == 0 || errno == EEXIST else {
                let failure = String(cString: strerror(errno))
                for folder in made.reversed() { rmdir(folder.path) }
                throw OutputError.cannotWrite(path: named.path, reason: "cannot make the folder \(folder.path): \(failure)")
            }
            made.append(folder)
        }
        return made
    }

    /// Renames each temporary over its target; on a failure, puts back every target already replaced.
    private static func replace(_ targets: [URL], with temporaries: [URL], named: [URL]) throws {
        var replaced: [(target: URL, backup: URL?)] = []
        func rollBack() {
            for (target, backup) in replaced.reversed() {
                if let backup { rename(backup.path, target.path) } else { unlink(target.path) }
            }
        }
        for index in targets.indices {
            let target = targets[index]
            var backup: URL?
            if targets.count > 1, FileManager.default.fileExists(atPath: target.path) {
                // A hard link keeps the old content reachable without a moment where the target is missing.
                let kept = sidecar(of: target, suffix: "old")
                unlink(kept.path)
                guard link(target.path, kept.path) == 0 || (try? FileManager.default.copyItem(at: target, to: kept)) != nil else {
                    let failure = String(cString: strerror(errno))
                    rollBack()
                    throw OutputError.cannotWrite(path: named[index].path, reason: "cannot keep the old file while replacing it: \(failure)")
                }
                backup = kept
            }
            guard rename(temporaries[index].path, target.path) == 0 else {
                let failure = String(cString: strerror(errno))
                if let backup { unlink(backup.path) }
                rollBack()
                throw OutputError.cannotWrite(path: named[index].path, reason: failure)
            }
            replaced.append((target, backup))
        }
        for case let (_, backup?) in replaced { unlink(backup.path) }
    }

    /// A hidden name beside a file, unique to this process.
    private static func sidecar(of url: URL, suffix: String) -> URL {
        url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(suffix)")
    }

    private static func reason(of error: Error) -> String {
        (error as? OutputError)?.description ?? error.localizedDescription
    }
}
