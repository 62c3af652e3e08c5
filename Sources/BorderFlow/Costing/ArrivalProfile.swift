/// When in the day each mode arrives at the border: the share of a day's crossers arriving in each hour.
///
/// These are the shapes of an ordinary weekday, an assumption rather than data: CBP publishes hourly wait
/// times, not hourly counts, and the monthly counts the model is checked against say nothing within a day.
/// Cars and pedestrians peak for work and school in the early morning and again in the late afternoon;
/// trucks come in the working day, when brokers and the Mexican customs side are open; buses through the
/// day; trains at any hour. Only the shape matters: the queue spreads a crossing's daily volume over the
/// hours it is open in these proportions.
public enum ArrivalProfile {
    /// Relative arrivals in each hour of the day, 0 to 23 (not normalised).
    ///
    /// - Parameter mode: the mode.
    /// - Returns: 24 weights; the queue normalises them over the hours a crossing is open.
    public static func hourlyWeights(_ mode: Mode) -> [Double] {
        switch mode {
        case .pov:
            return [1.0, 0.7, 0.5, 0.5, 1.0, 2.5, 5.0, 6.5, 6.5, 5.5, 5.0, 5.0,
                    5.0, 5.0, 5.5, 6.0, 6.5, 6.5, 5.5, 4.5, 3.5, 2.5, 2.0, 1.5]
        case .pedestrian:
            return [0.5, 0.3, 0.2, 0.2, 1.0, 3.5, 7.0, 8.0, 7.5, 6.5, 6.0, 5.5,
                    5.5, 5.5, 6.0, 6.0, 6.0, 5.5, 4.5, 3.5, 2.5, 1.5, 1.0, 0.8]
        case .bus:
            return [1.0, 1.0, 1.0, 1.0, 2.0, 3.0, 5.0, 6.0, 6.0, 6.0, 6.0, 6.0,
                    6.0, 6.0, 6.0, 6.0, 6.0, 5.0, 4.0, 3.0, 3.0, 2.0, 2.0, 1.0]
        case .truck:
            return [0.5, 0.3, 0.3, 0.3, 0.5, 1.0, 2.5, 5.0, 7.5, 8.5, 8.5, 8.5,
                    8.0, 8.0, 8.0, 8.0, 7.5, 6.0, 4.0, 2.5, 1.5, 1.0, 0.8, 0.6]
        case .rail:
            return [Double](repeating: 1, count: 24)
        }
    }
}
