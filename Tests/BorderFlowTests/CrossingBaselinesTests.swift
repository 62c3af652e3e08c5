import BorderFlowSpatial
import BorderFlowTestSupport
import Foundation
import Testing
@testable import BorderFlow

/// The tiny dataset with both gates in one port, 2701: gate-a serves pedestrians (2 lanes, 500 a day) and cars
/// (3 lanes, 1,200); gate-b cars (4 lanes, 2,000) and trucks (2 lanes, 150).
private func onePort(gateACars: Int = 1200) throws -> (folder: URL, dataset: Dataset) {
    let folder = try Fixtures.copy(["tiny"], label: "one-port")
    let url = folder.appendingPathComponent(DatasetFiles.crossings)
    var text = try String(contentsOf: url, encoding: .utf8)
    text = text.replacingOccurrences(of: "\"2702\"", with: "\"2701\"")
        .replacingOccurrences(of: "\"pov\":1200", with: "\"pov\":\(gateACars)")
    try text.write(to: url, atomically: true, encoding: .utf8)
    return (folder, try Dataset.load(from: folder))
}

private func row(_ crossing: String?, _ mode: Mode, _ volume: Double?, years: Int, factor: Double = 1) -> BaselineFile.Row {
    // January at `factor`, the other months sharing the rest so that the twelve average 1.
    let rest = (12 - factor) / 11
    return BaselineFile.Row(key: SeriesKey(port: "2701", crossing: crossing, mode: mode), dailyVolume: volume,
                            months: "2022-12..2023-11", seasonalYears: years, factors: [factor] + Array(repeating: rest, count: 11))
}

@Suite("Crossing volumes from the count series' baselines")
struct CrossingBaselinesTests {
    @Test func aCrossingCountedOnItsOwnTakesItsSeriesAndTheRestOfThePortGoesToTheOthers() throws {
        let (folder, dataset) = try onePort()
        defer { try? FileManager.default.removeItem(at: folder) }
        let baselines = CrossingBaselines(dataset: dataset, baselines: BaselineFile(rows: [
            row(nil, .pov, 7000, years: 8, factor: 0.9), row("gate-a", .pov, 1000, years: 6, factor: 1.2),
            row(nil, .pedestrian, 800, years: 3, factor: 1.5), row(nil, .truck, nil, years: 0),
        ]))
        let a = dataset.crossingIndex(id: "gate-a")!, b = dataset.crossingIndex(id: "gate-b")!
        #expect(baselines.entries[a][.pov]?.dailyVolume == 1000)
        #expect(baselines.entries[a][.pov]?.share == 1)
        #expect(baselines.entries[b][.pov]?.dailyVolume == 6000)
        #expect(baselines.entries[b][.pov]?.lessCounted == true)
        #expect(baselines.entries[a][.pedestrian]?.dailyVolume == 800)
        #expect(baselines.entries[b][.truck]?.dailyVolume == nil)
        // Factors: a crossing's own with five clean years or more, else the port's, else none.
        #expect(baselines.factor(crossing: a, mode: .pov, month: 1) == 1.2)
        #expect(baselines.factor(crossing: b, mode: .pov, month: 1) == 0.9)
        #expect(baselines.factor(crossing: a, mode: .pedestrian, month: 1) == 1)
        #expect(baselines.entries[a][.pedestrian]?.factorSeries == nil)
        #expect(baselines.factor(crossing: b, mode: .pedestrian, month: 1) == 1)
    }

