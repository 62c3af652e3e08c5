import CGEOS

/// Owns one GEOS context handle (`GEOS_init_r`) and the error and notice messages GEOS reports through it.
///
/// GEOS contexts are not thread-safe. A context, and every `Geometry`, `PreparedGeometry` and `RegionIndex`
/// made with it, must be used by one thread at a time; none of these types is `Sendable`. Make one context per
/// owner (a loaded border region, a build step, a test) or per thread.
public final class GEOSContext {
    let handle: GEOSContextHandle_t
    private let messages: GEOSMessages

    /// Creates a GEOS context (`GEOS_init_r`) whose error and notice messages are kept, not printed.
    ///
    /// The last error GEOS reported becomes the reason of the next `SpatialError` thrown for this context.
    public init() {
        handle = GEOS_init_r()
        messages = GEOSMessages()
        let box = Unmanaged.passUnretained(messages).toOpaque()
        GEOSContext_setErrorMessageHandler_r(handle, { message, userData in
            guard let message, let userData else { return }
            Unmanaged<GEOSMessages>.fromOpaque(userData).takeUnretainedValue().lastError = String(cString: message)
        }, box)
        GEOSContext_setNoticeMessageHandler_r(handle, { message, userData in
            guard let message, let userData else { return }
            Unmanaged<GEOSMessages>.fromOpaque(userData).takeUnretainedValue().lastNotice = String(cString: message)
        }, box)
    }

    deinit {
        GEOS_finish_r(handle)
    }

    /// The last error GEOS reported, consumed.
    func takeLastError() -> String {
        defer { messages.lastError = nil }
        return messages.lastError ?? "GEOS gave no reason"
    }

    /// Wraps a GEOS result or throws the error GEOS reported for `operation`.
    func wrap(_ pointer: OpaquePointer?, operation: String) throws -> Geometry {
        guard let pointer else {
            throw SpatialError.geometryOperationFailed(operation: operation, reason: takeLastError())
        }
        return Geometry(context: self, handle: pointer)
    }
}

private final class GEOSMessages {
    var lastError: String?
    var lastNotice: String?
}
