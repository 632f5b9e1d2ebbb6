#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The index bytes: mapped from the cache, or held in memory when no cache can be written.
final class IndexStorage: Sendable {
    let path: String
    private let mapped: MappedFile?
    private let owned: OwnedBytes?

    init(mapped: MappedFile) {
        path = mapped.path
        self.mapped = mapped
        owned = nil
    }

    init(bytes: [UInt8], description: String) {
        path = description
        mapped = nil
        owned = OwnedBytes(copying: bytes)
    }

    var bytes: ByteView { mapped?.view ?? owned!.view }

    /// The cache file the bytes are mapped from; nil when they are held in memory.
    var mappedFile: MappedFile? { mapped }
}

/// Finds or builds the derived index for a gazetteer directory. The index lives in the cache
/// directory under its key: a hash of the index format, of the code that makes name keys, and of
/// the contents of every input file (`cacheKey`). A small memo keyed by the files' identities
/// (inode, size, modification and status-change times) saves hashing the contents on every start.
///
/// An index file is trusted only once it has been verified: its checksum and every reference in
/// it (`Gazetteer.verifyIndexContents`). A file that passed is recorded beside it with its
/// identity, so later opens of the same file cost a `stat`; one that fails is rebuilt, with one
/// warning. A read-only cache is read (verified on every open, if it has no record); when nothing
/// can be cached the index is built in memory, with one warning.
enum IndexCache {
    /// Where the index is cached: `$GEOMAP_CACHE`, `$XDG_CACHE_HOME/geomap`, `$HOME/.cache/geomap`,
    /// or the account's home directory (from the password database) when `HOME` is unset.
    static func cacheDirectory() -> String? {
        func env(_ name: String) -> String? {
            guard let value = getenv(name) else { return nil }
            let string = String(cString: value)
            return string.isEmpty ? nil : string
        }
        if let explicit = env("GEOMAP_CACHE") { return explicit }
        if let xdg = env("XDG_CACHE_HOME") { return xdg + "/geomap" }
        if let home = env("HOME") ?? accountHome() { return home + "/.cache/geomap" }
        return nil
    }

    static func accountHome() -> String? {
        guard let entry = getpwuid(geteuid()), let directory = entry.pointee.pw_dir else { return nil }
        let home = String(cString: directory)
        return home.isEmpty || home == "/nonexistent" ? nil : home
    }

    /// The warning given when a gazetteer is opened with no warning handler.
    static func printWarning(_ message: String) { writeToStandardError("geomap: warning: \(message)\n") }

    /// Opens the gazetteer in `files` with its index from `directory` (nil: no cache at all),
    /// building and caching it if need be. `writable` overrides whether the directory is written
    /// to (tests; nil asks the file system). Every problem with the cache is one `warning`.
    static func open(files: GazetteerFiles, directory: String?, writable: Bool? = nil,
                     warning: (String) -> Void) throws -> Gazetteer {
        guard let directory else {
            warning("no cache directory for the gazetteer index (set GEOMAP_CACHE, XDG_CACHE_HOME or HOME); building it in memory for this run")
            let key = try contentFingerprint(files)
            return try inMemory(files, bytes: IndexBuilder.build(files: files, fingerprint: key))
        }
        let access: DirectoryAccess = writable.map { $0 ? .writable : .readOnly } ?? prepare(directory)
        let canWrite = access == .writable
        let key = try cacheKey(files, directory: directory, recordMemo: canWrite)
        let indexPath = directory + "/index-\(hex(key))-v\(IndexLayout.formatVersion).bin"
        let recordPath = directory + "/verified-\(hex(key))-v\(IndexLayout.formatVersion)"

        var damage: IndexDamage?
        if let mapped = try? MappedFile(path: indexPath) {
            do {
                return try openCached(files, mapped, key: key, recordPath: canWrite ? recordPath : nil, readRecord: recordPath)
            } catch let error as IndexDamage {
                damage = error
            }
        }
        let bytes = try IndexBuilder.build(files: files, fingerprint: key)
        let problem: String
        switch access {
        case .writable:
            do {
                try write(bytes, to: indexPath)
                let mapped = try MappedFile(path: indexPath)
                let gazetteer = try opened(files, IndexStorage(mapped: mapped))
                record(mapped, checksum: mapped.view.load(at: IndexLayout.Header.checksum, as: UInt64.self), at: recordPath)
                if let damage { warning("\(indexPath): \(damage); rebuilt it") }
                return gazetteer
            } catch GeoMapError.io(let path, let reason) where path == indexPath {
                problem = "\(indexPath): \(reason)"
            }
        case .readOnly:
            problem = "the cache directory \(directory) is read-only"
        case .unusable(let reason):
            problem = "cannot use the cache directory \(directory) (\(reason))"
        }
        let what = damage.map { "\(indexPath): \($0); " } ?? ""
        warning(what + problem + "; building the gazetteer index in memory for this run")
        return try inMemory(files, bytes: bytes)
    }

