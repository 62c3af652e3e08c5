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

    @Option(help: ArgumentHelp("The first day simulated, as YYYY-MM-DD; each day's closures are those in force at local noon at each crossing.", valueName: "DATE"))
    var from: String

    @Option(help: ArgumentHelp("The last day simulated (included), as YYYY-MM-DD.", valueName: "DATE"))
    var to: String

    /// The most crossers drawn a day: a million already gives every port's figures to well under a percent.
    static let largestCrossersPerDay = 1_000_000
    /// The most threads: more than any machine this runs on has cores.
    static let largestThreads = 1_024

    @Option(name: .customLong("crossers-per-day"), parsing: .unconditional, help: ArgumentHelp("Crossers drawn from the demand each day, from 1 to \(largestCrossersPerDay.formatted()).", valueName: "N"))
    var crossersPerDay = 10_000

    @Option(help: "Seed of the draws, from 0 to 2^53 − 1.")
    var seed: UInt64 = 1

    @Option(name: .customLong("threads"), parsing: .unconditional, help: ArgumentHelp("Threads that route crossers, from 1 to \(largestThreads) (default: the cores available, \(ProcessInfo.processInfo.activeProcessorCount) here).", valueName: "T"))
    var threadsGiven: Int?

    /// The threads to use: as given, or one per core.
    var threads: Int { threadsGiven ?? ProcessInfo.processInfo.activeProcessorCount }

    @OptionGroup var demandOptions: DemandOptions

    /// The days asked for, both ends included.
    private func days() throws -> ClosedRange<CalendarDay> {
        func day(_ text: String, option: String) throws -> CalendarDay {
            do { return try CalendarDay(parsing: text) } catch { throw ValidationError("\(option) \(error)") }
        }
        let first = try day(from, option: "--from"), last = try day(to, option: "--to")
        guard first <= last else { throw ValidationError("--to (\(to)) is before --from (\(from))") }
        return first...last
    }

    func validate() throws {
        guard (1...Self.largestCrossersPerDay).contains(crossersPerDay) else {
            throw ValidationError("--crossers-per-day \(crossersPerDay) is out of range; draw from 1 to \(Self.largestCrossersPerDay.formatted()) crossers a day")
        }
        guard (1...Self.largestThreads).contains(threads) else {
            throw ValidationError("--threads \(threads) is out of range; use from 1 to \(Self.largestThreads) threads")
        }
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
