// swift-tools-version:6.0
// libFuzzer targets for BorderFlow's readers of user input. Not part of the main package: they build only with
// `-sanitize=fuzzer` (libFuzzer supplies `main`). Run them with `Scripts/fuzz`.
import PackageDescription

let package = Package(
    name: "BorderFlowFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "BorderFlow", path: "../"),
    ],
    targets: [
        // Hands control to libFuzzer's driver from the entry point SwiftPM gives an executable.
        .target(name: "FuzzDriver"),
        // The GeoJSON reader: any bytes as a FeatureCollection.
        .executableTarget(name: "FuzzGeoJSON", dependencies: ["FuzzDriver", .product(name: "BorderFlowSpatial", package: "BorderFlow")]),
        // The dataset loader: any bytes as one of a small dataset's layer files, then every check.
        .executableTarget(name: "FuzzDataset", dependencies: ["FuzzDriver", .product(name: "BorderFlow", package: "BorderFlow")]),
        // The scenario parser: any bytes as a scenario file, checked against a small dataset.
        .executableTarget(name: "FuzzScenario", dependencies: ["FuzzDriver", .product(name: "BorderFlow", package: "BorderFlow")]),
    ],
    swiftLanguageModes: [.v6]
)
