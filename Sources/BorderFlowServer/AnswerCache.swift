import Synchronization

/// Answers already given, by the exact query that asked for them. The dataset never changes while the server
/// runs, so a route asked again (a page redrawing it, a user toggling a closure back) is the same text: it is
/// sent from memory rather than searched and written again, which costs a millisecond of CPU.
final class AnswerCache: Sendable {
    private struct Memory {
        var answers: [String: String] = [:]
        var bytes = 0
    }

    private let memory = Mutex(Memory())
    /// The most bytes of answers kept; past it the memory starts again, so that no stream of distinct
    /// queries makes the server grow without end.
    let capacityBytes: Int

    init(capacityBytes: Int) {
        self.capacityBytes = capacityBytes
    }

    /// The answer given before to this query, if any.
    func answer(to query: String) -> String? {
        memory.withLock { $0.answers[query] }
    }

    /// Remembers an answer.
    func remember(_ answer: String, for query: String) {
        let size = answer.utf8.count + query.utf8.count
        guard size <= capacityBytes else { return }
        let capacity = capacityBytes
        memory.withLock { memory in
            if memory.bytes + size > capacity { memory = Memory() }
            if memory.answers.updateValue(answer, forKey: query) == nil { memory.bytes += size }
        }
    }
}
