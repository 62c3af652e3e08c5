/// An input file that cannot be read, or whose text is malformed: the one error every reader of user files
/// (GeoJSON layers, scenarios, demand tables, the sector plan) throws before its own format's checks begin.
///
/// The message says what is wrong, and where in the words of the format's parser; ``line`` and ``column``
/// say where for programs. Problems with what a well-formed file says (a feature without an id, a scenario
/// naming an unknown crossing) are the readers' own errors.
public struct InputFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file's name as the error shows it, usually its last path component.
    public var file: String
    /// The line of a syntax error, counting from 1; nil when the problem is not at one place in the text.
    public var line: Int?
    /// The column of a syntax error, counting from 1; nil when the problem is not at one place in the text.
    public var column: Int?
    /// What is wrong and, for a syntax error, where; without the file's name.
    public var message: String

    /// An error in an input file.
    ///
    /// - Parameters:
    ///   - file: The file's name as the error should show it.
    ///   - line: The line of a syntax error, counting from 1, if there is one.
    ///   - column: The column of a syntax error, counting from 1, if there is one.
    ///   - message: What is wrong, and where when the parser says.
    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// The file and the message, as users see them: `demand.csv: the file is not UTF-8 text`.
    public var description: String { InputFileLocation(file: file).describing(message) }
}
