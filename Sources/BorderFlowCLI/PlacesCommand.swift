import ArgumentParser
import BorderFlow
import BorderFlowOutput

extension Country: @retroactive ExpressibleByArgument {
    /// `US` or `MX`, in any case.
    public init?(argument: String) {
        self.init(rawValue: argument.uppercased())
    }
}

struct PlacesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "places",
        abstract: "List the places routes start and end at, with their other names, states and sectors.")

    @OptionGroup var options: DatasetOptions

    @Option(help: ArgumentHelp("Only places on this side: US or MX.", valueName: "XX"))
    var country: Country?

    @Option(help: ArgumentHelp("Only places in this state (CA, AZ, NM, TX, BC, SON, CHIH, COAH, NL, TAMPS).", valueName: "XX"))
    var state: String?

    @Option(help: ArgumentHelp("Only U.S. places in this Border Patrol sector (e.g. tucson, del-rio).", valueName: "ID"))
    var sector: String?

    @Option(help: ArgumentHelp("Only places whose id, name or other name contains this text (any case, accents optional).", valueName: "TEXT"))
    var name: String?

    func run() throws {
        let dataset = try options.loadDataset()
        if let sector, dataset.sector(id: sector) == nil {
            throw ValidationError("unknown sector \"\(sector)\"; known sectors: \(dataset.sectors.map(\.id).joined(separator: ", "))")
        }
        let region = try options.region(for: dataset)
        let rows = try dataset.places.map { place in
            PlacesReport.Row(place: place, sector: place.country == .us ? try region.sector(at: place.coordinate)?.id : nil)
        }
        try options.print(PlacesReport(rows: PlacesReport.filtered(rows, country: country, state: state, sector: sector, name: name)))
    }
}
