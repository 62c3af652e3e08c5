import BorderFlowSpatial

/// Places labels one after another, greedily: each goes to the first candidate spot around its anchor that
/// overlaps no label placed before it and no obstacle, trying right, left, the diagonals, above and below at
/// growing distances; a label that finds no spot is left out.
struct LabelPlacer {
    /// Where a label went.
    struct Spot {
        /// The box the label's text fills.
        let box: LabelBox
        /// The SVG text anchor for lines drawn at `textX`: start, middle or end.
        let anchor: String
        /// Where the text lines start (or are centred or end, by `anchor`).
        let textX: Double
        /// Whether it sits away from its anchor, so that a leader line must tie the two.
        let needsLeader: Bool
    }

    let frame: LabelBox
    let obstacles: [LabelBox]
    private(set) var placed: [LabelBox] = []

    /// Gaps between an anchor's edge and its label, nearest first; the first is the label's own place.
    static let gaps = [4.0, 16, 30, 48, 70, 96, 126]

    init(frame: LabelBox, obstacles: [LabelBox]) {
        self.frame = frame
        self.obstacles = obstacles
    }

    /// The first free spot for a `width` × `height` label beside a symbol of `radius` at `point`, or nil.
    mutating func place(width: Double, height: Double, near point: Position, radius: Double, gaps: [Double] = gaps) -> Spot? {
        let directions: [(Double, Double)] = [(1, 0), (-1, 0), (0.7, -0.7), (0.7, 0.7), (-0.7, -0.7), (-0.7, 0.7), (0, -1), (0, 1)]
        for (gapIndex, gap) in gaps.enumerated() {
            for (dx, dy) in directions {
                let x = point.x + dx * (radius + gap), y = point.y + dy * (radius + gap)
                let minX = dx > 0.1 ? x : dx < -0.1 ? x - width : x - width / 2
                let minY = dy > 0.1 ? y : dy < -0.1 ? y - height : y - height / 2
                let box = LabelBox(minX: minX, minY: minY, maxX: minX + width, maxY: minY + height)
                guard frame.contains(box), !placed.contains(where: { $0.overlaps(box) }),
                      !obstacles.contains(where: { $0.overlaps(box) }) else { continue }
                placed.append(box)
                let anchor = dx > 0.1 ? "start" : dx < -0.1 ? "end" : "middle"
                let textX = anchor == "start" ? box.minX : anchor == "end" ? box.maxX : (box.minX + box.maxX) / 2
                return Spot(box: box, anchor: anchor, textX: textX, needsLeader: gapIndex > 0)
            }
        }
        return nil
    }

    /// Places a label centred on `point` if that spot is free (for names of areas), else like `place`.
    mutating func placeCentred(width: Double, height: Double, on point: Position) -> Spot? {
        let box = LabelBox(minX: point.x - width / 2, minY: point.y - height / 2, maxX: point.x + width / 2, maxY: point.y + height / 2)
        if frame.contains(box), !placed.contains(where: { $0.overlaps(box) }), !obstacles.contains(where: { $0.overlaps(box) }) {
            placed.append(box)
            return Spot(box: box, anchor: "middle", textX: point.x, needsLeader: false)
        }
        guard let spot = place(width: width, height: height, near: point, radius: 0, gaps: [10, 25, 45]) else { return nil }
        return Spot(box: spot.box, anchor: spot.anchor, textX: spot.textX, needsLeader: false)
    }
}

/// An axis-aligned box on the picture, for placing labels.
struct LabelBox: Equatable {
    let minX: Double, minY: Double, maxX: Double, maxY: Double

    /// A square around a circle.
    init(circle center: Position, radius: Double) {
        self.init(minX: center.x - radius, minY: center.y - radius, maxX: center.x + radius, maxY: center.y + radius)
    }

    init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    func overlaps(_ other: LabelBox) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }

    func contains(_ other: LabelBox) -> Bool {
        other.minX >= minX && other.maxX <= maxX && other.minY >= minY && other.maxY <= maxY
    }

    /// The point of the box nearest `point`.
    func nearestPoint(to point: Position) -> Position {
        Position(x: min(max(point.x, minX), maxX), y: min(max(point.y, minY), maxY))
    }
}
