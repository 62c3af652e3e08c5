import BorderFlow
import BorderFlowSpatial

/// The `sectors` listing: each sector's area, its share of the border, and its crossings.
public struct SectorsReport: Report, Sendable {
    /// One sector.
    public struct Row: Sendable, Equatable {
        /// The sector's id.
        public let id: String
        /// The sector's name.
        public let name: String
        /// Area in square kilometres, in the working CRS.
        public let areaKm2: Double
        /// Length of boundary the sector guards.
        public let borderKm: Double
        /// Ids of the crossings in the sector.
        public let crossings: [String]
    }

    /// One row per sector.
    public let rows: [Row]

    /// Measures each sector's area and border length and lists its crossings.
    ///
    /// - Parameters:
    ///   - dataset: the dataset, for the sectors and their crossings.
    ///   - region: the dataset's region, which measures areas and lengths.
    /// - Throws: `SpatialError` from the area and length computations.
    public init(dataset: Dataset, region: BorderRegion) throws {
        let areas = try region.sectorAreasKm2()
        let lengths = try region.borderLengthsKm()
        rows = dataset.sectors.map { sector in
            Row(id: sector.id, name: sector.name, areaKm2: areas[sector.id] ?? 0, borderKm: lengths[sector.id] ?? 0,
                crossings: dataset.crossings.filter { $0.sector == sector.id }.map(\.id))
        }
    }

    /// The report as JSON: the command's `--format json` contract.
    ///
    /// - Returns: an array with one object per sector.
    public func json() -> JSONValue {
        .array(rows.map { row in
            .object(JSONObject([
                ("id", .string(row.id)),
                ("name", .string(row.name)),
                ("areaKm2", .number(row.areaKm2, decimals: 1)),
                ("borderKm", .number(row.borderKm, decimals: 1)),
                ("crossings", .array(row.crossings.map(JSONValue.string))),
            ]))
        })
    }

    /// The report as a table for people.
    ///
    /// - Returns: a row per sector, then a line on the whole border.
    public func table() -> String {
        var table = TextTable(columns: [.init("ID"), .init("NAME"), .init("AREA KM²", .right), .init("BORDER KM", .right),
                                        .init("CROSSINGS", .right), .init("FIRST CROSSINGS")])
        for row in rows {
            let listed = row.crossings.prefix(3).joined(separator: ", ") + (row.crossings.count > 3 ? ", …" : "")
            table.append([row.id, row.name, formatCount(row.areaKm2), formatCount(row.borderKm), "\(row.crossings.count)", listed])
        }
        let totalBorder = rows.reduce(0) { $0 + $1.borderKm }
        return table.render() + "Areas within 100 miles of the border (Albers equal-area); border length \(formatCount(totalBorder)) km in all, measured on the ellipsoid.\n"
    }

    /// The report as CSV: the command's `--format csv` contract.
    ///
    /// - Returns: a header and a row per sector.
    public func csv() -> String {
        var table = CSVTable(header: ["id", "name", "areaKm2", "borderKm", "crossings"])
        for row in rows {
            table.append([row.id, row.name, formatFixed(row.areaKm2, decimals: 1), formatFixed(row.borderKm, decimals: 1),
                          row.crossings.joined(separator: ";")])
        }
        return table.render()
    }
}
