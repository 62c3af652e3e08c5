import Foundation

extension Closures {
    /// What a closure typed by id names: the kinds `route` and `divert` take as `--close`, `--close-port`,
    /// `--close-sector` and `--close-mode`, and the server as their parameters and members.
    public enum TypedKind: Sendable, CaseIterable {
        /// A crossing, by id in any case.
        case crossing
        /// Every facility of a CBP port, by its four-digit code.
        case port
        /// Every crossing of a sector, by id in any case.
        case sector
        /// One mode at a crossing or port, as `MODE:ID` or `MODE:CODE`.
        case modeAtCrossingOrPort
    }

    /// The entries of a repeatable list, each of which may be a comma list: `["a,b", "c"]` is a, b and c;
    /// blanks are dropped.
    ///
    /// - Parameter values: the values as typed.
    /// - Returns: every entry, trimmed, in order.
    public static func items(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The dataset's id that a typed id stands for: the same id, or the one id equal to it in another case
    /// (`Pharr` for `pharr`).
    ///
    /// - Parameters:
    ///   - typed: the id as typed.
    ///   - ids: the dataset's ids.
    /// - Returns: the matching id; the typed id as it is when none matches, for the closure's own error.
    public static func datasetID(_ typed: String, among ids: [String]) -> String {
        if ids.contains(typed) { return typed }
        let matches = ids.filter { $0.lowercased() == typed.lowercased() }
        return matches.count == 1 ? matches[0] : typed
    }

    /// A `MODE:ID` or `MODE:CODE` entry read: the mode, and a crossing id or four-digit port code.
    ///
    /// - Parameter entry: the entry as typed, such as `rail:eagle-pass-rail` or `rail:2303`.
    /// - Returns: the mode and the target; nil when the entry is not MODE:ID with a known mode.
    public static func modeEntry(_ entry: String) -> (mode: Mode, target: String)? {
        let parts = entry.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let mode = Mode(rawValue: parts[0]) else { return nil }
        return (mode, parts[1])
    }

    /// What to say of an entry `modeEntry(_:)` cannot read.
    ///
    /// - Parameter entry: the entry as typed.
    /// - Returns: the message, quoting the entry.
    public static func modeEntryProblem(_ entry: String) -> String {
        "'\(entry)' must be MODE:ID with MODE one of \(Mode.validNames), e.g. rail:eagle-pass-rail or rail:2303"
    }

    /// Closes a crossing by an id typed in any case.
    ///
    /// - Parameters:
    ///   - typed: the id as typed.
    ///   - dataset: the dataset whose ids it is matched to.
    /// - Throws: `ClosureError` as `close(crossing:from:to:)` does.
    public mutating func close(typedCrossing typed: String, in dataset: Dataset) throws {
        try close(crossing: Self.datasetID(typed, among: dataset.crossings.map(\.id)))
    }

    /// Closes every crossing of a sector by an id typed in any case.
    ///
    /// - Parameters:
    ///   - typed: the id as typed.
    ///   - dataset: the dataset whose ids it is matched to.
    /// - Throws: `ClosureError` as `close(sector:from:to:)` does.
    public mutating func close(typedSector typed: String, in dataset: Dataset) throws {
        try close(sector: Self.datasetID(typed, among: dataset.sectors.map(\.id)))
    }

    /// Closes one mode at a crossing (an id in any case) or at a port (four digits).
    ///
    /// - Parameters:
    ///   - mode: the mode.
    ///   - target: a crossing id or a port code.
    ///   - dataset: the dataset whose crossing ids it is matched to.
    /// - Throws: `ClosureError` as `close(mode:atCrossing:from:to:)` does.
    public mutating func close(mode: Mode, atTyped target: String, in dataset: Dataset) throws {
        if target.count == 4, target.allSatisfy(\.isNumber) {
            try close(mode: mode, atPort: target)
        } else {
            try close(mode: mode, atCrossing: Self.datasetID(target, among: dataset.crossings.map(\.id)))
        }
    }

    /// Closes what one typed entry of a kind names, ids matched to the dataset's in any case. The one way the
    /// command line and the server read typed closures.
    ///
    /// - Parameters:
    ///   - entry: the entry as typed (one item, not a comma list).
    ///   - kind: what the entry names.
    ///   - dataset: the dataset whose ids it is matched to.
    /// - Throws: `ClosureError.unreadableModeEntry` for a mode entry that is not `MODE:ID`; otherwise
    ///   `ClosureError` as the closure does. Unknown ids are found when the closures are checked
    ///   (`BorderNetwork.check(_:)`).
    public mutating func close(typed entry: String, as kind: TypedKind, in dataset: Dataset) throws {
        switch kind {
        case .crossing: try close(typedCrossing: entry, in: dataset)
        case .port: try close(port: entry)
        case .sector: try close(typedSector: entry, in: dataset)
        case .modeAtCrossingOrPort:
            guard let (mode, target) = Self.modeEntry(entry) else { throw ClosureError.unreadableModeEntry(entry) }
            try close(mode: mode, atTyped: target, in: dataset)
        }
    }
}
