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

    /// The moment a command looks at: the one typed (its option validated it), else the scenario's date.
    func moment(typed text: String?) -> Moment? {
        text.flatMap(Moment.init(parsing:)) ?? scenario?.date
    }

    /// What is closed at a moment: the scenario's closures then (with the modes its lane changes leave without
    /// lanes), then those typed.
    func closures(at moment: Moment?) -> Closures {
        Scenario.closures(of: scenario, at: moment, in: dataset, adding: typedClosures)
    }
}
