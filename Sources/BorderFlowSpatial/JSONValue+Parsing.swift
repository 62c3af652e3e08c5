import Foundation

extension JSONValue {
    /// Parses JSON text, as the dataset's files are parsed: a key given twice in one object, a lone surrogate
    /// or a number beyond a `Double` is refused, and a syntax error says its line and column.
    ///
    /// - Parameters:
    ///   - data: UTF-8 JSON text.
    ///   - name: how errors name the text (a file name, or "the request body").
    /// - Returns: the value; object members are in sorted key order.
    /// - Throws: `InputFileError` with the line and column when known.
    public init(parsing data: Data, name: String) throws {
        self = try InputFileReader.json(data, file: name)
    }
}
