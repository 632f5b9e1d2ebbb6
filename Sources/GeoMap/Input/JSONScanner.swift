/// A small JSON reader over UTF-8 bytes for the one shape GeoMap reads per line — an object whose
/// `id` and `text` it wants — without building a tree or a `String` per value.
struct JSONScanner {
    enum Failure: Error, CustomStringConvertible {
        case malformed(String, at: Int)
        var description: String {
            switch self { case let .malformed(what, at): return "malformed JSON: \(what) at byte \(at + 1)" }
        }
    }

    let bytes: ByteView
    var position = 0
    /// Nesting guard: deeper input is rejected rather than recursed into.
    static let maxDepth = 512

    init(_ bytes: ByteView) { self.bytes = bytes }

    @inline(__always)
    mutating func skipWhitespace() { position = bytes.endOfJSONWhitespace(from: position) }

    @inline(__always)
    mutating func expect(_ byte: UInt8, _ what: StaticString) throws {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == byte else { throw expected(what) }
        position += 1
    }

    @inline(never)
    private func expected(_ what: StaticString) -> Failure { .malformed("expected \(what)", at: position) }

    func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

    /// Reads a string value into `out` (UTF-8, escapes decoded). Lone surrogates become U+FFFD.
    mutating func readString(into out: inout [UInt8]) throws {
        try expect(UInt8(ascii: "\""), "a string")
        let count = bytes.count
        while true {
            let runStart = position
            position = bytes.nextJSONStringSpecial(from: position)
            if position > runStart { out.append(contentsOf: bytes.extracting(runStart..<position)) }
            guard position < count else { break }
            if bytes[position] == UInt8(ascii: "\"") { position += 1; return }
            try escape(into: &out, keep: true)
        }
        throw Failure.malformed("the line ends inside a string (truncated?)", at: position)
    }

    /// Reads a string that holds no escape: its bytes' range, without the quotes; nil (and the
    /// position somewhere inside the string) when it holds one.
    @inline(__always)
    mutating func readPlainString() throws -> Range<Int>? {
        try expect(UInt8(ascii: "\""), "a string")
        let start = position
        position = bytes.nextJSONStringSpecial(from: position)
        guard position < bytes.count else { throw Failure.malformed("the line ends inside a string (truncated?)", at: position) }
        guard bytes[position] == UInt8(ascii: "\"") else { return nil }
        position += 1
        return start..<(position - 1)
    }

