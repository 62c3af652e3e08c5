import Foundation

/// Files served from one folder, and nothing outside it: a request path with `..`, `.`, an empty segment,
/// an encoded slash or backslash, a NUL, or a symbolic link that leads out of the folder finds nothing.
struct StaticFiles: Sendable {
    /// The folder, its symbolic links resolved.
    let root: URL

    init(root: URL) {
        self.root = root.resolvingSymlinksInPath().standardizedFileURL
    }

    /// Content types by extension; other files are served as bytes.
    static let contentTypes = [
        "html": "text/html; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "mjs": "text/javascript; charset=utf-8",
        "css": "text/css; charset=utf-8",
        "json": "application/json",
        "geojson": "application/geo+json",
        "png": "image/png",
        "svg": "image/svg+xml",
        "ico": "image/x-icon",
        "txt": "text/plain; charset=utf-8",
        "map": "application/json",
    ]

    /// The file a raw (still percent-encoded) path below the folder names.
    ///
    /// - Parameter rawPath: the request path after the folder's prefix, as sent.
    /// - Returns: the file's bytes and content type; nil when it names nothing servable in the folder.
    func file(at rawPath: String) -> (data: Data, contentType: String)? {
        let lowered = rawPath.lowercased()
        // An encoded separator would become a separator only after the segments were checked.
        guard !lowered.contains("%2f"), !lowered.contains("%5c"), !lowered.contains("%00"), !rawPath.contains("\\"),
              let decoded = rawPath.removingPercentEncoding, !decoded.hasPrefix("/") else { return nil }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false)
        guard !segments.isEmpty, segments.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.contains("\0") && !$0.contains("\\") }) else {
            return nil
        }
        let candidate = segments.reduce(root) { $0.appendingPathComponent(String($1)) }
        // Resolved, it must still lie inside the folder: a link may point anywhere.
        let resolved = candidate.resolvingSymlinksInPath().standardizedFileURL
        guard resolved.path.hasPrefix(root.path + "/") else { return nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved.path, isDirectory: &isDirectory), !isDirectory.boolValue,
              let data = try? Data(contentsOf: resolved) else { return nil }
        let type = Self.contentTypes[resolved.pathExtension.lowercased()] ?? "application/octet-stream"
        return (data, type)
    }
}
