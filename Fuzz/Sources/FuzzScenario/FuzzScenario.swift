import BorderFlow
import FuzzDriver
import Foundation

private let fixtures = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Tests/BorderFlowTests/Fixtures", isDirectory: true)

/// The scenario is checked against the small hand-made dataset.
private let dataset = try? Dataset.load(from: fixtures.appendingPathComponent("tiny", isDirectory: true))
private let scenarioFile = FileManager.default.temporaryDirectory.appendingPathComponent("borderflow-fuzz-scenario-\(getpid()).yaml")

/// libFuzzer's entry point: any bytes as a scenario file must give a scenario, an `InputFileError` or a
/// `ScenarioError`, never a crash; a scenario that loads must turn into closures at any moment.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenario(_ bytes: UnsafeRawPointer, _ count: Int) -> CInt {
    try? Data(bytes: bytes, count: count).write(to: scenarioFile)
    if let scenario = try? Scenario.load(contentsOf: scenarioFile, dataset: dataset), let dataset {
        _ = scenario.closures
        for crossing in dataset.crossings {
            for mode in crossing.modes { _ = scenario.lanes(of: crossing, mode: mode, at: scenario.date) }
        }
    }
    return 0
}

/// SwiftPM links an executable's entry point under the module's name; hand control to libFuzzer's driver.
@_cdecl("FuzzScenario_main")
public func fuzzScenarioMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzScenario)
}
