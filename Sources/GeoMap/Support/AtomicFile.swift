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
        guard let made = TemporaryFiles.make(in: directory, directory: false) else {
            throw GeoMapError.io(path: path, reason: "cannot write: " + systemErrorDescription())
        }
        _ = fcntl(made.descriptor, F_SETFD, FD_CLOEXEC)
        self.descriptor = made.descriptor
        temporaryPath = made.path
        cleanupSlot = made.slot
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
        // A parent may have started us with these signals blocked (Foundation's Process does):
        // then an interrupt would never arrive, neither to clean up nor to stop.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&unblock, signalNumber) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        return slots
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
        _ = slots  // installs the handlers before the first file exists
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

    /// The process id in a temporary name of ours, or nil for a name of another form.
    static func owner(ofName name: String) -> pid_t? {
        guard name.hasPrefix(prefix) else { return nil }
        let rest = name.utf8.dropFirst(prefix.utf8.count)
        guard let dash = rest.firstIndex(of: UInt8(ascii: "-")) else { return nil }
        return pid_t(String(decoding: rest[..<dash], as: UTF8.self))
    }

    /// Whether `name` is a temporary name left by a process that is gone: ours in form, and its
    /// process no longer running. With `includingUnnumbered`, also the `.geomap-tmp-XXXXXX` of
    /// earlier versions, which carry no process id (only safe where nothing else writes).
    static func isStale(_ name: String, includingUnnumbered: Bool = false) -> Bool {
        guard name.hasPrefix(prefix) else { return false }
        guard let pid = owner(ofName: name) else { return includingUnnumbered }
        if pid == getpid() { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }

    /// Removes the stale temporary files and directories of `directory` (see `isStale`); a
    /// stale directory loses the files a GeoMap run writes there and goes if that empties it.
    static func removeStale(in directory: String, includingUnnumbered: Bool = false) {
        for name in DirectoryEntries.names(in: directory) where isStale(name, includingUnnumbered: includingUnnumbered) {
            let path = directory + "/" + name
            var status = stat()
            guard lstat(path, &status) == 0 else { continue }
            if (status.st_mode & S_IFMT) == S_IFDIR {
                for inner in DirectoryEntries.names(in: path) where StagingDirectory.isOwnFileName(inner) {
                    unlink(path + "/" + inner)
                }
                rmdir(path)
            } else {
                unlink(path)
            }
        }
    }
}

/// The names in a directory, `.` and `..` left out; empty if it cannot be read.
enum DirectoryEntries {
    static func names(in directory: String) -> [String] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = self.name(of: entry)
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// The name of a `readdir` entry.
    static func name(of entry: UnsafeMutablePointer<dirent>) -> String {
        withUnsafeBytes(of: entry.pointee.d_name) { raw -> String in
            let bytes = raw.bindMemory(to: UInt8.self)
            let end = bytes.firstIndex(of: 0) ?? bytes.count
            return String(decoding: bytes[..<end], as: UTF8.self)
        }
    }
}
