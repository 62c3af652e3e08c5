import BorderFlowSpatial
import Foundation

/// A problem in what a demand or constants file says — its header, a row, an id it names — or a dataset with
/// no demand file; a file that cannot be read at all is an `InputFileError`.
public struct DemandFileError: Error, Sendable, CustomStringConvertible {
    /// The file's name.
    public var file: String
    /// The line, counting the header as line 1, when one is at fault.
    public var line: Int?
    /// The column at fault, when one is.
    public var column: String?
    /// What is wrong and what was expected.
    public var message: String

    /// A message for people: what is wrong, where, and how to fix it.
    public var description: String {
        InputFileLocation(file: file, line: line, place: column.map { "column \"\($0)\"" }).describing(message)
    }
}
