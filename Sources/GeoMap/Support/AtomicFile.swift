#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that readers see either the old file or the whole new one: the bytes go to a
/// temporary file in the same directory, are flushed, and the temporary file is renamed over the
/// target. On any failure the temporary file is removed and the target is untouched.
public func writeAtomically(_ bytes: [UInt8], to path: String, overwrite: Bool = true) throws {
    var writer = try AtomicFileWriter(path: path, overwrite: overwrite)
    try writer.write(bytes)
    try writer.commit()
}

/// A file being written atomically, in pieces (see `writeAtomically`).
public struct AtomicFileWriter: ~Copyable {
    public let path: String
    let temporaryPath: String
    let overwrite: Bool
    private var descriptor: Int32
    private var buffer: [UInt8] = []

    public init(path: String, overwrite: Bool) throws {
        self.path = path
        self.overwrite = overwrite
        if !overwrite && GazetteerFiles.exists(path) {
            throw GeoMapError.io(path: path, reason: "already exists (use --force to overwrite)")
        }
        let directory = GazetteerFiles.parent(of: path)
        var template = Array((directory + "/.geomap-tmp-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw GeoMapError.io(path: path, reason: "cannot write: " + systemErrorDescription()) }
        self.descriptor = descriptor
        temporaryPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
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
                let reason = systemErrorDescription()
                abandon()
                throw GeoMapError.io(path: path, reason: "cannot write: " + reason)
            }
            written += result
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, syncs and renames the temporary file over the target.
    public consuming func commit() throws {
        try flush()
        if fsync(descriptor) != 0 && errno != EINVAL {
            let reason = systemErrorDescription()
            abandon()
            throw GeoMapError.io(path: path, reason: "cannot write: " + reason)
        }
        fchmod(descriptor, 0o644)
        close(descriptor)
        descriptor = -1
        if !overwrite {
            // link() fails if the target appeared meanwhile; never clobber it.
            if link(temporaryPath, path) != 0 {
                let reason = systemErrorDescription()
                unlink(temporaryPath)
                throw GeoMapError.io(path: path, reason: errno == EEXIST ? "already exists (use --force to overwrite)" : "cannot write: " + reason)
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
        unlink(temporaryPath)
    }

    deinit {
        if descriptor >= 0 {
            close(descriptor)
            unlink(temporaryPath)
        }
    }
}
