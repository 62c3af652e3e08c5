import BorderFlow
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOPosix

/// The map page and its JSON API: the dataset loaded and the network and diversion model prepared once,
/// then every request answered from memory.
public enum BorderFlowServer {
    /// The threads that read requests and write answers: half the cores, so that the other half answer them
    /// (routes and diversions run on Swift's concurrency threads). One per core, NIO's default, makes four
    /// busy threads take turns on two cores, and a route waited on the switching: at 64 connections on two
    /// cores its p99 latency fell from about 21 ms to 15 ms with this. Made once and kept for the process,
    /// like NIO's own shared group.
    static let networkThreads = MultiThreadedEventLoopGroup(numberOfThreads: max(1, System.coreCount / 2))

    /// The HTTP application serving a prepared dataset: what `borderflow serve` runs and tests drive.
    ///
    /// - Parameters:
    ///   - served: the dataset, prepared once (see ``ServedDataset/prepare(configuration:logger:)``), with the
    ///     configuration it was prepared for: where to listen, the tiles and Leaflet.
    ///   - logger: the request log and warnings.
    ///   - onReady: called once the server listens, with the line announcing it (`BorderFlow serving
    ///     <dataset> on http://HOST:PORT/`, the port the one bound).
    /// - Returns: the application, ready to run.
    public static func application(
        serving served: ServedDataset, logger: Logger, onReady: @escaping @Sendable (String) -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let configuration = served.configuration
        let responder = BorderFlowResponder(
            served: served, web: StaticFiles(root: resources.appendingPathComponent("web", isDirectory: true)),
            leaflet: StaticFiles(root: configuration.leafletDirectory),
            openAPI: (try? Data(contentsOf: resources.appendingPathComponent("openapi.json"))) ?? Data("{}".utf8),
            logger: logger)
        let host = configuration.host, name = served.name
        return Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname(host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                let shownHost = host.contains(":") ? "[\(host)]" : host
                onReady("BorderFlow serving \(name) on http://\(shownHost):\(port)/")
            },
            eventLoopGroupProvider: .shared(Self.networkThreads),
            logger: logger)
    }

    /// Runs the server until SIGINT or SIGTERM, then finishes the requests in progress and returns.
    ///
    /// - Parameters:
    ///   - configuration: where to listen, the dataset, the tiles and Leaflet.
    ///   - logger: the request log and warnings.
    ///   - onReady: called with the ready line once the server listens.
    /// - Throws: what loading the dataset throws, or binding the address (a port in use).
    public static func run(configuration: ServerConfiguration, logger: Logger, onReady: @escaping @Sendable (String) -> Void) async throws {
        if !FileManager.default.fileExists(atPath: configuration.leafletDirectory.path) {
            logger.warning("Leaflet is not at \(configuration.leafletDirectory.path), so the page cannot draw its map; install it with `apt-get install libjs-leaflet`, or give --leaflet DIR")
        }
        let served = try await ServedDataset.prepare(configuration: configuration, logger: logger)
        let app = application(serving: served, logger: logger, onReady: onReady)
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }

    /// The target's resources: the page's folder and the OpenAPI document.
    static var resources: URL {
        Bundle.module.resourceURL ?? Bundle.module.bundleURL
    }
}
