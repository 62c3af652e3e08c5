import BorderFlow
import BorderFlowSpatial
import Foundation

/// A picture of a diversion, in SVG: the boundary, sectors shaded by change, crossings as circles sized by
/// volume and coloured by change, closed crossings crossed out, the largest diverted streams along their
/// roads, labels for the ports that changed most, a legend, a scale bar and a title.
///
/// Drawn in the network's working CRS (projected from WGS 84 by PROJ), so distances on the picture are true
/// to within the projection's scale error and the scale bar holds everywhere on it.
public struct DiversionMap {
    /// The diversion the colours, sizes, streams and labels come from.
    public let diversion: Diversion
    /// The network, whose working CRS the map is drawn in.
    public var network: BorderNetwork { diversion.network }
    /// The heading, usually the scenario's title.
    public let title: String
    /// The line under the heading: the day and the method.
    public let subtitle: String

    /// How many streams are drawn: the largest changes, gains and losses.
    public static let drawnStreams = 40
    /// How many ports are labelled: the largest changes.
    public static let labelledPorts = 10

    static let width = 1600.0
    static let height = 1040.0
    static let mapFrame = (left: 20.0, top: 104.0, right: 1580.0, bottom: 860.0)

    /// A map of a diversion; `svg()` draws it.
    ///
    /// - Parameters:
    ///   - diversion: the diversion to draw.
    ///   - title: the heading.
    ///   - subtitle: the line under the heading.
    public init(diversion: Diversion, title: String, subtitle: String) {
        self.diversion = diversion
        self.title = title
        self.subtitle = subtitle
    }

    /// The SVG text.
    ///
    /// - Returns: an SVG 1.1 document, 1600 × 1040 pixels.
    /// - Throws: `SpatialError` when PROJ cannot project the data to the working CRS.
    public func svg() throws -> String {
        let dataset = network.dataset
        let extent = dataset.boundary.line + dataset.crossings.map(\.coordinate)
            + dataset.sectors.flatMap { $0.geometry.allPositions.map { Coordinate(longitude: $0.x, latitude: $0.y) } }
        let projection = try MapProjection(network: network, frame: Self.mapFrame, extentOf: extent)
        var svg = SVGDocument(width: Self.width, height: Self.height)
        svg.element("rect", [("x", "0"), ("y", "0"), ("width", "1600"), ("height", "1040"), ("fill", "#ffffff")])
        svg.element("rect", [("x", "20"), ("y", "104"), ("width", "1560"), ("height", "756"), ("fill", "#f4f7fa"), ("stroke", "#bdbdbd")])
        svg.open("clipPath", [("id", "frame")])
        svg.element("rect", [("x", "20"), ("y", "104"), ("width", "1560"), ("height", "756")])
        svg.close("clipPath")
        svg.open("g", [("id", "map"), ("clip-path", "url(#frame)")])
        let sectorLabels = try drawSectors(&svg, projection)
        try drawBoundary(&svg, projection)
        let drawn = try drawStreams(&svg, projection)
        let circles = try drawCrossings(&svg, projection)
        var placer = LabelPlacer(frame: LabelBox(minX: Self.mapFrame.left + 4, minY: Self.mapFrame.top + 4, maxX: Self.mapFrame.right - 4, maxY: Self.mapFrame.bottom - 4),
                                 obstacles: circles.map { LabelBox(minX: $0.center.x - $0.radius, minY: $0.center.y - $0.radius, maxX: $0.center.x + $0.radius, maxY: $0.center.y + $0.radius) }
                                    + [Self.scaleBarArea])
        try drawPortLabels(&svg, projection, placer: &placer)
        drawSectorLabels(&svg, sectorLabels, placer: &placer)
        svg.close("g")
        drawHeader(&svg)
        drawLegend(&svg, projection: projection, streamCount: drawn)
        return svg.rendered(title: title)
    }

    // MARK: Layers

