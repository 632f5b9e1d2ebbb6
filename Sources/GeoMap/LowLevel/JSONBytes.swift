// Invariant. Every byte written goes through `Room.storeBytes`, which checks that the store ends
// inside the room `write(atMost:)` appended to `bytes` before the body runs: a token that outgrows
// its bound traps on the store, before anything outside the room is touched. The room's pointer
// comes from `withUnsafeMutableBytes` and is used only inside that call: the cursor that holds it
// is `~Copyable` and lent to the body `inout`, so it cannot outlive the call. The only other
// pointers here are the ones the standard library hands out for a `StaticString` and for the
// callers that still pass `UnsafeRawBufferPointer`s; each is wrapped at once in a `RawSpan` of its
// own length.

/// Writes JSON tokens straight into a byte buffer: strings escaped per RFC 8259 (control
/// characters, quotes, backslashes, and U+2028/U+2029 for JavaScript readers), numbers without
/// going through `String`. A writer that knows how much it may write at most reserves it once
/// (`write(atMost:)`) and writes its tokens through a `JSONCursor`; the one-token methods below
/// do the same for a single token.
public struct JSONBytes: Sendable {
    public var bytes: [UInt8] = []

    public init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    /// Lets `body` write at most `bound` bytes through a cursor at the end of `bytes`; the bytes
    /// it wrote are kept. The room is appended before `body` runs; `JSONCursor` documents each
    /// token's bound.
    @inline(__always)
    public mutating func write(atMost bound: Int, _ body: (inout JSONCursor) -> Void) {
        precondition(bound >= 0, "JSONBytes: a negative bound")
        let start = bytes.count
        JSONBytes.extend(&bytes, by: bound)
        let written = bytes.withUnsafeMutableBytes { all -> Int in
            var cursor = JSONCursor(room: Room(UnsafeMutableRawBufferPointer(rebasing: all[start...])))
            body(&cursor)
            return cursor.position
        }
        bytes.removeLast(bound - written)
    }

    /// Appends `count` zero bytes (the room a cursor then overwrites). A buffer made without
    /// capacity (one per batch of documents) grows from 16 KiB at once, not from a few bytes.
    @usableFromInline
    static func extend(_ bytes: inout [UInt8], by count: Int) {
        let needed = bytes.count + count
        if needed > bytes.capacity { bytes.reserveCapacity(max(needed, 2 * bytes.capacity, bytes.capacity == 0 ? 1 << 14 : 0)) }
        bytes.append(addingCapacity: count) { $0.append(repeating: 0, count: count) }
    }

    public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    public mutating func raw(_ byte: UInt8) { bytes.append(byte) }

    /// Bytes as they are (no quotes, no escapes).
    public mutating func raw(_ value: [UInt8], _ range: Range<Int>) { bytes.append(contentsOf: value[range]) }

    public mutating func string(_ value: String) {
        var copy = value
        copy.withUTF8 { string(RawSpan(_unsafeBytes: UnsafeRawBufferPointer($0))) }
    }

    public mutating func string(_ value: [UInt8]) { string(value.span.bytes) }

    public mutating func string(_ value: [UInt8], _ range: Range<Int>) { string(value.span.bytes.extracting(range)) }

    public mutating func string(_ value: UnsafeBufferPointer<UInt8>) { string(RawSpan(_unsafeElements: value)) }

    public mutating func string(_ value: UnsafeRawBufferPointer) { string(RawSpan(_unsafeBytes: value)) }

    /// A string: a short one at once, a long one in slices of at most `JSONBytes.stringSlice`
    /// bytes so that the room reserved for it stays small.
    public mutating func string(_ value: RawSpan) {
        let count = value.byteCount
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
        write(atMost: JSONCursor.integerBound) { $0.integer(value) }
    }

    /// A decimal with at most `places` fraction digits, trailing zeros dropped; `null` if not finite.
    public mutating func decimal(_ value: Double, places: Int) {
        write(atMost: JSONCursor.decimalBound) { $0.decimal(value, places: places) }
    }
}

/// A write position in room reserved by `JSONBytes.write(atMost:)`. Each token writes at most its
/// bound: `raw` its length, `string` `stringBound(count)`, `integer` `integerBound`, `decimal`
/// `decimalBound`. It holds the buffer while the writer's body runs, so every store is checked
/// against the reserved room.
public struct JSONCursor: ~Copyable {
    @usableFromInline let room: Room
    /// Bytes written so far, from the start of the room.
    public private(set) var position = 0

    @inline(__always)
    init(room: Room) { self.room = room }

    /// Room for a string of `count` bytes: quotes, six bytes per byte (`\u00XX`), and eight bytes
    /// of slack (the copy writes whole words).
    @inline(__always)
    public static func stringBound(_ count: Int) -> Int { 10 + 6 * count }
    public static let integerBound = 24
    public static let decimalBound = 48

