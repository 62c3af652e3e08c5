extension String {
    /// The text as a terminal may show it: control characters (Unicode's Cc: C0, DEL and C1, escape among
    /// them) removed, tabs made spaces, line breaks kept.
    ///
    /// Titles and names come from scenario and dataset files; an escape sequence among them would recolour,
    /// move the cursor or retitle the user's terminal.
    var terminalSafe: String {
        guard unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" }) else { return self }
        var result = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if scalar == "\t" {
                result.append(" ")
            } else if scalar == "\n" || scalar.properties.generalCategory != .control {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// The text as an error message shows it: each control character but the line break written out as
    /// `\u{1B}`, so that the user sees what their file or argument holds and the terminal is left alone.
    public var visibleControlCharacters: String {
        guard unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" }) else { return self }
        var result = ""
        for scalar in unicodeScalars {
            if scalar != "\n", scalar.properties.generalCategory == .control {
                result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The text as one table cell: terminal-safe, and on one line, so that the columns stay aligned.
    var tableCell: String {
        guard unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return self }
        return String(String.UnicodeScalarView(unicodeScalars.compactMap { scalar in
            scalar == "\n" || scalar == "\r" || scalar == "\t" ? " " : scalar.properties.generalCategory == .control ? nil : scalar
        }))
    }
}
