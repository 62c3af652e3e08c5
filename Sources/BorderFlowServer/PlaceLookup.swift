import BorderFlow
import Synchronization

/// Place names as requests type them, resolved once each: `Dataset.place(named:)` folds the case and accents of
/// the text typed (tens of microseconds, a fair part of a route request), while the dataset never changes, so
/// the same text always names the same place.
final class PlaceLookup: Sendable {
    private let dataset: Dataset
    private let resolved = Mutex<[String: String]>([:])
    /// Texts remembered at most; past it the memory starts again, so no request can make it grow without end.
    private let rememberedAtMost = 4_096

    init(dataset: Dataset) {
        self.dataset = dataset
    }

    /// The place a text names, as `Dataset.place(named:)` finds it.
    ///
    /// - Parameter text: a place id or name as typed.
    /// - Returns: the place's id.
    /// - Throws: the `LookupError` of `Dataset.place(named:)`; a refusal is not remembered.
    func placeID(named text: String) throws -> String {
        if let id = resolved.withLock({ $0[text] }) { return id }
        let id = try dataset.place(named: text).id
        let limit = rememberedAtMost
        resolved.withLock { memory in
            if memory.count >= limit { memory.removeAll(keepingCapacity: true) }
            memory[text] = id
        }
        return id
    }
}
