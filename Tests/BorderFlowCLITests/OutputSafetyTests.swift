import BorderFlowTestSupport
import Foundation
import Testing

/// Every file in a folder and its bytes, to show that a refused command touched nothing.
private func contents(of folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
    while let url = enumerator?.nextObject() as? URL {
        if try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            files[String(url.path.dropFirst(folder.path.count))] = try Data(contentsOf: url)
        }
    }
    return files
}

@Suite("A dataset's own files are replaced only in place")
struct DatasetFileProtectionTests {
    @Test func exportingIntoTheDatasetFolderRefusesAndLeavesItValid() throws {
        let data = try Fixtures.network()
        defer { try? FileManager.default.removeItem(at: data) }
        let before = try contents(of: data)

        let run = try BorderFlowRun("export", "--data", data.path, "--layers", "crossings", "--out", data.path)
        #expect(run.status == 1)
        #expect(run.standardError == "borderflow: error: refusing to replace \(data.appendingPathComponent("crossings.geojson").path): it is a file of the dataset in \(data.path). To write elsewhere, name another folder or a .geojson file; to replace the dataset's files, add --in-place.\n")
        #expect(try contents(of: data) == before)
        let validate = try BorderFlowRun("validate", "--data", data.path)
        #expect(validate.status == 0, "\(validate.standardOutput)")

        // Named one by one, or with --in-place, the user has chosen to replace it.
        let named = try BorderFlowRun("export", "--data", data.path, "--layers", "crossings", "--out", data.appendingPathComponent("crossings.geojson").path)
        #expect(named.status == 0, "\(named.standardError)")
    }

    @Test func anEarlierExportIsNoDatasetAndIsReplaced() throws {
        let folder = try ScratchFolder("export-twice")
        for _ in 0..<2 {
            let run = try BorderFlowRun("export", "--layers", "crossings,sectors,boundary,places", "--out", folder.url.path)
            #expect(run.status == 0, "\(run.standardError)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).count == 4)
    }

    @Test func inPlaceLetsExportReplaceTheDatasetsFile() throws {
        let data = try Fixtures.network()
        defer { try? FileManager.default.removeItem(at: data) }
        let before = try Data(contentsOf: data.appendingPathComponent("crossings.geojson"))
        let run = try BorderFlowRun("export", "--data", data.path, "--layers", "crossings", "--out", data.path, "--in-place")
        #expect(run.status == 0, "\(run.standardError)")
        #expect(try Data(contentsOf: data.appendingPathComponent("crossings.geojson")) != before)
    }

    @Test func everyCommandThatWritesIntoTheDatasetRefusesWithoutInPlace() throws {
        let folder = try ScratchFolder("dataset-protection")
        let data = folder.url.appendingPathComponent("data")
        try FileManager.default.copyItem(at: Fixtures.packageDirectory.appendingPathComponent("GeoData"), to: data)
        let before = try contents(of: data)
        let counts = Fixtures.folder("counts"), build = Fixtures.sectorBuild, basemap = Fixtures.folder("basemap-build")
        let commands: [[String]] = [
            ["calibrate", "--data", data.path],
            ["calibrate", "--data", data.path, "--out", data.path],
            ["build-sectors", "--counties", build.appendingPathComponent("counties.geojson").path,
             "--boundary", build.appendingPathComponent("boundary.geojson").path, "--out", data.path],
            ["build-counts", "--bts", counts.appendingPathComponent("bts.csv").path,
             "--bridges", counts.appendingPathComponent("bridges.csv").path, "--data", data.path],
            ["backcast", "--fit", "--data", data.path],
            ["build-basemap", "--land", basemap.appendingPathComponent("land.geojson").path,
             "--coast", basemap.appendingPathComponent("coast.geojson").path, "--lakes", basemap.appendingPathComponent("lakes.geojson").path,
             "--states", basemap.appendingPathComponent("states.geojson").path, "--out", data.path],
            ["baselines", "--update-crossings", "--data", data.path],
            ["divert", "--data", data.path, "--scenario", "dec-2023", "--geojson", data.path],
        ]
        for arguments in commands {
            let run = try BorderFlowRun(arguments)
            #expect(run.status == 1, "\(arguments[0])")
            #expect(run.standardError.contains("refusing to replace \(data.path)/"), "\(arguments[0]): \(run.standardError)")
            #expect(run.standardError.contains("add --in-place"), "\(arguments[0])")
            #expect(run.standardOutput.isEmpty, "\(arguments[0])")
        }
        #expect(try contents(of: data) == before)
    }

    @Test func baselinesUpdatesTheCrossingsInPlaceWhenAsked() throws {
        let folder = try ScratchFolder("dataset-in-place")
        let data = folder.url.appendingPathComponent("data")
        try FileManager.default.copyItem(at: Fixtures.packageDirectory.appendingPathComponent("GeoData"), to: data)
        let run = try BorderFlowRun("baselines", "--update-crossings", "--in-place", "--data", data.path)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.hasPrefix("wrote the baselines at"))
    }
}

