import CZlib

// Invariant. A `GzipInflater` owns one `z_stream`, allocated and initialised in its init and
// ended and freed exactly once in its deinit; zlib keeps a pointer to the stream, so it lives at
// one address for the owner's whole life. The input and output pointers handed to `inflate` are
// set afresh for each call, inside the closure that borrows the arrays, and zlib keeps no
// reference to them after the call returns. No pointer leaves this file.

/// Inflates a gzip file (one member or several concatenated, as `gzip -d` reads them) chunk by
/// chunk, in bounded memory; damaged or truncated data is an error naming the file.
final class GzipInflater {
    let path: String
    private let stream: UnsafeMutablePointer<z_stream>
    /// Compressed bytes read: `input[inputStart..<inputEnd]` not yet inflated.
    private var input = [UInt8](repeating: 0, count: 1 << 16)
    private var inputStart = 0
    private var inputEnd = 0
    private var inputEnded = false
    private var memberEnded = false
    private var inflatedAny = false
    /// An error met in a call that also inflated bytes: those are handed out first.
    private var pendingError: GeoMapError?

    init(path: String) throws {
        self.path = path
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        guard geomap_inflate_init_gzip(stream) == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw GeoMapError.io(path: path, reason: "cannot start reading it as gzip (zlib)")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Inflates into `buffer[range]`, reading compressed bytes with `readMore` (which fills its
    /// range and returns the count, 0 at the end). Returns the bytes written: 0 only at the end.
    func read(into buffer: inout [UInt8], _ range: Range<Int>,
              readMore: (inout [UInt8], Range<Int>) throws -> Int) throws -> Int {
        guard !range.isEmpty else { return 0 }
        if let pendingError { throw pendingError }
        while true {
            if inputStart == inputEnd && !inputEnded {
                inputStart = 0
                inputEnd = try readMore(&input, 0..<input.count)
                if inputEnd == 0 { inputEnded = true }
            }
            if memberEnded {
                if inputStart == inputEnd && inputEnded { return 0 }
                // Another member follows only where its magic does; padding after the last
                // member is ignored, as `gzip -d` ignores trailing garbage.
                if input[inputStart] != 0x1F { return 0 }
                memberEnded = false
                inflateReset(stream)
            }
            if inputStart == inputEnd && inputEnded {
                throw GeoMapError.io(path: path, reason: inflatedAny ? "truncated gzip data (the file ends inside the stream)"
                                                                      : "not gzip data (the file is empty)")
            }
            let available = inputEnd - inputStart
            let start = inputStart
            let (status, consumed, produced, message) = input.withUnsafeMutableBufferPointer { inBuffer in
                buffer.withUnsafeMutableBufferPointer { outBuffer in
                    stream.pointee.next_in = inBuffer.baseAddress! + start
                    stream.pointee.avail_in = UInt32(available)
                    stream.pointee.next_out = outBuffer.baseAddress! + range.lowerBound
                    stream.pointee.avail_out = UInt32(range.count)
                    let status = inflate(stream, Z_NO_FLUSH)
                    let consumed = available - Int(stream.pointee.avail_in)
                    let produced = range.count - Int(stream.pointee.avail_out)
                    stream.pointee.next_in = nil
                    stream.pointee.next_out = nil
                    let message = stream.pointee.msg.map { String(cString: $0) }
                    return (status, consumed, produced, message)
                }
            }
            inputStart += consumed
            switch status {
            case Z_OK, Z_BUF_ERROR:
                break
            case Z_STREAM_END:
                memberEnded = true
            default:
                let what = inflatedAny || produced > 0 ? "corrupt gzip data" : "not gzip data"
                let error = GeoMapError.io(path: path, reason: what + (message.map { " (\($0))" } ?? ""))
                guard produced > 0 else { throw error }
                pendingError = error
            }
            if produced > 0 {
                inflatedAny = true
                return produced
            }
        }
    }
}