    /// Returns where each sector's name goes: a point inside it.
    private func drawSectors(_ svg: inout SVGDocument, _ projection: MapProjection) throws -> [(String, Position)] {
        let context = GEOSContext()
        svg.open("g", [("id", "sectors"), ("stroke", "#8c8c8c"), ("stroke-width", "0.8")])
        var labels: [(String, Position)] = []
        for sector in network.dataset.sectors {
            let totals = diversion.totals(ofSector: sector.id)
            let percent = DiversionLayers.percentChange(baseline: totals.baseline, scenario: totals.scenario)
            let projected = try projection.project(sector.geometry)
            var data = ""
            for polygon in projected.polygons {
                for ring in polygon { data += SVGDocument.pathData(ring, closed: true) }
            }
            svg.element("path", [("d", data), ("fill", SimpleStyle.changeColor(percent: percent)), ("fill-opacity", "0.55"), ("fill-rule", "evenodd")])
            labels.append((sector.name, try Geometry(projected, context: context).pointOnSurface()))
        }
        svg.close("g")
        return labels
    }

    /// Sector names, after the port labels, wherever they fit near a point inside the sector.
    private func drawSectorLabels(_ svg: inout SVGDocument, _ labels: [(String, Position)], placer: inout LabelPlacer) {
        svg.open("g", [("id", "sector-names"), ("font-size", "12"), ("fill", "#6b6b6b"), ("font-style", "italic")])
        for (name, point) in labels {
            let text = name.uppercased()
            guard let spot = placer.place(width: Double(text.count) * 9, height: 13, near: point, distances: [0, 20, 40, 60]) else { continue }
            svg.text(text, x: spot.x, y: spot.y, [("text-anchor", spot.anchor), ("letter-spacing", "1.5")])
        }
        svg.close("g")
    }

    private func drawBoundary(_ svg: inout SVGDocument, _ projection: MapProjection) throws {
        let line = try projection.project(network.dataset.boundary.line)
        svg.element("path", [("id", "boundary"), ("d", SVGDocument.pathData(line, closed: false)), ("fill", "none"),
                             ("stroke", SimpleStyle.boundary), ("stroke-width", "2.2"), ("stroke-linejoin", "round")])
        let mexico = try projection.project([Coordinate(longitude: -104.5, latitude: 27.2)])[0]
        let us = try projection.project([Coordinate(longitude: -104.2, latitude: 33.4)])[0]
        svg.text("MEXICO", x: mexico.x, y: mexico.y, [("font-size", "22"), ("fill", "#b0b0b0"), ("letter-spacing", "6"), ("text-anchor", "middle")])
        svg.text("UNITED STATES", x: us.x, y: us.y, [("font-size", "22"), ("fill", "#b0b0b0"), ("letter-spacing", "6"), ("text-anchor", "middle")])
    }

    /// The streams with the largest changes, losses under gains; returns how many were drawn.
    private func drawStreams(_ svg: inout SVGDocument, _ projection: MapProjection) throws -> Int {
        let largestChanges = diversion.streams(in: network.dataset).filter { abs($0.change) >= 1 }
            .sorted { abs($0.change) != abs($1.change) ? abs($0.change) > abs($1.change) : $0.origin < $1.origin }
            .prefix(Self.drawnStreams)
        // Only the streams drawn are traced along their roads.
        let lines = network.geometry(of: largestChanges.map { ($0.origin, $0.crossing, $0.destination, $0.mode) })
        let changed = zip(largestChanges, lines).filter { !$0.1.isEmpty }.map { (stream: $0, line: $1) }
        let largest = changed.map { abs($0.stream.change) }.max() ?? 1
        svg.open("g", [("id", "streams"), ("fill", "none"), ("stroke-linecap", "round"), ("stroke-linejoin", "round")])
        for (stream, line) in changed.sorted(by: { ($0.stream.change > 0 ? 1 : 0, -abs($0.stream.change)) < ($1.stream.change > 0 ? 1 : 0, -abs($1.stream.change)) }) {
            let gained = stream.change > 0
            let width = 1 + 8 * (abs(stream.change) / largest).squareRoot()
            var attributes = [("d", SVGDocument.pathData(try projection.project(line), closed: false)),
                              ("stroke", gained ? "#2166ac" : "#d6604d"), ("stroke-width", SVGDocument.number(width)),
                              ("stroke-opacity", gained ? "0.6" : "0.5")]
            if !gained { attributes.append(("stroke-dasharray", "6 4")) }
            svg.element("path", attributes)
        }
        svg.close("g")
        return changed.count
    }