    /// The cached index, verified unless its record says this very file passed already.
    private static func openCached(_ files: GazetteerFiles, _ mapped: MappedFile, key: UInt64,
                                   recordPath: String?, readRecord: String) throws -> Gazetteer {
        let gazetteer = try Gazetteer(files: files, index: IndexStorage(mapped: mapped))
        guard mapped.view.load(at: IndexLayout.Header.fingerprint, as: UInt64.self) == key else {
            throw IndexDamage("corrupt index (its key is not the one of its name)")
        }
        let stored = mapped.view.load(at: IndexLayout.Header.checksum, as: UInt64.self)
        if readSmallFile(readRecord) == recordText(mapped.identity, checksum: stored) { return gazetteer }
        try gazetteer.verifyIndexContents()
        if let recordPath { record(mapped, checksum: stored, at: recordPath) }
        return gazetteer
    }

    /// A gazetteer over index bytes this process has just built.
    private static func opened(_ files: GazetteerFiles, _ storage: IndexStorage) throws -> Gazetteer {
        do {
            return try Gazetteer(files: files, index: storage)
        } catch let damage as IndexDamage {
            throw GeoMapError.badData(path: storage.path, line: nil, reason: damage.reason)
        }
    }

    private static func inMemory(_ files: GazetteerFiles, bytes: [UInt8]) throws -> Gazetteer {
        try opened(files, IndexStorage(bytes: bytes, description: "in-memory index of \(files.directory)"))
    }

    static func recordText(_ identity: FileIdentity, checksum: UInt64) -> String {
        identity.text + " " + hex(checksum) + "\n"
    }