    @Test func aPortsCountIsSplitByLanesAmongTheCrossingsThatCarryTheMode() throws {
        let (folder, dataset) = try onePort()
        defer { try? FileManager.default.removeItem(at: folder) }
        let baselines = CrossingBaselines(dataset: dataset, baselines: BaselineFile(rows: [row(nil, .pov, 7000, years: 8)]))
        let a = dataset.crossingIndex(id: "gate-a")!, b = dataset.crossingIndex(id: "gate-b")!
        #expect(abs(baselines.entries[a][.pov]!.dailyVolume! - 3000) < 1e-9)
        #expect(abs(baselines.entries[b][.pov]!.dailyVolume! - 4000) < 1e-9)
        #expect(baselines.volumeSource(ofCrossing: b, in: dataset)?.contains("pov: BTS counts of port 2701, 2022-12..2023-11, split by lanes (4 lanes, 57 %)") == true)

        // A crossing the dataset gives no cars is not in the port's car count and takes no share.
        let (closedFolder, closed) = try onePort(gateACars: 0)
        defer { try? FileManager.default.removeItem(at: closedFolder) }
        let without = CrossingBaselines(dataset: closed, baselines: BaselineFile(rows: [row(nil, .pov, 7000, years: 8)]))
        #expect(without.entries[a][.pov] == nil, "gate-b carries cars, so gate-a is not in the port's car count")
        #expect(without.entries[b][.pov]?.dailyVolume == 7000)
    }

    @Test func writingTheBaselinesIntoTheCrossingsFileChangesOnlyVolumesAndTheirSource() throws {
        let (folder, dataset) = try onePort()
        defer { try? FileManager.default.removeItem(at: folder) }
        let baselines = CrossingBaselines(dataset: dataset, baselines: BaselineFile(rows: [
            row(nil, .pov, 7000.4, years: 8), row("gate-a", .pov, 1000, years: 6), row(nil, .truck, 61.27, years: 8),
        ]))
        let url = folder.appendingPathComponent(DatasetFiles.crossings)
        let before = try String(contentsOf: url, encoding: .utf8)
        let (after, changes) = try baselines.crossingsFile(before, of: dataset)
        #expect(changes.map { "\($0.crossing) \($0.mode.rawValue) \($0.before) \($0.after)" }
                == ["gate-a pov 1200.0 1000.0", "gate-b pov 2000.0 6000.0", "gate-b truck 150.0 61.3"])
        try after.write(to: url, atomically: true, encoding: .utf8)
        let reloaded = try Dataset.load(from: folder)
        for (old, new) in zip(dataset.crossings, reloaded.crossings) {
            #expect(old.lanes == new.lanes)
            #expect(old.modes == new.modes)
            #expect(old.name == new.name)
        }
        let gateA = reloaded.crossings.first { $0.id == "gate-a" }!, gateB = reloaded.crossings.first { $0.id == "gate-b" }!
        #expect(gateB.dailyVolume[.truck] == 61.3)
        #expect(gateA.dailyVolume[.pedestrian] == 500, "a mode with no baseline keeps its number")
        #expect(gateA.volumeSource.contains("pedestrian: no baseline in the counts, the dataset's number kept"))
        // Only the volumes and their sources differ, and writing again changes nothing.
        func withoutVolumes(_ text: String) throws -> NSDictionary {
            var json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
            json["features"] = (json["features"] as! [[String: Any]]).map { feature -> [String: Any] in
                var feature = feature, properties = feature["properties"] as! [String: Any]
                properties["dailyVolume"] = nil
                properties["volumeSource"] = nil
                feature["properties"] = properties
                return feature
            }
            return json as NSDictionary
        }
        #expect(try withoutVolumes(before) == withoutVolumes(after))
        #expect(try CrossingBaselines(dataset: reloaded, baselines: BaselineFile(rows: [
            row(nil, .pov, 7000.4, years: 8), row("gate-a", .pov, 1000, years: 6), row(nil, .truck, 61.27, years: 8),
        ])).crossingsFile(after, of: reloaded).text == after)
    }

    @Test func theBundledCrossingsCarryTheirBaselines() throws {
        let directory = DatasetFiles.bundledDirectory
        let dataset = try Dataset.load(from: directory)
        let file = try BaselineFile.read(contentsOf: directory.appendingPathComponent(BaselineTable.fileName), dataset: dataset)
        let baselines = CrossingBaselines(dataset: dataset, baselines: file)
        var checked = 0
        for (index, crossing) in dataset.crossings.enumerated() {
            for mode in crossing.modes {
                guard let volume = baselines.entries[index][mode]?.dailyVolume else { continue }
                #expect(crossing.dailyVolume[mode] == CrossingBaselines.rounded(volume),
                        "\(crossing.id) \(mode.rawValue): run `borderflow baselines --update-crossings`")
                checked += 1
            }
        }
        #expect(checked > 120)
        // Eagle Pass Bridge 1's cars leave out its autumn 2023 closure; Tornillo carried no trucks before August 2023.
        let eaglePass = dataset.crossings.first { $0.id == "eagle-pass-bridge-1" }!
        #expect(eaglePass.volumeSource.contains("pov: UNT/TxDOT counts of this crossing, 2022-09..2023-08"))
        #expect(dataset.crossings.first { $0.id == "tornillo-marcelino-serna" }!.dailyVolume[.truck] == 0)
    }

    @Test func aBaselinesFileWithABadFactorIsRefusedAtItsLineAndColumn() throws {
        let scratch = try ScratchFolder("baselines")
        let header = BaselineTable.header.joined(separator: ",")
        let good = "2701,,pov,7000,2022-12..2023-11,8,1,1,1,1,1,1,1,1,1,1,1,1"
        let bad = "2701,gate-a,pov,1000,2022-12..2023-11,8,1,1,1,1,x,1,1,1,1,1,1,1"
        let url = try scratch.file(BaselineTable.fileName, Array("\(header)\n\(good)\n\(bad)\n".utf8))
        #expect(throws: MonthlyCountsError(file: BaselineTable.fileName, line: 3, column: "may", message: "\"x\" is not a seasonal factor of zero or more")) {
            try BaselineFile.read(contentsOf: url)
        }
        let read = try BaselineFile.read(contentsOf: try scratch.file("ok.csv", Array("\(header)\n\(good)\n".utf8)))
        #expect(read.row(for: SeriesKey(port: "2701", crossing: nil, mode: .pov))?.dailyVolume == 7000)
    }
}