    /// Circles of area proportional to daily crossings; returns each circle for label placement.
    private func drawCrossings(_ svg: inout SVGDocument, _ projection: MapProjection) throws -> [(center: Position, radius: Double)] {
        let dataset = network.dataset
        let totals = dataset.crossings.typedIndices.map { index -> (baseline: Double, scenario: Double) in
            let changes = diversion.changes(ofCrossing: index)
            return (changes.values.map(\.baseline).reduce(0, +), changes.values.map(\.scenario).reduce(0, +))
        }
        let centers = try projection.project(dataset.crossings.map(\.coordinate))
        let order = dataset.crossings.typedIndices.sorted { max(totals[$0].baseline, totals[$0].scenario) > max(totals[$1].baseline, totals[$1].scenario) }
        var circles: [(Position, Double)] = []
        svg.open("g", [("id", "crossings"), ("stroke", "#404040"), ("stroke-width", "0.8")])
        for index in order {
            let status = diversion.status(ofCrossing: index, in: dataset)
            let center = centers[index]
            let radius = Self.radius(dailyCrossings: max(totals[index].baseline, totals[index].scenario))
            circles.append((center, radius))
            let x = SVGDocument.number(center.x), y = SVGDocument.number(center.y), r = SVGDocument.number(radius)
            switch status {
            case .closed:
                svg.element("circle", [("cx", x), ("cy", y), ("r", r), ("fill", "#ffffff"), ("fill-opacity", "0.8"), ("stroke", "#000000"), ("stroke-width", "1.6")])
                drawCross(&svg, at: center, size: max(radius * 0.75, 4))
            case .outOfService:
                svg.element("circle", [("cx", x), ("cy", y), ("r", "2.5"), ("fill", "none"), ("stroke", SimpleStyle.outOfService)])
            case .open, .partial:
                let percent = Diversion.percentChange(from: totals[index].baseline, to: totals[index].scenario)
                var attributes = [("cx", x), ("cy", y), ("r", r), ("fill", SimpleStyle.changeColor(percent: percent)), ("fill-opacity", "0.9")]
                if status == .partial { attributes += [("stroke", "#000000"), ("stroke-width", "1.6"), ("stroke-dasharray", "3 2")] }
                svg.element("circle", attributes)
            }
        }
        svg.close("g")
        return circles
    }

    private func drawCross(_ svg: inout SVGDocument, at center: Position, size: Double) {
        let d = "M\(SVGDocument.number(center.x - size)) \(SVGDocument.number(center.y - size))L\(SVGDocument.number(center.x + size)) \(SVGDocument.number(center.y + size))"
            + "M\(SVGDocument.number(center.x - size)) \(SVGDocument.number(center.y + size))L\(SVGDocument.number(center.x + size)) \(SVGDocument.number(center.y - size))"
        svg.element("path", [("d", d), ("stroke", "#000000"), ("stroke-width", "2.2"), ("fill", "none")])
    }

    /// Where the scale bar goes, bottom right of the map, kept clear of labels.
    static let scaleBarArea = LabelBox(minX: mapFrame.right - 300, minY: mapFrame.bottom - 34, maxX: mapFrame.right, maxY: mapFrame.bottom)

    static func radius(dailyCrossings: Double) -> Double {
        max(2.5, 26 * (max(dailyCrossings, 0) / 60_000).squareRoot())
    }

