#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Invariant. Each owner here holds one piece of memory — a read-only map of a whole file, or a
// heap copy of bytes — from its init to its deinit, never changes it, and frees it exactly once.
// Its `view` (a `ByteView`) is valid for as long as the owner lives: whoever keeps a view keeps
// the owner too (the `Gazetteer` holds its `MappedFile`s and its `IndexStorage`). No pointer
// leaves this file.

/// The bytes of memory allocated for them alone (16-byte aligned), copied in once, freed once.
final class OwnedBytes: @unchecked Sendable {
    private let storage: UnsafeMutableRawBufferPointer
    let view: ByteView

    init(copying bytes: [UInt8]) {
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        bytes.withUnsafeBytes { storage.copyMemory(from: $0) }
        self.storage = storage
        view = ByteView(borrowing: UnsafeRawBufferPointer(rebasing: storage[0..<bytes.count]))
    }

    deinit { storage.deallocate() }
}

/// A read-only memory map of a whole file, unmapped exactly once when the owner goes away.
public final class MappedFile: @unchecked Sendable {
    public let path: String
    private let mapping: UnsafeRawBufferPointer
    /// The file's bytes.
    public let view: ByteView
    /// The identity of the file that was mapped (taken from the open descriptor).
    let identity: FileIdentity

    public init(path: String) throws {
        self.path = path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw GeoMapError.io(path: path, reason: systemErrorDescription()) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw GeoMapError.io(path: path, reason: systemErrorDescription())
        }
        identity = FileIdentity(status)
        let size = Int(status.st_size)
        if size == 0 {
            mapping = UnsafeRawBufferPointer(start: nil, count: 0)
        } else {
            guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
                throw GeoMapError.io(path: path, reason: systemErrorDescription())
            }
            mapping = UnsafeRawBufferPointer(start: address, count: size)
        }
        view = ByteView(borrowing: mapping)
    }

    deinit {
        if let base = mapping.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), mapping.count) }
    }
}

func systemErrorDescription() -> String {
    String(cString: strerror(errno))
}
