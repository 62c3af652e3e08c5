import BorderFlowSpatial
import Foundation
import Testing
import BorderFlowTestSupport
@testable import BorderFlow

private func month(_ text: String) -> YearMonth { YearMonth(parsing: text)! }

private func counts(_ name: String) -> URL {
    Fixtures.folder("counts").appendingPathComponent(name)
}

@Suite("Months")
struct YearMonthTests {
    @Test func parsesOnlyFourDigitsAHyphenAndTwoDigits() {
        #expect(YearMonth(parsing: "2016-05") == YearMonth(year: 2016, month: 5))
        for bad in ["2016-5", "2016-13", "2016-00", "16-05", "2016/05", "2016-05-01", "２０１６-05", ""] {
            #expect(YearMonth(parsing: bad) == nil, "\(bad)")
        }
        #expect(month("2016-05").description == "2016-05")
    }

    @Test func knowsItsDaysAndCountsLikeIntegers() {
        #expect(month("2016-02").days == 29)
        #expect(month("2100-02").days == 28)
        #expect(month("2000-02").days == 29)
        #expect(month("2023-04").days == 30)
        #expect(month("2023-12").days == 31)
        #expect(Array(month("2023-11")...month("2024-02")).map(\.description) == ["2023-11", "2023-12", "2024-01", "2024-02"])
        #expect(month("2016-05").distance(to: month("2018-04")) == 23)
    }

    @Test func theHeldOutMonthsAreDecember2020January2021AndDecember2023() {
        #expect(YearMonth.heldOut == [month("2020-12"), month("2021-01"), month("2023-12")])
    }

    @Test func spansNameTheirGaps() {
        #expect(YearMonth.spanText([month("2023-01"), month("2022-12")]) == "2022-12..2023-01")
        #expect(YearMonth.spanText([month("2023-03"), month("2023-01")]) == "2023-01..2023-03 minus 2023-02")
    }
}

@Suite("Building monthly counts from the public files")
struct CountsBuilderTests {
    func build(bts: String = "bts.csv", bridges: String = "bridges.csv") throws -> MonthlyCounts {
        try CountsBuilder(bts: counts(bts), bridges: counts(bridges), dataset: nil).build()
    }

    @Test func turnsMeasuresIntoModesAndBridgesIntoCrossings() throws {
        let built = try build()
        let laredoCars = try #require(built.series(port: "2304", mode: .pov))
        #expect(laredoCars.counts == [month("2019-01"): 310_000, month("2019-02"): 280_000], "a row repeated word for word is read once; the held-out 2020-12 is dropped")
        #expect(built.series(port: "2304", mode: .rail)?.counts == [month("2019-01"): 45_000], "rail containers loaded and empty add up")
        #expect(built.series(crossing: "laredo-juarez-lincoln", mode: .pov)?.key.port == "2304")
        #expect(built.series(crossing: "laredo-world-trade", mode: .truck)?.counts[month("2019-01")] == 160_000)
        #expect(built.series(port: "2602", mode: .pedestrian)?.dailyVolume(in: month("2019-01")) == 200)
    }

    @Test func leavesOutOtherMeasuresZeroSeriesEmptyCountsAndElPasoRail() throws {
        let built = try build()
        #expect(built.series.map(\.key.description).sorted() == [
            "laredo-juarez-lincoln pov", "laredo-world-trade truck", "port 2304 pov", "port 2304 rail", "port 2602 pedestrian",
        ], "passengers, trains and hovercraft are skipped; Lukeville's trucks and Juárez–Lincoln's pedestrians are zero every month; Donna's count is empty; the El Paso rail row is left to the port series")
    }

    @Test func writesTheSameSortedBytesEveryTime() throws {
        let text = try build().csv()
        #expect(text == (try build().csv()))
        #expect(text.hasPrefix("port,crossing,mode,month,count\n2304,,pov,2019-01,310000\n2304,,pov,2019-02,280000\n2304,,rail,2019-01,45000\n2304,laredo-juarez-lincoln,pov,2019-01,250000\n"))
        let folder = try ScratchFolder("counts")
        try AtomicFile.write([CountsBuilder(bts: counts("bts.csv"), bridges: counts("bridges.csv"), dataset: nil).file(try build(), in: folder.url)])
        let reread = try MonthlyCounts.read(contentsOf: folder.url.appendingPathComponent(MonthlyCounts.fileName))
        #expect(reread.csv() == text)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == [MonthlyCounts.fileName], "no temporary file is left")
    }

    @Test func readsTheFileAsBTSPublishesIt() throws {
        let built = try build(bts: "bts-published.csv")
        #expect(built.series(port: "2304", mode: .pov)?.counts == [month("2019-01"): 310_000], "the held-out December 2023 is dropped")
        #expect(built.series(port: "2304", mode: .bus)?.counts == [month("2019-02"): 2_500])
        #expect(built.series(port: "3801", mode: .pov) == nil, "the Canadian border is skipped")
    }

    func buildError(bts: String = "bts.csv", bridges: String = "bridges.csv") -> MonthlyCountsError? {
        do {
            _ = try build(bts: bts, bridges: bridges)
        } catch let error as MonthlyCountsError {
            return error
        } catch {
            Issue.record("unexpected \(error)")
        }
        return nil
    }

    @Test func aBadMonthIsAnErrorNamingTheLineAndColumn() throws {
        let error = try #require(buildError(bts: "bts-bad-month.csv"))
        #expect(error.description == "bts-bad-month.csv:3: column \"month\": \"2019-13\" is not a month; expected YYYY-MM, such as 2016-05")
    }

    @Test func aMissingColumnIsAnErrorNamingIt() throws {
        let error = try #require(buildError(bts: "bts-missing-column.csv"))
        #expect(error.line == 1)
        #expect(error.column == "value")
        #expect(error.message.contains("port_code,port_name,state,month,measure"))
    }

    @Test func twoDifferentCountsForOneMonthAreAnError() throws {
        let error = try #require(buildError(bts: "bts-contradiction.csv"))
        #expect(error.line == 3)
        #expect(error.message.contains("150000 on line 2, 151000 here"))
    }

    @Test func anUnknownBridgeOrANegativeCountIsAnError() throws {
        let unknown = try #require(buildError(bridges: "bridges-unknown.csv"))
        #expect(unknown.line == 2)
        #expect(unknown.message.contains("\"Laredo V International Bridge\" at Laredo"))
        #expect(unknown.message.contains("TexasBridgeNames.swift"))
        let negative = try #require(buildError(bridges: "bridges-negative.csv"))
        #expect(negative.column == "Northbound Crossing")
    }

    @Test func aMissingFileIsAnInputFileError() {
        #expect(throws: InputFileError.self) {
            _ = try CountsBuilder(bts: counts("no-such-file.csv"), bridges: counts("bridges.csv"), dataset: nil).build()
        }
    }

    @Test func everyBridgeOfTheTableIsACrossingOfItsPortInTheBundledDataset() throws {
        let dataset = try BundledDatasetTests.loaded.get()
        for entry in TexasBridgeNames.entries {
            guard let id = entry.id else {
                #expect(entry.crossing == "El Paso Railroad Bridges")
                continue
            }
            #expect(dataset.crossing(id: id)?.portCode == entry.portCode, "\(entry.crossing) → \(id)")
        }
        #expect(Set(TexasBridgeNames.entries.compactMap(\.id)).count == TexasBridgeNames.entries.count - 1, "one crossing per bridge")
        _ = try CountsBuilder(bts: counts("bts.csv"), bridges: counts("bridges.csv"), dataset: dataset).build()
    }
}

