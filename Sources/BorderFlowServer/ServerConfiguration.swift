import BorderFlow
import Foundation

/// What `borderflow serve` is asked to do: where to listen, which dataset to serve, and where the map's
/// tiles and Leaflet come from.
public struct ServerConfiguration: Sendable {
    /// The address to bind: loopback unless the user asks for another.
    public var host: String
    /// The port; 0 picks a free one.
    public var port: Int
    /// The dataset folder.
    public var dataDirectory: URL
    /// A tile URL template for the page's background map, or nil for the dataset's own basemap alone.
    public var tilesURL: String?
    /// Debian's libjs-leaflet folder, served under `/leaflet/`.
    public var leafletDirectory: URL

    /// The folder Debian's libjs-leaflet installs Leaflet into.
    public static let debianLeafletDirectory = URL(fileURLWithPath: "/usr/share/javascript/leaflet", isDirectory: true)

    /// The default port.
    public static let defaultPort = 8080

    /// A configuration.
    ///
    /// - Parameters:
    ///   - host: the address to bind.
    ///   - port: the port; 0 picks a free one.
    ///   - dataDirectory: the dataset folder.
    ///   - tilesURL: a tile URL template, or nil.
    ///   - leafletDirectory: the folder served under `/leaflet/`.
    public init(host: String = "127.0.0.1", port: Int = defaultPort, dataDirectory: URL = DatasetFiles.bundledDirectory,
                tilesURL: String? = nil, leafletDirectory: URL = debianLeafletDirectory) {
        self.host = host
        self.port = port
        self.dataDirectory = dataDirectory
        self.tilesURL = tilesURL
        self.leafletDirectory = leafletDirectory
    }
}
