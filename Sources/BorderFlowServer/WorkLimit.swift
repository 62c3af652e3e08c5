import Synchronization

/// At most so many long computations at once; the others wait their turn without holding a thread. With
/// two cores, a dozen diversions (or one asking for thousands of uncertainty draws) running side by side would
/// only slow each other and every route request down.
final class WorkLimit: Sendable {
    private struct State {
        var running = 0
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())
    private let limit: Int

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Runs `work` once fewer than `limit` others are running.
    ///
    /// - Parameter work: the computation.
    /// - Returns: what it returns.
    /// - Throws: what it throws.
    func run<T: Sendable>(_ work: () async throws -> T) async throws -> T {
        await withCheckedContinuation { continuation in
            let admitted = state.withLock { state in
                if state.running < limit {
                    state.running += 1
                    return true
                }
                state.waiting.append(continuation)
                return false
            }
            if admitted { continuation.resume() }
        }
        defer {
            // The turn passes to the first waiting, or the slot is freed.
            let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
                if state.waiting.isEmpty {
                    state.running -= 1
                    return nil
                }
                return state.waiting.removeFirst()
            }
            next?.resume()
        }
        return try await work()
    }
}
