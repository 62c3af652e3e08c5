import BorderFlowSpatial
import Foundation

/// A problem in what a scenario file says: where (file, line, field) and what was expected; or a scenario
/// name that matches no file. A file that cannot be read, or is not YAML or JSON, is an `InputFileError`.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file's name.
    public var file: String
    /// The line at fault, when known.
    public var line: Int?
    /// The field at fault, as a path such as `closures[2].from`.
    public var field: String?
    /// What is wrong and what was expected.
    public var message: String

    /// A message for people: what is wrong, where, and how to fix it.
    public var description: String {
        InputFileLocation(file: file, line: line, place: field.map { "field \"\($0)\"" }).describing(message)
    }
}
