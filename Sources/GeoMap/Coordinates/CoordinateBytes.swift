/// A read-only view of text bytes for the coordinate and offset parsers: bounds-checked peeks
/// (out of range reads as 0) and the symbols writers use for degrees, minutes and seconds.
struct CoordinateBytes {
    let text: UnsafeBufferPointer<UInt8>

    init(_ text: UnsafeBufferPointer<UInt8>) { self.text = text }

    var count: Int { text.count }

    subscript(_ position: Int) -> UInt8 { position >= 0 && position < text.count ? text[position] : 0 }

    func isDigit(_ position: Int) -> Bool { let b = self[position]; return b >= 0x30 && b <= 0x39 }

    func isASCIILetter(_ position: Int) -> Bool { let b = self[position] | 0x20; return b >= 0x61 && b <= 0x7A }

    func isUpper(_ position: Int) -> Bool { let b = self[position]; return b >= 0x41 && b <= 0x5A }

    /// A letter or digit (any non-ASCII byte counts as a letter), so a coordinate cannot start or
    /// end inside a word.
    func isWordByte(_ position: Int) -> Bool { isDigit(position) || isASCIILetter(position) || self[position] >= 0x80 }

    /// The number of spaces or tabs (at most `limit`) from `position`.
    func spaces(at position: Int, limit: Int = 2) -> Int {
        var n = 0
        while n < limit, self[position + n] == 0x20 || self[position + n] == 0x09 { n += 1 }
        return n
    }

    /// Whether the bytes at `position` spell `literal` (ASCII, compared case-insensitively when
    /// `ignoringCase`).
    func matches(_ literal: StaticString, at position: Int, ignoringCase: Bool = false) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard position >= 0, position + count <= text.count else { return false }
        let bytes = literal.utf8Start
        for k in 0..<count {
            var a = text[position + k], b = bytes[k]
            if ignoringCase { a = lower(a); b = lower(b) }
            if a != b { return false }
        }
        return true
    }

    private func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    /// A run of digits with an optional decimal fraction at `position`: its value, length in
    /// bytes, digits before and after the point. Nil when no digit is there.
    func number(at position: Int, maxIntegerDigits: Int = 3) -> (value: Double, length: Int, integerDigits: Int, decimals: Int)? {
        var p = position
        var value = 0.0
        while isDigit(p) {
            value = value * 10 + Double(self[p] - 0x30)
            p += 1
        }
        let integerDigits = p - position
        guard integerDigits > 0, integerDigits <= maxIntegerDigits else { return nil }
        var decimals = 0
        if self[p] == 0x2E, isDigit(p + 1) {
            p += 1
            var scale = 0.1
            while isDigit(p) {
                value += Double(self[p] - 0x30) * scale
                scale /= 10
                p += 1
                decimals += 1
            }
        }
        return (value, p - position, integerDigits, decimals)
    }

    /// The length of a degree sign at `position`: `°`, `º` (the ordinal look-alike), `˚`, or
    /// `deg`/`degrees` spelt out; 0 when none.
    func degreeSign(at position: Int) -> Int {
        let b = self[position]
        if b == 0xC2 && (self[position + 1] == 0xB0 || self[position + 1] == 0xBA) { return 2 }
        if b == 0xCB && self[position + 1] == 0x9A { return 2 }
        if matches("degrees", at: position, ignoringCase: true), !isASCIILetter(position + 7) { return 7 }
        if matches("deg", at: position, ignoringCase: true), !isASCIILetter(position + 3) { return 3 }
        return 0
    }

    /// The length of a minute sign at `position`: `′`, `'`, `’`, `‘`, `` ` `` or `´`; 0 when none
    /// (two ASCII apostrophes are a seconds sign).
    func minuteSign(at position: Int) -> Int {
        let b = self[position]
        if b == 0xE2 && self[position + 1] == 0x80 && (self[position + 2] == 0xB2 || self[position + 2] == 0x99 || self[position + 2] == 0x98) {
            return secondSign(at: position) > 0 ? 0 : 3
        }
        if b == 0x27 { return self[position + 1] == 0x27 ? 0 : 1 }
        if b == 0x60 { return 1 }
        if b == 0xC2 && self[position + 1] == 0xB4 { return 2 }
        return 0
    }

    /// The length of a second sign at `position`: `″`, `"`, `”`, `“`, `''` or `’’`; 0 when none.
    func secondSign(at position: Int) -> Int {
        let b = self[position]
        if b == 0x22 { return 1 }
        if b == 0x27 && self[position + 1] == 0x27 { return 2 }
        if b == 0xE2 && self[position + 1] == 0x80 {
            let c = self[position + 2]
            if c == 0xB3 || c == 0x9D || c == 0x9C { return 3 }
            if c == 0x99 && self[position + 3] == 0xE2 && self[position + 4] == 0x80 && self[position + 5] == 0x99 { return 6 }
        }
        return 0
    }

    /// The length of a minus sign (`-`, `−` U+2212, `–`) or plus sign at `position`, and whether
    /// it negates.
    func sign(at position: Int) -> (length: Int, negative: Bool)? {
        let b = self[position]
        if b == 0x2D { return (1, true) }
        if b == 0x2B { return (1, false) }
        if b == 0xE2 && self[position + 1] == 0x88 && self[position + 2] == 0x92 { return (3, true) }
        if b == 0xE2 && self[position + 1] == 0x80 && self[position + 2] == 0x93 { return (3, true) }
        return nil
    }
}
