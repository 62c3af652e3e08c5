import BorderFlowSpatial

/// A command's answer in the three forms it prints: a table for people, and JSON and CSV, stable contracts
/// for scripts.
public protocol Report {
    /// The report as a table for people.
    ///
    /// - Returns: the text, ending in a newline.
    func table() -> String

    /// The report as JSON: the command's `--format json` contract.
    ///
    /// - Returns: the JSON value.
    func json() -> JSONValue

    /// The report as CSV: the command's `--format csv` contract.
    ///
    /// - Returns: a header line and the rows.
    func csv() -> String
}

extension Report {
    /// The report in one of its forms, as the text to print.
    ///
    /// - Parameter format: the form.
    /// - Returns: the table (with no control characters but line breaks, whatever the titles and names hold),
    ///   the pretty-printed JSON or the CSV.
    /// - Throws: `JSONWriteError.nonFiniteNumber` when the JSON holds NaN or an infinity, which JSON cannot carry.
    public func text(in format: ReportFormat) throws -> String {
        switch format {
        case .table: return table().terminalSafe
        case .json: return try JSONTextWriter().prettyText(of: json())
        case .csv: return csv()
        }
    }
}
