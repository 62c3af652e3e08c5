import Dispatch

/// Long computations (a diversion takes a tenth of a second or more, building a model seconds) run on
/// Dispatch's threads rather than Swift concurrency's few, so that a diversion in progress never holds up
/// the route requests queued behind it.
enum BackgroundWork {
    private static let queue = DispatchQueue(label: "borderflow.server.background", attributes: .concurrent)

    /// Runs `work` on a Dispatch thread and waits for it without blocking the caller's thread.
    ///
    /// - Parameter work: the computation.
    /// - Returns: what it returns.
    /// - Throws: what it throws.
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// Runs `work`, which cannot fail, on a Dispatch thread and waits for it without blocking the caller's thread.
    ///
    /// - Parameter work: the computation.
    /// - Returns: what it returns.
    static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: work()) }
        }
    }
}
