#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file descriptor in large chunks and hands out its lines, split at `\n` only (texts in
/// JSON Lines may hold U+2028 and other Unicode line separators). Memory stays bounded by the
/// longest line, whatever the file size, and time is linear in it: the search for a line's `\n`
/// goes on from where it stopped when more of the line comes in.
final class LineReader {
    let path: String
    private var source: ByteSource
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    /// `buffer[start..<searched]` holds no `\n`.
    private var searched = 0
    private var atEOF = false
    private(set) var lineNumber = 0
    static let chunkSize = 1 << 20

    /// The lines of `path` (`-`: standard input after `prefix`, its bytes already read), a `.gz`
    /// file inflated, what is read counted in `tally`.
    init(path: String, prefix: [UInt8] = [], tally: ReadTally? = nil) throws {
        self.path = path
        source = try ByteSource.open(path, prefix: prefix, tally: tally)
        buffer = [UInt8](repeating: 0, count: LineReader.chunkSize)
    }

    /// If the input starts with a UTF-16 byte-order mark, reads the rest as UTF-16 converted to
    /// UTF-8 (the mark dropped); call before the first line is read. Returns whether it did.
    func readUTF16IfMarked() throws -> Bool {
        while end - start < 2 && !atEOF { try fill() }
        let head = buffer[start..<min(end, start + 2)]
        guard head.elementsEqual(DocumentReader.utf16LEBOM) || head.elementsEqual(DocumentReader.utf16BEBOM) else { return false }
        let rest = Array(buffer[(start + 2)..<end])
        source = source.utf16(head: rest, littleEndian: head.first == 0xFF, ended: atEOF)
        start = 0
        end = 0
        searched = 0
        atEOF = false
        return true
    }

    /// Calls `body` with the next line (without `\n`; a final line without one still counts).
    /// Returns false at the end of the input.
    func nextLine<R>(_ body: (ByteView) throws -> R) throws -> R? {
        while true {
            if let newline = nextNewline() {
                lineNumber += 1
                let lineStart = start
                start = newline + 1
                return try buffer.withByteView { try body($0.extracting(lineStart..<newline)) }
            }
            if atEOF {
                guard start < end else { return nil }
                lineNumber += 1
                let lineStart = start
                start = end
                return try buffer.withByteView { try body($0.extracting(lineStart..<end)) }
            }
            try fill()
        }
    }

    /// Appends lines to `batch` until it holds `maxLines` lines or `maxBytes` bytes. Waits for
    /// input only while the batch is empty, so a slow stream is handed on as it comes. Returns
    /// false when the input has ended. On a read error the lines read so far stay in `batch`.
    func readLines(into batch: inout LineBatch, maxLines: Int, maxBytes: Int) throws -> Bool {
        while batch.count < maxLines && (batch.isEmpty || batch.bytes.count < maxBytes) {
            if let newline = nextNewline() {
                // Once a batch starts, it takes only lines already buffered: room for them at once.
                if batch.isEmpty { batch.reserve(bytes: min(end - start, maxBytes + (1 << 14)), lines: maxLines) }
                lineNumber += 1
                batch.append(buffer[start..<newline])
                start = newline + 1
                continue
            }
            if atEOF {
                guard start < end else { return false }
                lineNumber += 1
                batch.append(buffer[start..<end])
                start = end
                return false
            }
            if !batch.isEmpty { return true }
            try fill()
        }
        return true
    }

    /// The position of the next `\n` in the buffered bytes, if there is one.
    @inline(__always)
    private func nextNewline() -> Int? {
        let from = max(start, searched)
        guard from < end else { return nil }
        guard let found = buffer.withByteView({ $0.firstIndex(of: 0x0A, from: from, to: end) }) else {
            searched = end
            return nil
        }
        return found
    }

    /// Up to `count` bytes from the start of the input, read ahead without consuming them; fewer
    /// once a whole line has come, so a slow stream is not waited for.
    func head(_ count: Int) throws -> [UInt8] {
        while end - start < count && !atEOF && nextNewline() == nil { try fill() }
        return Array(buffer[start..<min(end, start + count)])
    }

    private func fill() throws {
        if start > 0 {
            let remaining = end - start
            if remaining > 0 {
                // The unfinished line (a small part of the chunk) moves to the front.
                var span = buffer.mutableSpan
                for k in 0..<remaining { span[k] = span[start &+ k] }
            }
            searched = max(0, searched - start)
            start = 0
            end = remaining
        }
        if buffer.count - end < 16 { buffer.append(contentsOf: [UInt8](repeating: 0, count: buffer.count)) }
        let count = try source.read(into: &buffer, end..<buffer.count)
        if count == 0 { atEOF = true }
        end += count
    }
}
