/// Writes JSON tokens straight into a byte buffer: strings escaped per RFC 8259 (control
/// characters, quotes, backslashes, and U+2028/U+2029 for JavaScript readers), numbers without
/// going through `String`. A writer that knows how much it may write at most reserves it once
/// (`write(atMost:)`) and writes its tokens through a `JSONCursor`, a bare pointer; the one-token
/// methods below do the same for a single token.
public struct JSONBytes: Sendable {
    public var bytes: [UInt8] = []

    public init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    /// Lets `body` write at most `bound` bytes through a cursor at the end of `bytes`; the bytes
    /// it wrote are kept. `JSONCursor` documents each token's bound.
    @inline(__always)
    public mutating func write(atMost bound: Int, _ body: (inout JSONCursor) -> Void) {
        let start = bytes.count
        JSONBytes.extend(&bytes, by: bound)
        let end = bytes.withUnsafeMutableBufferPointer { buffer -> Int in
            let origin = buffer.baseAddress! + start
            var cursor = JSONCursor(origin)
            body(&cursor)
            let written = cursor.position - origin
            precondition(written <= bound, "JSONBytes: a token longer than its bound")
            return start + written
        }
        JSONBytes.truncate(&bytes, to: end)
    }

    /// Appends `count` zero bytes (the room a cursor then overwrites). A buffer made without
    /// capacity (one per batch of documents) grows from 16 KiB at once, not from a few bytes.
    @usableFromInline
    static func extend(_ bytes: inout [UInt8], by count: Int) {
        let needed = bytes.count + count
        if needed > bytes.capacity { bytes.reserveCapacity(max(needed, 2 * bytes.capacity, bytes.capacity == 0 ? 1 << 14 : 0)) }
        var left = count
        while left > 0 {
            let chunk = min(left, zeroChunk)
            bytes.append(contentsOf: UnsafeBufferPointer(start: zeros, count: chunk))
            left -= chunk
        }
    }

    @usableFromInline
    static func truncate(_ bytes: inout [UInt8], to count: Int) {
        if bytes.count > count { bytes.removeSubrange(count...) }
    }

    private static let zeroChunk = 1 << 14
    nonisolated(unsafe) private static let zeros: UnsafePointer<UInt8> = {
        let zeros = UnsafeMutablePointer<UInt8>.allocate(capacity: zeroChunk)
        zeros.initialize(repeating: 0, count: zeroChunk)
        return UnsafePointer(zeros)
    }()

    public mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    public mutating func raw(_ byte: UInt8) { bytes.append(byte) }

    public mutating func string(_ value: String) {
        var copy = value
        copy.withUTF8 { string(UnsafeRawBufferPointer($0)) }
    }

    public mutating func string(_ value: UnsafeBufferPointer<UInt8>) { string(UnsafeRawBufferPointer(value)) }

    /// A string: a short one composed on the stack and appended at once, a long one in slices of
    /// at most `JSONBytes.stringSlice` bytes so that the room reserved for it stays small.
    public mutating func string(_ value: UnsafeRawBufferPointer) {
        let count = value.count
        if count <= JSONBytes.shortString {
            JSONBytes.appendComposed(to: &bytes, atMost: JSONCursor.stringBound(JSONBytes.shortString)) { $0.string(value) }
            return
        }
        guard count > JSONBytes.stringSlice else {
            write(atMost: JSONCursor.stringBound(count)) { $0.string(value) }
            return
        }
        raw(0x22)
        var k = 0
        while k < count {
            let end = min(count, k + JSONBytes.stringSlice)
            write(atMost: JSONCursor.stringBound(end - k)) { k = $0.stringContent(value, from: k, to: end) }
        }
        raw(0x22)
    }

    static let stringSlice = 1 << 12
    static let shortString = 40

    public mutating func integer<T: BinaryInteger>(_ value: T) {
        JSONBytes.appendComposed(to: &bytes, atMost: JSONCursor.integerBound) { $0.integer(value) }
    }

    /// A decimal with at most `places` fraction digits, trailing zeros dropped; `null` if not finite.
    public mutating func decimal(_ value: Double, places: Int) {
        JSONBytes.appendComposed(to: &bytes, atMost: JSONCursor.decimalBound) { $0.decimal(value, places: places) }
    }

    /// One token composed on the stack, then appended with one call (cheaper than reserving room
    /// in `bytes` for a single small token).
    @inline(__always)
    static func appendComposed(to bytes: inout [UInt8], atMost bound: Int, _ body: (inout JSONCursor) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bound) { buffer in
            let origin = buffer.baseAddress!
            var cursor = JSONCursor(origin)
            body(&cursor)
            let written = cursor.position - origin
            precondition(written <= bound, "JSONBytes: a token longer than its bound")
            bytes.append(contentsOf: UnsafeBufferPointer(start: origin, count: written))
        }
    }
}

/// A write position in room reserved by `JSONBytes.write(atMost:)`. Each token writes at most its
/// bound: `raw` its length, `string` `stringBound(count)`, `integer` `integerBound`, `decimal`
/// `decimalBound`.
public struct JSONCursor {
    public private(set) var position: UnsafeMutablePointer<UInt8>

    @inline(__always)
    init(_ position: UnsafeMutablePointer<UInt8>) { self.position = position }

