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
        try write(string.utf8)
    }

    private mutating func flush() throws {
        var written = 0
        while written < buffer.count {
            let result = writeSome(descriptor, buffer, from: written)
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

extension TemporaryFiles {
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