    /// Reads the escape at `position` (a backslash, else the byte is a control character), and
    /// appends what it stands for to `out` when `keep` is set.
    private mutating func escape(into out: inout [UInt8], keep: Bool) throws {
        let count = bytes.count
        if bytes[position] != UInt8(ascii: "\\") { throw Failure.malformed("control character in string", at: position) }
        position += 1
        guard position < count else { throw Failure.malformed("the line ends inside a string (truncated?)", at: position) }
        let escape = bytes[position]
        position += 1
        let decoded: UInt8
        switch escape {
        case UInt8(ascii: "\""): decoded = 0x22
        case UInt8(ascii: "\\"): decoded = 0x5C
        case UInt8(ascii: "/"): decoded = 0x2F
        case UInt8(ascii: "b"): decoded = 0x08
        case UInt8(ascii: "f"): decoded = 0x0C
        case UInt8(ascii: "n"): decoded = 0x0A
        case UInt8(ascii: "r"): decoded = 0x0D
        case UInt8(ascii: "t"): decoded = 0x09
        case UInt8(ascii: "u"):
            var scalar = try readHex4()
            if (0xD800..<0xDC00).contains(scalar) {
                if position + 1 < count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") {
                    let save = position
                    position += 2
                    let low = try readHex4()
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        position = save
                        scalar = 0xFFFD
                    }
                } else {
                    scalar = 0xFFFD
                }
            } else if (0xDC00..<0xE000).contains(scalar) {
                scalar = 0xFFFD
            }
            if keep { appendUTF8(scalar, to: &out) }
            return
        default: throw Failure.malformed("bad escape", at: position - 1)
        }
        if keep { out.append(decoded) }
    }

    private mutating func readHex4() throws -> UInt32 {
        guard position + 4 <= bytes.count else { throw Failure.malformed("short \\u escape", at: position) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: throw Failure.malformed("bad \\u escape", at: position)
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    /// Skips any value; returns the raw bytes of a number (for numeric ids). Containers are
    /// walked without recursion: `open` holds one bit per open container (set for an object),
    /// and every check and message is the one a recursive reader would make at the same byte.
    /// The position is kept in a local (a register) and stored back when the value ends.
    @discardableResult
    mutating func skipValue() throws -> Range<Int>? {
        let end = bytes.count
        let base = bytes
        guard position < end else {
            throw Failure.malformed("the line ends where a value should be (truncated?)", at: position)
        }
        var p = position
        defer { position = p }
        var open = OpenContainers()
        var depth = 0
        value: while true {
            guard depth < JSONScanner.maxDepth else { throw Failure.malformed("nesting too deep", at: p) }
            p = base.endOfJSONWhitespace(from: p)
            guard p < end else { throw Failure.malformed("the line ends where a value should be (truncated?)", at: p) }
            switch base[p] {
            case UInt8(ascii: "\""):
                p += 1
                try skipStringBody(base, &p, end)
            case UInt8(ascii: "{"):
                p += 1
                p = base.endOfJSONWhitespace(from: p)
                if p < end && base[p] == UInt8(ascii: "}") { p += 1; break }
                open.set(depth, object: true)
                depth += 1
                try skipKey(base, &p, end)
                continue value
            case UInt8(ascii: "["):
                p += 1
                p = base.endOfJSONWhitespace(from: p)
                if p < end && base[p] == UInt8(ascii: "]") { p += 1; break }
                open.set(depth, object: false)
                depth += 1
                continue value
            case UInt8(ascii: "t"): try JSONScanner.literal("true", base, &p, end)
            case UInt8(ascii: "f"): try JSONScanner.literal("false", base, &p, end)
            case UInt8(ascii: "n"): try JSONScanner.literal("null", base, &p, end)
            case UInt8(ascii: "-"), 0x30...0x39:
                let start = p
                try JSONScanner.number(base, &p, end)
                if depth == 0 { return start..<p }
            default:
                throw Failure.malformed("unexpected character", at: p)
            }
            // A value has ended: close the containers it ends, and go on after a comma.
            while depth > 0 {
                p = base.endOfJSONWhitespace(from: p)
                let object = open.isObject(depth - 1)
                if p < end && base[p] == UInt8(ascii: ",") {
                    p += 1
                    if object { try skipKey(base, &p, end) }
                    continue value
                }
                guard p < end && base[p] == (object ? UInt8(ascii: "}") : UInt8(ascii: "]")) else {
                    throw Failure.malformed(object ? "expected ',' or '}'" : "expected ',' or ']'", at: p)
                }
                p += 1
                depth -= 1
            }
            return nil
        }
    }

    /// An object's key and its colon.
    @inline(__always)
    private mutating func skipKey(_ base: ByteView, _ p: inout Int, _ end: Int) throws {
        p = base.endOfJSONWhitespace(from: p)
        guard p < end && base[p] == UInt8(ascii: "\"") else { throw Failure.malformed("expected a string", at: p) }
        p += 1
        try skipStringBody(base, &p, end)
        p = base.endOfJSONWhitespace(from: p)
        guard p < end && base[p] == UInt8(ascii: ":") else { throw Failure.malformed("expected ':'", at: p) }
        p += 1
    }

    /// Skips the rest of a string whose opening quote has been read.
    @inline(__always)
    private mutating func skipStringBody(_ base: ByteView, _ p: inout Int, _ end: Int) throws {
        while true {
            p = base.nextJSONStringSpecial(from: p)
            guard p < end else { throw Failure.malformed("the line ends inside a string (truncated?)", at: p) }
            if base[p] == UInt8(ascii: "\"") { p += 1; return }
            position = p
            var none: [UInt8] = []
            try escape(into: &none, keep: false)
            p = position
        }
    }

    /// A number as RFC 8259 spells it — `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?` — not
    /// followed by another character a number could have (`32.1.1`, `01`, `-`, `1.`, `1e` fail).
    @inline(__always)
    private static func number(_ base: ByteView, _ p: inout Int, _ end: Int) throws {
        let start = p
        @inline(__always) func isDigit(_ k: Int) -> Bool { k < end && base[k] >= 0x30 && base[k] <= 0x39 }
        @inline(__always) func digits() { p = base.endOfASCIIDigits(from: p) }
        if base[p] == UInt8(ascii: "-") { p += 1 }
        guard isDigit(p) else { throw Failure.malformed("bad number", at: start) }
        if base[p] == 0x30 { p += 1 } else { digits() }
        if p < end && base[p] == UInt8(ascii: ".") {
            p += 1
            guard isDigit(p) else { throw Failure.malformed("bad number", at: start) }
            digits()
        }
        if p < end && (base[p] == UInt8(ascii: "e") || base[p] == UInt8(ascii: "E")) {
            p += 1
            if p < end && (base[p] == UInt8(ascii: "+") || base[p] == UInt8(ascii: "-")) { p += 1 }
            guard isDigit(p) else { throw Failure.malformed("bad number", at: start) }
            digits()
        }
        if p < end {
            switch base[p] {
            case 0x30...0x39, UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"), UInt8(ascii: "-"):
                throw Failure.malformed("bad number", at: start)
            default: break
            }
        }
    }

    @inline(__always)
    private static func literal(_ word: StaticString, _ base: ByteView, _ p: inout Int, _ end: Int) throws {
        let count = word.utf8CodeUnitCount
        guard p + count <= end else { throw Failure.malformed("bad literal", at: p) }
        for k in 0..<count where base[p + k] != word.utf8Start[k] {
            throw Failure.malformed("bad literal", at: p)
        }
        p += count
    }

    /// One bit per open container, up to `maxDepth`.
    private struct OpenContainers {
        var words = InlineArray<8, UInt64>(repeating: 0)

        @inline(__always)
        mutating func set(_ k: Int, object: Bool) {
            let bit: UInt64 = 1 << UInt64(k & 63)
            if object { words[k >> 6] |= bit } else { words[k >> 6] &= ~bit }
        }

        @inline(__always)
        func isObject(_ k: Int) -> Bool { words[k >> 6] >> UInt64(k & 63) & 1 != 0 }
    }

}

@inline(__always)
func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
    switch scalar {
    case 0..<0x80: out.append(UInt8(scalar))
    case 0x80..<0x800:
        out.append(UInt8(0xC0 | (scalar >> 6))); out.append(UInt8(0x80 | (scalar & 0x3F)))
    case 0x800..<0x10000:
        out.append(UInt8(0xE0 | (scalar >> 12))); out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (scalar & 0x3F)))
    default:
        out.append(UInt8(0xF0 | (scalar >> 18))); out.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
        out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F))); out.append(UInt8(0x80 | (scalar & 0x3F)))
    }
}
