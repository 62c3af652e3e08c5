import ArgumentParser
import BorderFlow
import BorderFlowOutput
import Foundation

struct BuildCountsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build-counts",
        abstract: "Rebuild monthly-counts.csv and baselines.csv from the public monthly counts.",
        discussion: """
            Inputs anyone can download:
              --bts      BTS Border Crossing Entry Data, \
            https://data.bts.gov/Research-and-Statistics/Border-Crossing-Entry-Data/keg4-3bc2 (Export → CSV), as BTS \
            publishes it (Port Name, State, Port Code, Border, Date, Measure, Value, …; other borders are skipped) or \
            cut to port_code,port_name,state,month,measure,value. Whole-port series for every port.
              --bridges  CBP northbound crossings per Texas bridge and month, compiled by the University of North \
            Texas for TxDOT: https://github.com/unt-clscm/CBP-Border-Crossings, \
            03-Processed-Data/csv/monthly_crossings_2008_2025.csv (ID, Year, Month, Region, POE, Crossing, Modes, \
            Northbound Crossing). Per-crossing series, each bridge matched to a dataset crossing by an explicit table; \
            its "El Paso Railroad Bridges" row covers both El Paso rail bridges and is left to the port's BTS rail series.
            Modes: pedestrians, personal/passenger vehicles, buses, trucks, and railcars (UNT Railcars; BTS Rail \
            Containers Loaded + Empty). The held-out months (2020-12, 2021-01, 2023-12) are never written. \
            baselines.csv follows from the new counts and the events in the dataset's events folder (see \
            `borderflow baselines`). Replacing the dataset's files takes --in-place.
            """)

    @Option(help: ArgumentHelp("BTS Border Crossing Entry Data (CSV).", valueName: "FILE"))
    var bts: String

    @Option(help: ArgumentHelp("UNT/TxDOT monthly northbound crossings per Texas bridge (CSV).", valueName: "FILE"))
    var bridges: String

    @OptionGroup var dataFolder: DataFolderOption

    @OptionGroup var inPlace: InPlaceOption

    @Option(help: ArgumentHelp("The month the baselines end at.", valueName: "YYYY-MM"))
    var reference: String = BaselineTable.defaultReference.description

    func validate() throws {
        if YearMonth(parsing: reference) == nil { throw ValidationError("--reference '\(reference)' is not a month; write YYYY-MM") }
    }

    func run() throws {
        let directory = dataFolder.directory
        try inPlace.check([MonthlyCounts.fileName, BaselineTable.fileName].map { directory.appendingPathComponent($0) }, elsewhere: nil)
        let dataset = try Dataset.load(from: directory)
        let builder = CountsBuilder(bts: URL(fileURLWithPath: bts), bridges: URL(fileURLWithPath: bridges), dataset: dataset)
        let counts = try builder.build()
        let events = try PastEvents.load(dataset: dataset, in: directory)
        let table = BaselineTable(counts: counts, events: events, reference: YearMonth(parsing: reference)!)
        // The baselines follow from the counts: both files are written, or neither.
        try AtomicFile.write([builder.file(counts, in: directory),
                              OutputFile(table.csv(), at: directory.appendingPathComponent(BaselineTable.fileName))])
        let rows = counts.series.reduce(0) { $0 + $1.counts.count }
        print("wrote \(counts.series.count) series (\(rows) months) to \(directory.appendingPathComponent(MonthlyCounts.fileName).path)")
        print("wrote \(table.rows.count) baselines at \(reference) to \(directory.appendingPathComponent(BaselineTable.fileName).path)")
    }
}