    /// Labels the ports with the largest changes, each beside its busiest crossing, where it overlaps no
    /// other label or circle (with a leader line when it had to move away).
    private func drawPortLabels(_ svg: inout SVGDocument, _ projection: MapProjection, placer: inout LabelPlacer) throws {
        let dataset = network.dataset
        var ports: [String: (name: String, change: Double, baseline: Double, closed: Bool)] = [:]
        for total in diversion.ports {
            ports[total.key, default: (total.name, 0, 0, false)].change += total.change
            ports[total.key, default: (total.name, 0, 0, false)].baseline += total.baseline
        }
        for index in dataset.crossings.typedIndices where diversion.status(ofCrossing: index, in: dataset) == .closed {
            ports[dataset.crossings[index].portCode]?.closed = true
        }
        let chosen = ports.filter { abs($0.value.change) >= 1 }
            .sorted { abs($0.value.change) != abs($1.value.change) ? abs($0.value.change) > abs($1.value.change) : $0.key < $1.key }
            .prefix(Self.labelledPorts)
        svg.open("g", [("id", "labels"), ("font-size", "13"), ("fill", "#1a1a1a"), ("stroke", "#ffffff"), ("stroke-width", "3.5"),
                       ("paint-order", "stroke"), ("stroke-linejoin", "round")])
        for (code, port) in chosen {
            let members = dataset.crossings.indices.filter { dataset.crossings[$0].portCode == code }
            guard let anchorIndex = members.max(by: { (dataset.crossings[$0].dailyVolume.values.reduce(0, +), $1) < (dataset.crossings[$1].dailyVolume.values.reduce(0, +), $0) }) else { continue }
            let anchor = try projection.project([dataset.crossings[anchorIndex].coordinate])[0]
            let percent = port.baseline >= 1 ? " (\(port.change > 0 ? "+" : "−")\(formatCount(abs(100 * port.change / port.baseline))) %)" : ""
            let text = "\(port.name) \(port.change > 0 ? "+" : "−")\(formatCount(abs(port.change)))\(percent)\(port.closed ? " · closures" : "")"
            guard let spot = placer.place(width: Double(text.count) * 7.4, height: 14, near: anchor, distances: [10, 28, 48, 70]) else { continue }
            if spot.distance > 10 {
                svg.element("line", [("x1", SVGDocument.number(anchor.x)), ("y1", SVGDocument.number(anchor.y)),
                                     ("x2", SVGDocument.number(spot.x)), ("y2", SVGDocument.number(spot.y - 4)), ("stroke", "#555555"), ("stroke-width", "0.8")])
            }
            svg.text(text, x: spot.x, y: spot.y, [("text-anchor", spot.anchor), ("font-weight", port.closed ? "bold" : "normal")])
        }
        svg.close("g")
    }

    // MARK: Furniture

    private func drawHeader(_ svg: inout SVGDocument) {
        svg.text(title, x: 24, y: 40, [("font-size", "26"), ("font-weight", "bold"), ("fill", "#1a1a1a")])
        svg.text(subtitle, x: 24, y: 68, [("font-size", "15"), ("fill", "#404040")])
        var summary: [String] = []
        let dataset = network.dataset
        let closed = dataset.crossings.typedIndices.filter { diversion.status(ofCrossing: $0, in: dataset) == .closed }
        var closedPorts: [String] = []
        for index in closed where !closedPorts.contains(dataset.crossings[index].port) { closedPorts.append(dataset.crossings[index].port) }
        summary.append(closed.isEmpty ? "No crossing closed" : "\(formatCount(Double(closed.count), "crossing", "crossings")) closed, at \(closedPorts.joined(separator: ", "))")
        let forgone = diversion.forgone.values.reduce(0, +), deferred = diversion.deferred.values.reduce(0, +)
        if forgone >= 1 { summary.append("forgone \(formatCount(forgone, "trip", "trips")) a day") }
        if deferred >= 1 { summary.append("deferred \(formatCount(deferred, "freight unit", "freight units")) a day") }
        var line = summary.joined(separator: " · ")
        if line.count > 210 { line = String(line.prefix(207)) + "…" }
        svg.text(line, x: 24, y: 92, [("font-size", "13"), ("fill", "#404040")])
    }