@Suite("Editing a GeoJSON file's properties in place")
struct GeoJSONPropertyEditorTests {
    @Test func withNoChangeTheBundledCrossingsComeBackByteForByte() throws {
        let url = DatasetFiles.bundledDirectory.appendingPathComponent(DatasetFiles.crossings)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(try GeoJSONPropertyEditor.setting(in: text, file: url.lastPathComponent) { _ in nil } == text)
    }

    @Test func setsAndAddsPropertiesOfTheNamedFeatureOnly() throws {
        let text = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "geometry": null, "properties": {"id": "a", "n": 1.50, "s": "x"}},
              {"type": "Feature", "geometry": null, "properties": {"id": "b", "n": 2}}
            ]}
            """
        let out = try GeoJSONPropertyEditor.setting(in: text, file: "f.geojson") { id in
            id == "a" ? [("s", .string("say \"hi\"\n")), ("v", .numbers([("pov", 12), ("bus", 0.25)]))] : nil
        }
        let json = try JSONSerialization.jsonObject(with: Data(out.utf8)) as! [String: Any]
        let features = json["features"] as! [[String: Any]]
        let a = features[0]["properties"] as! [String: Any], b = features[1]["properties"] as! [String: Any]
        #expect(a["s"] as? String == "say \"hi\"\n")
        #expect((a["v"] as? [String: Any])?["bus"] as? Double == 0.25)
        #expect(out.contains("\"n\": 1.50"), "a number's text is kept")
        #expect(b.count == 2)
        #expect(out.hasSuffix("}\n"))
    }

    @Test func refusesWhatIsNotAFeatureCollection() {
        let error = #expect(throws: GeoJSONError.self) {
            try GeoJSONPropertyEditor.setting(in: "{\"type\": \"Feature\"}", file: "f.geojson") { _ in nil }
        }
        #expect(error?.description.contains("f.geojson") == true)
        #expect(error?.message == "is not a GeoJSON FeatureCollection with a \"features\" array")
        #expect(throws: GeoJSONError.self) {
            try GeoJSONPropertyEditor.setting(in: "{\"features\": [", file: "f.geojson") { _ in nil }
        }
    }
}
