import Synchronization

/// Answers already given, by the exact query that asked for them. The dataset never changes while the server
/// runs, so a route asked again (a page redrawing it, a user toggling a closure back) is the same text: it is
/// sent from memory rather than searched and written again, which costs a millisecond of CPU.
final class AnswerCache: Sendable {
    /// Two generations of answers: when the newer fills half the capacity it becomes the older, and the older
    /// is let go. Answers asked again stay, the memory stays bounded, and no request waits on freeing them all.
    private struct Memory {
        var newer: [String: String] = [:]
        var older: [String: String] = [:]
        var newerBytes = 0
    }

    private let memory = Mutex(Memory())
    /// The most bytes of answers kept, both generations together, so that no stream of distinct queries makes
    /// the server grow without end.
    let capacityBytes: Int

    init(capacityBytes: Int) {
        self.capacityBytes = capacityBytes
    }

    /// The answer given before to this query, if any.
    func answer(to query: String) -> String? {
        memory.withLock { $0.newer[query] ?? $0.older[query] }
    }

    /// Remembers an answer.
    func remember(_ answer: String, for query: String) {
        let size = answer.utf8.count + query.utf8.count
        let half = capacityBytes / 2
        guard size <= half else { return }
        let retired = memory.withLock { memory -> [String: String] in
            var retired: [String: String] = [:]
            if memory.newerBytes + size > half {
                retired = memory.older
                memory.older = memory.newer
                memory.newer = [:]
                memory.newerBytes = 0
            }
            if memory.newer.updateValue(answer, forKey: query) == nil { memory.newerBytes += size }
            return retired
        }
        // Freed here, outside the lock, so that other requests do not wait for it.
        _ = consume retired
    }
}