    private func drawLegend(_ svg: inout SVGDocument, projection: MapProjection, streamCount: Int) {
        svg.open("g", [("id", "legend"), ("font-size", "12.5"), ("fill", "#262626")])
        // Change colours.
        svg.text("Change in daily crossings (all modes, each unit counted once)", x: 24, y: 888, [("font-weight", "bold")])
        for (index, entry) in SimpleStyle.changeClasses.enumerated() {
            let x = 24.0 + Double(index) * 92
            svg.element("rect", [("x", SVGDocument.number(x)), ("y", "898"), ("width", "88"), ("height", "14"), ("fill", entry.color), ("stroke", "#8c8c8c"), ("stroke-width", "0.5")])
            svg.text(entry.label, x: x + 44, y: 928, [("text-anchor", "middle"), ("font-size", "11")])
        }
        svg.text("Sectors are shaded and crossings filled by the change in crossings a day.", x: 24, y: 950, [("font-size", "11.5"), ("fill", "#595959")])

        // Circle sizes.
        svg.text("Crossings a day", x: 700, y: 888, [("font-weight", "bold")])
        var x = 712.0
        for volume in [1_000.0, 10_000, 50_000] {
            let r = Self.radius(dailyCrossings: volume)
            svg.element("circle", [("cx", SVGDocument.number(x + r)), ("cy", SVGDocument.number(946 - r)), ("r", SVGDocument.number(r)), ("fill", SimpleStyle.neutral), ("stroke", "#404040"), ("stroke-width", "0.8")])
            svg.text(formatCount(volume), x: x + r, y: 962, [("text-anchor", "middle"), ("font-size", "11")])
            x += 2 * r + 28
        }

        // Symbols.
        let symbolsX = 960.0
        svg.text("Symbols", x: symbolsX, y: 888, [("font-weight", "bold")])
        svg.element("circle", [("cx", SVGDocument.number(symbolsX + 8)), ("cy", "905"), ("r", "7"), ("fill", "#ffffff"), ("stroke", "#000000"), ("stroke-width", "1.6")])
        drawCross(&svg, at: Position(x: symbolsX + 8, y: 905), size: 5)
        svg.text("closed crossing", x: symbolsX + 22, y: 909)
        svg.element("circle", [("cx", SVGDocument.number(symbolsX + 8)), ("cy", "926"), ("r", "7"), ("fill", SimpleStyle.neutral), ("stroke", "#000000"), ("stroke-width", "1.6"), ("stroke-dasharray", "3 2")])
        svg.text("some modes closed", x: symbolsX + 22, y: 930)
        svg.element("line", [("x1", SVGDocument.number(symbolsX + 150)), ("y1", "905"), ("x2", SVGDocument.number(symbolsX + 190)), ("y2", "905"), ("stroke", "#2166ac"), ("stroke-width", "5"), ("stroke-opacity", "0.6")])
        svg.text("streams that gained", x: symbolsX + 198, y: 909)
        svg.element("line", [("x1", SVGDocument.number(symbolsX + 150)), ("y1", "926"), ("x2", SVGDocument.number(symbolsX + 190)), ("y2", "926"), ("stroke", "#d6604d"), ("stroke-width", "5"), ("stroke-opacity", "0.5"), ("stroke-dasharray", "6 4")])
        svg.text("streams that lost", x: symbolsX + 198, y: 930)
        svg.element("line", [("x1", SVGDocument.number(symbolsX + 150)), ("y1", "947"), ("x2", SVGDocument.number(symbolsX + 190)), ("y2", "947"), ("stroke", SimpleStyle.boundary), ("stroke-width", "2.2")])
        svg.text("international boundary", x: symbolsX + 198, y: 951)
        svg.text(streamCount == 0 ? "Lines: no origin–crossing–destination stream changed."
                    : "Lines: the \(streamCount) origin–crossing–destination streams that changed most, along their roads; width by change.",
                 x: 24, y: 970, [("font-size", "11.5"), ("fill", "#595959")])

        // Scale bar: 200 km in the working CRS.
        let kilometres = 200.0
        let length = kilometres * 1000 * projection.pixelsPerMeter
        let barX = 1580.0 - 24 - length, barY = 846.0
        svg.element("rect", [("x", SVGDocument.number(barX)), ("y", SVGDocument.number(barY - 6)), ("width", SVGDocument.number(length / 2)), ("height", "6"), ("fill", "#262626")])
        svg.element("rect", [("x", SVGDocument.number(barX + length / 2)), ("y", SVGDocument.number(barY - 6)), ("width", SVGDocument.number(length / 2)), ("height", "6"), ("fill", "#ffffff"), ("stroke", "#262626"), ("stroke-width", "0.8")])
        for (offset, label) in [(0.0, "0"), (length / 2, "100"), (length, "200 km")] {
            svg.text(label, x: barX + offset, y: barY - 10, [("text-anchor", "middle"), ("font-size", "11")])
        }
        svg.close("g")

        svg.text("Daily northbound volumes from the fitted BorderFlow model (baseline: every crossing open). Counts: CBP via BTS and UNT; sectors from U.S. Census county outlines.",
                 x: 24, y: 1000, [("font-size", "11"), ("fill", "#737373")])
        svg.text("Projection: \(projection.description). Made with BorderFlow.",
                 x: 24, y: 1018, [("font-size", "11"), ("fill", "#737373")])
    }
}

