import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Holds SIGINT, SIGTERM and SIGHUP while a piece of work that must not stop half-way runs, then delivers the
/// first one that came.
///
/// Blocking the signals in one thread is not enough: the process's other threads would take them. So while
/// the work runs, each signal's action is a handler that only notes it; afterwards the old actions come back
/// and a noted signal is raised again, ending the process as it would have.
enum InterruptHold {
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// One holder at a time: the actions are the whole process's.
    private static let lock = NSLock()

    /// Runs the work with the signals held.
    ///
    /// - Parameters:
    ///   - deliver: what to do with the first signal held, once the old actions are back: raise it again.
    ///   - work: what must finish, or fail, whole.
    /// - Returns: what the work returns.
    /// - Throws: what the work throws.
    static func holding<T>(deliver: (Int32) -> Void = { raise($0) }, _ work: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        heldSignal = 0
        var previous: [sigaction] = []
        for signal in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in if heldSignal == 0 { heldSignal = signal } }
            sigemptyset(&action.sa_mask)
            var old = sigaction()
            sigaction(signal, &action, &old)
            previous.append(old)
        }
        defer {
            for (signal, old) in zip(signals, previous) {
                var old = old
                sigaction(signal, &old, nil)
            }
            if heldSignal != 0 { deliver(heldSignal) }
        }
        return try work()
    }
}

/// The first signal that came while held; 0 for none. Written only by the handler and by `holding`, under its lock.
nonisolated(unsafe) private var heldSignal: Int32 = 0
