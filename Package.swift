// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "BorderFlow",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "BorderFlow", targets: ["BorderFlow"]),
        .library(name: "BorderFlowSpatial", targets: ["BorderFlowSpatial"]),
        .library(name: "BorderFlowGraph", targets: ["BorderFlowGraph"]),
        .executable(name: "borderflow", targets: ["BorderFlowCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
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
        // Spatial layer: PROJ and GEOS wrappers, coordinates, GeoJSON.
        .target(
            name: "BorderFlowSpatial",
            dependencies: ["CPROJ", "CGEOS"]
        ),
        // Graph layer: pure Swift, no C. CSR graph, closure masks, Dijkstra and A*; the hot path.
        .target(
            name: "BorderFlowGraph",
            dependencies: [.product(name: "HeapModule", package: "swift-collections")]
        ),
        // Flow layer: the dataset, its validation, the border region model; the public library API.
        .target(
            name: "BorderFlow",
            dependencies: ["BorderFlowSpatial", "BorderFlowGraph", .product(name: "Yams", package: "Yams")]
        ),
        .executableTarget(
            name: "BorderFlowCLI",
            dependencies: [
                "BorderFlow",
                "BorderFlowGraph",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The simulation loop of the documentation, as a program: `swift run SimulationLoop`.
        .executableTarget(
            name: "SimulationLoop",
            dependencies: ["BorderFlow"],
            path: "Examples/SimulationLoop"
        ),
        .testTarget(
            name: "BorderFlowSpatialTests",
            dependencies: ["BorderFlowSpatial"]
        ),
        .testTarget(
            name: "BorderFlowGraphTests",
            dependencies: ["BorderFlowGraph"]
        ),
        .testTarget(
            name: "BorderFlowTests",
            dependencies: ["BorderFlow", "BorderFlowSpatial"],
            resources: [.copy("Fixtures")]
        ),
        // End-to-end: runs the built `borderflow` binary as a user would.
        .testTarget(
            name: "BorderFlowCLITests",
            dependencies: ["BorderFlowCLI"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
