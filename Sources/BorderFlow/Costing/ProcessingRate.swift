/// How many units one open lane (booth, track) processes in an hour, per mode.
///
/// The basis of every capacity figure: daily capacity = lanes × rate × hours open. The rates are round
/// figures for CBP primary inspection: about a minute per personal vehicle, four minutes per commercial
/// truck, twenty minutes per bus (every passenger is inspected), thirty seconds per pedestrian, and a
/// rail track passing about fifty railcars an hour through the non-intrusive inspection portal.
public enum ProcessingRate {
    /// Units one primary lane (booth, track) processes in an hour.
    ///
    /// - Parameter mode: the mode.
    /// - Returns: persons, vehicles, buses, trucks or railcars an hour.
    public static func perLaneHour(_ mode: Mode) -> Double {
        switch mode {
        case .pov: return 60
        case .bus: return 3
        case .truck: return 15
        case .pedestrian: return 120
        case .rail: return 50
        }
    }
}
