import BorderFlowTestSupport
import Foundation
import Testing

/// `borderflow import-roads` as a user runs it: a summary on standard output, progress on standard error, a folder
/// every command takes with --data, and clear refusals of bad options with nothing written.
@Suite("borderflow import-roads")
struct ImportRoadsCommandTests {
    static let osm = Fixtures.folder("roads-nogales").appendingPathComponent("nogales.osm").path
    static let area = "-111.0,31.28,-110.9,31.37"

    @Test func importsTheFixtureAndRoutesOnIt() throws {
        let scratch = try ScratchFolder("import-cli")
        let out = scratch.url.appendingPathComponent("nogales").path
        let run = try BorderFlowRun("import-roads", Self.osm, "--out", out, "--bbox", Self.area)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("Network    21 nodes, 32 road segments (3 one-way)"))
        #expect(run.standardOutput.contains("nogales-deconcini    DeConcini Lane"))
        #expect(run.standardError.contains("import-roads: reading"), "plain progress lines off a terminal")

        let route = try BorderFlowRun("route", "Nogales, SON", "Nogales, AZ", "--data", out, "--format", "csv")
        #expect(route.status == 0, "\(route.standardError)")
        #expect(route.standardOutput.contains("nogales-deconcini"))
        #expect(route.standardOutput.contains("Grand Avenue"))
        let validate = try BorderFlowRun("validate", "--data", out)
        #expect(validate.status == 0, "\(validate.standardOutput)")

        // The summary as JSON has the members the README documents, and a second import into the folder is refused.
        let json = try BorderFlowRun("import-roads", Self.osm, "--out", scratch.url.appendingPathComponent("again").path,
                                     "--bbox", Self.area, "--format", "json")
        #expect(json.standardOutput.contains(#""crossingsMatched""#))
        let again = try BorderFlowRun("import-roads", Self.osm, "--out", out, "--bbox", Self.area)
        #expect(again.status == 1)
        #expect(again.standardError.contains("not empty"))
    }

    @Test(arguments: [
        (["--bbox", "-110.9,31.28,-111.0,31.37"], "is not an area"),
        (["--bbox", "west,31,east,32"], "is not an area"),
        (["--profile", "bicycle"], "is not a profile; expected car, truck, pedestrian"),
        (["--speed", "residential=fast"], "is not CLASS=KPH"),
        (["--speed", "residential=500"], "is not CLASS=KPH"),
    ])
    func badOptionsAreRefusedWithNothingWritten(_ options: [String], _ message: String) throws {
        let scratch = try ScratchFolder("import-cli-bad")
        let out = scratch.url.appendingPathComponent("never").path
        let run = try BorderFlowRun(["import-roads", Self.osm, "--out", out] + options)
        #expect(run.status == 64, "a usage error")
        #expect(run.standardError.contains(message), "\(run.standardError)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func aSourceThatIsNoVectorFileIsNamed() throws {
        let scratch = try ScratchFolder("import-cli-text")
        let text = try scratch.file("notes.txt", Array("not a map".utf8))
        let run = try BorderFlowRun("import-roads", text.path, "--out", scratch.url.appendingPathComponent("out").path)
        #expect(run.status == 1)
        #expect(run.standardError.contains("notes.txt: cannot be read as a vector source"))
    }
}
