/// One value per mode, or none for a mode it does not speak of: a crossing's lanes or volumes, a diversion's
/// forgone trips. Five slots in `Mode.allCases` order, so it costs no hashing, no allocation, and iterates in
/// the same order every time.
///
/// Reads like the dictionary it replaces: `volumes[.pov]` is nil for a mode with no value,
/// `volumes[.pov, default: 0] += 1` adds, and a dictionary literal makes one (`[.pov: 810, .bus: 2]`).
public struct PerMode<Value> {
    // Indexed by `Mode.index`.
    @usableFromInline var slots: (Value?, Value?, Value?, Value?, Value?) = (nil, nil, nil, nil, nil)

    /// No value for any mode.
    @inlinable
    public init() {}

    /// A value for each mode that has one.
    ///
    /// - Parameter pairs: modes and their values; a mode given twice keeps its last value.
    @inlinable
    public init<S: Sequence>(uniqueKeysWithValues pairs: S) where S.Element == (Mode, Value) {
        for (mode, value) in pairs { self[mode] = value }
    }

    /// The value of a mode, or nil for none; setting nil removes it.
    @inlinable
    public subscript(mode: Mode) -> Value? {
        get {
            switch mode.index {
            case 0: return slots.0
            case 1: return slots.1
            case 2: return slots.2
            case 3: return slots.3
            default: return slots.4
            }
        }
        set {
            switch mode.index {
            case 0: slots.0 = newValue
            case 1: slots.1 = newValue
            case 2: slots.2 = newValue
            case 3: slots.3 = newValue
            default: slots.4 = newValue
            }
        }
    }

    /// The value of a mode, or `defaultValue` where it has none; writing stores the value.
    @inlinable
    public subscript(mode: Mode, default defaultValue: @autoclosure () -> Value) -> Value {
        get { self[mode] ?? defaultValue() }
        set { self[mode] = newValue }
    }

    /// The modes with a value, in `Mode.allCases` order.
    public var keys: [Mode] { Mode.allCases.filter { self[$0] != nil } }

    /// The values, in `Mode.allCases` order.
    public var values: [Value] { Mode.allCases.compactMap { self[$0] } }

    /// Whether no mode has a value.
    public var isEmpty: Bool { keys.isEmpty }

    /// The same modes with each value transformed.
    ///
    /// - Parameter transform: turns one value into another.
    /// - Returns: the transformed values, by the same modes.
    public func mapValues<T>(_ transform: (Value) throws -> T) rethrows -> PerMode<T> {
        var result = PerMode<T>()
        for mode in Mode.allCases { if let value = self[mode] { result[mode] = try transform(value) } }
        return result
    }
}

extension PerMode: Sequence {
    /// Walks the modes with a value in `Mode.allCases` order, without allocating.
    public struct Iterator: IteratorProtocol {
        @usableFromInline let values: PerMode
        @usableFromInline var position = 0

        @inlinable
        init(_ values: PerMode) { self.values = values }

        /// The next mode with a value, and its value; nil after the last.
        @inlinable
        public mutating func next() -> (key: Mode, value: Value)? {
            while position < Mode.allCases.count {
                let mode = Mode.allCases[position]
                position += 1
                if let value = values[mode] { return (mode, value) }
            }
            return nil
        }
    }

    /// Each mode with a value and its value, in `Mode.allCases` order.
    @inlinable
    public func makeIterator() -> Iterator { Iterator(self) }
}

extension PerMode: ExpressibleByDictionaryLiteral {
    /// A value per mode, written as a dictionary: `[.pov: 810, .truck: 2]`.
    ///
    /// - Parameter elements: modes and their values.
    public init(dictionaryLiteral elements: (Mode, Value)...) {
        self.init(uniqueKeysWithValues: elements)
    }
}

extension PerMode: Equatable where Value: Equatable {
    /// Whether both have the same modes with equal values.
    public static func == (lhs: PerMode, rhs: PerMode) -> Bool {
        Mode.allCases.allSatisfy { lhs[$0] == rhs[$0] }
    }
}

extension PerMode: Hashable where Value: Hashable {
    /// Hashes every mode's value, present or not.
    public func hash(into hasher: inout Hasher) {
        for mode in Mode.allCases { hasher.combine(self[mode]) }
    }
}

extension PerMode: Sendable where Value: Sendable {}