    /// Records that the mapped file passed verification (best effort: without the record the
    /// next open verifies again).
    private static func record(_ mapped: MappedFile, checksum: UInt64, at path: String) {
        _ = try? writeAtomically(Array(recordText(mapped.identity, checksum: checksum).utf8), to: path)
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

    // MARK: The key

    /// The key of the index of `files`, from the memo of their identities when it has one.
    static func cacheKey(_ files: GazetteerFiles, directory: String, recordMemo: Bool) throws -> UInt64 {
        let memoPath = directory + "/stat-\(hex(statFingerprint(files)))-v\(IndexLayout.formatVersion)"
        if let memo = readSmallFile(memoPath), memo.utf8.count == 16, let value = UInt64(memo, radix: 16) { return value }
        let key = try contentFingerprint(files)
        if recordMemo { _ = try? writeAtomically(Array(hex(key).utf8), to: memoPath) }
        return key
    }

    /// What the index bytes depend on besides the input files: the format version, the layout's
    /// sizes, the parameters of the filter and the fuzzy table, and the name keys (and hashes)
    /// that this build's tokenizer makes of names that exercise every folding rule. A change to
    /// any of them gives another key, so a cached index made by other code is not read.
    static let codeFingerprint = codeFingerprint(version: IndexLayout.formatVersion, probes: foldingProbes)

    static func codeFingerprint(version: Int, probes: [String]) -> UInt64 {
        var hash = NameHash.seed
        func add(_ value: Int) { forEachByte(ofLittleEndian: Int64(value)) { hash = NameHash.add($0, to: hash) } }
        for value in [version, IndexLayout.headerSize, IndexLayout.entrySize, IndexLayout.slotSize,
                      IndexLayout.postingSize, IndexLayout.lexiconSlotSize, IndexLayout.keyRefSize, IndexLayout.fuzzySlotSize,
                      NameFilter.blockSize, NameFilter.bitsPerHash, NameFilter.bitsPerElement, FuzzyKeys.minimumLength,
                      Int(FuzzyKeys.minimumPopulation)] {
            add(value)
        }
        var tokenizer = Tokenizer()
        for name in probes {
            guard let key = NameKey.of(name, using: &tokenizer) else { add(-1); continue }
            for byte in key.bytes { hash = NameHash.add(byte, to: hash) }
            add(Int(truncatingIfNeeded: key.hash))
            add(key.tokenCount)
        }
        return hash
    }

    /// Names for `codeFingerprint`: case, diacritics and ligatures, apostrophes and their look-alikes,
    /// periods, hyphens and dashes, the saint/mount/fort abbreviations, a leading "the", white
    /// space, and the Latin, Greek and Cyrillic letters one by one.
    static let foldingProbes: [String] = {
        var probes = ["Luhans'k", "Luhans’k", "Luhansʹk", "U.S.", "St. Petersburg", "st petersburg", "Mt Hood", "Ft. Worth",
                      "The Hague", "the", "Saint-Étienne", "Nizhny\u{2013}Novgorod", "Kharkiv — Izium", "Łódź", "Straße",
                      "Æbeltoft", "Øresund", "Þingvellir", "İstanbul", "ǅuro", "Москва", "Αθήνα", "  Kyiv \t Oblast  ",
                      "Tel-Aviv–Yafo", "O'Higgins", "Coeur d’Alene", "123", "ＫＹＩＶ", "ﬁnland"]
        for range in [0x00C0...0x024F, 0x0370...0x03FF, 0x0400...0x04FF, 0x1E00...0x1EFF] {
            var letters = ""
            for value in range { if let scalar = Unicode.Scalar(value) { letters.unicodeScalars.append(scalar); letters += " " } }
            probes.append(letters)
        }
        return probes
    }()

    /// A hash of the identity of every input file, for the memo's name.
    static func statFingerprint(_ files: GazetteerFiles) -> UInt64 {
        var hash = codeFingerprint
        for path in files.indexInputs {
            let values = FileIdentity(path: path)?.fields ?? [-1]
            for byte in path.utf8 { hash = NameHash.add(byte, to: hash) }
            for value in values { forEachByte(ofLittleEndian: value) { hash = NameHash.add($0, to: hash) } }
        }
        return hash
    }

    /// A 64-bit hash of the code (`codeFingerprint`) and of the contents of every input file, a
    /// word at a time.
    static func contentFingerprint(_ files: GazetteerFiles) throws -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ codeFingerprint
        for path in files.indexInputs {
            guard GazetteerFiles.exists(path) else {
                hash = (hash ^ 0xFF) &* 0x100000001b3
                continue
            }
            let file = try MappedFile(path: path)
            let bytes = file.view
            var k = 0
            while k + 8 <= bytes.count {
                hash = (hash ^ bytes.load(at: k, as: UInt64.self)) &* 0xff51afd7ed558ccd
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

    static func hex(_ value: UInt64) -> String { String(value, radix: 16).leftPadded(to: 16) }

    static func readSmallFile(_ path: String) -> String? {
        guard let file = try? MappedFile(path: path), file.view.count < 256 else { return nil }
        return file.view.string
    }

    // MARK: The directory

    enum DirectoryAccess: Equatable {
        case writable
        /// It exists and can be read, not written.
        case readOnly
        /// It cannot be made or is not a directory.
        case unusable(String)
    }

    /// Makes the directory (and its parents) if need be, and says what can be done with it.
    static func prepare(_ path: String) -> DirectoryAccess {
        var status = stat()
        if stat(path, &status) != 0 {
            if let problem = makeDirectoryChain(path) { return .unusable(problem) }
            guard stat(path, &status) == 0 else { return .unusable(systemErrorDescription()) }
        }
        guard (status.st_mode & S_IFMT) == S_IFDIR else { return .unusable("not a directory") }
        if access(path, W_OK | X_OK) == 0 { return .writable }
        return access(path, R_OK | X_OK) == 0 ? .readOnly : .unusable(systemErrorDescription())
    }

    /// Nil once `path` is a directory; else why it could not be made.
    private static func makeDirectoryChain(_ path: String) -> String? {
        var status = stat()
        if stat(path, &status) == 0 { return (status.st_mode & S_IFMT) == S_IFDIR ? nil : "\(path) is not a directory" }
        let parent = GazetteerFiles.parent(of: path)
        if parent != path, let problem = makeDirectoryChain(parent) { return problem }
        if mkdir(path, 0o755) == 0 || (stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR) { return nil }
        return systemErrorDescription()
    }

    /// Whether `path` is (or has been made) a directory that can be written to, its parents made
    /// as needed.
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
    /// (by default `$GEOMAP_CACHE`, `$XDG_CACHE_HOME/geomap` or `~/.cache/geomap`). A cache that
    /// cannot be used, or an index in it that is damaged (then rebuilt), is one `warning`
    /// (by default a line on standard error).
    public static func open(_ files: GazetteerFiles, cacheDirectory: String? = nil,
                            warning: ((String) -> Void)? = nil) throws -> Gazetteer {
        try IndexCache.open(files: files, directory: cacheDirectory ?? IndexCache.cacheDirectory(),
                            warning: warning ?? IndexCache.printWarning)
    }

    /// Opens the gazetteer found by `GazetteerFiles.locate`.
    public static func open(explicitDirectory: String? = nil, executablePath: String? = nil,
                            warning: ((String) -> Void)? = nil) throws -> Gazetteer {
        try open(GazetteerFiles.locate(explicit: explicitDirectory, executablePath: executablePath), warning: warning)
    }

    /// Opens the gazetteer in `files` with the analyst's own places merged in (GeoJSON files,
    /// `UserGazetteer`) and their names never to tag (`IgnoredNames`).
    public static func open(_ files: GazetteerFiles, places: [String], ignore: [String], cacheDirectory: String? = nil,
                            warning: ((String) -> Void)? = nil) throws -> Gazetteer {
        let warn = warning ?? IndexCache.printWarning
        let ignored = try IgnoredNames(files: ignore)
        let directory = cacheDirectory ?? IndexCache.cacheDirectory()
        var gazetteer = try open(files, cacheDirectory: directory, warning: warn)
        if !places.isEmpty {
            gazetteer = try UserGazetteer.open(bundled: gazetteer, places: places, cacheDirectory: directory, warning: warn)
        }
        gazetteer.ignoredNames = ignored
        return gazetteer
    }
}
