import Foundation

/// A place in a file's text as editors show it: line and column, both counted from 1.
///
/// Parsers report where they stopped as a byte offset; people look for a line and a column.
package struct TextPosition: Hashable, Sendable, CustomStringConvertible {
    /// The line, counting from 1.
    package var line: Int
    /// The column, counting from 1, in bytes: a character outside ASCII takes more than one.
    package var column: Int

    /// A position a parser gave as line and column.
    ///
    /// - Parameters:
    ///   - line: The line, counting from 1.
    ///   - column: The column, counting from 1.
    package init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The position of a byte in a text.
    ///
    /// - Parameters:
    ///   - offset: The byte's offset from the start, counting from 0; an offset past the end is the end.
    ///   - data: The text, as the parser read it.
    package init(byteOffset offset: Int, in data: Data) {
        var line = 1, column = 1
        for byte in data.prefix(max(offset, 0)) {
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
        }
        self.line = line
        self.column = column
    }

    /// `line L, column C`.
    package var description: String { "line \(line), column \(column)" }
}
