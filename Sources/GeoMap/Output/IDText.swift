/// Document ids as GeoMap writes them. An id comes from the input as bytes: it may be ill-formed
/// UTF-8, hold control characters (an escape sequence that would drive a terminal) or be
/// megabytes long. In JSON it is repaired (each ill-formed sequence read as U+FFFD, as texts are)
/// and escaped; in the table and CSV formats, and in messages, it is also made printable (every
/// C0 and C1 control character and DEL written as `\u001b`); in messages it is also cut.
public enum IDText {
    /// Messages show at most this many bytes of an id.
    public static let messageLimit = 200

    /// The id as valid UTF-8 (`printable`: with no control characters either). An ordinary id
    /// is returned as it is, without a copy.
    public static func writable(_ id: [UInt8], printable: Bool) -> [UInt8] {
        if printable ? isPrintableUTF8(id) : isValid(id) { return id }
        return printable ? makePrintable(id) : repairedUTF8(id)
    }

    /// Whether bytes are well-formed UTF-8 (the standard library's check, on a span).
    static func isValid(_ bytes: [UInt8]) -> Bool {
        do {
            _ = try UTF8Span(validating: bytes.span)
            return true
        } catch {
            return false
        }
    }

    /// The id for a one-line message: printable, and cut after `messageLimit` bytes (at a
    /// character boundary) with its full length said.
    public static func forMessage(_ id: some Collection<UInt8>) -> String {
        let bytes = Array(id)
        var text = makePrintable(bytes)
        guard text.count > messageLimit else { return String(decoding: text, as: UTF8.self) }
        var cut = messageLimit
        while cut > 0 && !isScalarStart(text[cut]) { cut -= 1 }
        text.removeSubrange(cut...)
        return String(decoding: text, as: UTF8.self) + "… (\(bytes.count) bytes)"
    }

    /// Valid UTF-8 without C0 controls, DEL or C1 controls (U+0080–U+009F, `C2 80`–`C2 9F`).
    static func isPrintableUTF8(_ bytes: [UInt8]) -> Bool {
        var ascii = true
        for (k, byte) in bytes.enumerated() {
            if byte < 0x20 || byte == 0x7F { return false }
            if byte >= 0x80 {
                ascii = false
                if byte == 0xC2 && k + 1 < bytes.count && bytes[k + 1] < 0xA0 { return false }
            }
        }
        return ascii || isValid(bytes)
    }

    /// Repaired, with each control character written as `\u00XX`.
    static func makePrintable(_ id: [UInt8]) -> [UInt8] {
        let valid = isValid(id) ? id : repairedUTF8(id)
        var out: [UInt8] = []
        out.reserveCapacity(valid.count)
        for scalar in String(decoding: valid, as: UTF8.self).unicodeScalars {
            let value = scalar.value
            if value < 0x20 || (0x7F...0x9F).contains(value) {
                out.append(contentsOf: Array("\\u00".utf8))
                out.append(JSONCursor.hexDigit(UInt8(value >> 4)))
                out.append(JSONCursor.hexDigit(UInt8(value & 0xF)))
            } else {
                out.append(contentsOf: String(scalar).utf8)
            }
        }
        return out
    }
}
