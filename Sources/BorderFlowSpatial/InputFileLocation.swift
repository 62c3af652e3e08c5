/// Where in an input file a problem lies, written the one way every BorderFlow error writes it: the file, then
/// the line after a colon when known, then the place within the file (a field, a CSV column, a feature).
///
/// `crossings.geojson: feature 3 (id "lukeville"), field "modes"`, `demand.csv:12: column "mode"`,
/// `dec-2023.yaml:7: field "closures[2].from"`.
package struct InputFileLocation: Sendable, CustomStringConvertible {
    /// The file's name as errors show it.
    package var file: String
    /// The line at fault, counting from 1, when known.
    package var line: Int?
    /// The place within the file, such as `field "closures[0].to"`, when one is at fault.
    package var place: String?

    /// A location in a file.
    ///
    /// - Parameters:
    ///   - file: The file's name as errors show it.
    ///   - line: The line at fault, if known.
    ///   - place: The place within the file at fault, if any.
    package init(file: String, line: Int? = nil, place: String? = nil) {
        self.file = file
        self.line = line
        self.place = place
    }

    /// `file`, `file:line`, `file: place` or `file:line: place`.
    package var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let place { text += ": " + place }
        return text
    }

    /// A problem here as users read it: the location, a colon and the message.
    ///
    /// - Parameter message: What is wrong and what was expected.
    /// - Returns: `location: message`.
    package func describing(_ message: String) -> String { "\(self): \(message)" }
}
