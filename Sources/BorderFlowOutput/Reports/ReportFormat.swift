/// The forms a ``Report`` prints in: `table` for people; `json` and `csv` are stable contracts for scripts.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// Aligned columns and sentences, for people.
    case table
    /// Pretty-printed JSON.
    case json
    /// Comma-separated values with a header line.
    case csv
}
