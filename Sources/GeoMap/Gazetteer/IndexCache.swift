#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The index bytes: mapped from the cache, or held in memory when no cache can be written.
final class IndexStorage: @unchecked Sendable {
    let path: String
    private let mapped: MappedFile?
    private let owned: UnsafeMutableRawBufferPointer?

    init(mapped: MappedFile) {
        path = mapped.path
        self.mapped = mapped
        owned = nil
    }

    init(bytes: [UInt8], description: String) {
        path = description
        mapped = nil
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        bytes.withUnsafeBytes { buffer.copyMemory(from: $0) }
        owned = buffer
    }

    var bytes: UnsafeRawBufferPointer {
        if let mapped { return mapped.bytes }
        return UnsafeRawBufferPointer(owned!)
    }

    deinit { owned?.deallocate() }
}

/// Finds or builds the derived index for a gazetteer directory. The index lives in the cache
/// directory under the hash of the gazetteer's contents; a small memo keyed by the files' sizes
/// and modification times saves hashing the contents on every start.
enum IndexCache {
    static let formatTag = "8"

    static func cacheDirectory() -> String? {
        func env(_ name: String) -> String? {
            guard let value = getenv(name) else { return nil }
            let string = String(cString: value)
            return string.isEmpty ? nil : string
        }
        if let explicit = env("GEOMAP_CACHE") { return explicit }
        if let xdg = env("XDG_CACHE_HOME") { return xdg + "/geomap" }
        if let home = env("HOME") { return home + "/.cache/geomap" }
        return nil
    }

    static func open(files: GazetteerFiles, cacheDirectory directoryOverride: String? = nil) throws -> IndexStorage {
        let statKey = try statFingerprint(files)
        guard let directory = directoryOverride ?? cacheDirectory(), makeDirectories(directory) else {
            return try buildInMemory(files)
        }
        let memoPath = directory + "/stat-\(hex(statKey))-v\(formatTag)"
        let contentHash: UInt64
        if let memo = readSmallFile(memoPath), let value = UInt64(memo, radix: 16) {
            contentHash = value
        } else {
            contentHash = try contentFingerprint(files)
            _ = try? writeAtomically(Array(hex(contentHash).utf8), to: memoPath)
        }
        let indexPath = directory + "/index-\(hex(contentHash))-v\(formatTag).bin"
        if let mapped = try? MappedFile(path: indexPath), isValid(mapped.bytes, fingerprint: contentHash) {
            return IndexStorage(mapped: mapped)
        }
        let bytes = try IndexBuilder.build(files: files, fingerprint: contentHash)
        do {
            try write(bytes, to: indexPath)
            return IndexStorage(mapped: try MappedFile(path: indexPath))
        } catch {
            return IndexStorage(bytes: bytes, description: "in-memory index of \(files.directory)")
        }
    }

    static func buildInMemory(_ files: GazetteerFiles) throws -> IndexStorage {
        let fingerprint = try contentFingerprint(files)
        return IndexStorage(bytes: try IndexBuilder.build(files: files, fingerprint: fingerprint),
                            description: "in-memory index of \(files.directory)")
    }

    /// Writes the index atomically, in pieces the writer's buffer holds without growing (the index
    /// is tens of megabytes; one piece would be copied whole into fresh memory first).
    static func write(_ bytes: [UInt8], to path: String) throws {
        var writer = try AtomicFileWriter(path: path, overwrite: true)
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + 1 << 16)
            try writer.write(bytes[start..<end])
            start = end
        }
        try writer.commit()
    }

    static func isValid(_ bytes: UnsafeRawBufferPointer, fingerprint: UInt64) -> Bool {
        bytes.count >= IndexLayout.headerSize && Array(bytes[0..<8]) == IndexLayout.magic
            && bytes.load(at: IndexLayout.Header.fingerprint, as: UInt64.self) == fingerprint
    }

    static func statFingerprint(_ files: GazetteerFiles) throws -> UInt64 {
        var hash = NameHash.seed
        for path in files.indexInputs {
            var status = stat()
            let values: [Int64]
            if stat(path, &status) == 0 {
                values = [Int64(status.st_size), Int64(status.st_mtim.tv_sec), Int64(status.st_mtim.tv_nsec),
                          Int64(bitPattern: UInt64(status.st_ino))]
            } else {
                values = [-1]
            }
            for byte in path.utf8 { hash = NameHash.add(byte, to: hash) }
            for value in values { withUnsafeBytes(of: value) { for byte in $0 { hash = NameHash.add(byte, to: hash) } } }
        }
        return hash
    }

    /// A 64-bit hash of the contents of every input file, a word at a time.
    static func contentFingerprint(_ files: GazetteerFiles) throws -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(formatTag.utf8.first!)
        for path in files.indexInputs {
            guard GazetteerFiles.exists(path) else {
                hash = (hash ^ 0xFF) &* 0x100000001b3
                continue
            }
            let file = try MappedFile(path: path)
            let bytes = file.bytes
            var k = 0
            while k + 8 <= bytes.count {
                hash = (hash ^ bytes.loadUnaligned(fromByteOffset: k, as: UInt64.self)) &* 0xff51afd7ed558ccd
                hash ^= hash >> 32
                k += 8
            }
            while k < bytes.count {
                hash = (hash ^ UInt64(bytes[k])) &* 0x100000001b3
                k += 1
            }
            hash = (hash ^ UInt64(bytes.count)) &* 0xc4ceb9fe1a85ec53
        }
        return hash
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    static func readSmallFile(_ path: String) -> String? {
        guard let file = try? MappedFile(path: path), file.bytes.count < 64 else { return nil }
        return String(decoding: file.bytes, as: UTF8.self)
    }

    static func makeDirectories(_ path: String) -> Bool {
        var status = stat()
        if stat(path, &status) == 0 { return (status.st_mode & S_IFMT) == S_IFDIR && access(path, W_OK) == 0 }
        let parent = GazetteerFiles.parent(of: path)
        if parent != path && !makeDirectories(parent) && !GazetteerFiles.exists(parent) { return false }
        return mkdir(path, 0o755) == 0 || (stat(path, &status) == 0 && access(path, W_OK) == 0)
    }
}

extension Gazetteer {
    /// Opens the gazetteer in `files`, building its index on first use into `cacheDirectory`
    /// (by default `$GEOMAP_CACHE`, `$XDG_CACHE_HOME/geomap` or `~/.cache/geomap`).
    public static func open(_ files: GazetteerFiles, cacheDirectory: String? = nil) throws -> Gazetteer {
        try Gazetteer(files: files, index: IndexCache.open(files: files, cacheDirectory: cacheDirectory))
    }

    /// Opens the gazetteer found by `GazetteerFiles.locate`.
    public static func open(explicitDirectory: String? = nil, executablePath: String? = nil) throws -> Gazetteer {
        try open(GazetteerFiles.locate(explicit: explicitDirectory, executablePath: executablePath))
    }
}
