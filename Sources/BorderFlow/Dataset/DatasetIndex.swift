/// An element's position in one of the dataset's lists: typed by the list, so that a crossing is never taken
/// for a place. ``CrossingIndex`` counts in `Dataset.crossings` (and `BorderNetwork.crossings`), ``PlaceIndex``
/// in `Dataset.places`. Arrays laid out one entry per crossing or place (an assignment's volumes, a fit's
/// constants) are read with it directly: `volumes[crossing]`.
public struct DatasetIndex<Element>: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The position, from 0.
    public let rawValue: Int

    /// The element at a position.
    ///
    /// - Parameter rawValue: the position in the list, from 0.
    @inlinable
    public init(_ rawValue: Int) { self.rawValue = rawValue }

    /// Indexes order as the list does.
    public static func < (lhs: DatasetIndex, rhs: DatasetIndex) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The kind of element and the position, such as `Crossing #3`.
    public var description: String { "\(Element.self) #\(rawValue)" }
}

/// A crossing's position in the dataset's crossings.
public typealias CrossingIndex = DatasetIndex<Crossing>

/// A place's position in the dataset's places.
public typealias PlaceIndex = DatasetIndex<Place>

extension Array {
    /// The entry at a typed index, in an array laid out one entry per crossing or place in dataset order.
    @inlinable
    public subscript<Indexed>(index: DatasetIndex<Indexed>) -> Element {
        get { self[index.rawValue] }
        set { self[index.rawValue] = newValue }
    }

    /// Every element's typed index, in order: `dataset.crossings.typedIndices` lists every `CrossingIndex`.
    public var typedIndices: [DatasetIndex<Element>] { indices.map(DatasetIndex.init) }
}

extension Dataset {
    /// The index of the crossing with an id.
    ///
    /// - Parameter id: a crossing id, exactly (`Dataset.crossing(id:)` gives the crossing itself).
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