    @inline(__always)
    public mutating func raw(_ text: StaticString) {
        let count = text.utf8CodeUnitCount
        raw(RawSpan(_unsafeStart: text.utf8Start, byteCount: count))
    }

    @inline(__always)
    public mutating func raw(_ byte: UInt8) {
        room.storeBytes(of: byte, toByteOffset: position, as: UInt8.self)
        position += 1
    }

    /// Bytes as they are, a word at a time: the last word (or half word) ends at the end and
    /// may overlap the one before, so short keys cost two stores, not one per byte.
    @inline(__always)
    public mutating func raw(_ value: RawSpan) {
        let at = position, count = value.byteCount
        let out = room
        if count >= 8 {
            var k = 0
            while k + 8 < count {
                out.storeBytes(of: value.unsafeLoadUnaligned(fromByteOffset: k, as: UInt64.self), toByteOffset: at + k, as: UInt64.self)
                k += 8
            }
            out.storeBytes(of: value.unsafeLoadUnaligned(fromByteOffset: count - 8, as: UInt64.self), toByteOffset: at + count - 8, as: UInt64.self)
        } else if count >= 4 {
            out.storeBytes(of: value.unsafeLoadUnaligned(fromByteOffset: 0, as: UInt32.self), toByteOffset: at, as: UInt32.self)
            out.storeBytes(of: value.unsafeLoadUnaligned(fromByteOffset: count - 4, as: UInt32.self), toByteOffset: at + count - 4, as: UInt32.self)
        } else {
            for k in 0..<count { out.storeBytes(of: value.unsafeLoad(fromByteOffset: k, as: UInt8.self), toByteOffset: at + k, as: UInt8.self) }
        }
        position = at + count
    }

    public mutating func string(_ value: UnsafeRawBufferPointer) { string(RawSpan(_unsafeBytes: value)) }

    public mutating func string(_ value: UnsafeBufferPointer<UInt8>) { string(RawSpan(_unsafeElements: value)) }

    public mutating func string(_ value: [UInt8], _ range: Range<Int>) { string(value.span.bytes.extracting(range)) }

    public mutating func string(_ value: RawSpan) {
        raw(0x22)
        _ = stringContent(value, from: 0, to: value.byteCount)
        raw(0x22)
    }

    /// Writes `value[start..<end]` escaped, without quotes; returns where it stopped (`end`, or
    /// just past it when U+2028/U+2029 straddles `end`). Bytes that need no escape are copied a
    /// word at a time as they are checked.
    mutating func stringContent(_ value: RawSpan, from start: Int, to end: Int) -> Int {
        let count = value.byteCount
        guard start < end else { return end }
        var k = start
        var o = position
        let out = room
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func equal(_ word: UInt64, _ byte: UInt64) -> UInt64 {
            let x = word ^ (ones &* byte)
            return (x &- ones) & ~x
        }
        @inline(__always) func byte(_ k: Int) -> UInt8 { value.unsafeLoad(fromByteOffset: k, as: UInt8.self) }
        while true {
            // Copy up to the next byte that may need an escape: a quote, a backslash, a control
            // character, DEL, or 0xE2 (the lead byte of U+2028 and U+2029). Per byte, the high bit
            // of each term marks a match; only the first match is exact (a borrow may mark bytes
            // after it), and only the first is used.
            var found = false
            while k + 8 <= end {
                let loaded = value.unsafeLoadUnaligned(fromByteOffset: k, as: UInt64.self)
                out.storeBytes(of: loaded, toByteOffset: o, as: UInt64.self)
                let word = loaded.littleEndian
                let special = (equal(word, 0x22) | equal(word, 0x5C) | equal(word, 0x7F) | equal(word, 0xE2)
                               | (word &- ones &* 0x20) & ~word) & high
                if special != 0 {
                    let skip = special.trailingZeroBitCount >> 3
                    k += skip
                    o += skip
                    found = true
                    break
                }
                k += 8
                o += 8
            }
            if !found {
                while k < end {
                    let b = byte(k)
                    if b == 0x22 || b == 0x5C || b < 0x20 || b == 0x7F || b == 0xE2 { break }
                    out.storeBytes(of: b, toByteOffset: o, as: UInt8.self)
                    o += 1
                    k += 1
                }
                if k == end { break }
            }
            let b = byte(k)
            switch b {
            case 0x22: JSONCursor.put("\\\"", out, &o)
            case 0x5C: JSONCursor.put("\\\\", out, &o)
            case 0x0A: JSONCursor.put("\\n", out, &o)
            case 0x0D: JSONCursor.put("\\r", out, &o)
            case 0x09: JSONCursor.put("\\t", out, &o)
            case 0..<0x20, 0x7F:
                JSONCursor.put("\\u00", out, &o)
                out.storeBytes(of: JSONCursor.hexDigit(b >> 4), toByteOffset: o, as: UInt8.self)
                out.storeBytes(of: JSONCursor.hexDigit(b & 0xF), toByteOffset: o + 1, as: UInt8.self)
                o += 2
            case 0xE2 where k + 2 < count && byte(k + 1) == 0x80 && (byte(k + 2) == 0xA8 || byte(k + 2) == 0xA9):
                JSONCursor.put(byte(k + 2) == 0xA8 ? "\\u2028" : "\\u2029", out, &o)
                k += 2
            default:
                out.storeBytes(of: b, toByteOffset: o, as: UInt8.self)
                o += 1
            }
            k += 1
            if k >= end { break }
        }
        position = o
        return k
    }