@Suite("Reading monthly counts")
struct MonthlyCountsReaderTests {
    func read(_ text: String, dataset: Dataset? = nil) throws -> MonthlyCounts {
        let folder = try ScratchFolder("counts-read")
        let file = try folder.file("monthly-counts.csv", Array(text.utf8))
        return try MonthlyCounts.read(contentsOf: file, dataset: dataset)
    }

    func message(_ text: String, dataset: Dataset? = nil) -> String {
        do {
            _ = try read(text, dataset: dataset)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func aRowNamesItsSeriesMonthAndCountAndHeldOutMonthsAreMissing() throws {
        let counts = try read("port,crossing,mode,month,count\n2304,laredo-juarez-lincoln,pov,2019-01,250000\n2304,laredo-juarez-lincoln,pov,2023-12,1\n")
        let series = try #require(counts.series(crossing: "laredo-juarez-lincoln", mode: .pov))
        #expect(series.months == [month("2019-01")])
        #expect(counts.series(port: "2304", mode: .pov) == nil)
    }

    @Test func badRowsAreErrorsWithLineAndColumn() throws {
        let header = "port,crossing,mode,month,count\n"
        #expect(message("port,crossing,mode,month\n") == "monthly-counts.csv:1: the header must be port,crossing,mode,month,count, found port,crossing,mode,month")
        #expect(message(header + "2304,,cars,2019-01,1\n") == "monthly-counts.csv:2: column \"mode\": unknown mode \"cars\"; expected one of pedestrian, pov, bus, truck, rail")
        #expect(message(header + "2304,,pov,2019-01,-1\n").contains("column \"count\""))
        #expect(message(header + "23040,,pov,2019-01,1\n").contains("column \"port\""))
        #expect(message(header + "2304,,pov,2019-01,1\n2304,,pov,2019-01,2\n") == "monthly-counts.csv:3: column \"month\": port 2304 pov is listed twice for 2019-01")
        #expect(message(header + "2304,,pov,2019-01\n") == "monthly-counts.csv:2: expected 5 fields, as the header has, found 4")
    }

    @Test func crossingsAndPortsAreCheckedAgainstADataset() throws {
        let dataset = try BundledDatasetTests.loaded.get()
        let header = "port,crossing,mode,month,count\n"
        #expect(message(header + "2304,laredo-juarez-lincon,pov,2019-01,1\n", dataset: dataset).contains("no crossing has the id \"laredo-juarez-lincon\"; closest: laredo-juarez-lincoln"))
        #expect(message(header + "2303,laredo-juarez-lincoln,pov,2019-01,1\n", dataset: dataset).contains("belongs to port 2304, not 2303"))
        #expect(message(header + "9999,,pov,2019-01,1\n", dataset: dataset).contains("no crossing of the dataset belongs to port 9999"))
    }

    @Test func theBundledCountsHoldEveryDatasetPortAndNoHeldOutMonth() throws {
        let dataset = try BundledDatasetTests.loaded.get()
        let counts = try MonthlyCounts.read(contentsOf: DatasetFiles.bundledDirectory.appendingPathComponent(MonthlyCounts.fileName), dataset: dataset)
        #expect(Set(counts.series.map(\.key.port)) == Set(dataset.crossings.map(\.portCode)))
        #expect(!counts.series.contains { $0.counts.keys.contains { $0.isHeldOut } })
        let bridgeI = try #require(counts.series(crossing: "laredo-gateway-to-the-americas", mode: .pov))
        #expect(bridgeI.counts[month("2017-01")] == 0, "Bridge I took no cars during its rebuilding")
        #expect(bridgeI.key.port == "2304")
    }
}
