import BorderFlow
import BorderFlowSpatial

/// What `borderflow info` shows: the dataset's contents, the working CRS and its measured scale error.
public struct DatasetSummary: Report, Sendable {
    /// The dataset's folder.
    public let directory: String
    /// Crossing facilities.
    public let crossingCount: Int
    /// Distinct CBP ports.
    public let portCount: Int
    /// Facilities per U.S. state.
    public let crossingsByState: [(state: String, count: Int)]
    /// Border Patrol sectors.
    public let sectorCount: Int
    /// Places per country.
    public let placeCount: [(country: String, count: Int)]
    /// Geodesic length of the boundary line.
    public let boundaryKm: Double
    /// Road and rail segments.
    public let roadCount: Int
    /// Kilometres of road.
    public let roadKm: Double
    /// Kilometres of rail.
    public let railKm: Double
    /// Junctions.
    public let junctionCount: Int
    /// Baseline daily volume per mode, over every crossing.
    public let dailyVolume: [(mode: Mode, volume: Double)]
    /// The working CRS.
    public let workingCRS: CoordinateReferenceSystem
    /// The working CRS's name: the default's, or "user-supplied".
    public let workingCRSName: String
    /// The working CRS's scale error, measured at every coordinate of the dataset.
    public let scale: ScaleErrorSurvey

    /// Counts and measures a dataset, and surveys the working CRS's scale error at every one of its coordinates.
    ///
    /// - Parameters:
    ///   - dataset: the dataset.
    ///   - region: the dataset's region, for the boundary length and the working CRS.
    /// - Throws: `SpatialError` when the scale cannot be measured (a CRS that is not a projection).
    public init(dataset: Dataset, region: BorderRegion) throws {
        directory = dataset.directory.path
        crossingCount = dataset.crossings.count
        portCount = Set(dataset.crossings.map(\.portCode)).count
        crossingsByState = ["CA", "AZ", "NM", "TX"].map { state in (state, dataset.crossings.filter { $0.state == state }.count) }
        sectorCount = dataset.sectors.count
        placeCount = Country.allCases.map { country in (country.rawValue, dataset.places.filter { $0.country == country }.count) }
        boundaryKm = region.boundaryLengthKm
        roadCount = dataset.roads.count
        roadKm = dataset.roads.filter { !$0.isRail }.reduce(0) { $0 + $1.lengthMeters } / 1000
        railKm = dataset.roads.filter(\.isRail).reduce(0) { $0 + $1.lengthMeters } / 1000
        junctionCount = dataset.junctions.count
        dailyVolume = Mode.allCases.map { mode in (mode, dataset.crossings.reduce(0) { $0 + ($1.dailyVolume[mode] ?? 0) }) }
        workingCRS = region.workingCRS
        workingCRSName = region.workingCRS == WorkingCRS.borderStrip ? WorkingCRS.borderStripName : "user-supplied"
        scale = try ScaleErrorSurvey(crs: region.workingCRS, coordinates: dataset.allCoordinates)
    }

    /// The report as JSON: the command's `--format json` contract.
    ///
    /// - Returns: an object with the counts, lengths, daily volumes and a `workingCRS` object.
    public func json() -> JSONValue {
        .object(JSONObject([
            ("dataset", .string(directory)),
            ("crossings", .number(Double(crossingCount))),
            ("ports", .number(Double(portCount))),
            ("crossingsByState", .object(JSONObject(crossingsByState.map { ($0.state, .number(Double($0.count))) }))),
            ("sectors", .number(Double(sectorCount))),
            ("places", .object(JSONObject(placeCount.map { ($0.country, .number(Double($0.count))) }))),
            ("boundaryKm", .number(boundaryKm, decimals: 1)),
            ("roadSegments", .number(Double(roadCount))),
            ("roadKm", .number(roadKm.rounded())),
            ("railKm", .number(railKm.rounded())),
            ("junctions", .number(Double(junctionCount))),
            ("dailyVolume", .object(JSONObject(dailyVolume.map { ($0.mode.rawValue, .number($0.volume.rounded())) }))),
            ("workingCRS", .object(JSONObject([
                ("name", .string(workingCRSName)),
                ("definition", .string(workingCRS.definition)),
                ("pointsMeasured", .number(Double(scale.pointCount))),
                ("smallestScaleFactor", .number(scale.smallestScaleFactor)),
                ("largestScaleFactor", .number(scale.largestScaleFactor)),
                ("worstScaleErrorPercent", .number(scale.worstScaleError * 100, decimals: 4)),
                ("worstAt", .array([.number(scale.worstCoordinate.longitude), .number(scale.worstCoordinate.latitude)])),
            ]))),
        ]))
    }

