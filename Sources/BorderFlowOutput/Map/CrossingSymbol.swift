import BorderFlow
import Foundation

/// One crossing as the map shows it: its circle's size and colour and its label come from these numbers,
/// so the colour and the percentage written beside it can never disagree.
struct CrossingSymbol {
    let index: CrossingIndex
    let crossing: Crossing
    let status: CrossingStatus
    /// Daily units over every mode (persons, vehicles, buses, trucks and railcars added together).
    let baseline: Double
    let scenario: Double
    /// Each mode's change in its own units, largest first.
    let changes: [(mode: Mode, change: Double)]

    init(index: CrossingIndex, diversion: Diversion, dataset: Dataset) {
        self.index = index
        crossing = dataset.crossings[index]
        status = diversion.status(ofCrossing: index, in: dataset)
        let perMode = diversion.changes(ofCrossing: index)
        baseline = perMode.values.map(\.baseline).reduce(0, +)
        scenario = perMode.values.map(\.scenario).reduce(0, +)
        changes = perMode.values.map { ($0.mode, $0.change) }
            .sorted { abs($0.1) != abs($1.1) ? abs($0.1) > abs($1.1) : $0.0 < $1.0 }
    }

    var change: Double { scenario - baseline }

    /// The change in whole percent, as the label writes it; nil below one unit a day.
    var percent: Int? { Diversion.percentChange(from: baseline, to: scenario).map { Int($0.rounded()) } }

    /// The circle's fill, chosen by the same whole percent the label shows.
    var fill: String { SimpleStyle.changeColor(percent: percent.map(Double.init)) }

    /// The crossing's name, short enough for a label: without "Port of Entry" and what follows in brackets,
    /// and with its port's name when the name alone does not say where it is.
    var labelName: String {
        var name = crossing.name
        if let bracket = name.firstIndex(of: "(") { name = String(name[..<bracket]) }
        name = name.trimmingCharacters(in: .whitespaces)
        for (long, short) in [(" Land Port of Entry", ""), (" Commercial Port of Entry", ""), (" Port of Entry", ""),
                              (" International Railroad Bridge", " rail bridge"), (" International Rail Bridge", " rail bridge"),
                              (" International Bridge", " Bridge"), (" rail crossing", " rail")] {
            name = name.replacingOccurrences(of: long, with: short)
        }
        return name.contains(crossing.port) ? name : "\(name) (\(crossing.port))"
    }

    /// "−36 %: −3,475 vehicles, +1,617 persons", or "closed: −6,055 persons": the whole change and each
    /// mode's, in the mode's own units (up to three modes, largest first).
    var changeText: String {
        let modes = changes.filter { abs($0.change.rounded()) >= 1 }.prefix(3)
            .map { "\(Self.signed($0.change)) \($0.mode.unit)" }.joined(separator: ", ")
        let head: String
        switch (status, percent) {
        case (.closed, _): head = "closed"
        case let (_, percent?): head = percent == 0 ? "±0 %" : "\(percent > 0 ? "+" : "−")\(abs(percent)) %"
        case (_, nil): head = "new"
        }
        return modes.isEmpty ? head : "\(head): \(modes)"
    }

    /// A count with its sign, and a true minus sign.
    static func signed(_ value: Double) -> String {
        let rounded = value.rounded()
        return (rounded > 0 ? "+" : rounded < 0 ? "−" : "±") + formatCount(abs(rounded))
    }
}
