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
            dataset's daily volume and the difference added. --update-crossings writes each crossing's baseline into \
            the dataset's crossings.geojson (with --in-place): a crossing counted on its own takes its series' baseline; the others \
            share what their port's series leaves, by lanes.
            """)

    @Option(help: ArgumentHelp("The last month the baselines may use.", valueName: "YYYY-MM"))
    var reference: String = BaselineTable.defaultReference.description

    @Flag(help: "Write each crossing's baseline into the dataset's crossings.geojson (dailyVolume and volumeSource), leaving the rest of the file as it is.")
    var updateCrossings = false

    @OptionGroup var options: DatasetOptions

    @OptionGroup var inPlace: InPlaceOption

    func validate() throws {
        if YearMonth(parsing: reference) == nil { throw ValidationError("--reference '\(reference)' is not a month; write YYYY-MM") }
    }

    func run() throws {
        let crossingsFile = options.directory.appendingPathComponent(DatasetFiles.crossings)
        if updateCrossings { try inPlace.check([crossingsFile], elsewhere: nil) }
        let dataset = try options.loadDataset()
        let counts = try MonthlyCounts.read(contentsOf: options.directory.appendingPathComponent(MonthlyCounts.fileName), dataset: dataset)
        let events = try PastEvents.load(dataset: dataset, in: options.directory)
        let table = BaselineTable(counts: counts, events: events, reference: YearMonth(parsing: reference)!)
        guard updateCrossings else {
            try options.print(BaselinesReport(baselines: table, dataset: dataset))
            return
        }
        let text = try String(contentsOf: crossingsFile, encoding: .utf8)
        let (updated, changes) = try CrossingBaselines(dataset: dataset, baselines: try BaselineFile(table)).crossingsFile(text, of: dataset)
        try AtomicFile.write(updated, to: crossingsFile)
        print("wrote the baselines at \(reference) into \(crossingsFile.path): \(changes.count) daily volumes changed")
        for change in changes.sorted(by: { abs($0.after - $0.before) > abs($1.after - $1.before) }).prefix(10) {
            print("  \(change.crossing) \(change.mode.rawValue): \(formatCount(change.before)) → \(formatCount(change.after))")
        }
    }
}
