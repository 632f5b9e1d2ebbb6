#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the readers' bytes come from: a file descriptor read as it is, or UTF-16 (after its
/// byte-order mark) converted to UTF-8 on the way, a chunk at a time, so that `LineReader` and
/// `TextPieces` read UTF-16 the same way as UTF-8, in bounded memory. Below that, a `.gz` file is
/// inflated as it is read, and bytes already read ahead (standard input's sniffed head) come
/// first. What is read of a file is counted in a `ReadTally`, for progress.
final class ByteSource {
    let path: String
    private let descriptor: Int32
    private var ownsDescriptor: Bool
    private var closed = false
    private var utf16: UTF16ToUTF8?
    /// UTF-16 bytes read from the descriptor, not yet converted.
    private var raw: [UInt8] = []
    private var rawStart = 0
    private var rawEnded = false
    /// Bytes read from the descriptor before this source was made, handed out first.
    private var prefix: [UInt8] = []
    private var prefixStart = 0
    private var inflater: GzipInflater?
    private var tally: ReadTally?
    /// The file's size not yet counted in `tally`: counted as a whole when the file is closed,
    /// so a file skipped after its head was read still counts as done.
    private var uncounted = 0

    /// Bytes of `descriptor` as they are.
    init(path: String, descriptor: Int32, ownsDescriptor: Bool) {
        self.path = path
        self.descriptor = descriptor
        self.ownsDescriptor = ownsDescriptor
    }

    /// The bytes of `path` (`-`: standard input, after `prefix`, bytes already read from it),
    /// inflated when the name ends in `.gz`, counted in `tally`.
    static func open(_ path: String, prefix: [UInt8] = [], tally: ReadTally? = nil) throws -> ByteSource {
        let standardInput = path == "-"
        let descriptor = standardInput ? 0 : Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw GeoMapError.io(path: path, reason: systemErrorDescription()) }
        let source = ByteSource(path: path, descriptor: descriptor, ownsDescriptor: !standardInput)
        source.prefix = prefix
        source.tally = tally
        if tally != nil && !standardInput {
            var status = stat()
            if fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG { source.uncounted = Int(status.st_size) }
        }
        if !standardInput && isGzipName(path) { source.inflater = try GzipInflater(path: path) }
        return source
    }

    /// Whether `path` names a gzip file: it ends in `.gz` (any letter case).
    static func isGzipName(_ path: String) -> Bool { path.lowercased().hasSuffix(".gz") }

    /// `head` (UTF-16 already read, after the byte-order mark), then the rest of `descriptor`
    /// unless `ended`, converted to UTF-8.
    init(path: String, utf16 head: [UInt8], littleEndian: Bool, descriptor: Int32, ownsDescriptor: Bool, ended: Bool = false) {
        self.path = path
        self.descriptor = descriptor
        self.ownsDescriptor = ownsDescriptor
        utf16 = UTF16ToUTF8(littleEndian: littleEndian)
        raw = head
        rawEnded = ended || descriptor < 0
    }

    /// The rest of this source read as UTF-16 converted to UTF-8: `head` (its bytes already read),
    /// then what is still unread. The new source takes over the descriptor.
    func utf16(head: [UInt8], littleEndian: Bool, ended: Bool) -> ByteSource {
        defer {
            ownsDescriptor = false
            tally = nil
            uncounted = 0
        }
        let next = ByteSource(path: path, utf16: head, littleEndian: littleEndian, descriptor: descriptor,
                              ownsDescriptor: ownsDescriptor, ended: ended)
        next.prefix = Array(prefix[prefixStart...])
        next.inflater = inflater
        next.tally = tally
        next.uncounted = uncounted
        return next
    }

    deinit { close() }

    func close() {
        if ownsDescriptor && !closed && descriptor >= 0 { _ = Glibc.close(descriptor) }
        if !closed, let tally, uncounted > 0 { tally.add(uncounted) }
        uncounted = 0
        closed = true
    }

    /// Reads up to `buffer.count` bytes (at least 16) into `buffer`; 0 only at the end of the input.
    func read(into buffer: inout [UInt8], _ range: Range<Int>) throws -> Int {
        guard utf16 != nil else { return try readDescriptor(into: &buffer, range) }
        precondition(range.count >= 16)
        while true {
            // Two bytes of UTF-16 make at most three of UTF-8, and a surrogate held back from
            // the last chunk three more; `finish` needs six.
            let take = min(raw.count - rawStart, (range.count - 6) / 3 * 2)
            var written = utf16!.convert(raw[rawStart..<(rawStart + take)], into: &buffer, at: range.lowerBound)
            rawStart += take
            let drained = rawEnded && rawStart == raw.count
            if drained && range.count - written >= 6 {
                written += utf16!.finish(into: &buffer, at: range.lowerBound + written)
                if written == 0 { return 0 }
            }
            if written > 0 { return written }
            raw.removeAll(keepingCapacity: true)
            rawStart = 0
            raw.append(contentsOf: repeatElement(0, count: max(16, range.count / 3 * 2)))
            let count = try readDescriptor(into: &raw, 0..<raw.count)
            raw.removeLast(raw.count - count)
            if count == 0 { rawEnded = true }
        }
    }

    /// Reads from `self` until `out` holds `limit` bytes (a few more from UTF-16) or the input
    /// ends; returns whether it ended.
    func read(upTo limit: Int, into out: inout [UInt8]) throws -> Bool {
        let minimum = utf16 == nil ? 1 : 16
        var chunk = [UInt8](repeating: 0, count: max(minimum, min(1 << 16, limit - out.count)))
        while out.count < limit {
            let want = min(chunk.count, max(minimum, limit - out.count))
            let count = try read(into: &chunk, 0..<want)
            if count == 0 { return true }
            out.append(contentsOf: chunk[0..<count])
        }
        return false
    }

    /// The file's bytes: what was read ahead first, then the descriptor's, inflated if gzip.
    private func readDescriptor(into buffer: inout [UInt8], _ range: Range<Int>) throws -> Int {
        if prefixStart < prefix.count {
            let count = min(range.count, prefix.count - prefixStart)
            buffer.replaceSubrange(range.lowerBound..<(range.lowerBound + count), with: prefix[prefixStart..<(prefixStart + count)])
            prefixStart += count
            if prefixStart == prefix.count { prefix = [] ; prefixStart = 0 }
            return count
        }
        if let inflater { return try inflater.read(into: &buffer, range) { try readFile(into: &$0, $1) } }
        return try readFile(into: &buffer, range)
    }

    private func readFile(into buffer: inout [UInt8], _ range: Range<Int>) throws -> Int {
        guard descriptor >= 0 && !closed else { return 0 }
        while true {
            let count = readSome(descriptor, into: &buffer, range)
            if count >= 0 {
                if let tally, count > 0 {
                    let counted = min(count, uncounted)
                    uncounted -= counted
                    if counted > 0 { tally.add(counted) }
                }
                return count
            }
            if errno == EINTR { continue }
            throw GeoMapError.io(path: path, reason: systemErrorDescription())
        }
    }
}