/// Places labels one after another where they overlap no placed label and no obstacle, trying spots around
/// an anchor at growing distances: diagonals first, then above and below.
struct LabelPlacer {
    let frame: LabelBox
    let obstacles: [LabelBox]
    private(set) var placed: [LabelBox] = []

    init(frame: LabelBox, obstacles: [LabelBox]) {
        self.frame = frame
        self.obstacles = obstacles
    }

    /// The text's baseline position and anchor, or nil when no spot is free.
    mutating func place(width: Double, height: Double, near anchor: Position, distances: [Double]) -> (x: Double, y: Double, anchor: String, distance: Double)? {
        for distance in distances {
            let spots: [(Double, Double)] = distance == 0 ? [(0, 0)] : [(1, -1), (1, 1), (-1, -1), (-1, 1), (0, -1.4), (0, 1.4)]
            for (dx, dy) in spots {
                let x = anchor.x + dx * distance, y = anchor.y + dy * distance
                let minX = dx > 0 ? x : dx < 0 ? x - width : x - width / 2
                let box = LabelBox(minX: minX, minY: y - height + 3, maxX: minX + width, maxY: y + 3)
                guard frame.contains(box), !placed.contains(where: { $0.overlaps(box) }),
                      !obstacles.contains(where: { $0.overlaps(box.inset(by: 2)) }) else { continue }
                placed.append(box)
                return (x, y, dx > 0 ? "start" : dx < 0 ? "end" : "middle", distance)
            }
        }
        return nil
    }
}

/// An axis-aligned box on the picture, for placing labels.
struct LabelBox {
    let minX: Double, minY: Double, maxX: Double, maxY: Double

    func overlaps(_ other: LabelBox) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }

    func contains(_ other: LabelBox) -> Bool {
        other.minX >= minX && other.maxX <= maxX && other.minY >= minY && other.maxY <= maxY
    }

    func inset(by amount: Double) -> LabelBox {
        LabelBox(minX: minX + amount, minY: minY + amount, maxX: maxX - amount, maxY: maxY - amount)
    }
}
