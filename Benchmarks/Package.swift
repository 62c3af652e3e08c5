// swift-tools-version:6.1
import PackageDescription

// BorderFlow's performance benchmarks: a package of their own, so that users of the library never build
// the benchmark tooling. Run with `swift package benchmark` from this folder.
let package = Package(
    name: "BorderFlowBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        // Named: a path dependency is otherwise known by its folder's name, which differs between clones.
        .package(name: "BorderFlow", path: "../"),
        // Malloc counts only (the default traits would also need the Linux ARC runtime interposer).
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/davecom/SwiftGraph", from: "4.0.0"),
    ],
    targets: [
        .executableTarget(
            name: "Routing",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "BorderFlow", package: "BorderFlow"),
                .product(name: "BorderFlowGraph", package: "BorderFlow"),
                .product(name: "SwiftGraph", package: "SwiftGraph"),
            ],
            path: "Benchmarks/Routing",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark"),
            ]
        ),
        // How memory grows with the network and the demand: the figures behind the README's limits.
        .executableTarget(
            name: "Limits",
            dependencies: [
                .product(name: "BorderFlow", package: "BorderFlow"),
                .product(name: "BorderFlowGraph", package: "BorderFlow"),
            ],
            path: "Limits"
        ),
        // BorderFlowGraph on the DIMACS road grids of `graph-core`, whose C++ and scipy peers sit beside it in
        // GraphCore/ (the Swift sources in a folder of their own, so SwiftPM sees no C++ or Python).
        .executableTarget(
            name: "GraphCore",
            dependencies: [
                .product(name: "BorderFlowGraph", package: "BorderFlow"),
            ],
            path: "GraphCore/Swift"
        ),
        // Route queries on an imported road network (`road-import/run` imports the synthetic border network first).
        .executableTarget(
            name: "ImportedNetwork",
            dependencies: [
                .product(name: "BorderFlow", package: "BorderFlow"),
            ],
            path: "road-import/Swift"
        ),
    ],
    swiftLanguageModes: [.v6]
)
