/// Reads one scalar from valid UTF-8 (the text is repaired once on input, so every sequence here
/// is well formed). Returns the scalar value and its length in bytes.
@inline(__always)
func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: UInt32, length: Int) {
    let lead = bytes[index]
    if lead < 0x80 { return (UInt32(lead), 1) }
    let count = bytes.count
    if lead < 0xE0, index + 1 < count {
        return ((UInt32(lead & 0x1F) << 6) | UInt32(bytes[index + 1] & 0x3F), 2)
    }
    if lead < 0xF0, index + 2 < count {
        return ((UInt32(lead & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6)
                | UInt32(bytes[index + 2] & 0x3F), 3)
    }
    if index + 3 < count {
        return ((UInt32(lead & 0x07) << 18) | (UInt32(bytes[index + 1] & 0x3F) << 12)
                | (UInt32(bytes[index + 2] & 0x3F) << 6) | UInt32(bytes[index + 3] & 0x3F), 4)
    }
    return (0xFFFD, 1)
}

/// Whether a byte starts a scalar (is not a continuation byte).
@inline(__always)
func isScalarStart(_ byte: UInt8) -> Bool { byte & 0xC0 != 0x80 }

/// Repairs arbitrary bytes into valid UTF-8, replacing each ill-formed sequence with U+FFFD the way
/// Python's `errors="replace"` does, so code-point offsets agree with what Python readers see.
public func repairedUTF8(_ bytes: some Collection<UInt8>) -> [UInt8] {
    Array(String(decoding: bytes, as: UTF8.self).utf8)
}
