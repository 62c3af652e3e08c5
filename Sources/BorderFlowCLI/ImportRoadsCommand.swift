import ArgumentParser
import BorderFlow
import BorderFlowOutput
import BorderFlowSpatial
import Foundation

struct ImportRoadsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-roads",
        abstract: "Build a dataset folder from a real road network: OpenStreetMap (.osm.pbf, .osm) or any GIS line layer.",
        discussion: """
            Reads SOURCE through GDAL: an OpenStreetMap extract (for example from https://download.geofabrik.de/, \
            such as north-america/us/arizona-latest.osm.pbf or north-america/mexico-latest.osm.pbf), or a GeoPackage, \
            Shapefile, GeoJSON or FlatGeobuf of road lines. Lines become roads by their class (OpenStreetMap highway \
            values), with speeds by class unless tagged, one-way streets, ferries and truck restrictions; each crossing \
            of the dataset is matched to the road over the border beside it, and each place is joined to its nearest \
            road. The folder written holds the dataset's crossings, places, sectors and other files, cropped to --bbox, \
            with the imported roads: give it to any command with --data DIR.
            """)

    @Argument(help: ArgumentHelp("The road network: a file or folder GDAL reads as vectors.", valueName: "SOURCE"))
    var source: String

    @Option(help: ArgumentHelp("The dataset folder to write (new or empty).", valueName: "DIR"))
    var out: String

    @Option(parsing: .unconditional, help: ArgumentHelp("Only this area, in longitude and latitude: west,south,east,north (western longitudes are negative).", valueName: "W,S,E,N"))
    var bbox: String?

    @Option(name: .customLong("profile"), parsing: .upToNextOption,
            help: ArgumentHelp("Who the network is for: car (cars and buses), truck, pedestrian; repeat or list with commas (default: all three).", valueName: "PROFILE"))
    var profiles: [String] = []

    @Option(help: ArgumentHelp("The layer of lines to read (default: lines in OpenStreetMap, else the first layer of lines).", valueName: "NAME"))
    var layer: String?

    @Option(name: .customLong("class-field"), help: ArgumentHelp("A plain layer's attribute with the road class, as OpenStreetMap highway values (default: highway).", valueName: "NAME"))
    var classField: String?

    @Option(name: .customLong("speed-field"), help: ArgumentHelp("A plain layer's attribute with the speed limit, km/h or \"NN mph\" (default: maxspeed).", valueName: "NAME"))
    var speedField: String?

    @Option(name: .customLong("oneway-field"), help: ArgumentHelp("A plain layer's attribute with the one-way flag: yes/no/-1, true/false, FT/TF/B (default: oneway).", valueName: "NAME"))
    var onewayField: String?

    @Option(name: .customLong("name-field"), help: ArgumentHelp("A plain layer's attribute with the road's name (default: name).", valueName: "NAME"))
    var nameField: String?

    @Option(name: .customLong("speed"), help: ArgumentHelp("Replace a class's default speed, e.g. residential=30; repeatable.", valueName: "CLASS=KPH"))
    var speeds: [String] = []

    @Flag(inversion: .prefixedNo, help: "Build the network's contraction hierarchies (roads.bfch), which make routes and the access table fast on large networks; --no-hierarchies imports in a fraction of the time, and routes then search the whole network.")
    var hierarchies = true

    @OptionGroup var dataset: DatasetOptions

    func validate() throws {
        _ = try importOptions()
    }

    func run() throws {
        let options = try importOptions()
        let sourceDataset = try dataset.loadDataset()
        let vectorSource = try VectorSource(path: source)
        let display = ImportProgressDisplay()
        let workingCRS = dataset.workingCRS
        let summary = try RoadImporter.importRoads(
            from: vectorSource, dataset: sourceDataset, options: options, into: URL(fileURLWithPath: out, isDirectory: true),
            workingCRS: workingCRS,
            verify: { [hierarchies] imported, folder in
                let network = try BorderNetwork(dataset: imported, workingCRS: workingCRS)
                if hierarchies { try network.writeHierarchies(to: folder) }
            },
            progress: display.show)
        display.finish()
        try dataset.print(RoadImportReport(summary: summary, folder: out))
    }

    private func importOptions() throws -> RoadImportOptions {
        var options = RoadImportOptions()
        if let bbox {
            let numbers = bbox.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard numbers.count == 4, let west = numbers[0], let south = numbers[1], let east = numbers[2], let north = numbers[3],
                  let box = RoadImportOptions.BoundingBox(west: west, south: south, east: east, north: north) else {
                throw ValidationError("--bbox \"\(bbox)\" is not an area; expected west,south,east,north in degrees, west < east and south < north, e.g. -111.0,31.3,-110.9,31.4")
            }
            options.boundingBox = box
        }
        if !profiles.isEmpty {
            var chosen = Set<RoadProfile>()
            for name in profiles.flatMap({ $0.split(separator: ",") }).map({ $0.trimmingCharacters(in: .whitespaces) }) {
                guard let profile = RoadProfile(rawValue: name) else {
                    throw ValidationError("--profile \"\(name)\" is not a profile; expected \(RoadProfile.validNames)")
                }
                chosen.insert(profile)
            }
            options.profiles = chosen
        }
        options.layer = layer
        if let classField { options.classField = classField }
        if let speedField { options.speedField = speedField }
        if let onewayField { options.onewayField = onewayField }
        if let nameField { options.nameField = nameField }
        for text in speeds {
            let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, let kph = Double(parts[1]), kph >= 5, kph <= 200 else {
                throw ValidationError("--speed \"\(text)\" is not CLASS=KPH with a speed of 5 to 200 km/h, e.g. residential=30")
            }
            options.speedOverrides[parts[0]] = kph
        }
        return options
    }
}

/// Progress of a long import on standard error: a bar redrawn in place on a terminal, a line per step otherwise.
final class ImportProgressDisplay {
    private let isTerminal = isatty(STDERR_FILENO) != 0
    private var step = ""
    private var lastDrawn = Date.distantPast

    func show(_ progress: RoadImporter.Progress) {
        let now = Date()
        let newStep = progress.step != step
        guard newStep || now.timeIntervalSince(lastDrawn) >= (isTerminal ? 0.2 : 10) else { return }
        lastDrawn = now
        step = progress.step
        let count = progress.done > 0 ? " \(progress.done.formatted(.number.grouping(.automatic)))" : ""
        if isTerminal {
            var line = "\r\u{1B}[2K\(progress.step)"
            if let total = progress.total, total > 0 {
                let fraction = min(1, Double(progress.done) / Double(total))
                let filled = Int(fraction * 30)
                line += " [" + String(repeating: "#", count: filled) + String(repeating: " ", count: 30 - filled) + "] \(Int(fraction * 100))%"
            }
            FileHandle.standardError.write(Data((line + count).utf8))
        } else {
            StandardError.writeLine("import-roads: \(progress.step)\(count)\(progress.total.map { " of \($0)" } ?? "")")
        }
    }

    func finish() {
        if isTerminal { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }
}
