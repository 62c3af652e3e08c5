import BorderFlowSpatial
import BorderFlowTestSupport
import Foundation
import Testing

extension JSONValue {
    /// A member of an object; nil for a missing key or a value that is not an object.
    subscript(key: String) -> JSONValue? { objectValue?[key] }

    /// The keys of an object, in order; empty for anything else.
    var keys: [String] { objectValue?.keys ?? [] }

    /// The strings of an array of strings.
    var strings: [String]? { arrayValue?.map { $0.stringValue ?? "<not a string>" } }

    /// Whether the value is JSON `null`.
    var isNull: Bool { self == .null }

    /// The text `--format json` prints, read back as a script would: checks that it is JSON at all.
    func printedAndReadBack() throws -> Any {
        try JSONSerialization.jsonObject(with: Data(JSONTextWriter().prettyText(of: self).utf8), options: [.fragmentsAllowed])
    }
}

/// A `TextTable` as printed, cut into cells by its underline: each run of dashes is a column, so every cell is
/// read from exactly the characters above or below its dashes.
struct PrintedTable {
    let header: [String]
    let rows: [[String]]

    /// Reads the table whose header is the first line of `lines` that is followed by a line of dashes.
    ///
    /// - Parameters:
    ///   - text: the text holding the table.
    ///   - after: skip this many lines first (for a second table in one text).
    /// - Returns: the header and the rows up to the first empty line or line that does not fit the columns.
    init(_ text: String, after skipped: Int = 0, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        let underline = try #require(lines.indices.dropFirst(max(1, skipped)).first { index in
            !lines[index].isEmpty && lines[index].allSatisfy { $0 == "-" || $0 == " " } && lines[index].contains("-")
        }, "a line of dashes", sourceLocation: sourceLocation)
        var spans: [Range<Int>] = []
        var start: Int?
        for (offset, character) in (lines[underline] + [" "]).enumerated() {
            if character == "-", start == nil { start = offset }
            if character == " ", let begun = start {
                spans.append(begun..<offset)
                start = nil
            }
        }
        func cells(_ line: [Character]) -> [String] {
            spans.enumerated().map { index, span in
                // A cell runs to the next column's start, so that text wider than its column would show.
                let end = index + 1 < spans.count ? spans[index + 1].lowerBound : line.count
                guard span.lowerBound < line.count else { return "" }
                return String(line[span.lowerBound..<min(end, line.count)]).trimmingCharacters(in: .whitespaces)
            }
        }
        header = cells(lines[underline - 1])
        var rows: [[String]] = []
        for line in lines[(underline + 1)...] {
            guard !line.isEmpty else { break }
            // A row never reaches past the last column, and between columns there are two spaces.
            guard line.count <= spans.last!.upperBound,
                  spans.dropFirst().allSatisfy({ $0.lowerBound > line.count || (line[$0.lowerBound - 2] == " " && line[$0.lowerBound - 1] == " ") })
            else { break }
            rows.append(cells(line))
        }
        self.rows = rows
    }

    /// One column's cells, in row order.
    func column(_ title: String) -> [String]? {
        header.firstIndex(of: title).map { index in rows.map { $0[index] } }
    }
}

