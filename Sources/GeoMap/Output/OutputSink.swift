#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `extract` writes: standard output, or a file written atomically (temp file, then rename).
public final class OutputSink {
    private var file: AtomicFileWriter?
    public let name: String

    /// Standard output.
    public init() {
        file = nil
        name = "standard output"
    }

    /// A file, created atomically; an existing file is replaced only with `overwrite`. The
    /// temporary file is created here, so an unwritable place fails before any work is done;
    /// the temporary files that runs which died left in the same directory are removed.
    public init(path: String, overwrite: Bool) throws {
        file = try AtomicFileWriter(path: path, overwrite: overwrite)
        name = path
        TemporaryFiles.removeStale(in: GazetteerFiles.parent(of: path))
    }

    public func write(_ bytes: [UInt8]) throws {
        guard !bytes.isEmpty else { return }
        if file != nil {
            try file!.write(bytes)
            return
        }
        let failure = DescriptorIO.writeAll(1, bytes)
        if failure != 0 {
            errno = failure
            throw GeoMapError.io(path: name, reason: "cannot write: " + systemErrorDescription())
        }
    }

    /// Finishes the output; for a file, renames it into place.
    public func finish() throws {
        if let file = self.file.take() { try file.commit() }
    }
}