@Suite("A result of several files is written whole or not at all")
struct MultiFileOutputTests {
    @Test func divertWritesNoGeoJSONWhenItsODFileCannotBeWritten() throws {
        let folder = try ScratchFolder("divert-unit")
        let blocker = try folder.file("notadir", Array("a file".utf8))
        let run = try BorderFlowRun("divert", "--scenario", "dec-2023", "--geojson", folder.url.appendingPathComponent("one.geojson").path,
                                    "--od", blocker.appendingPathComponent("od.csv").path)
        #expect(run.status == 1)
        #expect(run.standardError == "borderflow: error: cannot write \(blocker.path)/od.csv: \(blocker.path) is not a folder\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["notadir"])
    }

    @Test func aLayerFolderWithAFolderInPlaceOfOneLayerKeepsEveryOtherLayerAsItWas() throws {
        let folder = try ScratchFolder("layers-unit")
        for name in ["crossings", "boundary"] { _ = try folder.file("\(name).geojson", Array("old \(name)".utf8)) }
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("sectors.geojson"), withIntermediateDirectories: false)
        let run = try BorderFlowRun("export", "--layers", "crossings,boundary,sectors,places", "--out", folder.url.path)
        #expect(run.status == 1)
        #expect(run.standardError == "borderflow: error: cannot write \(folder.url.path)/sectors.geojson: it is a folder; name a file, or a folder only where a folder is expected\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == ["boundary.geojson", "crossings.geojson", "sectors.geojson"])
        #expect(try String(contentsOf: folder.url.appendingPathComponent("crossings.geojson"), encoding: .utf8) == "old crossings")
        #expect(try String(contentsOf: folder.url.appendingPathComponent("boundary.geojson"), encoding: .utf8) == "old boundary")
    }

    @Test func aRenameThatFailsHalfWayPutsEveryLayerBackAsItWas() throws {
        let folder = try ScratchFolder("rename-fails")
        let layers = ["boundary", "crossings", "places", "sectors"]
        for name in layers { _ = try folder.file("\(name).geojson", Array("old \(name)".utf8)) }
        // strace makes the third rename fail, after two layers are already in place.
        let renames = "rename,renameat,renameat2"
        let run = try BorderFlowRun(["export", "--layers", layers.joined(separator: ","), "--out", folder.url.path],
                                    under: ["strace", "-f", "-o", "/dev/null", "-e", "trace=\(renames)", "-e", "inject=\(renames):error=EIO:when=3"])
        #expect(run.status == 1)
        #expect(run.standardError.hasSuffix("Input/output error\n"), "\(run.standardError)")
        for name in layers {
            #expect(try String(contentsOf: folder.url.appendingPathComponent("\(name).geojson"), encoding: .utf8) == "old \(name)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).count == layers.count, "no temporary or kept file left")
    }

    @Test func theSamePathForTwoOutputsIsRefused() throws {
        let folder = try ScratchFolder("same-path")
        let path = folder.url.appendingPathComponent("both.geojson").path
        let run = try BorderFlowRun("divert", "--scenario", "dec-2023", "--geojson", path, "--od", path)
        #expect(run.status == 1)
        #expect(run.standardError.contains("it is named twice among this command's outputs"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
    }
}

@Suite("Output paths that are links, devices or FIFOs")
struct OutputTargetTests {
    @Test func aSymbolicLinkIsWrittenThroughAndStaysALink() throws {
        let folder = try ScratchFolder("symlink-out")
        let real = try folder.file("real.geojson", Array("old".utf8))
        let link = folder.url.appendingPathComponent("latest.geojson")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "real.geojson")
        let run = try BorderFlowRun("export", "--layers", "boundary", "--out", link.path)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "real.geojson")
        #expect(try String(contentsOf: real, encoding: .utf8).contains("\"FeatureCollection\""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == ["latest.geojson", "real.geojson"])
    }

    @Test func aLinkToAFileNotYetMadeMakesIt() throws {
        let folder = try ScratchFolder("dangling-link")
        let link = folder.url.appendingPathComponent("od.csv")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "runs/first.csv")
        let run = try BorderFlowRun("divert", "--scenario", "dec-2023", "--od", link.path)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(try String(contentsOf: folder.url.appendingPathComponent("runs/first.csv"), encoding: .utf8).hasPrefix("origin"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "runs/first.csv")
    }

    @Test func aFIFOIsRefusedAndLeftAsItIs() throws {
        let folder = try ScratchFolder("fifo-out")
        let fifo = folder.url.appendingPathComponent("out.geojson")
        #expect(mkfifo(fifo.path, 0o644) == 0)
        let run = try BorderFlowRun("export", "--layers", "boundary", "--out", fifo.path)
        #expect(run.status == 1)
        #expect(run.standardError == "borderflow: error: cannot write \(fifo.path): it is a device, FIFO or socket, not a regular file; write to a regular file instead\n")
        var status = stat()
        #expect(lstat(fifo.path, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["out.geojson"])
    }

    @Test func aDeviceIsRefused() throws {
        let run = try BorderFlowRun("divert", "--scenario", "dec-2023", "--od", "/dev/null")
        #expect(run.status == 1)
        #expect(run.standardError.contains("cannot write /dev/null: it is a device, FIFO or socket"))
        var status = stat()
        #expect(stat("/dev/null", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
    }
}
