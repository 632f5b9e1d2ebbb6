#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What tells one version of a file from another without reading it: device, inode, size, and
/// the modification and status-change times. Any write, truncation, rename onto the path or
/// `touch` changes at least one of them; the status-change time cannot be set back by a user.
struct FileIdentity: Equatable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: (seconds: Int64, nanoseconds: Int64)
    var changed: (seconds: Int64, nanoseconds: Int64)

    init(_ status: stat) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
        size = Int64(status.st_size)
        modified = (Int64(status.st_mtim.tv_sec), Int64(status.st_mtim.tv_nsec))
        changed = (Int64(status.st_ctim.tv_sec), Int64(status.st_ctim.tv_nsec))
    }

    /// The identity of the file at `path`, or nil if it cannot be read.
    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        self.init(status)
    }

    /// Its fields as numbers, for hashing and for the text form.
    var fields: [Int64] {
        [Int64(bitPattern: device), Int64(bitPattern: inode), size, modified.seconds, modified.nanoseconds, changed.seconds, changed.nanoseconds]
    }

    /// The fields separated by spaces.
    var text: String { fields.map(String.init).joined(separator: " ") }

    static func == (a: FileIdentity, b: FileIdentity) -> Bool { a.fields == b.fields }
}
