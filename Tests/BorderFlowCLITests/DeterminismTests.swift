import Foundation
import Testing

/// The same inputs give the same bytes, run after run.
@Suite("Determinism")
struct DeterminismTests {
    @Test(arguments: [
        ["divert", "--scenario", "dec-2023", "--format", "json"],
        ["divert", "--scenario", "lower-valley-storm", "--format", "csv"],
        ["route", "Sonoyta", "Phoenix", "--close", "lukeville", "--alternatives", "4", "--format", "json"],
        ["sectors", "--format", "csv"],
        ["locate", "-110.94", "31.33", "--format", "json"],
    ])
    func theSameCommandPrintsTheSameBytesTwice(arguments: [String]) throws {
        let first = try BorderFlowRun(arguments), second = try BorderFlowRun(arguments)
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardOutput.count > 100)
        #expect(first.standardOutput == second.standardOutput)
    }
}
