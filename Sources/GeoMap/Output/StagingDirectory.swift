#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A set of files that appear together or not at all: written into a hidden temporary directory
/// (`.geomap-tmp-<pid>-XXXXXX`) beside their destination, then either renamed into place as one
/// directory (`install`) or moved file by file into an existing one (`moveFiles`). The directory
/// and every file in it are registered with `TemporaryFiles` before they exist, so an error or
/// a signal at any moment leaves nothing behind.
final class StagingDirectory {
    /// The directory the staging directory is in (and its files go to).
    let parent: String
    let path: String
    private var slot: Int?
    private var files: [(name: String, slot: Int?)] = []
    private var done = false

    /// Makes the staging directory in `parent`, which must exist; fails with the real reason
    /// (`Permission denied`, `Read-only file system`) when nothing can be written there.
    init(in parent: String) throws {
        guard let made = TemporaryFiles.make(in: parent, directory: true) else {
            throw GeoMapError.io(path: parent, reason: "cannot write into the directory: " + systemErrorDescription())
        }
        self.parent = parent
        path = made.path
        slot = made.slot
    }

    deinit { discard() }

    /// The names of the files written so far.
    var names: [String] { files.map(\.name) }

    /// Creates the file `name` in the staging directory; messages name it as `target`.
    func create(_ name: String, reportingAs target: String) throws -> StagedFile {
        let filePath = path + "/" + name
        let fileSlot = TemporaryFiles.register(filePath)
        let descriptor = open(filePath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let reason = systemErrorDescription()
            if let fileSlot { TemporaryFiles.unregister(fileSlot) }
            throw GeoMapError.io(path: target, reason: "cannot write (nothing written): " + reason)
        }
        files.append((name, fileSlot))
        return StagedFile(descriptor: descriptor, path: filePath, target: target)
    }

    /// The path of `name` in the staging directory, for another program to create; it is
    /// removed, moved and installed with the files made by `create`.
    func reserve(_ name: String) -> String {
        let filePath = path + "/" + name
        files.append((name, TemporaryFiles.register(filePath)))
        return filePath
    }

    /// Removes one file written before (a spool that has been copied out).
    func remove(_ name: String) {
        guard let k = files.firstIndex(where: { $0.name == name }) else { return }
        unlink(path + "/" + name)
        if let fileSlot = files[k].slot { TemporaryFiles.unregister(fileSlot) }
        files.remove(at: k)
    }

    /// Renames the staging directory to `target` (one component below `parent`). An existing
    /// directory there is replaced: it is moved aside first, the files it holds that GeoMap did
    /// not write (notes, a project of their own) are moved into the new one, and the rest is removed. A
    /// file or symbolic link there is an error and is left alone.
    func install(as target: String) throws {
        var status = stat()
        if lstat(target, &status) == 0 {
            let type = status.st_mode & S_IFMT
            guard type == S_IFDIR else {
                throw GeoMapError.io(path: target, reason: type == S_IFLNK ? "is a symbolic link, not a directory geomap made; not replaced"
                                                                        : "exists and is not a directory")
            }
            guard let aside = TemporaryFiles.make(in: parent, directory: true) else {
                throw GeoMapError.io(path: parent, reason: "cannot write into the directory: " + systemErrorDescription())
            }
            defer { if let slot = aside.slot { TemporaryFiles.unregister(slot) } }
            // The old directory's layers are registered under the name they will have once set
            // aside, so that a signal from here on removes them and the hidden directory with them.
            var oldFiles: [Int] = []
            for name in DirectoryEntries.names(in: target) where StagingDirectory.isOwnFileName(name) {
                if let slot = TemporaryFiles.register(aside.path + "/" + name) { oldFiles.append(slot) }
            }
            defer { for slot in oldFiles { TemporaryFiles.unregister(slot) } }
            // rename() replaces the empty directory just made with the old one.
            guard rename(target, aside.path) == 0 else {
                let reason = systemErrorDescription()
                rmdir(aside.path)
                throw GeoMapError.io(path: target, reason: "cannot replace: " + reason)
            }
            try moveIntoPlace(target)
            for name in DirectoryEntries.names(in: aside.path) {
                let old = aside.path + "/" + name
                if StagingDirectory.isOwnFileName(name) || TemporaryFiles.isStale(name, includingUnnumbered: true) {
                    removeTree(old)
                } else {
                    rename(old, target + "/" + name)
                }
            }
            rmdir(aside.path)
            return
        }
        try moveIntoPlace(target)
    }

