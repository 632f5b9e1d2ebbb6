#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Invariant. The table of temporary paths is C memory that lives for the whole process: a fixed
// array of `capacity` C strings, written only under `lock`, read by the signal handler, which
// calls nothing but `unlink`, `rmdir`, `signal`, `raise` and `pthread_kill` (async-signal-safe).
// A slot holds a `strdup`ed path from `register`/`make` until `unregister` frees it, exactly once.
// Callers guarantee a slot they pass was returned to them and is unregistered once.

/// The temporary files and directories being written, removed by a signal handler if the process
/// is interrupted (SIGINT, SIGTERM, SIGHUP), which then dies of the signal as it would have. The
/// table is fixed and written with plain C strings so that the handler only reads memory and calls
/// `unlink` (every slot) and then `rmdir` (every slot: a directory once its files are gone).
///
/// Temporary names are `.geomap-tmp-<pid>-XXXXXX`: a later run can tell the leftovers of a
/// process that died without cleaning up (SIGKILL, a power cut) from those of one still running,
/// and removes them (`removeStale`).
enum TemporaryFiles {
    static let capacity = 64
    static let prefix = ".geomap-tmp-"
    nonisolated(unsafe) private static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        slots.initialize(repeating: nil, count: capacity)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signalNumber in
                // The kernel may hand the signal to any thread. Cleaning up there would race the
                // thread that writes, which could create its next file after the clean-up and
                // before the process dies; so the writer is interrupted and cleans up itself.
                let writer = TemporaryFiles.writer
                if writer != 0 && pthread_equal(writer, pthread_self()) == 0 {
                    pthread_kill(writer, signalNumber)
                    return
                }
                for k in 0..<TemporaryFiles.capacity {
                    if let path = TemporaryFiles.slots[k] { unlink(path) }
                }
                for k in 0..<TemporaryFiles.capacity {
                    if let path = TemporaryFiles.slots[k] { rmdir(path) }
                }
                signal(signalNumber, SIG_DFL)
                raise(signalNumber)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            var previous = sigaction()
            sigaction(signalNumber, nil, &previous)
            // Leave ignored signals ignored (nohup).
            let ignored = previous.__sigaction_handler.sa_handler.map { unsafeBitCast($0, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) } ?? false
            if !ignored { sigaction(signalNumber, &action, nil) }
        }
        return slots
    }()
    /// The handlers installed, then the signals unblocked: a parent may have started us with them
    /// blocked (Foundation's Process does), and then an interrupt would never arrive, neither to
    /// clean up nor to stop. Unblocked only once `slots` is initialized: a signal that was pending
    /// arrives at once, and a handler that found `slots` still being initialized on its own
    /// thread would wait for itself for ever.
    private static let handlersReady: Bool = {
        _ = slots
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&unblock, signalNumber) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        return true
    }()
    /// The thread that last made or registered a temporary file: the one a signal is sent on to.
    nonisolated(unsafe) private static var writer: pthread_t = 0
    nonisolated(unsafe) private static let lock: UnsafeMutablePointer<pthread_mutex_t> = {
        let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(lock, nil)
        return lock
    }()

    /// Remembers a path before the file is created there (with `O_EXCL`, in a directory of our
    /// own); returns its slot, or nil if the table is full (the file is then still removed on
    /// every error, only not on a signal).
    static func register(_ path: String) -> Int? {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        _ = handlersReady
        writer = pthread_self()
        for k in 0..<capacity where slots[k] == nil {
            slots[k] = strdup(path)
            return k
        }
        return nil
    }

    /// The paths registered now (for the tests).
    static func registered() -> [String] {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        return (0..<capacity).compactMap { slots[$0].map { String(cString: $0) } }
    }

    static func unregister(_ slot: Int) {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        let path = slots[slot]
        slots[slot] = nil
        free(path)
    }

    /// Creates a new temporary file (open for writing) or directory in `directory`, registered
    /// before it exists: `mkstemp`/`mkdtemp` fill in the name inside the slot's own buffer, so a
    /// signal at any moment finds it. Nil (with `errno` set) when it cannot be created.
    static func make(in directory: String, directory isDirectory: Bool) -> (descriptor: Int32, path: String, slot: Int?)? {
        let template = directory + "/" + prefix + String(getpid()) + "-XXXXXX"
        pthread_mutex_lock(lock)
        _ = handlersReady  // before the first file exists
        writer = pthread_self()
        var slot: Int?
        for k in 0..<capacity where slots[k] == nil {
            slots[k] = strdup(template)
            slot = k
            break
        }
        let buffer = slot.map { slots[$0]! } ?? strdup(template)!
        pthread_mutex_unlock(lock)
        let descriptor: Int32 = isDirectory ? (mkdtemp(buffer) == nil ? -1 : 0) : mkstemp(buffer)
        let code = errno
        let path = String(cString: buffer)
        if slot == nil { free(buffer) }
        guard descriptor >= 0 else {
            if let slot { unregister(slot) }
            errno = code
            return nil
        }
        return (descriptor, path, slot)
    }
}
