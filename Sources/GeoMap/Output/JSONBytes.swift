/// Writes JSON tokens straight into a byte buffer: strings escaped per RFC 8259 (control
/// characters, quotes, backslashes, and U+2028/U+2029 for JavaScript readers), numbers without
/// going through `String`. Each token goes in with one append where it can: runs of a string
/// that need no escape are copied whole, numbers are composed on the stack first.
public struct JSONBytes: Sendable {
    public var bytes: [UInt8] = []

    public init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    public mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    public mutating func raw(_ byte: UInt8) { bytes.append(byte) }

    public mutating func string(_ value: String) {
        var copy = value
        copy.withUTF8 { string(UnsafeRawBufferPointer($0)) }
    }

    public mutating func string(_ value: UnsafeBufferPointer<UInt8>) { string(UnsafeRawBufferPointer(value)) }

    public mutating func string(_ value: UnsafeRawBufferPointer) {
        bytes.append(0x22)
        let count = value.count
        var k = 0
        while k < count {
            let runStart = k
            k = JSONBytes.nextToEscape(value, from: k)
            if k > runStart { bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: value[runStart..<k])) }
            guard k < count else { break }
            let byte = value[k]
            switch byte {
            case 0x22: raw("\\\"")
            case 0x5C: raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            case 0..<0x20, 0x7F:
                raw("\\u00")
                bytes.append(JSONBytes.hexDigit(byte >> 4))
                bytes.append(JSONBytes.hexDigit(byte & 0xF))
            case 0xE2 where k + 2 < count && value[k + 1] == 0x80 && (value[k + 2] == 0xA8 || value[k + 2] == 0xA9):
                raw(value[k + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                k += 2
            default: bytes.append(byte)
            }
            k += 1
        }
        bytes.append(0x22)
    }

    /// The first position at or after `start` whose byte may need an escape: a quote, a
    /// backslash, a control character, DEL, or 0xE2 (the lead byte of U+2028 and U+2029).
    @inline(__always)
    static func nextToEscape(_ value: UnsafeRawBufferPointer, from start: Int) -> Int {
        var k = start
        let count = value.count
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func equal(_ word: UInt64, _ byte: UInt64) -> UInt64 {
            let x = word ^ (ones &* byte)
            return (x &- ones) & ~x
        }
        while k + 8 <= count {
            let word = value.loadUnaligned(fromByteOffset: k, as: UInt64.self).littleEndian
            // Per byte, the high bit of each term marks a match; only the first match is exact
            // (a borrow may mark bytes after it), and only the first is used.
            let special = (equal(word, 0x22) | equal(word, 0x5C) | equal(word, 0x7F) | equal(word, 0xE2)
                           | (word &- ones &* 0x20) & ~word) & high
            if special != 0 { return k + special.trailingZeroBitCount >> 3 }
            k += 8
        }
        while k < count {
            let byte = value[k]
            if byte == 0x22 || byte == 0x5C || byte < 0x20 || byte == 0x7F || byte == 0xE2 { return k }
            k += 1
        }
        return count
    }

    @inline(__always)
    static func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? 0x30 + value : 0x61 + value - 10 }

    public mutating func integer<T: BinaryInteger>(_ value: T) {
        var digits = DigitBuffer()
        if value < 0 { digits.prepend(UInt8(ascii: "-")) }
        digits.appendDecimal(UInt64(value.magnitude))
        digits.write(to: &bytes)
    }

    /// A decimal with at most `places` fraction digits, trailing zeros dropped; `null` if not finite.
    public mutating func decimal(_ value: Double, places: Int) {
        guard value.isFinite else { raw("null"); return }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else { raw("null"); return }
        var units = UInt64(scaled)
        var digits = DigitBuffer()
        if value < 0 && units > 0 { digits.prepend(UInt8(ascii: "-")) }
        let divisor = UInt64(scale)
        digits.appendDecimal(units / divisor)
        units %= divisor
        if units > 0 {
            var fractionDigits = places
            while units % 10 == 0 { units /= 10; fractionDigits -= 1 }
            digits.prepend(UInt8(ascii: "."))
            digits.appendDecimal(units, width: fractionDigits)
        }
        digits.write(to: &bytes)
    }
}

/// Up to 48 bytes of a number, composed on the stack and appended in one go.
private struct DigitBuffer {
    private var storage: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0)
    private var count = 0

    /// Appends one byte (named for the order numbers are written: left to right).
    @inline(__always)
    mutating func prepend(_ byte: UInt8) {
        let at = count
        precondition(at < 48, "a number longer than 48 bytes")
        withUnsafeMutableBytes(of: &storage) { $0[at] = byte }
        count += 1
    }

    /// Appends the decimal digits of `value`, left-padded with zeros to `width` digits.
    @inline(__always)
    mutating func appendDecimal(_ value: UInt64, width: Int = 1) {
        var length = 1
        var rest = value / 10
        while rest > 0 { length += 1; rest /= 10 }
        length = max(length, width)
        let at = count
        precondition(at + length <= 48, "a number longer than 48 bytes")
        withUnsafeMutableBytes(of: &storage) { buffer in
            var remaining = value
            for k in stride(from: at + length - 1, through: at, by: -1) {
                buffer[k] = UInt8(remaining % 10) + 0x30
                remaining /= 10
            }
        }
        count += length
    }

    @inline(__always)
    func write(to bytes: inout [UInt8]) {
        var copy = storage
        let length = count
        withUnsafeBytes(of: &copy) { bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: $0[0..<length])) }
    }
}
