// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "BorderFlow",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "BorderFlow", targets: ["BorderFlow"]),
        .library(name: "BorderFlowOutput", targets: ["BorderFlowOutput"]),
        .library(name: "BorderFlowSpatial", targets: ["BorderFlowSpatial"]),
        .library(name: "BorderFlowGraph", targets: ["BorderFlowGraph"]),
        .library(name: "BorderFlowServer", targets: ["BorderFlowServer"]),
        .executable(name: "borderflow", targets: ["BorderFlowCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // `borderflow serve`: the HTTP server and its request log.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        // The server's own group of network threads (Hummingbird's default has one per core).
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        // `swift package generate-documentation --target BorderFlow` builds the DocC catalog.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // C APIs, reached only through the spatial layer.
        .systemLibrary(
            name: "CPROJ",
            pkgConfig: "proj",
            providers: [.apt(["libproj-dev"]), .brew(["proj"])]
        ),
        .systemLibrary(
            name: "CGEOS",
            pkgConfig: "geos",
            providers: [.apt(["libgeos-dev"]), .brew(["geos"])]
        ),
        // GDAL's vector drivers (OSM, GeoPackage, Shapefile, FlatGeobuf, …), read by `borderflow import-roads`.
        .systemLibrary(
            name: "CGDAL",
            pkgConfig: "gdal",
            providers: [.apt(["libgdal-dev"]), .brew(["gdal"])]
        ),
        // Spatial layer: PROJ, GEOS and GDAL wrappers, coordinates, GeoJSON.
        .target(
            name: "BorderFlowSpatial",
            dependencies: ["CPROJ", "CGEOS", "CGDAL"]
        ),
        // Graph layer: pure Swift, no C. CSR graph, closure masks, Dijkstra, A* and ALT; the hot path. Its
        // queue is its own 4-ary heap of 64-bit entries: swift-collections' min-max heap orders 16-byte
        // entries and keeps a maximum end the search never reads.
        .target(name: "BorderFlowGraph"),
        // The model, in the order data flows: dataset → region → loading → history → costing → network →
        // scenario → routing → flows, with support beneath them. The library API; each folder's README says what it may use.
        .target(
            name: "BorderFlow",
            dependencies: ["BorderFlowSpatial", "BorderFlowGraph", .product(name: "Yams", package: "Yams")],
            exclude: ["Support/README.md", "Dataset/README.md", "Region/README.md", "Loading/README.md", "History/README.md",
                      "Costing/README.md", "Network/README.md", "Scenario/README.md", "Routing/README.md", "Flows/README.md"],
            // The flow model assigns tens of thousands of trips many times over; unoptimised, a debug build (and so
            // the test suite, which runs the real model on the bundled data) takes minutes per diversion.
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        // What users read: reports (table, JSON, CSV), GeoJSON layers and the SVG map. Built on the model's
        // public API alone: without package access, the compiler keeps outputs from reaching into the model.
        .target(
            name: "BorderFlowOutput",
            dependencies: ["BorderFlow", "BorderFlowSpatial"],
            exclude: ["README.md"],
            packageAccess: false
        ),
        // The map page and its JSON API over HTTP: the dataset and the model loaded once, answered from memory.
        // A library so that tests build the application without the command line.
        .target(
            name: "BorderFlowServer",
            dependencies: [
                "BorderFlow",
                "BorderFlowOutput",
                "BorderFlowSpatial",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            resources: [.copy("Resources/web"), .copy("Resources/openapi.json")],
            packageAccess: false
        ),
        // The command line tool: options in, one report out; public API only, like any user of the library.
        .executableTarget(
            name: "BorderFlowCLI",
            dependencies: [
                "BorderFlow",
                "BorderFlowOutput",
                "BorderFlowServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            packageAccess: false
        ),
        // The simulation loop of the documentation, as a program: `swift run SimulationLoop`.
        .executableTarget(
            name: "SimulationLoop",
            dependencies: ["BorderFlow"],
            path: "Examples/SimulationLoop"
        ),
        .testTarget(
            name: "BorderFlowSpatialTests",
            dependencies: ["BorderFlowSpatial", "BorderFlowTestSupport"]
        ),
        .testTarget(
            name: "BorderFlowGraphTests",
            dependencies: ["BorderFlowGraph"]
        ),
        // What the test targets share: the hand-made fixtures, which stay in Tests/BorderFlowTests/Fixtures where
        // Scripts/fuzz and Fuzz/ read them too, copies of them in temporary folders, scratch folders, a CSV reader
        // and distances on the ellipsoid worked out by hand.
        .target(
            name: "BorderFlowTestSupport",
            path: "Tests/BorderFlowTestSupport"
        ),
        .testTarget(
            name: "BorderFlowTests",
            dependencies: ["BorderFlow", "BorderFlowSpatial", "BorderFlowTestSupport"],
            exclude: ["Fixtures"]
        ),
        // The outputs on the model's public API, as the output target itself uses it: reports in their three
        // forms, text tables, GeoJSON layers and the map.
        .testTarget(
            name: "BorderFlowOutputTests",
            dependencies: ["BorderFlowOutput", "BorderFlow", "BorderFlowSpatial", "BorderFlowTestSupport"]
        ),
        // The server's routes through Hummingbird's test client, each answer checked against the OpenAPI document.
        .testTarget(
            name: "BorderFlowServerTests",
            dependencies: [
                "BorderFlowServer",
                "BorderFlowOutput",
                "BorderFlow",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                // The bundled scenario files, read as the documents a divert request may carry.
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // End-to-end: runs the built `borderflow` binary as a user would.
        .testTarget(
            name: "BorderFlowCLITests",
            dependencies: ["BorderFlowCLI", "BorderFlowTestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
