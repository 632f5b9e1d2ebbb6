// Invariant. Each scan checks its start once (`0 <= start <= count`, else the process stops) and
// then reads only at offsets below `count`, which its loop condition guarantees: the per-byte
// reads inside need no check of their own. A scan writes nothing.

/// The scans the JSON reader runs once per byte (whitespace, digits, the plain run of a string),
/// checked once per call instead of once per byte.
extension ByteView {
    /// The first offset at or after `start` whose byte is not JSON whitespace (space, tab, line
    /// feed, carriage return), or the end.
    @inline(__always)
    public func endOfJSONWhitespace(from start: Int) -> Int {
        let base = borrowedBase
        precondition(UInt(bitPattern: start) <= UInt(bitPattern: base.count), "scan outside the view")
        var k = start
        while k < base.count {
            switch base[k] {
            case 0x20, 0x09, 0x0A, 0x0D: k += 1
            default: return k
            }
        }
        return k
    }

    /// The first offset at or after `start` whose byte is not an ASCII digit, or the end.
    @inline(__always)
    public func endOfASCIIDigits(from start: Int) -> Int {
        let base = borrowedBase
        precondition(UInt(bitPattern: start) <= UInt(bitPattern: base.count), "scan outside the view")
        var k = start
        while k < base.count && base[k] &- 0x30 < 10 { k += 1 }
        return k
    }

    /// The first offset at or after `start` that holds a quote, a backslash or a control
    /// character (what ends the plain run of a JSON string), or the end. Eight bytes at a time.
    @inline(__always)
    public func nextJSONStringSpecial(from start: Int) -> Int {
        let base = borrowedBase
        let count = base.count
        precondition(UInt(bitPattern: start) <= UInt(bitPattern: count), "scan outside the view")
        var k = start
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        while k + 8 <= count {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: k, as: UInt64.self))
            // Per byte, the high bit of each term marks a match; only the first match is exact
            // (a borrow may mark bytes after it), and only the first is used.
            let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
            let special = ((quote &- ones) & ~quote | (backslash &- ones) & ~backslash | (word &- ones &* 0x20) & ~word) & high
            if special != 0 { return k + special.trailingZeroBitCount >> 3 }
            k += 8
        }
        while k < count {
            let byte = base[k]
            if byte == 0x22 || byte == 0x5C || byte < 0x20 { return k }
            k += 1
        }
        return count
    }
}
