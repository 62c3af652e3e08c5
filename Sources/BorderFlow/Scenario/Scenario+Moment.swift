import Foundation

/// A scenario whose closures or changes hold for time windows, looked at without a moment when it has no
/// date of its own: every window would hold at once, closures months apart applied together.
public struct ScenarioMomentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The scenario's id.
    public var scenarioID: String

    /// Makes the error for a scenario.
    ///
    /// - Parameter scenarioID: the scenario's id.
    public init(scenarioID: String) {
        self.scenarioID = scenarioID
    }

    /// What is wrong, with the way to give a moment where the reader gives it.
    ///
    /// - Parameter advice: how to give a date, such as `give --at YYYY-MM-DD` on the command line.
    /// - Returns: the message.
    public func message(advice: String) -> String {
        "scenario \(scenarioID) has closures or changes with time windows but no date; \(advice) to apply those in force that day, or add a date to the scenario"
    }

    /// A message for people.
    public var description: String {
        message(advice: "give a date (YYYY-MM-DD)")
    }
}

extension Scenario {
    /// The moment a route, diversion or map looks at: the one given, else the scenario's date. The one rule
    /// `route --at`, `divert --on` and the server's endpoints follow.
    ///
    /// - Parameters:
    ///   - given: the moment given, if any.
    ///   - scenario: the scenario applied, or nil for none.
    /// - Returns: the moment; nil when none is given and there is no scenario, or it has no date and no windows.
    /// - Throws: ``ScenarioMomentError`` when none is given for a scenario with time windows and no date.
    public static func moment(given: Moment?, scenario: Scenario?) throws(ScenarioMomentError) -> Moment? {
        if let given { return given }
        if let scenario, scenario.date == nil, scenario.hasTimeWindows { throw ScenarioMomentError(scenarioID: scenario.id) }
        return scenario?.date
    }
}
