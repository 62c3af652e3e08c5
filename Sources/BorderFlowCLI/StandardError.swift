import BorderFlowOutput
import Foundation

/// Lines for the user on standard error: progress, files written, warnings.
enum StandardError {
    /// Writes one line, its control characters written out: lines quote paths and names the user gave,
    /// which may hold escape sequences.
    static func writeLine(_ line: String) {
        FileHandle.standardError.write(Data((line.visibleControlCharacters + "\n").utf8))
    }
}