    /// The report as a table for people.
    ///
    /// The boundary's official length (International Boundary and Water Commission), in kilometres: 1,954 miles.
    public static let officialBoundaryKm = 3_145.0

    /// How a boundary line's length compares with the official one, and why a generalised line falls short.
    ///
    /// - Parameter lengthKm: the line's geodesic length.
    /// - Returns: "along the line as drawn, 12% short of the official 3,145 km (IBWC): …".
    public static func boundaryNote(lengthKm: Double) -> String {
        let percent = Int(((officialBoundaryKm - lengthKm) / officialBoundaryKm * 100).rounded())
        guard percent > 0 else { return "along the line as drawn; the official length is 3,145 km (IBWC)" }
        return "along the line as drawn, \(percent)% short of the official 3,145 km (IBWC): a generalised line "
            + "(the bundled one is Natural Earth 1:10m) cuts the Rio Grande's bends"
    }

    /// The summary as people read it: a line per subject.
    ///
    /// - Returns: a line per subject, labels aligned.
    public func table() -> String {
        var text = "Dataset      \(directory)\n"
        text += "Crossings    \(crossingCount) facilities at \(portCount) CBP ports ("
        text += crossingsByState.map { "\($0.state) \($0.count)" }.joined(separator: ", ") + ")\n"
        text += "Sectors      \(sectorCount) Border Patrol sectors\n"
        text += "Places       " + placeCount.map { "\($0.count) \($0.country)" }.joined(separator: ", ") + "\n"
        text += "Boundary     \(formatCount(boundaryKm)) km (geodesic, WGS 84) \(Self.boundaryNote(lengthKm: boundaryKm))\n"
        text += "Network      " + (roadCount == 0 ? "none (no roads.geojson)" : "\(formatCount(Double(roadCount))) segments: \(formatCount(roadKm)) km of road, \(formatCount(railKm)) km of rail, \(formatCount(Double(junctionCount), "junction", "junctions"))") + "\n"
        text += "Daily volume " + dailyVolume.map { "\(formatCount($0.volume)) \($0.mode.unit) (\($0.mode.rawValue))" }.joined(separator: ", ") + "\n\n"
        text += "Working CRS  \(workingCRSName)\n"
        text += "             \(workingCRS.definition)\n"
        text += "Scale error  worst \(formatFixed(scale.worstScaleError * 100, decimals: 3))% at \(scale.worstCoordinate), "
        text += "measured with proj_factors at all \(formatCount(Double(scale.pointCount))) dataset coordinates\n"
        text += "             scale factor from \(formatFixed(scale.smallestScaleFactor, decimals: 6)) to \(formatFixed(scale.largestScaleFactor, decimals: 6))\n"
        return text
    }

    /// The report as CSV: the command's `--format csv` contract.
    ///
    /// - Returns: `key,value` rows.
    public func csv() -> String {
        var table = CSVTable(header: ["key", "value"])
        table.append(["dataset", directory])
        table.append(["crossings", "\(crossingCount)"])
        table.append(["ports", "\(portCount)"])
        for entry in crossingsByState { table.append(["crossings_\(entry.state)", "\(entry.count)"]) }
        table.append(["sectors", "\(sectorCount)"])
        for entry in placeCount { table.append(["places_\(entry.country)", "\(entry.count)"]) }
        table.append(["boundaryKm", formatFixed(boundaryKm, decimals: 1)])
        table.append(["roadSegments", "\(roadCount)"])
        table.append(["roadKm", formatFixed(roadKm, decimals: 0)])
        table.append(["railKm", formatFixed(railKm, decimals: 0)])
        table.append(["junctions", "\(junctionCount)"])
        for entry in dailyVolume { table.append(["dailyVolume_\(entry.mode.rawValue)", formatFixed(entry.volume, decimals: 0)]) }
        table.append(["workingCRS", workingCRS.definition])
        table.append(["worstScaleErrorPercent", formatFixed(scale.worstScaleError * 100, decimals: 4)])
        table.append(["largestScaleFactor", formatFixed(scale.largestScaleFactor, decimals: 8)])
        return table.render()
    }
}
