import BorderFlow

/// Styling that mapping tools read without being told: the simplestyle-spec properties (`marker-color`,
/// `marker-size`, `stroke`, `stroke-width`, `stroke-opacity`, `fill`, `fill-opacity`), which geojson.io and
/// GitHub draw as they are. They sit beside the raw numbers, so QGIS or kepler.gl can restyle by those.
public enum SimpleStyle {
    /// Colours for change, from ColorBrewer's diverging RdBu scheme: reds for fewer crossings, blues for more.
    ///
    /// - Parameter percent: the change in percent, or nil where a percentage means nothing.
    /// - Returns: a hex colour, from one of the seven `changeClasses`; `neutral` for nil.
    public static func changeColor(percent: Double?) -> String {
        guard let percent else { return neutral }
        switch percent {
        case ..<(-50): return "#b2182b"
        case ..<(-10): return "#ef8a62"
        case ..<(-1): return "#fddbc7"
        case ...1: return neutral
        case ...10: return "#d1e5f0"
        case ...50: return "#67a9cf"
        default: return "#2166ac"
        }
    }

    /// The classes `changeColor` uses, for legends: a label and a colour, from most loss to most gain.
    public static let changeClasses: [(label: String, color: String)] = [
        ("−50 % or less", "#b2182b"), ("−50 to −10 %", "#ef8a62"), ("−10 to −1 %", "#fddbc7"), ("within ±1 %", neutral),
        ("+1 to +10 %", "#d1e5f0"), ("+10 to +50 %", "#67a9cf"), ("+50 % or more", "#2166ac"),
    ]

    /// Little or no change.
    public static let neutral = "#d9d9d9"
    /// Closed facilities.
    public static let closed = "#000000"
    /// Facilities that stand but take no traffic.
    public static let outOfService = "#969696"
    /// The international boundary.
    public static let boundary = "#3f007d"

    /// Streams: gained in blue, lost in red, unchanged in grey.
    ///
    /// - Parameters:
    ///   - change: scenario less baseline, in daily trips.
    ///   - baseline: daily trips with every crossing open.
    /// - Returns: a hex colour; grey when the change is under 0.5 % of the baseline (or of one trip).
    public static func streamColor(change: Double, baseline: Double) -> String {
        if abs(change) < 0.005 * max(baseline, 1) { return "#7f7f7f" }
        return change > 0 ? "#2166ac" : "#b2182b"
    }

    /// Line width in pixels: 0.5 to 8, by the square root of the volume over the largest, so that area-like
    /// thickness follows volume.
    ///
    /// - Parameters:
    ///   - volume: the line's daily volume.
    ///   - largest: the largest volume drawn.
    /// - Returns: the width, to two decimals.
    public static func strokeWidth(volume: Double, largest: Double) -> Double {
        guard largest > 0, volume > 0 else { return 0.5 }
        return (0.5 + 7.5 * (volume / largest).squareRoot()).rounded(decimals: 2)
    }

    /// simplestyle's three marker sizes, by daily crossings.
    ///
    /// - Parameter dailyCrossings: units a day over every mode.
    /// - Returns: `small` under 2,000, `medium` under 15,000, `large` from there on.
    public static func markerSize(dailyCrossings: Double) -> String {
        switch dailyCrossings {
        case ..<2_000: return "small"
        case ..<15_000: return "medium"
        default: return "large"
        }
    }
}
