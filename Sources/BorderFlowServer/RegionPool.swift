import BorderFlow
import BorderFlowSpatial
import Synchronization

/// `BorderRegion`s lent to requests one at a time: a region owns a GEOS context and PROJ transformers,
/// which serve one thread at a time, and building one takes milliseconds, so finished ones are kept for the
/// next request rather than built anew.
final class RegionPool: Sendable {
    /// A region handed between tasks. Only the task that took it from the pool uses it until it is put back,
    /// so no two threads ever use one at once.
    private final class Lent: @unchecked Sendable {
        let region: BorderRegion
        init(_ region: BorderRegion) { self.region = region }
    }

    private let idle = Mutex<[Lent]>([])
    private let dataset: Dataset
    private let workingCRS: CoordinateReferenceSystem
    /// As many idle regions as are kept: one per core is enough, more would only hold memory.
    private let keptAtMost = 8

    init(dataset: Dataset, workingCRS: CoordinateReferenceSystem) {
        self.dataset = dataset
        self.workingCRS = workingCRS
    }

    /// Runs `body` with a region no other task is using.
    ///
    /// - Parameter body: what to do with the region; it must not keep it.
    /// - Returns: what `body` returns.
    /// - Throws: what building a region or `body` throws.
    func withRegion<T>(_ body: (BorderRegion) throws -> T) throws -> T {
        let lent = try idle.withLock { $0.popLast() }
            ?? Lent(BorderRegion(sectors: dataset.sectors, boundary: dataset.boundary, workingCRS: workingCRS))
        defer { idle.withLock { if $0.count < keptAtMost { $0.append(lent) } } }
        return try body(lent.region)
    }
}
