import BorderFlowSpatial

/// A problem in a monthly counts file, or in one of the public files `borderflow build-counts` reads: the
/// file, the line (the header is line 1), the column when one is at fault, and what was expected. A file that
/// cannot be read at all is an `InputFileError`.
public struct MonthlyCountsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file's name.
    public var file: String
    /// The line at fault, counting the header as line 1, when one is.
    public var line: Int?
    /// The column at fault, when one is.
    public var column: String?
    /// What is wrong and what was expected.
    public var message: String

    /// A problem in a counts file or an input of the counts builder.
    ///
    /// - Parameters:
    ///   - file: the file's name.
    ///   - line: the line at fault, if any.
    ///   - column: the column at fault, if any.
    ///   - message: what is wrong and what was expected.
    public init(file: String, line: Int? = nil, column: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// A message for people: what is wrong, where, and how to fix it.
    public var description: String {
        InputFileLocation(file: file, line: line, place: column.map { "column \"\($0)\"" }).describing(message)
    }
}
