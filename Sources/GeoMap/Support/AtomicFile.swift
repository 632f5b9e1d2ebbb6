#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that readers see either the old file or the whole new one: the bytes go to a
/// temporary file in the same directory, are flushed, and the temporary file is renamed over the
/// target. On any failure — a write error such as a full disk, or SIGINT/SIGTERM/SIGHUP — the
/// temporary file is removed and the target is untouched.
public func writeAtomically(_ bytes: [UInt8], to path: String, overwrite: Bool = true) throws {
    var writer = try AtomicFileWriter(path: path, overwrite: overwrite)
    try writer.write(bytes)
    try writer.commit()
}

/// A file being written atomically, in pieces (see `writeAtomically`). A target that exists and is
/// not a regular file — a terminal, a pipe, `/dev/null`, `/dev/stdout` — cannot be replaced by a
/// rename, so it is written straight through, without `--force`.
public struct AtomicFileWriter: ~Copyable {
    public let path: String
    let temporaryPath: String?
    let overwrite: Bool
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private var cleanupSlot: Int?

    public init(path: String, overwrite: Bool) throws {
        self.path = path
        self.overwrite = overwrite
        var status = stat()
        if stat(path, &status) == 0 {
            let type = status.st_mode & S_IFMT
            if type == S_IFDIR { throw GeoMapError.io(path: path, reason: "cannot write: is a directory") }
            if type != S_IFREG {
                let descriptor = open(path, O_WRONLY | O_CLOEXEC)
                guard descriptor >= 0 else { throw GeoMapError.io(path: path, reason: "cannot write: " + systemErrorDescription()) }
                self.descriptor = descriptor
                temporaryPath = nil
                return
            }
            if !overwrite { throw GeoMapError.io(path: path, reason: "already exists (use --force to overwrite)") }
        }
        let directory = GazetteerFiles.parent(of: path)
        var template = Array((directory + "/.geomap-tmp-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw GeoMapError.io(path: path, reason: "cannot write: " + systemErrorDescription()) }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        self.descriptor = descriptor
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        temporaryPath = temporary
        cleanupSlot = TemporaryFiles.register(temporary)
        buffer.reserveCapacity(1 << 16)
    }

    public mutating func write(_ bytes: some Collection<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { try flush() }
    }

    public mutating func write(_ string: String) throws {
        var copy = string
        try copy.withUTF8 { try write($0) }
    }

    private mutating func flush() throws {
        var written = 0
        while written < buffer.count {
            let result = buffer.withUnsafeBytes { raw in
                Glibc.write(descriptor, raw.baseAddress! + written, raw.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                try fail()
            }
            written += result
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Removes the temporary file and throws the error in `errno`, naming the target.
    private mutating func fail() throws -> Never {
        let reason = systemErrorDescription()
        abandon()
        let what = temporaryPath == nil ? "cannot write: " : "cannot write (nothing written): "
        throw GeoMapError.io(path: path, reason: what + reason)
    }

    /// Flushes, syncs and renames the temporary file over the target.
    public consuming func commit() throws {
        try flush()
        guard let temporaryPath else {
            close(descriptor)
            descriptor = -1
            return
        }
        // fsync reports write errors the kernel deferred (a full disk on some file systems).
        if fsync(descriptor) != 0 && errno != EINVAL { try fail() }
        fchmod(descriptor, 0o644)
        if close(descriptor) != 0 {
            descriptor = -1
            try fail()
        }
        descriptor = -1
        defer { forget() }
        if !overwrite {
            // link() fails if the target appeared meanwhile; never clobber it.
            if link(temporaryPath, path) != 0 {
                let reason = errno == EEXIST ? "already exists (use --force to overwrite)" : "cannot write: " + systemErrorDescription()
                unlink(temporaryPath)
                throw GeoMapError.io(path: path, reason: reason)
            }
            unlink(temporaryPath)
            return
        }
        if rename(temporaryPath, path) != 0 {
            let reason = systemErrorDescription()
            unlink(temporaryPath)
            throw GeoMapError.io(path: path, reason: "cannot write: " + reason)
        }
    }

    private mutating func abandon() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        if let temporaryPath { unlink(temporaryPath) }
        forget()
    }

    private mutating func forget() {
        if let cleanupSlot { TemporaryFiles.unregister(cleanupSlot) }
        cleanupSlot = nil
    }

    deinit {
        if descriptor >= 0 {
            close(descriptor)
            if let temporaryPath { unlink(temporaryPath) }
        }
        if let cleanupSlot { TemporaryFiles.unregister(cleanupSlot) }
    }
}

/// The temporary files being written, removed by a signal handler if the process is interrupted
/// (SIGINT, SIGTERM, SIGHUP), which then dies of the signal as it would have. The table is fixed
/// and written with plain C strings so that the handler only reads memory and calls `unlink`.
enum TemporaryFiles {
    static let capacity = 64
    nonisolated(unsafe) private static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        slots.initialize(repeating: nil, count: capacity)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signalNumber in
                for k in 0..<TemporaryFiles.capacity {
                    if let path = TemporaryFiles.slots[k] { unlink(path) }
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
        // A parent may have started us with these signals blocked (Foundation's Process does):
        // then an interrupt would never arrive, neither to clean up nor to stop.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&unblock, signalNumber) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        return slots
    }()
    nonisolated(unsafe) private static let lock: UnsafeMutablePointer<pthread_mutex_t> = {
        let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(lock, nil)
        return lock
    }()

    /// Remembers a temporary file; returns its slot, or nil if the table is full (the file is then
    /// still removed on every error, only not on a signal).
    static func register(_ path: String) -> Int? {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        for k in 0..<capacity where slots[k] == nil {
            slots[k] = strdup(path)
            return k
        }
        return nil
    }

    static func unregister(_ slot: Int) {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        let path = slots[slot]
        slots[slot] = nil
        free(path)
    }
}
