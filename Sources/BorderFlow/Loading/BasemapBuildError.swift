import BorderFlowSpatial
import Foundation

/// A problem with one of the basemap builder's inputs.
public struct BasemapBuildError: Error, Sendable, CustomStringConvertible {
    /// The input at fault.
    public var input: String
    /// What is wrong.
    public var message: String
    /// A message for people: what is wrong, where, and how to fix it.
    public var description: String { InputFileLocation(file: input).describing(message) }
}
