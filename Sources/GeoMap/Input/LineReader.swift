#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file descriptor in large chunks and hands out its lines, split at `\n` only (texts in
/// JSON Lines may hold U+2028 and other Unicode line separators). Memory stays bounded by the
/// longest line, whatever the file size.
final class LineReader {
    let path: String
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var atEOF = false
    private(set) var lineNumber = 0
    static let chunkSize = 1 << 20

    init(path: String) throws {
        self.path = path
        if path == "-" {
            descriptor = 0
            ownsDescriptor = false
        } else {
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw GeoMapError.io(path: path, reason: systemErrorDescription()) }
            ownsDescriptor = true
        }
        buffer = [UInt8](repeating: 0, count: LineReader.chunkSize)
    }

    deinit { if ownsDescriptor { close(descriptor) } }

    /// Calls `body` with the next line (without `\n`; a final line without one still counts).
    /// Returns false at the end of the input.
    func nextLine<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) throws -> R? {
        while true {
            if let newline = buffer[start..<end].firstIndex(of: 0x0A) {
                lineNumber += 1
                let lineStart = start
                start = newline + 1
                return try buffer.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[lineStart..<newline])) }
            }
            if atEOF {
                guard start < end else { return nil }
                lineNumber += 1
                let lineStart = start
                start = end
                return try buffer.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[lineStart..<end])) }
            }
            try fill()
        }
    }

    /// Up to `count` bytes from the start of the input, read ahead without consuming them.
    func head(_ count: Int) throws -> [UInt8] {
        while end - start < count && !atEOF { try fill() }
        return Array(buffer[start..<min(end, start + count)])
    }

    private func fill() throws {
        if start > 0 {
            let remaining = end - start
            if remaining > 0 {
                buffer.withUnsafeMutableBytes { raw in
                    _ = memmove(raw.baseAddress!, raw.baseAddress! + start, remaining)
                }
            }
            start = 0
            end = remaining
        }
        if end == buffer.count { buffer.append(contentsOf: [UInt8](repeating: 0, count: buffer.count)) }
        let count = buffer.withUnsafeMutableBytes { raw in read(descriptor, raw.baseAddress! + end, raw.count - end) }
        if count < 0 {
            if errno == EINTR { return }
            throw GeoMapError.io(path: path, reason: systemErrorDescription())
        }
        if count == 0 { atEOF = true }
        end += count
    }
}