/// The JSON contract as README.md's command table documents it, checked against the README by `ReadmeContractTests`.
enum DocumentedJSON {
    /// Per command, the keys the README's JSON column lists for its objects, in the README's order.
    static let keys: [String: [String]] = [
        "crossings": ["id", "name", "kind", "port", "portCode", "state", "sector", "mexicanCity", "mexicanState", "longitude",
                      "latitude", "modes", "hours", "timeZone", "lanes", "dailyVolume", "dailyCapacity"],
        "places": ["id", "name", "alternateNames", "country", "state", "sector", "population", "longitude", "latitude"],
        "sectors": ["id", "name", "areaKm2", "borderKm", "crossings"],
        "divert": ["crossings", "sectors", "ports", "forgone", "deferred", "extraHours", "walkedInstead", "uncertainty", "largestDetours", "model"],
        "divert crossings": ["id", "name", "mode", "status", "baseline", "scenario", "change", "percentChange", "waitMinutesBaseline", "waitMinutesScenario",
                             "capacityScenario", "volumeCapacityRatio", "peakQueueScenario", "peakWaitMinutesScenario", "unservedScenario",
                             "walkedInstead", "changeBand"],
        "divert model": ["name", "relativeGap", "iterations", "reachedTrips", "responseRounds", "season"],
        "calibrate": ["trips", "rounds", "worstErrorPercent", "relativeGap", "crossings"],
        "calibrate crossings": ["id", "mode", "observed", "modelled", "errorPercent"],
        "demand": ["mode", "pairs", "dailyTrips", "dailyTripsWithoutCrossing", "twinCityPercent", "costBands", "distanceBands"],
        "demand bands": ["band", "percent"],
        "route": ["crossing", "travelSeconds", "lengthMeters", "path", "roads"],
        "route with closures": ["detourSeconds", "allOpenCrossing", "allOpenCrossingClosure"],
        "route without a route": ["reason"],
        "route with alternatives": ["alternatives"],
        "scenarios": ["id", "title", "date", "dateIsLocalTime", "closures", "capacityChanges", "sources"],
        "locate": ["country", "sector", "distanceToBorderKm", "nearestCrossings"],
        "locate nearestCrossings": ["id", "distanceKm"],
        "validate": ["valid", "problems"],
        "info": ["crossings", "sectors", "workingCRS"],
        "backcast": ["id", "title", "kind", "from", "to", "reliable", "reliabilityNote", "loss", "lossStandardError", "placeboYears",
                     "modelLoss", "modelNote", "countsNote", "rows"],
        "backcast rows": ["label", "crossing", "port", "mode", "note", "observedChange", "changeStandardError", "percentChange",
                          "observedShare", "shareStandardError", "low", "high", "modelShare", "leaveOneOutShare", "modelPercentChange", "leaveOneOutPercentChange", "verdict", "changeAfter", "shareAfter"],
        "baselines": ["reference", "series"],
        "import-roads": ["source", "driver", "layer", "profiles", "boundingBox", "linesRead", "linesNotRoads", "linesOutside",
                         "endsJoined", "nodes", "roads", "oneWayRoads", "kilometresByClass", "partsDropped", "nodesDropped",
                         "crossingsMatched", "railCrossingsKept", "crossingsLeftOut", "placesJoined", "placesLeftOut"],
        "import-roads crossingsMatched": ["crossing", "road", "distanceMeters"],
        "import-roads crossingsLeftOut": ["crossing", "reason"],
        "import-roads placesLeftOut": ["place", "reason"],
        "baselines series": ["port", "crossing", "mode", "baselineDaily", "months", "monthsUsed", "seasonalYears", "factors",
                             "datasetDaily", "differencePercent"],
    ]

    /// The keys documented for `name`, which must be in the table.
    static func of(_ name: String) -> [String] { keys[name] ?? [] }

    /// Whether `object` has every key documented for `name`, in the documented order (other keys may come between).
    static func documentedKeys(_ name: String, areIn object: JSONValue) -> Bool {
        let present = object.keys.filter { of(name).contains($0) }
        return present == of(name)
    }
}

@Suite("README's JSON contract")
struct ReadmeContractTests {
    @Test func everyDocumentedKeyIsInTheReadmeRowOfItsCommand() throws {
        let readme = try String(contentsOf: Fixtures.packageDirectory.appendingPathComponent("README.md"), encoding: .utf8)
        for (name, keys) in DocumentedJSON.keys {
            let command = String(name.split(separator: " ")[0])
            let row = try #require(readme.split(separator: "\n").first { $0.hasPrefix("| `borderflow \(command)") }, "README row of \(command)")
            let json = String(row.split(separator: "|").last ?? "")
            for key in keys {
                #expect(json.contains("`\(key)`"), "README documents \(key) for \(name)")
            }
        }
    }
}
