import ArgumentParser
import BorderFlow
import Foundation

@main
struct BorderFlowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "borderflow",
        abstract: "Where does traffic go when crossings on the U.S.–Mexico border close?",
        discussion: """
            Works on the bundled Southwest border dataset (every land crossing, the nine Border Patrol sectors, \
            the boundary and the places trips start and end) or on your own with --data DIR.
            """,
        version: "borderflow \(BorderFlowVersion.current)",
        subcommands: [
            CrossingsCommand.self,
            PlacesCommand.self,
            SectorsCommand.self,
            LocateCommand.self,
            DivertCommand.self,
            RouteCommand.self,
            ExportCommand.self,
            MapCommand.self,
            ScenariosCommand.self,
            SimulateCommand.self,
            CalibrateCommand.self,
            DemandCommand.self,
            ValidateCommand.self,
            InfoCommand.self,
            BuildSectorsCommand.self,
            BuildBasemapCommand.self,
            ImportRoadsCommand.self,
            BuildCountsCommand.self,
            BackcastCommand.self,
            BaselinesCommand.self,
            ServeCommand.self,
        ]
    )

    /// Parses and runs a command, reporting a failure of any of the subcommands here, once.
    ///
    /// A subcommand's failure prints a plain message — no stack, no Swift type names — and exits 1; an exit code
    /// it throws on purpose passes through. Everything else keeps the parser's own wording and exit codes: its
    /// usage errors, and the help that `--help`, `help` and a bare `borderflow` ask for by throwing from `run()`.
    /// Every message reaches the terminal with its control characters written out (`visibleControlCharacters`):
    /// messages quote arguments and file contents, which may hold escape sequences.
    static func main() {
        var command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            if let typed = CommandLine.arguments.dropFirst().first, let message = unknownCommandMessage(typed) {
                fail("borderflow: error: \(message)", code: .validationFailure)
            }
            exitReporting(error)
        }
        do {
            try command.run()
        } catch {
            let isSubcommand = configuration.subcommands.contains { $0 == type(of: command) }
            guard isSubcommand, !(error is ExitCode) else { exitReporting(error) }
            fail("borderflow: error: \(error)", code: .failure)
        }
    }

    /// Exits as the parser would for this error — help and the version on standard output, exit 0 — but with
    /// an error's message made safe for the terminal.
    static func exitReporting(_ error: Error) -> Never {
        let code = exitCode(for: error)
        guard code != .success else { exit(withError: error) }
        let message = fullMessage(for: error)
        fail(message, code: code)
    }

    /// Writes a message to standard error, its control characters written out, and exits with the code.
    static func fail(_ message: String, code: ExitCode) -> Never {
        if !message.isEmpty { StandardError.writeLine(message) }
        Foundation.exit(code.rawValue)
    }

    /// What to say when the first argument is no command (`routes`): the nearest commands' names; nil when it
    /// is a command or an option, whose errors the parser words itself.
    static func unknownCommandMessage(_ typed: String) -> String? {
        guard !typed.hasPrefix("-") else { return nil }
        let names = configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
        guard !names.contains(typed) else { return nil }
        let nearest = NameMatching.suggestions(for: typed, among: names, limit: 2)
        let hint = nearest.isEmpty ? "" : "; did you mean \(nearest.map { "'\($0)'" }.joined(separator: " or "))?"
        return "no command '\(typed)'\(hint) `borderflow --help` lists them"
    }
}
