import BorderFlowSpatial

/// A problem in what an event or disruptions file says: where (file, line, field) and what was expected. A file
/// that cannot be read, or is not YAML, is an `InputFileError`.
public struct PastEventError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file's name.
    public var file: String
    /// The line at fault, when known.
    public var line: Int?
    /// The field at fault, as a path such as `watch[2].mode`.
    public var field: String?
    /// What is wrong and what was expected.
    public var message: String

    /// A problem in an event file.
    ///
    /// - Parameters:
    ///   - file: the file's name.
    ///   - line: the line at fault, if known.
    ///   - field: the field at fault, if any.
    ///   - message: what is wrong and what was expected.
    public init(file: String, line: Int? = nil, field: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    /// A message for people: what is wrong, where, and how to fix it.
    public var description: String {
        InputFileLocation(file: file, line: line, place: field.map { "field \"\($0)\"" }).describing(message)
    }
}
