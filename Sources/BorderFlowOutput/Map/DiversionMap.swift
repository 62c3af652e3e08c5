import BorderFlow
import BorderFlowSpatial
import Foundation

/// A picture of a diversion, in SVG: land, coasts and state lines (when a basemap is given), the boundary,
/// sectors shaded by change, crossings as circles sized by volume and coloured by change, closed crossings
/// crossed out, the largest diverted streams along their roads, labels for the crossings that changed most
/// and for the main Mexican cities, a legend, a scale bar and a title. No two labels overlap.
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
    /// Land, lakes, coasts and state lines drawn under everything; nil for none.
    public let basemap: Basemap?

    /// How many streams are drawn: the largest changes, gains and losses.
    public static let drawnStreams = 40
    /// How many crossings are labelled: the largest changes.
    public static let labelledCrossings = 10
    /// Mexican cities of at least this many people are labelled, where there is room.
    public static let labelledCityPopulation = 150_000

    static let width = 1600.0
    static let height = 1040.0
    static let mapFrame = (left: 20.0, top: 104.0, right: 1580.0, bottom: 860.0)

    /// A map of a diversion; `svg()` draws it.
    ///
    /// - Parameters:
    ///   - diversion: the diversion to draw.
    ///   - title: the heading.
    ///   - subtitle: the line under the heading.
    ///   - basemap: land, lakes, coasts and state lines to draw under everything (`basemap.geojson`); nil for none.
    public init(diversion: Diversion, title: String, subtitle: String, basemap: Basemap? = nil) {
        self.diversion = diversion
        self.title = title
        self.subtitle = subtitle
        self.basemap = basemap
    }

    /// The SVG text.
    ///
    /// - Returns: an SVG 1.1 document, 1600 × 1040 pixels.
    /// - Throws: `SpatialError` when PROJ cannot project the data to the working CRS.
    public func svg() throws -> String {
        try render().svg
    }

    /// The picture and the box of every label on it.
    func render() throws -> (svg: String, labels: [LabelBox]) {
        let dataset = network.dataset
        let cities = dataset.places.filter { $0.country == .mx && $0.population >= Self.labelledCityPopulation }
            .sorted { $0.population != $1.population ? $0.population > $1.population : $0.id < $1.id }
        // The largest Mexican cities widen the frame south, so streams to and from them stay on the map.
        let extent = dataset.boundary.line + dataset.crossings.map(\.coordinate)
            + dataset.sectors.flatMap { $0.geometry.allPositions.map { Coordinate(longitude: $0.x, latitude: $0.y) } }
            + cities.filter { $0.population >= 500_000 }.map(\.coordinate)
        let projection = try MapProjection(network: network, frame: Self.mapFrame, extentOf: extent)
        var svg = SVGDocument(width: Self.width, height: Self.height)
        let hasLand = basemap?.layers[.land] != nil
        svg.element("rect", [("x", "0"), ("y", "0"), ("width", "1600"), ("height", "1040"), ("fill", "#ffffff")])
        svg.element("rect", [("x", "20"), ("y", "104"), ("width", "1560"), ("height", "756"), ("fill", hasLand ? Self.water : "#f4f7fa"), ("stroke", "#bdbdbd")])
        svg.open("clipPath", [("id", "frame")])
        svg.element("rect", [("x", "20"), ("y", "104"), ("width", "1560"), ("height", "756")])
        svg.close("clipPath")
        svg.open("g", [("id", "map"), ("clip-path", "url(#frame)")])
        try drawBasemap(&svg, projection)
        let sectorLabels = try drawSectors(&svg, projection)
        try drawBoundary(&svg, projection)
        let drawn = try drawStreams(&svg, projection)
        let symbols = dataset.crossings.typedIndices.map { CrossingSymbol(index: $0, diversion: diversion, dataset: dataset) }
        let circles = try drawCrossings(&svg, projection, symbols: symbols)
        var placer = LabelPlacer(frame: LabelBox(minX: Self.mapFrame.left + 4, minY: Self.mapFrame.top + 4, maxX: Self.mapFrame.right - 4, maxY: Self.mapFrame.bottom - 4),
                                 obstacles: circles.map { LabelBox(circle: $0.center, radius: $0.radius) } + [Self.scaleBarArea])
        try drawCrossingLabels(&svg, projection, symbols: symbols, circles: circles, placer: &placer)
        try drawCityLabels(&svg, projection, cities: cities, placer: &placer)
        drawSectorLabels(&svg, sectorLabels, placer: &placer)
        svg.close("g")
        drawHeader(&svg)
        drawLegend(&svg, projection: projection, streamCount: drawn)
        return (svg.rendered(title: title), placer.placed)
    }

    /// Sea and lakes, when a basemap is drawn.
    static let water = "#dde8f0"

    // MARK: Layers

    /// Land, lakes, coasts and state lines, under everything else.
    private func drawBasemap(_ svg: inout SVGDocument, _ projection: MapProjection) throws {
        guard let basemap else { return }
        svg.open("g", [("id", "basemap")])
        let styles: [(Basemap.Layer, [(String, String)])] = [
            (.land, [("fill", "#f6f4ee"), ("stroke", "none")]),
            (.lakes, [("fill", Self.water), ("stroke", "#a9bfd0"), ("stroke-width", "0.5")]),
            (.coast, [("fill", "none"), ("stroke", "#8fa9bd"), ("stroke-width", "0.8")]),
            (.stateLines, [("fill", "none"), ("stroke", "#a6a6a6"), ("stroke-width", "0.8"), ("stroke-dasharray", "5 3")]),
        ]
        for (layer, style) in styles {
            guard let geometry = basemap.layers[layer] else { continue }
            let projected = try projection.project(geometry)
            var data = ""
            if layer.isArea {
                for polygon in projected.polygons { for ring in polygon { data += SVGDocument.pathData(ring, closed: true) } }
            } else {
                for line in projected.lines { data += SVGDocument.pathData(line, closed: false) }
            }
            svg.element("path", [("id", layer.rawValue), ("d", data)] + style + (layer.isArea ? [("fill-rule", "evenodd")] : []))
        }
        svg.close("g")
    }

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

    /// Sector names, last, wherever they fit on or near a point inside the sector.
    private func drawSectorLabels(_ svg: inout SVGDocument, _ labels: [(String, Position)], placer: inout LabelPlacer) {
        svg.open("g", [("id", "sector-names"), ("font-size", "12"), ("fill", "#6b6b6b"), ("font-style", "italic")])
        for (name, point) in labels {
            let text = name.uppercased()
            guard let spot = placer.placeCentred(width: TextWidth.of(text, fontSize: 12, letterSpacing: 1.5), height: 14, on: point) else { continue }
            svg.text(text, x: spot.textX, y: spot.box.maxY - 3, [("text-anchor", spot.anchor), ("letter-spacing", "1.5")])
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

    /// Circles of area proportional to daily crossings, each filled by its symbol's whole percent; returns
    /// each crossing's circle, by crossing index, for labels.
    private func drawCrossings(_ svg: inout SVGDocument, _ projection: MapProjection, symbols: [CrossingSymbol]) throws -> [(center: Position, radius: Double)] {
        let centers = try projection.project(symbols.map(\.crossing.coordinate))
        var circles = symbols.indices.map { (center: centers[$0], radius: Self.radius(dailyCrossings: max(symbols[$0].baseline, symbols[$0].scenario))) }
        let order = symbols.indices.sorted { circles[$0].radius != circles[$1].radius ? circles[$0].radius > circles[$1].radius : $0 < $1 }
        svg.open("g", [("id", "crossings"), ("stroke", "#404040"), ("stroke-width", "0.8")])
        for index in order {
            let symbol = symbols[index]
            let center = circles[index].center, radius = circles[index].radius
            let x = SVGDocument.number(center.x), y = SVGDocument.number(center.y), r = SVGDocument.number(radius)
            let id = ("id", "crossing-\(symbol.crossing.id)")
            switch symbol.status {
            case .closed:
                svg.element("circle", [id, ("cx", x), ("cy", y), ("r", r), ("fill", "#ffffff"), ("fill-opacity", "0.8"), ("stroke", "#000000"), ("stroke-width", "1.6")])
                drawCross(&svg, at: center, size: max(radius * 0.75, 4))
                circles[index].radius = max(radius, 4)
            case .outOfService:
                svg.element("circle", [id, ("cx", x), ("cy", y), ("r", "2.5"), ("fill", "none"), ("stroke", SimpleStyle.outOfService)])
            case .open, .partial:
                var attributes = [id, ("cx", x), ("cy", y), ("r", r), ("fill", symbol.fill), ("fill-opacity", "0.9")]
                if symbol.status == .partial { attributes += [("stroke", "#000000"), ("stroke-width", "1.6"), ("stroke-dasharray", "3 2")] }
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

    /// Labels the crossings with the largest changes: the name, then the whole change and each mode's in its
    /// own units. Each goes beside its circle where it overlaps no other label or circle, or further out with
    /// a leader line back to the circle.
    private func drawCrossingLabels(_ svg: inout SVGDocument, _ projection: MapProjection, symbols: [CrossingSymbol],
                                    circles: [(center: Position, radius: Double)], placer: inout LabelPlacer) throws {
        let chosen = symbols.filter { abs($0.change) >= 1 }
            .sorted { abs($0.change) != abs($1.change) ? abs($0.change) > abs($1.change) : $0.crossing.id < $1.crossing.id }
            .prefix(Self.labelledCrossings)
        svg.open("g", [("id", "labels"), ("fill", "#1a1a1a"), ("stroke", "#ffffff"), ("stroke-width", "3.5"),
                       ("paint-order", "stroke"), ("stroke-linejoin", "round")])
        for symbol in chosen {
            let name = symbol.labelName, detail = symbol.changeText
            let bold = symbol.status != .open
            let width = max(TextWidth.of(name, fontSize: 13, bold: bold), TextWidth.of(detail, fontSize: 11.5)) + 2
            let circle = circles[symbol.index.rawValue]
            guard let spot = placer.place(width: width, height: 31, near: circle.center, radius: circle.radius) else { continue }
            if spot.needsLeader {
                let end = spot.box.nearestPoint(to: circle.center)
                let dx = end.x - circle.center.x, dy = end.y - circle.center.y, length = max((dx * dx + dy * dy).squareRoot(), 1)
                svg.element("line", [("x1", SVGDocument.number(circle.center.x + dx / length * circle.radius)),
                                     ("y1", SVGDocument.number(circle.center.y + dy / length * circle.radius)),
                                     ("x2", SVGDocument.number(end.x)), ("y2", SVGDocument.number(end.y)), ("stroke", "#555555"), ("stroke-width", "0.8")])
            }
            svg.open("text", [("data-crossing", symbol.crossing.id), ("text-anchor", spot.anchor)])
            svg.tspan(name, x: spot.textX, y: spot.box.minY + 13, [("font-size", "13"), ("font-weight", bold ? "bold" : "normal")])
            svg.tspan(detail, x: spot.textX, y: spot.box.minY + 28, [("font-size", "11.5")])
            svg.close("text")
        }
        svg.close("g")
    }

    /// The main Mexican cities, largest first, each with a dot, where there is room; a city beside a larger
    /// one (Monterrey's suburbs) is left to the larger one's name.
    private func drawCityLabels(_ svg: inout SVGDocument, _ projection: MapProjection, cities: [Place], placer: inout LabelPlacer) throws {
        let points = try projection.project(cities.map(\.coordinate))
        svg.open("g", [("id", "cities"), ("font-size", "12"), ("fill", "#333333"), ("stroke", "#ffffff"), ("stroke-width", "3"),
                       ("paint-order", "stroke"), ("stroke-linejoin", "round")])
        var named: [Position] = []
        for (city, point) in zip(cities, points) {
            guard !named.contains(where: { point.planarDistance(to: $0) < 30 }) else { continue }
            named.append(point)
            guard let spot = placer.place(width: TextWidth.of(city.name, fontSize: 12), height: 14, near: point, radius: 2.5, gaps: [3, 10, 20]) else { continue }
            svg.element("circle", [("cx", SVGDocument.number(point.x)), ("cy", SVGDocument.number(point.y)), ("r", "2.5"), ("fill", "#333333"), ("stroke", "#ffffff"), ("stroke-width", "1")])
            svg.text(city.name, x: spot.textX, y: spot.box.maxY - 3, [("text-anchor", spot.anchor)])
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
        // Each mode in its own units: persons, vehicles and railcars are not added together.
        func perMode(_ values: PerMode<Double>) -> String {
            values.filter { $0.value.rounded() >= 1 }.map { "\(formatCount($0.value)) \($0.key.unit)" }.joined(separator: ", ")
        }
        let forgone = perMode(diversion.forgone), deferred = perMode(diversion.deferred)
        if !forgone.isEmpty { summary.append("forgone a day: \(forgone)") }
        if !deferred.isEmpty { summary.append("deferred a day: \(deferred)") }
        var line = summary.joined(separator: " · ")
        if line.count > 210 { line = String(line.prefix(207)) + "…" }
        svg.text(line, x: 24, y: 92, [("font-size", "13"), ("fill", "#404040")])
    }

    private func drawLegend(_ svg: inout SVGDocument, projection: MapProjection, streamCount: Int) {
        svg.open("g", [("id", "legend"), ("font-size", "12.5"), ("fill", "#262626")])
        // Change colours.
        svg.text("Change in crossings a day: persons, vehicles, buses, trucks and railcars added together", x: 24, y: 888, [("font-weight", "bold")])
        for (index, entry) in SimpleStyle.changeClasses.enumerated() {
            let x = 24.0 + Double(index) * 92
            svg.element("rect", [("x", SVGDocument.number(x)), ("y", "898"), ("width", "88"), ("height", "14"), ("fill", entry.color), ("stroke", "#8c8c8c"), ("stroke-width", "0.5")])
            svg.text(entry.label, x: x + 44, y: 928, [("text-anchor", "middle"), ("font-size", "11")])
        }
        svg.text("Sectors are shaded and crossings filled by that sum's change; labels give each mode's change in its own units.", x: 24, y: 950, [("font-size", "11.5"), ("fill", "#595959")])

        // Circle sizes.
        svg.text("Crossings a day, all modes", x: 700, y: 888, [("font-weight", "bold")])
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

        svg.text("Daily northbound volumes from the fitted BorderFlow model (baseline: every crossing open). Counts: CBP via BTS and UNT; sectors from U.S. Census county outlines; land, coasts and state lines from Natural Earth; cities from GeoNames.",
                 x: 24, y: 1000, [("font-size", "11"), ("fill", "#737373")])
        svg.text("Projection: \(projection.description). Made with BorderFlow.",
                 x: 24, y: 1018, [("font-size", "11"), ("fill", "#737373")])
    }
}
