/// A fixed-size set of small non-negative integers, one bit each: closing or reopening is one word write.
public struct BitSet: Hashable, Sendable {
    @usableFromInline var words: [UInt64]
    /// How many integers the set can hold: members are in `0..<capacity`.
    public let capacity: Int

    /// Creates an empty set for the integers `0..<capacity`.
    ///
    /// - Parameter capacity: one more than the largest member the set must hold; storage is rounded up to whole
    ///   64-bit words.
    public init(capacity: Int) {
        self.capacity = capacity
        words = [UInt64](repeating: 0, count: (capacity + 63) / 64)
    }

    /// Whether `index` is a member.
    ///
    /// - Parameter index: an integer in `0..<capacity`.
    /// - Returns: `true` when `index` is in the set.
    @inlinable
    public func contains(_ index: Int) -> Bool {
        words[index >> 6] & (1 << UInt64(index & 63)) != 0
    }

    /// Adds `index` to the set; adding a member again changes nothing.
    ///
    /// - Parameter index: an integer in `0..<capacity`.
    @inlinable
    public mutating func insert(_ index: Int) {
        words[index >> 6] |= 1 << UInt64(index & 63)
    }

    /// Removes `index` from the set; removing a non-member changes nothing.
    ///
    /// - Parameter index: an integer in `0..<capacity`.
    @inlinable
    public mutating func remove(_ index: Int) {
        words[index >> 6] &= ~(1 << UInt64(index & 63))
    }

    /// Removes every member, keeping the capacity and the storage.
    public mutating func removeAll() {
        for index in words.indices { words[index] = 0 }
    }

    /// The number of members. Counting reads every word, so it takes time in proportion to `capacity`.
    public var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// Whether the set has no members.
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
    ///
    /// - Parameter other: a set with the same capacity as this one; a different capacity is a precondition failure.
    public mutating func formUnion(_ other: BitSet) {
        precondition(other.capacity == capacity, "bit sets of different sizes")
        for index in words.indices { words[index] |= other.words[index] }
    }
}
