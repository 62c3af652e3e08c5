import ArgumentParser
import BorderFlow
import BorderFlowOutput
import Foundation

struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate crossers day by day under a scenario's closures: crossings, diversions, forgone trips and detours per port.",
        discussion: """
            Each day from --from to --to (both included) applies the closures in force at local noon that day \
            (all day: opening hours are not applied), draws N crossers from the fitted demand in proportion to \
            its daily trips, routes each through the library's router and compares it with the same crosser on \
            a day with every crossing open. Per day and port: crossers who crossed there, those diverted there \
            from another facility, trips forgone and freight deferred (at the port they would have used), and \
            the mean extra minutes of the diverted. A pedestrian, car or bus trip is forgone when no crossing is \
            open to it or its travel time grows by more than an hour and by more than half (the `divert` rule, \
            on travel time); a truck or train with no open crossing is deferred. The same seed gives the same \
            output whatever the thread count.
            """)

    @OptionGroup var options: DatasetOptions
    @OptionGroup var closureOptions: ClosureOptions

    @Option(help: ArgumentHelp("The first day simulated.", valueName: "DATE"))
    var from: String

    @Option(help: ArgumentHelp("The last day simulated (included).", valueName: "DATE"))
    var to: String

    @Option(name: .customLong("crossers-per-day"), help: "Crossers drawn from the demand each day.")
    var crossersPerDay = 10_000

    @Option(help: "Seed of the draws, from 0 to 2^53 − 1.")
    var seed: UInt64 = 1

    @Option(help: "Threads that route crossers (default: the cores available).")
    var threads = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var demandOptions: DemandOptions

    /// The days asked for, both ends included.
    private func days() throws -> ClosedRange<CalendarDay> {
        guard let first = CalendarDay(parsing: from) else { throw ValidationError("--from '\(from)' is not a day; use 2023-11-20") }
        guard let last = CalendarDay(parsing: to) else { throw ValidationError("--to '\(to)' is not a day; use 2023-11-20") }
        guard first <= last else { throw ValidationError("--to (\(to)) is before --from (\(from))") }
        return first...last
    }

    func validate() throws {
        guard crossersPerDay > 0 else { throw ValidationError("--crossers-per-day must be at least 1") }
        guard threads > 0 else { throw ValidationError("--threads must be at least 1") }
        guard seed <= SeedOption.largest else { throw ValidationError(SeedOption.tooLarge) }
        let count = try days().count
        guard count <= 3_660 else { throw ValidationError("--from to --to spans \(count) days; simulate at most ten years at a time") }
    }

    func run() throws {
        let inputs = try Inputs(options, closureOptions)
        let baseline = try demandOptions.baseline(for: inputs.network)
        let days = Array(try days())
        let progress = ProgressBar(total: days.count)
        let simulation = try inputs.network.simulate(
            demand: baseline.demand, behaviour: baseline.behaviour, scenario: inputs.scenario, closures: inputs.typedClosures, days: days,
            crossersPerDay: crossersPerDay, seed: seed, threads: threads
        ) { done, day in progress.update(done: done, label: "\(day)") }
        progress.finish()
        try options.print(SimulationReport(simulation: simulation))
    }
}

/// A one-line progress bar on standard error, drawn only when standard error is a terminal.
struct ProgressBar {
    let total: Int
    private let isShown = isatty(STDERR_FILENO) == 1

    init(total: Int) {
        self.total = total
    }

    func update(done: Int, label: String) {
        guard isShown, total > 0 else { return }
        let width = 30
        let filled = width * done / total
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total) days \(label)".utf8))
    }

    func finish() {
        guard isShown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
