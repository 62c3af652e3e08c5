import Foundation

/// The match keys of every place's id, name and other names (`NameMatching`), folded once, on the first
/// lookup by name, and kept: folding case and accents with Foundation takes some 13 µs a name, so folding
/// all of them on each lookup made `Dataset.place(named:)` cost some 17 ms on the bundled places.
///
/// Built on first use rather than when the dataset loads, so that commands that look up no name pay nothing.
/// Copies of a dataset share it; its places never change.
final class PlaceNameKeys: @unchecked Sendable {
    /// One place's keys.
    struct Keys: Sendable {
        /// The id's key.
        let id: String
        /// The name's key.
        let name: String
        /// The name's key without a leading honorific ("Heroica", "Ciudad").
        let nameWithoutHonorific: String
        /// Each other name's key, and its key without a leading honorific.
        let alternates: [(key: String, withoutHonorific: String)]
    }

    private let lock = NSLock()
    // Guarded by `lock`.
    private var built: [Keys]?

    /// Every place's keys, in the places' order; folded on the first call.
    ///
    /// - Parameter places: the dataset's places, the same on every call.
    /// - Returns: one `Keys` per place.
    func keys(of places: [Place]) -> [Keys] {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        let keys = places.map { place in
            Keys(id: NameMatching.key(place.id), name: NameMatching.key(place.name),
                 nameWithoutHonorific: NameMatching.keyWithoutHonorific(place.name),
                 alternates: place.alternateNames.map { (NameMatching.key($0), NameMatching.keyWithoutHonorific($0)) })
        }
        built = keys
        return keys
    }
}
