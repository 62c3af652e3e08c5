import ArgumentParser
import BorderFlow
import BorderFlowServer
import Foundation
import Logging
import Synchronization

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the interactive map and a JSON API over HTTP (loopback only unless --host says otherwise).",
        discussion: """
            Loads the dataset and prepares the network and the diversion model once, then answers from memory. \
            Open the printed address in a browser; /api/openapi.json describes the API. --port 0 picks a free \
            port. Stops on Ctrl-C or SIGTERM after finishing the requests in progress. One log line per request \
            goes to standard error.
            """)

    @Option(help: ArgumentHelp("The address to listen on; 0.0.0.0 serves every network the machine is on.", valueName: "ADDRESS"))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp("The port, from 0 (a free one, printed) to 65535.", valueName: "PORT"))
    var port = ServerConfiguration.defaultPort

    @OptionGroup var dataFolder: DataFolderOption

    @Option(help: ArgumentHelp("A tile URL template for the page's background map, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png (default: the dataset's basemap alone, nothing fetched).", valueName: "URL"))
    var tiles: String?

    @Option(help: ArgumentHelp("The Leaflet folder served to the page (default: Debian's libjs-leaflet).", valueName: "DIR"))
    var leaflet: String?

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port \(port) is out of range; give 0 to 65535") }
    }

    func run() throws {
        let configuration = ServerConfiguration(
            host: host, port: port, dataDirectory: dataFolder.directory, tilesURL: tiles,
            leafletDirectory: leaflet.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? ServerConfiguration.debianLeafletDirectory)
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .info
            return handler
        }
        let logger = Logger(label: "borderflow.serve")
        // The root command's `main` is synchronous, as every other command is; the server runs as a task of
        // its own and this thread waits for it, so that no other command's start or exit changes.
        let outcome = Mutex<Error?>(nil)
        let finished = DispatchSemaphore(value: 0)
        Task {
            do {
                // Written at once, unbuffered: a script waiting for this line reads the port from it.
                try await BorderFlowServer.run(configuration: configuration, logger: logger) { line in
                    FileHandle.standardOutput.write(Data((line + "\n").utf8))
                }
            } catch {
                outcome.withLock { $0 = error }
            }
            finished.signal()
        }
        finished.wait()
        if let error = outcome.withLock({ $0 }) { throw error }
    }
}