    /// Room for a string of `count` bytes: quotes, six bytes per byte (`\u00XX`), and eight bytes
    /// of slack (the copy writes whole words).
    @inline(__always)
    public static func stringBound(_ count: Int) -> Int { 10 + 6 * count }
    public static let integerBound = 24
    public static let decimalBound = 48

    @inline(__always)
    public mutating func raw(_ text: StaticString) {
        let count = text.utf8CodeUnitCount
        UnsafeMutableRawPointer(position).copyMemory(from: text.utf8Start, byteCount: count)
        position += count
    }

    @inline(__always)
    public mutating func raw(_ byte: UInt8) {
        position.pointee = byte
        position += 1
    }

    @inline(__always)
    public mutating func raw(_ bytes: UnsafeRawBufferPointer) {
        if let base = bytes.baseAddress { UnsafeMutableRawPointer(position).copyMemory(from: base, byteCount: bytes.count) }
        position += bytes.count
    }

    public mutating func string(_ value: UnsafeBufferPointer<UInt8>) { string(UnsafeRawBufferPointer(value)) }

    public mutating func string(_ value: UnsafeRawBufferPointer) {
        raw(0x22)
        _ = stringContent(value, from: 0, to: value.count)
        raw(0x22)
    }

    /// Writes `value[start..<end]` escaped, without quotes; returns where it stopped (`end`, or
    /// just past it when U+2028/U+2029 straddles `end`). Bytes that need no escape are copied a
    /// word at a time as they are checked.
    mutating func stringContent(_ value: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int {
        let count = value.count
        guard start < end, let base = value.baseAddress else { return end }
        var k = start
        var out = position
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func equal(_ word: UInt64, _ byte: UInt64) -> UInt64 {
            let x = word ^ (ones &* byte)
            return (x &- ones) & ~x
        }
        while true {
            // Copy up to the next byte that may need an escape: a quote, a backslash, a control
            // character, DEL, or 0xE2 (the lead byte of U+2028 and U+2029). Per byte, the high bit
            // of each term marks a match; only the first match is exact (a borrow may mark bytes
            // after it), and only the first is used.
            var found = false
            while k + 8 <= end {
                let loaded = (base + k).loadUnaligned(as: UInt64.self)
                UnsafeMutableRawPointer(out).storeBytes(of: loaded, as: UInt64.self)
                let word = loaded.littleEndian
                let special = (equal(word, 0x22) | equal(word, 0x5C) | equal(word, 0x7F) | equal(word, 0xE2)
                               | (word &- ones &* 0x20) & ~word) & high
                if special != 0 {
                    let skip = special.trailingZeroBitCount >> 3
                    k += skip
                    out += skip
                    found = true
                    break
                }
                k += 8
                out += 8
            }
            if !found {
                while k < end {
                    let byte = base.load(fromByteOffset: k, as: UInt8.self)
                    if byte == 0x22 || byte == 0x5C || byte < 0x20 || byte == 0x7F || byte == 0xE2 { break }
                    out.pointee = byte
                    out += 1
                    k += 1
                }
                if k == end { break }
            }
            let byte = base.load(fromByteOffset: k, as: UInt8.self)
            position = out
            switch byte {
            case 0x22: raw("\\\"")
            case 0x5C: raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            case 0..<0x20, 0x7F:
                raw("\\u00")
                raw(JSONCursor.hexDigit(byte >> 4))
                raw(JSONCursor.hexDigit(byte & 0xF))
            case 0xE2 where k + 2 < count && value[k + 1] == 0x80 && (value[k + 2] == 0xA8 || value[k + 2] == 0xA9):
                raw(value[k + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                k += 2
            default: raw(byte)
            }
            out = position
            k += 1
            if k >= end { break }
        }
        position = out
        return k
    }

    @inline(__always)
    static func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? 0x30 + value : 0x61 + value - 10 }

    @inline(__always)
    public mutating func integer<T: BinaryInteger>(_ value: T) {
        if value < 0 { raw(UInt8(ascii: "-")) }
        digits(UInt64(value.magnitude))
    }

    /// A decimal with at most `places` fraction digits, trailing zeros dropped; `null` if not finite.
    @inline(__always)
    public mutating func decimal(_ value: Double, places: Int) {
        guard value.isFinite else { raw("null"); return }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else { raw("null"); return }
        var units = UInt64(scaled)
        if value < 0 && units > 0 { raw(UInt8(ascii: "-")) }
        let divisor = UInt64(scale)
        digits(units / divisor)
        units %= divisor
        if units > 0 {
            var fractionDigits = places
            while units % 10 == 0 { units /= 10; fractionDigits -= 1 }
            raw(UInt8(ascii: "."))
            digits(units, width: fractionDigits)
        }
    }

    /// The decimal digits of `value`, left-padded with zeros to `width` digits; two at a time.
    @inline(__always)
    mutating func digits(_ value: UInt64, width: Int = 1) {
        var length = 1
        var rest = value
        while rest >= 10 { rest /= 10; length += 1 }
        if length < width { length = width }
        var p = position + length
        position = p
        var remaining = value
        var left = length
        while left >= 2 {
            let pair = remaining % 100
            remaining /= 100
            let tens = pair / 10
            p -= 2
            UnsafeMutableRawPointer(p).storeBytes(of: (UInt16(0x30 + tens) | UInt16(0x30 + pair - tens * 10) << 8).littleEndian,
                                                  as: UInt16.self)
            left -= 2
        }
        if left == 1 { (p - 1).pointee = UInt8(0x30 + remaining % 10) }
    }
}