    @inline(__always)
    static func put(_ text: StaticString, _ out: Room, _ o: inout Int) {
        let source = RawSpan(_unsafeStart: text.utf8Start, byteCount: text.utf8CodeUnitCount)
        for k in 0..<source.byteCount {
            out.storeBytes(of: source.unsafeLoad(fromByteOffset: k, as: UInt8.self), toByteOffset: o + k, as: UInt8.self)
        }
        o += source.byteCount
    }

    @inline(__always)
    static func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? 0x30 + value : 0x61 + value - 10 }

    @inline(__always)
    public mutating func integer<T: BinaryInteger>(_ value: T) {
        let magnitude = UInt64(value.magnitude)
        let length = JSONCursor.digitCount(magnitude)
        var o = position
        let out = room
        if value < 0 { out.storeBytes(of: UInt8(ascii: "-"), toByteOffset: o, as: UInt8.self); o += 1 }
        JSONCursor.storeDigits(magnitude, length: length, into: out, endingAt: o + length)
        position = o + length
    }

    /// A decimal with at most `places` fraction digits, trailing zeros dropped; `null` if not finite.
    /// The digits are worked out first, then stored through one span.
    @inline(__always)
    public mutating func decimal(_ value: Double, places: Int) {
        guard value.isFinite else { raw("null"); return }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else { raw("null"); return }
        let units = UInt64(scaled)
        let divisor = UInt64(scale)
        let whole = units / divisor
        var fraction = units % divisor
        var fractionDigits = 0
        if fraction > 0 {
            fractionDigits = places
            while fraction % 10 == 0 { fraction /= 10; fractionDigits -= 1 }
        }
        let wholeLength = JSONCursor.digitCount(whole)
        var o = position
        let out = room
        if value < 0 && units > 0 { out.storeBytes(of: UInt8(ascii: "-"), toByteOffset: o, as: UInt8.self); o += 1 }
        o += wholeLength
        JSONCursor.storeDigits(whole, length: wholeLength, into: out, endingAt: o)
        if fractionDigits > 0 {
            out.storeBytes(of: UInt8(ascii: "."), toByteOffset: o, as: UInt8.self)
            o += 1 + fractionDigits
            JSONCursor.storeDigits(fraction, length: fractionDigits, into: out, endingAt: o)
        }
        position = o
    }

    /// How many decimal digits `value` has (1 for zero).
    @inline(__always)
    static func digitCount(_ value: UInt64) -> Int {
        var length = 1
        var rest = value
        while rest >= 10 { rest /= 10; length += 1 }
        return length
    }

    /// The last `length` decimal digits of `value` (left-padded with zeros), stored so that they
    /// end just before `end`; two at a time.
    @inline(__always)
    static func storeDigits(_ value: UInt64, length: Int, into out: Room, endingAt end: Int) {
        var p = end
        var remaining = value
        var left = length
        while left >= 2 {
            let pair = remaining % 100
            remaining /= 100
            let tens = pair / 10
            p -= 2
            out.storeBytes(of: (UInt16(0x30 + tens) | UInt16(0x30 + pair - tens * 10) << 8).littleEndian, toByteOffset: p, as: UInt16.self)
            left -= 2
        }
        if left == 1 { out.storeBytes(of: UInt8(0x30 + remaining % 10), toByteOffset: p - 1, as: UInt8.self) }
    }
}

/// The room reserved for one `write(atMost:)`; every store checks that it ends inside.
@usableFromInline
struct Room {
    private let base: UnsafeMutableRawBufferPointer

    @inline(__always)
    init(_ base: UnsafeMutableRawBufferPointer) { self.base = base }

    @inline(__always)
    func storeBytes<T: FixedWidthInteger>(of value: T, toByteOffset offset: Int, as type: T.Type) {
        precondition(offset >= 0 && offset <= base.count &- MemoryLayout<T>.size, "JSONBytes: a token longer than its bound")
        base.storeBytes(of: value, toByteOffset: offset, as: T.self)
    }
}
