#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An input still to read: a file, or a warning raised at its place in a directory walk.
enum PendingInput {
    case file(String)
    case notice(ReadNotice)
}

/// Expands the inputs into the files to read, in order: directories walked in name order
/// (hidden names left out), links to directories followed, each directory and each file read once.
/// What inside a directory cannot be read — an unreadable directory, a dangling link, a link loop,
/// a path too long — or is not a regular file (a FIFO, a socket, a device) becomes a warning in
/// its place, and the walk goes on.
struct DirectoryWalk {
    private(set) var found: [PendingInput] = []
    /// The sum of the sizes of the files taken, or nil once one has no size known in advance
    /// (standard input, a FIFO or a device named on the command line).
    private(set) var totalBytes: Int? = 0
    private let openDirectory: (String) -> OpaquePointer?
    /// The directories and regular files taken so far, by device and inode, with their paths.
    private var directories: [FileIdentity: String] = [:]
    private var files: [FileIdentity: String] = [:]
    /// The directories being walked, outermost first.
    private var ancestors: [FileIdentity] = []
    private var readsStandardInput = false

    init(openDirectory: @escaping (String) -> OpaquePointer?) { self.openDirectory = openDirectory }

    private struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
        init(_ status: stat) {
            device = UInt64(status.st_dev)
            inode = UInt64(status.st_ino)
        }
    }

    /// Takes a file (`status` nil for standard input), unless it was taken before.
    mutating func add(file path: String, status: stat?) {
        if path == "-" {
            if readsStandardInput { return skip(path, "given more than once, read once") }
            readsStandardInput = true
            totalBytes = nil
        } else if let status, (status.st_mode & S_IFMT) == S_IFREG {
            let identity = FileIdentity(status)
            if let first = files[identity] {
                return skip(path, first == path ? "given more than once, read once" : "the same file as \(first), read once")
            }
            files[identity] = path
            totalBytes = totalBytes.map { $0 + Int(status.st_size) }
        } else {
            totalBytes = nil
        }
        found.append(.file(path))
    }

    /// Walks `directory` (whose `stat` is `status`). Returns false, with `errno` set, only when a
    /// directory named on the command line (`topLevel`) cannot be opened.
    mutating func walk(_ directory: String, status: stat, topLevel: Bool) -> Bool {
        let identity = FileIdentity(status)
        if let first = directories[identity] {
            if ancestors.contains(identity) {
                skip(directory, "symbolic link loop (leads back to \(first))")
            } else {
                skip(directory, "the same directory as \(first), read once")
            }
            return true
        }
        guard let handle = openDirectory(directory) else {
            if topLevel { return false }
            skip(directory, "unreadable directory (\(systemErrorDescription()))")
            return true
        }
        directories[identity] = directory
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = DirectoryEntries.name(of: entry)
            if name.hasPrefix(".") { continue }
            names.append(name)
        }
        closedir(handle)
        ancestors.append(identity)
        defer { ancestors.removeLast() }
        for name in names.sorted() {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var entry = stat()
            guard stat(path, &entry) == 0 else {
                let error = errno
                var link = stat()
                let isLink = lstat(path, &link) == 0 && (link.st_mode & S_IFMT) == S_IFLNK
                switch error {
                case ENOENT where isLink: skip(path, "dangling symbolic link")
                case ELOOP: skip(path, "symbolic link loop")
                default: skip(path, String(cString: strerror(error)))
                }
                continue
            }
            switch entry.st_mode & S_IFMT {
            case S_IFDIR: _ = walk(path, status: entry, topLevel: false)
            case S_IFREG: add(file: path, status: entry)
            case S_IFIFO: skip(path, "not a regular file (FIFO)")
            case S_IFSOCK: skip(path, "not a regular file (socket)")
            case S_IFCHR: skip(path, "not a regular file (character device)")
            case S_IFBLK: skip(path, "not a regular file (block device)")
            default: skip(path, "not a regular file")
            }
        }
        return true
    }

    private mutating func skip(_ path: String, _ reason: String) {
        found.append(.notice(ReadNotice(message: "\(path): skipped: \(reason)", skips: true)))
    }
}
