import CGeos
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Owns one reentrant GEOS context. Each thread gets its own through `GEOSContext.current`;
/// the context is finished when the thread exits (or never, for a thread that never ends).
///
/// GEOS reports errors and notices through callbacks; they are kept here and turned into thrown
/// `GEOSError`s by the caller of the failing function, never printed.
final class GEOSContext {
    let handle: GEOSContextHandle_t
    private(set) var lastError: String?
    private(set) var lastNotice: String?

    private init?() {
        guard let handle = GEOS_init_r() else { return nil }
        self.handle = handle
        let owner = Unmanaged.passUnretained(self).toOpaque()
        GEOSContext_setErrorMessageHandler_r(handle, { message, owner in
            guard let owner else { return }
            Unmanaged<GEOSContext>.fromOpaque(owner).takeUnretainedValue().lastError =
                message.map { String(cString: $0) } ?? "unknown error"
        }, owner)
        GEOSContext_setNoticeMessageHandler_r(handle, { message, owner in
            guard let owner else { return }
            Unmanaged<GEOSContext>.fromOpaque(owner).takeUnretainedValue().lastNotice = message.map { String(cString: $0) }
        }, owner)
    }

    deinit {
        GEOS_finish_r(handle)
    }

    /// The calling thread's context, created on first use.
    static func current() throws -> GEOSContext {
        let key = threadKey
        if let stored = pthread_getspecific(key) {
            return Unmanaged<GEOSContext>.fromOpaque(stored).takeUnretainedValue()
        }
        guard let context = GEOSContext() else {
            throw GEOSError(operation: "GEOS_init_r", message: "could not create a GEOS context")
        }
        pthread_setspecific(key, Unmanaged.passRetained(context).toOpaque())
        return context
    }

    /// Releases the thread's context when the thread exits.
    private static let threadKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { stored in
            guard let stored else { return }
            Unmanaged<GEOSContext>.fromOpaque(stored).release()
        }
        return key
    }()

    /// Clears the captured messages; call before a GEOS function whose failure you will report.
    func resetMessages() {
        lastError = nil
        lastNotice = nil
    }

    /// The error for a failed GEOS call, with the message GEOS reported.
    func failure(_ operation: String) -> GEOSError {
        GEOSError(operation: operation, message: lastError ?? lastNotice ?? "no message from GEOS")
    }

    /// Turns GEOS's tri-state predicate result (0, 1, 2 = exception) into a Bool or a thrown error.
    func predicateResult(_ value: CChar, _ operation: String) throws -> Bool {
        switch value {
        case 0: return false
        case 1: return true
        default: throw failure(operation)
        }
    }
}
