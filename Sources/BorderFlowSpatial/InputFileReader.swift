import Foundation

/// Reads a file a user hands to BorderFlow — a GeoJSON layer, a scenario, a demand table, the sector plan —
/// whole, with the checks every such file gets before its format's own: its size against a limit, that it is
/// not empty, that it can be read, and, for text, that it is UTF-8.
///
/// One reader per kind of file, made with what users of that kind are told when a file is refused:
/// ```swift
/// let reader = InputFileReader(maximumBytes: 10_000_000,
///                              tooLargeAdvice: "a scenario is a few kilobytes, and files over 10 MB are refused",
///                              emptyAdvice: "a scenario needs at least a title, sources and closures")
/// let text = try reader.text(contentsOf: url, name: url.lastPathComponent)
/// ```
package struct InputFileReader: Sendable {
    /// The largest file read, in bytes; nil reads a file of any size.
    package var maximumBytes: Int64?
    /// Said after "the file is N MB; " when a file is over ``maximumBytes``: the limit and what to do.
    package var tooLargeAdvice: String
    /// Said after "the file is empty; ": what the file needs; nil reads an empty file and leaves it to the parser.
    package var emptyAdvice: String?
    /// Said after "cannot read the file (PATH): " when the file cannot be opened; nil says nothing more.
    package var unreadableAdvice: String?

    /// A reader for one kind of input file.
    ///
    /// - Parameters:
    ///   - maximumBytes: The largest file read, in bytes; nil for no limit.
    ///   - tooLargeAdvice: What follows "the file is N MB; " for a file over the limit.
    ///   - emptyAdvice: What follows "the file is empty; " for an empty file; nil to read empty files.
    ///   - unreadableAdvice: What follows "cannot read the file (PATH): " for a file that cannot be opened; nil
    ///     for nothing more.
    package init(maximumBytes: Int64?, tooLargeAdvice: String = "", emptyAdvice: String?,
                 unreadableAdvice: String? = "it is missing or unreadable") {
        self.maximumBytes = maximumBytes
        self.tooLargeAdvice = tooLargeAdvice
        self.emptyAdvice = emptyAdvice
        self.unreadableAdvice = unreadableAdvice
    }

    /// A file's bytes, after its size and emptiness are checked.
    ///
    /// - Parameters:
    ///   - url: The file's location.
    ///   - name: How errors name the file.
    /// - Returns: The file's contents.
    /// - Throws: `InputFileError` when the file is over ``maximumBytes`` (refused unread), empty, missing or
    ///   unreadable.
    package func data(contentsOf url: URL, name: String) throws -> Data {
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.int64Value
        if let size, let maximumBytes, size > maximumBytes {
            throw InputFileError(file: name, message: "the file is \(size / 1_000_000) MB; " + tooLargeAdvice)
        }
        // Foundation leaks a 4 KB buffer on every read of an empty file, so an empty file is refused unread.
        if size == 0, let emptyAdvice { throw InputFileError(file: name, message: "the file is empty; " + emptyAdvice) }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw InputFileError(file: name, message: "cannot read the file (\(url.path))" + (unreadableAdvice.map { ": " + $0 } ?? ""))
        }
    }

    /// A file's text, after the checks of ``data(contentsOf:name:)`` and that it is UTF-8.
    ///
    /// - Parameters:
    ///   - url: The file's location.
    ///   - name: How errors name the file.
    /// - Returns: The file's text.
    /// - Throws: `InputFileError` when the file is over ``maximumBytes``, empty, missing, unreadable or not
    ///   UTF-8 text.
    package func text(contentsOf url: URL, name: String) throws -> String {
        let data = try data(contentsOf: url, name: name)
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputFileError(file: name, message: "the file is not UTF-8 text")
        }
        return text
    }

    /// A JSON file's value, after the checks of ``data(contentsOf:name:)``.
    ///
    /// - Parameters:
    ///   - url: The file's location.
    ///   - name: How errors name the file.
    /// - Returns: The value; object members are in sorted key order.
    /// - Throws: `InputFileError` when the file is over ``maximumBytes``, empty, missing or unreadable, or is
    ///   not JSON (with the line and column of a syntax error when known).
    package func json(contentsOf url: URL, name: String) throws -> JSONValue {
        try Self.json(data(contentsOf: url, name: name), file: name)
    }
}
