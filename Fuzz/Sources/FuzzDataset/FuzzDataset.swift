import BorderFlow
import FuzzDriver
import Foundation

/// The small hand-made dataset the fuzzer breaks, one file at a time.
private let fixtures = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Tests/BorderFlowTests/Fixtures", isDirectory: true)

/// A working copy of the dataset, made once per process.
private let workingCopy: URL = {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("borderflow-fuzz-dataset-\(getpid())", isDirectory: true)
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for layer in ["tiny", "network"] {
        let source = fixtures.appendingPathComponent(layer, isDirectory: true)
        for file in (try? FileManager.default.contentsOfDirectory(atPath: source.path)) ?? [] {
            let target = directory.appendingPathComponent(file)
            try? FileManager.default.removeItem(at: target)
            try? FileManager.default.copyItem(at: source.appendingPathComponent(file), to: target)
        }
    }
    return directory
}()

private let layers = ["crossings.geojson", "sectors.geojson", "places.geojson", "boundary.geojson", "roads.geojson", "junctions.geojson"]
private let originals: [Data] = layers.map { (try? Data(contentsOf: workingCopy.appendingPathComponent($0))) ?? Data() }

/// libFuzzer's entry point. The first byte picks the layer file the rest replaces; the dataset is then checked
/// completely. Any input must give a dataset or a list of problems, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDataset(_ bytes: UnsafeRawPointer, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let layer = Int(bytes.load(as: UInt8.self)) % layers.count
    let file = workingCopy.appendingPathComponent(layers[layer])
    try? Data(bytes: bytes + 1, count: count - 1).write(to: file)
    if let dataset = try? Dataset.load(from: workingCopy), !dataset.roads.isEmpty {
        // A dataset that loads must build a network and answer a route question.
        if let network = try? BorderNetwork(dataset: dataset), let first = dataset.places.first, let last = dataset.places.last {
            _ = try? network.compareRoutes(from: first.id, to: last.id, mode: .pov, alternatives: 2)
        }
    }
    try? originals[layer].write(to: file)
    return 0
}

/// SwiftPM links an executable's entry point under the module's name; hand control to libFuzzer's driver.
@_cdecl("FuzzDataset_main")
public func fuzzDatasetMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzDataset)
}