    private func moveIntoPlace(_ target: String) throws {
        chmod(path, 0o755)
        guard rename(path, target) == 0 else {
            throw GeoMapError.io(path: target, reason: "cannot write: " + systemErrorDescription())
        }
        forget()
    }

    /// Moves every file into `parent`, each atomically (a rename), then removes the staging
    /// directory. Without `overwrite` an existing file is never replaced (`link` refuses it).
    /// Returns the paths written.
    func moveFiles(overwrite: Bool) throws -> [String] {
        var written: [String] = []
        for (name, _) in files {
            let from = path + "/" + name, to = parent + "/" + name
            if overwrite {
                guard rename(from, to) == 0 else { throw GeoMapError.io(path: to, reason: "cannot write: " + systemErrorDescription()) }
            } else {
                guard link(from, to) == 0 else {
                    let reason = errno == EEXIST ? "already exists (use --force to overwrite)" : "cannot write: " + systemErrorDescription()
                    throw GeoMapError.io(path: to, reason: reason)
                }
                unlink(from)
            }
            written.append(to)
        }
        discard()
        return written
    }

    /// Removes the staging directory and everything written into it.
    func discard() {
        guard !done else { return }
        for (name, _) in files { unlink(path + "/" + name) }
        rmdir(path)
        forget()
    }

    private func forget() {
        for (_, fileSlot) in files { if let fileSlot { TemporaryFiles.unregister(fileSlot) } }
        files.removeAll()
        if let slot { TemporaryFiles.unregister(slot) }
        slot = nil
        done = true
    }

    /// A file a GeoMap run writes into a layer directory: a layer, its style, the project, the
    /// GeoPackage, a mention spool.
    static func isOwnFileName(_ name: String) -> Bool {
        name == spoolName || name == QGISProject.fileName || name == GeoPackageConversion.fileName
            || MapLayer.allCases.contains { $0.fileName == name || $0.styleFileName == name }
    }

    /// The staged file that holds the mention features of a layer being written, before they
    /// are copied into `mentions.geojson` behind the collection's header.
    static let spoolName = "mentions.features"

    /// Removes a stale temporary file, or a stale staging directory with the files GeoMap writes.
    private func removeTree(_ path: String) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            for name in DirectoryEntries.names(in: path) where StagingDirectory.isOwnFileName(name) { unlink(path + "/" + name) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }
}

/// A file being written into a `StagingDirectory`: buffered, flushed and synced on `close`.
struct StagedFile: ~Copyable {
    let path: String
    /// The file's final path, which messages name.
    let target: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []

    init(descriptor: Int32, path: String, target: String) {
        self.descriptor = descriptor
        self.path = path
        self.target = target
        buffer.reserveCapacity(1 << 16)
    }

    mutating func write(_ bytes: some Collection<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Appends the whole of the file at `source` (a spool), read in large blocks.
    mutating func append(contentsOf source: String) throws {
        try flush()
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw GeoMapError.io(path: target, reason: "cannot write (nothing written): " + systemErrorDescription()) }
        defer { Glibc.close(input) }
        var block = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = DescriptorIO.read(input, into: &block)
            if count < 0 { throw GeoMapError.io(path: target, reason: "cannot write (nothing written): " + systemErrorDescription()) }
            if count == 0 { break }
            try writeAll(block, 0..<count)
        }
    }

    private mutating func flush() throws {
        try writeAll(buffer, buffer.indices)
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ bytes: [UInt8], _ range: Range<Int>) throws {
        let failure = DescriptorIO.writeAll(descriptor, bytes, range)
        if failure != 0 {
            errno = failure
            throw GeoMapError.io(path: target, reason: "cannot write (nothing written): " + systemErrorDescription())
        }
    }

    /// Flushes and closes the file; with `sync`, first waits until it is on disk.
    consuming func close(sync: Bool = true) throws {
        try flush()
        // fsync reports write errors the kernel deferred (a full disk on some file systems).
        if sync && fsync(descriptor) != 0 && errno != EINVAL {
            throw GeoMapError.io(path: target, reason: "cannot write (nothing written): " + systemErrorDescription())
        }
        let result = Glibc.close(descriptor)
        descriptor = -1
        if result != 0 { throw GeoMapError.io(path: target, reason: "cannot write (nothing written): " + systemErrorDescription()) }
    }

    deinit {
        if descriptor >= 0 { _ = Glibc.close(descriptor) }
    }
}
