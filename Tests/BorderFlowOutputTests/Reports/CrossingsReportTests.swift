import BorderFlow
import BorderFlowOutput
import BorderFlowSpatial
import BorderFlowTestSupport
import Testing

/// `borderflow crossings`: the listing in its three forms.
@Suite("Crossings report")
struct CrossingsReportTests {
    static let volumeColumns = Mode.allCases.map { "dailyVolume_\($0.rawValue)" }

    @Test func theTinyDatasetsCrossingsReadAsTheirFixtureSaysInEveryForm() throws {
        let dataset = try Dataset.load(from: Fixtures.tiny)
        let report = CrossingsReport(crossings: dataset.crossings)

        // CSV: volumes per mode in Mode order (pedestrian, pov, bus, truck, rail), blank where the crossing has none.
        let csv = try CSVReader.table(report.csv())
        #expect(csv.header == ["id", "name", "kind", "port", "portCode", "state", "sector", "mexicanCity", "mexicanState",
                               "longitude", "latitude", "modes"] + Self.volumeColumns)
        #expect(csv.records == [
            ["gate-a", "Gate A", "land-port", "Alpha", "2701", "AZ", "west", "Alfa", "SON", "-111.2", "31.3005", "pedestrian;pov", "500", "1200", "", "", ""],
            ["gate-b", "Gate B", "bridge", "Beta", "2702", "AZ", "east", "Beta", "SON", "-110.8", "31.3005", "pov;truck", "", "2000", "", "150", ""],
        ])

        let json = try #require(report.json().arrayValue)
        #expect(json.count == 2)
        let gateB = json[1]
        #expect(gateB["id"]?.stringValue == "gate-b")
        #expect(gateB["sector"]?.stringValue == "east")
        #expect(gateB["modes"]?.strings == ["pov", "truck"])
        #expect(gateB["hours"] == .object(JSONObject([("pov", .string("00:00-24:00")), ("truck", .string("08:00-18:00"))])))
        #expect(gateB["lanes"] == .object(JSONObject([("pov", .number(4)), ("truck", .number(2))])))
        #expect(gateB["dailyVolume"] == .object(JSONObject([("pov", .number(2000)), ("truck", .number(150))])))
        // Capacity is lanes × hourly rate × open hours; the report gives the model's figure for every mode served.
        let crossing = dataset.crossings[1]
        #expect(gateB["dailyCapacity"] == .object(JSONObject(crossing.modes.map { ($0.rawValue, .number(crossing.dailyCapacity(for: $0))) })))

        let table = try PrintedTable(report.table())
        #expect(table.header == ["ID", "NAME", "PORT", "CODE", "ST", "SECTOR", "MODES", "PED/DAY", "POV/DAY", "BUS/DAY", "TRUCK/DAY", "RAILCARS/DAY"])
        #expect(table.rows == [
            ["gate-a", "Gate A", "Alpha", "2701", "AZ", "west", "pedestrian,pov", "500", "1,200", "-", "-", "-"],
            ["gate-b", "Gate B", "Beta", "2702", "AZ", "east", "pov,truck", "-", "2,000", "-", "150", "-"],
        ])
        #expect(report.table().hasSuffix("\n2 crossings; volumes are northbound units on an ordinary day, the deseasonalised baselines (persons, vehicles, buses, trucks, railcars).\n"))
    }

    @Test func theBundledCrossingsAgreeAcrossTableJSONAndCSV() throws {
        let dataset = try BundledData.network.get().dataset
        let report = CrossingsReport(crossings: dataset.crossings)
        let ids = dataset.crossings.map(\.id)

        let json = try #require(report.json().arrayValue)
        #expect(json.map { $0["id"]?.stringValue } == ids)
        let csv = try CSVReader.table(report.csv())
        #expect(csv.column("id") == ids)
        let table = try PrintedTable(report.table())
        #expect(table.column("ID") == ids)

        for (index, crossing) in dataset.crossings.enumerated() {
            let object = json[index], row = csv.rows[index], line = table.rows[index]
            #expect(object.keys == DocumentedJSON.of("crossings"), "\(crossing.id)")
            #expect(object["name"]?.stringValue == crossing.name && row["name"] == crossing.name)
            #expect(object["portCode"]?.stringValue == crossing.portCode && row["portCode"] == crossing.portCode && line[3] == crossing.portCode)
            #expect(object["sector"]?.stringValue == crossing.sector && row["sector"] == crossing.sector)
            #expect(object["longitude"]?.numberValue == crossing.coordinate.longitude)
            #expect(abs((Double(row["longitude"] ?? "") ?? .nan) - crossing.coordinate.longitude) <= 5e-7, "\(crossing.id)")
            #expect(abs((Double(row["latitude"] ?? "") ?? .nan) - crossing.coordinate.latitude) <= 5e-7, "\(crossing.id)")
            #expect(row["modes"] == crossing.modes.map(\.rawValue).joined(separator: ";"))
            #expect(object["modes"]?.strings == crossing.modes.map(\.rawValue))
            for mode in Mode.allCases {
                let volume = crossing.dailyVolume[mode]
                #expect(object["dailyVolume"]?[mode.rawValue]?.numberValue == volume, "\(crossing.id) \(mode)")
                let field = row["dailyVolume_\(mode.rawValue)"] ?? "?"
                if let volume {
                    #expect(abs((Double(field) ?? .nan) - volume) <= 0.05, "\(crossing.id) \(mode): \(field)")
                } else {
                    #expect(field.isEmpty, "\(crossing.id) \(mode)")
                }
            }
            let tableVolumes = [Mode.pedestrian, .pov, .bus, .truck, .rail].map { crossing.dailyVolume[$0].map(formatCount) ?? "-" }
            #expect(Array(line.suffix(5)) == tableVolumes, "\(crossing.id)")
        }
        #expect(report.table().hasSuffix("\n\(ids.count) crossings; volumes are northbound units on an ordinary day, the deseasonalised baselines (persons, vehicles, buses, trucks, railcars).\n"))
    }

    @Test func longNamesAreCutInTheTableButWholeInJSONAndCSV() throws {
        let dataset = try BundledData.network.get().dataset
        let long = dataset.crossings.filter { $0.name.count > 44 }
        try #require(!long.isEmpty, "the bundled data has names longer than 44 characters")
        let report = CrossingsReport(crossings: long)
        let table = try PrintedTable(report.table())
        let csv = try CSVReader.table(report.csv())
        #expect(csv.column("name") == long.map(\.name))
        for (crossing, cell) in zip(long, table.column("NAME") ?? []) {
            #expect(cell.count == 44 && cell.hasSuffix("…") && crossing.name.hasPrefix(cell.dropLast()), "\(cell)")
        }
    }

    @Test func filtersBySectorStateInAnyCaseAndMode() throws {
        let crossings = try BundledData.network.get().dataset.crossings
        #expect(CrossingsReport.filtered(crossings, sector: nil, state: nil, mode: nil) == crossings)
        let arizona = CrossingsReport.filtered(crossings, sector: nil, state: "az", mode: nil)
        #expect(!arizona.isEmpty && arizona == crossings.filter { $0.state == "AZ" })
        let tucsonRail = CrossingsReport.filtered(crossings, sector: "tucson", state: nil, mode: .rail)
        #expect(!tucsonRail.isEmpty && tucsonRail == crossings.filter { $0.sector == "tucson" && $0.modes.contains(.rail) })
        #expect(CrossingsReport.filtered(crossings, sector: "atlantis", state: nil, mode: nil).isEmpty)
    }

    @Test func anEmptyListingIsAHeaderInCSVAnEmptyArrayInJSONAndSaysSoInTheTable() throws {
        let report = CrossingsReport(crossings: [])
        #expect(report.json() == .array([]))
        #expect(try CSVReader.table(report.csv()).records.isEmpty)
        #expect(try PrintedTable(report.table()).rows.isEmpty)
        #expect(report.table().hasSuffix("\n0 crossings; volumes are northbound units on an ordinary day, the deseasonalised baselines (persons, vehicles, buses, trucks, railcars).\n"))
    }
}