/// Converts UTF-16 to UTF-8 in chunks, as `String(decoding:as: UTF16.self)` converts the whole:
/// each unpaired surrogate becomes U+FFFD, and so does an odd last byte. A surrogate pair or a
/// code unit split between chunks is held back until the next chunk (or `finish`).
struct UTF16ToUTF8 {
    let littleEndian: Bool
    /// An odd byte left from the last chunk.
    private var oddByte: UInt8?
    /// A high surrogate left from the last chunk, waiting for its low half.
    private var highSurrogate: UInt16?

    init(littleEndian: Bool) { self.littleEndian = littleEndian }

    /// Converts `bytes` into `out` from `base` on, which must leave room for at least
    /// `bytes.count / 2 * 3 + 6` bytes; returns the number of bytes written.
    mutating func convert(_ bytes: ArraySlice<UInt8>, into out: inout [UInt8], at base: Int) -> Int {
        var written = base
        var k = bytes.startIndex
        if let odd = oddByte, !bytes.isEmpty {
            oddByte = nil
            put(unit(odd, bytes[k]), &out, &written)
            k += 1
        }
        while k + 1 < bytes.endIndex {
            put(unit(bytes[k], bytes[k + 1]), &out, &written)
            k += 2
        }
        if k < bytes.endIndex { oddByte = bytes[k] }
        return written - base
    }

    /// Writes what is held back at the end of the input (at most 6 bytes) into `out` from `base` on.
    mutating func finish(into out: inout [UInt8], at base: Int) -> Int {
        var written = base
        if highSurrogate != nil { highSurrogate = nil; scalar(0xFFFD, &out, &written) }
        if oddByte != nil { oddByte = nil; scalar(0xFFFD, &out, &written) }
        return written - base
    }

    @inline(__always)
    private func unit(_ first: UInt8, _ second: UInt8) -> UInt16 {
        littleEndian ? UInt16(first) | UInt16(second) << 8 : UInt16(first) << 8 | UInt16(second)
    }

    @inline(__always)
    private mutating func put(_ unit: UInt16, _ out: inout [UInt8], _ written: inout Int) {
        if let high = highSurrogate {
            highSurrogate = nil
            if (0xDC00..<0xE000).contains(unit) {
                scalar(0x10000 + (UInt32(high - 0xD800) << 10) + UInt32(unit - 0xDC00), &out, &written)
                return
            }
            scalar(0xFFFD, &out, &written)
        }
        switch unit {
        case 0xD800..<0xDC00: highSurrogate = unit
        case 0xDC00..<0xE000: scalar(0xFFFD, &out, &written)
        default: scalar(UInt32(unit), &out, &written)
        }
    }

    @inline(__always)
    private func scalar(_ value: UInt32, _ out: inout [UInt8], _ written: inout Int) {
        switch value {
        case 0..<0x80:
            out[written] = UInt8(value)
            written += 1
        case 0x80..<0x800:
            out[written] = UInt8(0xC0 | (value >> 6))
            out[written + 1] = UInt8(0x80 | (value & 0x3F))
            written += 2
        case 0x800..<0x10000:
            out[written] = UInt8(0xE0 | (value >> 12))
            out[written + 1] = UInt8(0x80 | ((value >> 6) & 0x3F))
            out[written + 2] = UInt8(0x80 | (value & 0x3F))
            written += 3
        default:
            out[written] = UInt8(0xF0 | (value >> 18))
            out[written + 1] = UInt8(0x80 | ((value >> 12) & 0x3F))
            out[written + 2] = UInt8(0x80 | ((value >> 6) & 0x3F))
            out[written + 3] = UInt8(0x80 | (value & 0x3F))
            written += 4
        }
    }
}
