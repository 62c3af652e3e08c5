extension CSVTable {
    /// The fields of one CSV record that fits on one line (RFC 4180 quoting: a field in double quotes may hold
    /// commas and doubled double quotes; quoted line breaks are not read).
    ///
    /// - Parameter line: one line of a CSV file, without its line break.
    /// - Returns: the fields, unquoted; nil when a quote is left open or text follows a closing quote.
    public static func fields(of line: Substring) -> [String]? {
        var fields: [String] = []
        var field = ""
        var inQuotes = false, wasQuoted = false
        var scalars = line.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            if inQuotes {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.unicodeScalars.append("\"")
                        pending = scalars.next()
                    } else {
                        inQuotes = false
                        if let next = pending, next != "," { return nil }
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                guard field.isEmpty, !wasQuoted else { return nil }
                inQuotes = true
                wasQuoted = true
            case ",":
                fields.append(field)
                field = ""
                wasQuoted = false
            default:
                field.unicodeScalars.append(scalar)
            }
        }
        if inQuotes { return nil }
        fields.append(field)
        return fields
    }
}
