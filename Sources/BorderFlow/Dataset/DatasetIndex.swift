/// A crossing's position in the dataset's crossings (`Dataset.crossings`, `BorderNetwork.crossings`): typed,
/// so that a crossing is never taken for a place or a trip. Arrays laid out one entry per crossing (an
/// assignment's volumes, a fit's constants) are read with it directly: `volumes[crossing]`.
public struct CrossingIndex: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The position, from 0.
    public let rawValue: Int

    /// The crossing at a position.
    ///
    /// - Parameter rawValue: the position in the dataset's crossings, from 0.
    @inlinable
    public init(_ rawValue: Int) { self.rawValue = rawValue }

    /// Crossings order as the dataset lists them.
    public static func < (lhs: CrossingIndex, rhs: CrossingIndex) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The position as a number.
    public var description: String { "crossing #\(rawValue)" }
}

/// A place's position in the dataset's places (`Dataset.places`, `BorderNetwork.places`): typed, so that a
/// place is never taken for a crossing.
public struct PlaceIndex: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The position, from 0.
    public let rawValue: Int

    /// The place at a position.
    ///
    /// - Parameter rawValue: the position in the dataset's places, from 0.
    @inlinable
    public init(_ rawValue: Int) { self.rawValue = rawValue }

    /// Places order as the dataset lists them.
    public static func < (lhs: PlaceIndex, rhs: PlaceIndex) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The position as a number.
    public var description: String { "place #\(rawValue)" }
}

extension Array {
    /// The entry of a crossing, in an array laid out one entry per crossing in dataset order.
    @inlinable
    public subscript(crossing: CrossingIndex) -> Element {
        get { self[crossing.rawValue] }
        set { self[crossing.rawValue] = newValue }
    }

    /// The entry of a place, in an array laid out one entry per place in dataset order.
    @inlinable
    public subscript(place: PlaceIndex) -> Element {
        get { self[place.rawValue] }
        set { self[place.rawValue] = newValue }
    }
}

extension Array where Element == Crossing {
    /// Every crossing's index, in dataset order.
    public var crossingIndices: [CrossingIndex] { indices.map(CrossingIndex.init) }
}

extension Array where Element == Place {
    /// Every place's index, in dataset order.
    public var placeIndices: [PlaceIndex] { indices.map(PlaceIndex.init) }
}

extension Dataset {
    /// The index of the crossing with an id.
    ///
    /// - Parameter id: a crossing id, exactly (`Dataset.crossing(named:)` also matches names).
    /// - Returns: its index, or nil when no crossing has that id.
    public func crossingIndex(id: String) -> CrossingIndex? {
        crossings.firstIndex { $0.id == id }.map(CrossingIndex.init)
    }

    /// The index of the place with an id.
    ///
    /// - Parameter id: a place id, exactly (`Dataset.place(named:)` also matches names).
    /// - Returns: its index, or nil when no place has that id.
    public func placeIndex(id: String) -> PlaceIndex? {
        places.firstIndex { $0.id == id }.map(PlaceIndex.init)
    }
}
