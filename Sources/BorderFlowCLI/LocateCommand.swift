import ArgumentParser
import BorderFlow
import BorderFlowOutput

struct LocateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "locate",
        abstract: "Say where a point lies: country, sector, distance to the border, nearest crossings.",
        discussion: "Give longitude then latitude in degrees, for example: borderflow locate -110.94 31.33")

    // Negative longitudes look like options to a parser; take the raw words and read them here.
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("Longitude and latitude in degrees (WGS 84).", valueName: "LON LAT"))
    var coordinate: [String] = []

    @OptionGroup var options: DatasetOptions

    /// The most nearest crossings listed: more than the crossings of any border.
    static let largestCount = 1_000

    @Option(parsing: .unconditional, help: "How many nearest crossings to list, from 0 to \(largestCount).")
    var count: Int = 5

    /// The words given, less a `--` separator a user may type before a negative number.
    private var numbers: [String] { coordinate.filter { $0 != "--" } }

    func validate() throws {
        let coordinate = numbers
        guard coordinate.count == 2 else {
            throw ValidationError("expected two numbers, longitude then latitude (e.g. -110.94 31.33), got \(coordinate.count == 0 ? "none" : coordinate.joined(separator: " "))")
        }
        guard Double(coordinate[0]) != nil, Double(coordinate[1]) != nil else {
            throw ValidationError("'\(coordinate.joined(separator: " "))' is not two numbers; expected longitude then latitude in degrees (e.g. -110.94 31.33)")
        }
        guard (0...Self.largestCount).contains(count) else {
            throw ValidationError("--count \(count) is out of range; list from 0 to \(Self.largestCount) crossings")
        }
    }

    func run() throws {
        let values = numbers.compactMap(Double.init)
        let point = Coordinate(longitude: values[0], latitude: values[1])
        let dataset = try options.loadDataset()
        let location = try options.region(for: dataset).locate(point, crossings: dataset.crossings, limit: count)
        let report = LocationReport(location: location)
        try options.print(report)
    }
}
