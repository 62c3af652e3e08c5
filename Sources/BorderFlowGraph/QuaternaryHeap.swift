/// A min-heap with four children per node, for decrease-key-free Dijkstra: a search pushes a node again
/// when it finds it cheaper and skips the stale entry when it comes out. Four children halve the depth of a
/// binary heap, and the four are adjacent in memory, so a sift-down reads one cache line per level.
///
/// The storage is kept between searches; `removeAll()` empties the heap without freeing it.
struct QuaternaryHeap<Element: Comparable> {
    private(set) var elements: [Element] = []

    var isEmpty: Bool { elements.isEmpty }

    mutating func removeAll() { elements.removeAll(keepingCapacity: true) }

    mutating func insert(_ element: Element) {
        elements.append(element)
        elements.withUnsafeMutableBufferPointer { heap in
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) >> 2
                guard element < heap[parent] else { break }
                heap[child] = heap[parent]
                child = parent
            }
            heap[child] = element
        }
    }

    mutating func popMin() -> Element? {
        guard let last = elements.popLast() else { return nil }
        guard !elements.isEmpty else { return last }
        return elements.withUnsafeMutableBufferPointer { heap in
            let minimum = heap[0]
            let count = heap.count
            var hole = 0
            while true {
                let first = 4 * hole + 1
                guard first < count else { break }
                // The smallest of up to four children.
                var smallest = first
                let end = min(first + 4, count)
                var child = first + 1
                while child < end {
                    if heap[child] < heap[smallest] { smallest = child }
                    child += 1
                }
                guard heap[smallest] < last else { break }
                heap[hole] = heap[smallest]
                hole = smallest
            }
            heap[hole] = last
            return minimum
        }
    }
}

/// A queue entry that does not fit in 64 bits: a key past what `PackedEntry` holds for the graph's node count.
/// Ordered as `PackedEntry` is, by key and then node, so both queues settle nodes in the same order.
struct WideEntry: Comparable {
    var key: UInt64
    var node: Int32

    static func < (lhs: WideEntry, rhs: WideEntry) -> Bool {
        lhs.key != rhs.key ? lhs.key < rhs.key : lhs.node < rhs.node
    }
}
