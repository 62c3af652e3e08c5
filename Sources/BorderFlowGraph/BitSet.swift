/// A fixed-size set of small non-negative integers, one bit each: closing or reopening is one word write.
public struct BitSet: Hashable, Sendable {
    @usableFromInline var words: [UInt64]
    public let capacity: Int

    public init(capacity: Int) {
        self.capacity = capacity
        words = [UInt64](repeating: 0, count: (capacity + 63) / 64)
    }

    @inlinable
    public func contains(_ index: Int) -> Bool {
        words[index >> 6] & (1 << UInt64(index & 63)) != 0
    }

    @inlinable
    public mutating func insert(_ index: Int) {
        words[index >> 6] |= 1 << UInt64(index & 63)
    }

    @inlinable
    public mutating func remove(_ index: Int) {
        words[index >> 6] &= ~(1 << UInt64(index & 63))
    }

    public mutating func removeAll() {
        for index in words.indices { words[index] = 0 }
    }

    public var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    public var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    /// The members in ascending order.
    public var members: [Int] {
        var result: [Int] = []
        for (wordIndex, word) in words.enumerated() where word != 0 {
            for bit in 0..<64 where word & (1 << UInt64(bit)) != 0 { result.append(wordIndex * 64 + bit) }
        }
        return result
    }

    /// Adds every member of `other` (same capacity).
    public mutating func formUnion(_ other: BitSet) {
        precondition(other.capacity == capacity, "bit sets of different sizes")
        for index in words.indices { words[index] |= other.words[index] }
    }
}
