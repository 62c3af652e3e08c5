import CPROJ

/// Owns one `PJ_CONTEXT` and the objects created in it.
///
/// PROJ contexts are not thread-safe: a context, and every `PJ` made in it, must be used by one thread at a
/// time. This class is deliberately not `Sendable`; each transformer owns its own context, so a transformer
/// may be handed from one task to another but never used by two at once. Create one per thread or task.
final class ProjContext {
    let handle: OpaquePointer
    private let log: ProjLog

    init() {
        handle = proj_context_create()
        log = ProjLog()
        // PROJ writes errors to stderr by default; keep them and put them in the thrown error instead.
        proj_log_level(handle, PJ_LOG_ERROR)
        proj_log_func(handle, Unmanaged.passUnretained(log).toOpaque()) { appData, _, message in
            guard let appData, let message else { return }
            let log = Unmanaged<ProjLog>.fromOpaque(appData).takeUnretainedValue()
            log.lastMessage = String(cString: message)
        }
    }

    deinit {
        proj_context_destroy(handle)
    }

    /// The best description PROJ has of the last failure in this context.
    func lastErrorMessage() -> String {
        let code = proj_context_errno(handle)
        var parts: [String] = []
        if let message = log.lastMessage, !message.isEmpty { parts.append(message) }
        if code != 0, let text = proj_context_errno_string(handle, code) {
            let string = String(cString: text)
            if !parts.contains(where: { $0.contains(string) }) { parts.append(string) }
        }
        return parts.isEmpty ? "PROJ gave no reason" : parts.joined(separator: "; ")
    }

    func resetErrors() {
        log.lastMessage = nil
    }

    /// Creates a PROJ object (a CRS or an operation) from a definition, or throws with PROJ's reason.
    func create(_ crs: CoordinateReferenceSystem) throws -> OpaquePointer {
        resetErrors()
        guard !crs.definition.isEmpty else {
            throw SpatialError.unknownCRS(definition: crs.definition, reason: "the definition is empty")
        }
        guard let object = proj_create(handle, crs.definition) else {
            throw SpatialError.unknownCRS(definition: crs.definition, reason: lastErrorMessage())
        }
        return object
    }
}

/// Receives PROJ's log messages for one context.
private final class ProjLog {
    var lastMessage: String?
}
