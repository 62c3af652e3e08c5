import ArgumentParser
import BorderFlow

/// What the commands that route, divert, map or simulate work on, loaded from their options in one order:
/// the dataset and its network, the scenario checked against that dataset, then the closures typed on the
/// command line (polygon files read).
struct Inputs {
    let network: BorderNetwork
    let scenario: Scenario?
    /// The closures typed on the command line, which add to the scenario's.
    let typedClosures: Closures

    var dataset: Dataset { network.dataset }

    init(_ options: DatasetOptions, _ closureOptions: ClosureOptions) throws {
        network = try options.loadNetwork()
        scenario = try closureOptions.loadScenario(dataset: network.dataset)
        typedClosures = try closureOptions.typedClosures(dataset: network.dataset)
    }

    /// The moment a command looks at: the one typed, else the scenario's date.
    ///
    /// A scenario whose closures or changes have time windows needs a moment: with none, every window would
    /// hold at once, closures months apart applied together.
    ///
    /// - Parameters:
    ///   - text: the text typed for the option, if any.
    ///   - option: the option's name, such as `--on`, for messages.
    /// - Returns: the moment; nil when none is typed and the scenario has no date and no windows.
    /// - Throws: `ValidationError` when the text is not a moment, or no moment is given for a scenario with
    ///   windows.
    func moment(typed text: String?, option: String) throws -> Moment? {
        let typed = try text.map { try MomentOption.moment($0, option: option) }
        do {
            return try Scenario.moment(given: typed, scenario: scenario)
        } catch {
            throw ValidationError(error.message(advice: "give \(option) YYYY-MM-DD"))
        }
    }

    /// What is closed at a moment: the scenario's closures then (with the modes its lane changes leave without
    /// lanes), then those typed.
    func closures(at moment: Moment?) -> Closures {
        Scenario.closures(of: scenario, at: moment, in: dataset, adding: typedClosures)
    }
}
