import ArgumentParser
import BorderFlow
import BorderFlowOutput
import Foundation

struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Draw a map of a diversion: sectors and crossings by change, closures, the largest diverted streams.",
        discussion: """
            Runs the same diversion as `divert` and draws it as SVG, or as PNG when --out ends in .png and \
            rsvg-convert (Debian: librsvg2-bin) is installed. Without a scenario or closures the map shows the \
            baseline. Land, coasts and state lines come from the dataset's basemap.geojson (see build-basemap), \
            when it has one.
            """)

    @OptionGroup var options: DatasetOptions
    @OptionGroup var closureOptions: ClosureOptions
    @OptionGroup var diversionOptions: DiversionOptions

    @Option(help: ArgumentHelp("The picture to write: FILE.svg or FILE.png.", valueName: "FILE"))
    var out: String

    func validate() throws {
        let type = URL(fileURLWithPath: out).pathExtension.lowercased()
        guard type == "svg" || type == "png" else { throw ValidationError("--out '\(out)' must end in .svg or .png") }
        // A map has no table, JSON or CSV form: a format given would be silently ignored.
        if let format = options.formatGiven {
            throw ValidationError("map draws a picture and takes no --format (\(format.rawValue)); --out FILE.svg or FILE.png sets its kind, and `borderflow divert --format \(format.rawValue)` gives the same diversion as a report")
        }
    }

    func run() throws {
        let run = try diversionOptions.run(options, closureOptions)
        // The date is the subtitle's; the title names the scenario and every closure typed.
        let named = DiversionTitle.title(scenario: run.scenario, moment: nil, typed: run.typedClosures)
        let title = run.scenario == nil && closureOptions.isEmpty ? "Baseline: every crossing open" : named.prefix(1).uppercased() + named.dropFirst()
        let subtitle = (run.moment.map { "On \($0.readable)" } ?? "Any day")
            + " · where daily northbound crossings go, from the \(diversionOptions.model.rawValue) assignment of the fitted baseline demand"
        // The basemap is optional: a dataset of one's own may come without one.
        let basemapFile = options.directory.appendingPathComponent(DatasetFiles.basemap)
        let basemap = FileManager.default.fileExists(atPath: basemapFile.path) ? try Basemap.read(contentsOf: basemapFile) : nil
        let svg = try DiversionMap(diversion: run.diversion, title: title, subtitle: subtitle, basemap: basemap).svg()
        let target = URL(fileURLWithPath: out)
        if target.pathExtension.lowercased() == "png" {
            try PNGConverter.write(svg: svg, to: target)
        } else {
            try AtomicFile.write(svg, to: target)
        }
        StandardError.writeLine("wrote \(target.path)")
    }
}

/// Turns SVG into PNG with rsvg-convert, when it is installed.
enum PNGConverter {
    static func write(svg: String, to target: URL) throws {
        guard let converter = executable(named: "rsvg-convert") else {
            throw OutputError.cannotWrite(path: target.path, reason: "PNG needs rsvg-convert (Debian and Ubuntu: apt-get install librsvg2-bin); write .svg instead")
        }
        // The SVG goes in as a temporary file; the PNG comes back on standard output and is written whole.
        let svgFile = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).svg")
        defer { try? FileManager.default.removeItem(at: svgFile) }
        try AtomicFile.write(svg, to: svgFile)
        let process = Process()
        process.executableURL = converter
        process.arguments = ["--format", "png", svgFile.path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let png = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw OutputError.cannotWrite(path: target.path, reason: "rsvg-convert failed: \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        try AtomicFile.write(png, to: target)
    }

    private static func executable(named name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}
