import Foundation

/// Independent work over `0..<count` spread over the processor's cores: the range is cut into contiguous
/// chunks, the chunks run at once, and their results come back in chunk order, so what is built from them
/// does not depend on which thread ran what.
enum ConcurrentChunks {
    /// Chunks per core: enough that a core finishing early takes another instead of waiting for the slowest.
    static let chunksPerCore = 4

    /// Runs `body` on each chunk of `0..<count` and returns the results in order.
    ///
    /// - Parameters:
    ///   - count: how many items there are.
    ///   - minimumChunk: the fewest items worth a chunk of their own (below it, the thread costs more than it saves).
    ///   - body: the work on one chunk of items; it must only read what it shares with other chunks.
    /// - Returns: one result per chunk, first chunk first (one chunk, perhaps empty, when there is little to do).
    static func map<Result>(_ count: Int, minimumChunk: Int, _ body: @Sendable (Range<Int>) -> Result) -> [Result] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let chunks = max(1, min(cores * chunksPerCore, count / max(1, minimumChunk)))
        guard chunks > 1 else { return [body(0..<count)] }
        let results = Results<Result>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            results.set(chunk, body((count * chunk / chunks)..<(count * (chunk + 1) / chunks)))
        }
        return results.all()
    }

    /// The chunks' results, each set once by whichever thread ran it.
    private final class Results<Result>: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [Result?]

        init(count: Int) { results = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ result: Result) {
            lock.lock()
            defer { lock.unlock() }
            results[index] = result
        }

        func all() -> [Result] {
            lock.lock()
            defer { lock.unlock() }
            return results.map { $0! }
        }
    }
}
