import BorderFlow
import BorderFlowSpatial
import Foundation
import Testing
@testable import BorderFlowOutput

/// The map of December 2023 on the bundled data and basemap: what it draws and how its labels sit.
@Suite("The diversion map")
struct DiversionMapTests {
    let map: DiversionMap

    init() throws {
        let basemap = try Basemap.read(contentsOf: DatasetFiles.bundledDirectory.appendingPathComponent(DatasetFiles.basemap))
        map = DiversionMap(diversion: try BundledData.december2023.get(), title: "December 2023", subtitle: "test", basemap: basemap)
    }

    @Test func noTwoLabelsOverlapOnTheDecember2023Map() throws {
        let labels = try map.render().labels
        #expect(labels.count >= DiversionMap.labelledCrossings)
        for (index, label) in labels.enumerated() {
            for other in labels[(index + 1)...] {
                #expect(!label.overlaps(other), "\(label) and \(other)")
            }
        }
    }

    @Test func eachLabelledCrossingIsFilledByThePercentItsLabelShows() throws {
        let svg = try map.svg()
        let labels = try NSRegularExpression(pattern: "<text data-crossing=\"([^\"]+)\"[^>]*>\\n<tspan[^>]*>[^<]*</tspan>\\n<tspan[^>]*>([^<]*)</tspan>")
        var labelled: [String] = []
        for match in labels.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)) {
            let id = String(svg[Range(match.range(at: 1), in: svg)!]), detail = String(svg[Range(match.range(at: 2), in: svg)!])
            labelled.append(id)
            let circle = try NSRegularExpression(pattern: "<circle id=\"crossing-\(id)\"[^>]* fill=\"(#[0-9a-f]{6})\"")
            let found = try #require(circle.firstMatch(in: svg, range: NSRange(svg.startIndex..., in: svg)), "\(id) has a circle")
            let fill = String(svg[Range(found.range(at: 1), in: svg)!])
            if detail.hasPrefix("closed") {
                #expect(fill == "#ffffff", "\(id): \(detail)")
                continue
            }
            let percent = try #require(Self.percent(in: detail), "\(id): \(detail)")
            #expect(fill == SimpleStyle.changeColor(percent: percent), "\(id): \(detail) but filled \(fill)")
        }
        #expect(labelled.contains("eagle-pass-bridge-1"))
        #expect(labelled.count == DiversionMap.labelledCrossings)
    }

    /// The whole percent at the start of a label's second line: "−36 %: …", "+1 %: …", "±0 %: …".
    static func percent(in detail: String) -> Double? {
        let head = detail.prefix { $0 != "%" }.trimmingCharacters(in: .whitespaces)
        guard let sign = head.first, let value = Double(head.dropFirst()) else { return nil }
        return sign == "−" ? -value : value
    }

    @Test func labelsGiveEachModesChangeInItsOwnUnits() throws {
        let svg = try map.svg()
        #expect(svg.contains("vehicles, +"), "Eagle Pass Bridge I's cars and walkers apart")
        #expect(svg.contains("railcars</tspan>") && svg.contains("persons</tspan>"), "railcars and persons each in their own units")
        #expect(svg.contains("forgone a day: "))
        #expect(!svg.contains("trips a day"), "persons and vehicles are not summed as trips")
        #expect(svg.contains("persons, vehicles, buses, trucks and railcars added together"))
    }

    @Test func theBasemapIsDrawnUnderEverythingAndMexicanCitiesAreNamed() throws {
        let svg = try map.svg()
        let land = try #require(svg.range(of: "<path id=\"land\""))
        let sectors = try #require(svg.range(of: "<g id=\"sectors\""))
        #expect(land.lowerBound < sectors.lowerBound)
        #expect(svg.contains("<path id=\"coast\"") && svg.contains("<path id=\"state-lines\"") && svg.contains("<path id=\"lakes\""))
        for city in ["Monterrey", "Hermosillo", "Chihuahua"] {
            #expect(svg.contains(">\(city)</text>"), "\(city)")
        }
    }

    @Test func aLabelThatCannotSitBesideItsSymbolMovesOutWithALeader() {
        var placer = LabelPlacer(frame: LabelBox(minX: 0, minY: 0, maxX: 1000, maxY: 1000),
                                 obstacles: [LabelBox(circle: Position(x: 500, y: 500), radius: 10)])
        let spots = (0..<12).compactMap { _ in placer.place(width: 120, height: 30, near: Position(x: 500, y: 500), radius: 10) }
        #expect(spots.count == 12)
        #expect(!spots[0].needsLeader && spots.dropFirst(8).allSatisfy(\.needsLeader))
        for (index, spot) in spots.enumerated() {
            #expect(!spot.box.overlaps(LabelBox(circle: Position(x: 500, y: 500), radius: 10)))
            for other in spots[(index + 1)...] { #expect(!spot.box.overlaps(other.box)) }
        }
    }

    @Test func theDayIsWrittenForPeople() throws {
        #expect(try Moment(parsing: "2023-12-20T12:00", dateAlone: .noon).readable == "20 December 2023, 12:00 local time at each crossing")
        #expect(try Moment(parsing: "2023-12-18T08:30-05:00", dateAlone: .noon).readable == "18 December 2023, 13:30 UTC")
    }
}
