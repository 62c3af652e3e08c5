/// A min-heap with four children per node, for decrease-key-free Dijkstra: a search pushes a node again
/// when it finds it cheaper and skips the stale entry when it comes out. Four children halve the depth of a
/// binary heap, and the four are adjacent in memory, so a sift-down reads one cache line per level.
///
/// Plain memory rather than an array, so that pushes and pops pay no uniqueness or bounds checks; the storage
/// is kept between searches, and `removeAll()` empties the heap without freeing it.
final class QuaternaryHeap<Element: Comparable> {
    private var storage: UnsafeMutablePointer<Element>
    private var capacity: Int
    private(set) var count = 0

    init() {
        capacity = 64
        storage = .allocate(capacity: capacity)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    var isEmpty: Bool { count == 0 }

    func removeAll() {
        storage.deinitialize(count: count)
        count = 0
    }

    @inline(__always)
    func insert(_ element: Element) {
        if count == capacity { grow() }
        var child = count
        count += 1
        while child > 0 {
            let parent = (child &- 1) >> 2
            let above = storage[parent]
            guard element < above else { break }
            (storage + child).initialize(to: above)
            (storage + parent).deinitialize(count: 1)
            child = parent
        }
        (storage + child).initialize(to: element)
    }

    /// The least element, left in place.
    var min: Element? { count > 0 ? storage[0] : nil }

    @inline(__always)
    func popMin() -> Element? {
        guard count > 0 else { return nil }
        count -= 1
        let minimum = storage.move()
        guard count > 0 else { return minimum }
        let last = (storage + count).move()
        let heap = storage
        let count = self.count
        var hole = 0
        while true {
            let first = 4 &* hole &+ 1
            guard first < count else { break }
            // The smallest of up to four children; all four in the common case, compared without a loop.
            var smallest = first
            if first &+ 3 < count {
                let left = heap[first + 1] < heap[first] ? first + 1 : first
                let right = heap[first + 3] < heap[first + 2] ? first + 3 : first + 2
                smallest = heap[right] < heap[left] ? right : left
            } else {
                var child = first + 1
                while child < count {
                    if heap[child] < heap[smallest] { smallest = child }
                    child += 1
                }
            }
            guard heap[smallest] < last else { break }
            (heap + hole).initialize(to: (heap + smallest).move())
            hole = smallest
        }
        (heap + hole).initialize(to: last)
        return minimum
    }

    private func grow() {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: storage, count: count)
        storage.deallocate()
        storage = larger
        capacity *= 2
    }
}

/// A queue entry that does not fit in 64 bits: a key past what `PackedQueue` holds for the graph's node count.
/// Ordered as `PackedQueue` entries are, by key and then node, so both queues settle nodes in the same order.
struct WideEntry: Comparable {
    var key: UInt64
    var node: Int32

    static func < (lhs: WideEntry, rhs: WideEntry) -> Bool {
        lhs.key != rhs.key ? lhs.key < rhs.key : lhs.node < rhs.node
    }
}
