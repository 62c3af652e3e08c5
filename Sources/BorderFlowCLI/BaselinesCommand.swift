import ArgumentParser
import BorderFlow
import BorderFlowOutput
import Foundation

struct BaselinesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baselines",
        abstract: "Each count series' baseline daily volume and seasonal factors, beside the dataset's daily volumes.",
        discussion: """
            From the monthly counts (monthly-counts.csv) and the disruptions of the events folder: the baseline is \
            the mean deseasonalised daily volume of the last 12 undisrupted months up to --reference; the twelve \
            seasonal factors are month ÷ calendar-year level averaged over clean years (Docs/BACKCAST.md). \
            `borderflow build-counts` writes the same table as baselines.csv; --format csv prints it with the \
            dataset's daily volume and the difference added.
            """)

    @Option(help: ArgumentHelp("The last month the baselines may use.", valueName: "YYYY-MM"))
    var reference: String = BaselineTable.defaultReference.description

    @OptionGroup var options: DatasetOptions

    func validate() throws {
        if YearMonth(parsing: reference) == nil { throw ValidationError("--reference '\(reference)' is not a month; write YYYY-MM") }
    }

    func run() throws {
        let dataset = try options.loadDataset()
        let counts = try MonthlyCounts.read(contentsOf: options.directory.appendingPathComponent(MonthlyCounts.fileName), dataset: dataset)
        let events = try PastEvents.load(dataset: dataset, in: options.directory)
        let table = BaselineTable(counts: counts, events: events, reference: YearMonth(parsing: reference)!)
        try options.print(BaselinesReport(baselines: table, dataset: dataset))
    }
}
