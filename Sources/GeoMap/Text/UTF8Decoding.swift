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

/// Whether bytes are well-formed UTF-8 (Unicode table 3-7: no overlong forms, no surrogates,
/// nothing above U+10FFFF): ASCII 32 bytes at a time, and after 32 bytes that are not all ASCII
/// the next 32 eight at a time and other sequences checked in place.
func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let count = bytes.count
    let high: UInt64 = 0x8080_8080_8080_8080
    var k = 0
    while true {
        while k &+ 32 <= count {
            let chunk = UnsafeRawPointer(base + k)
            let any = chunk.loadUnaligned(as: UInt64.self) | chunk.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                | chunk.loadUnaligned(fromByteOffset: 16, as: UInt64.self) | chunk.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
            if any & high != 0 { break }
            k &+= 32
        }
        let limit = min(k + 32, count)
        while k < limit {
            if k + 8 <= count {
                let word = UnsafeRawPointer(base + k).loadUnaligned(as: UInt64.self)
                if word & high == 0 { k += 8; continue }
            }
            let lead = base[k]
            if lead < 0x80 { k += 1; continue }
            @inline(__always) func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
                k + offset < count && base[k + offset] >= low && base[k + offset] <= high
            }
            switch lead {
            case 0xC2...0xDF:
                guard continuation(1) else { return false }
                k += 2
            case 0xE0:
                guard continuation(1, 0xA0), continuation(2) else { return false }
                k += 3
            case 0xE1...0xEC, 0xEE...0xEF:
                guard continuation(1), continuation(2) else { return false }
                k += 3
            case 0xED:
                guard continuation(1, 0x80, 0x9F), continuation(2) else { return false }
                k += 3
            case 0xF0:
                guard continuation(1, 0x90), continuation(2), continuation(3) else { return false }
                k += 4
            case 0xF1...0xF3:
                guard continuation(1), continuation(2), continuation(3) else { return false }
                k += 4
            case 0xF4:
                guard continuation(1, 0x80, 0x8F), continuation(2), continuation(3) else { return false }
                k += 4
            default:
                return false
            }
        }
        if k >= count { return true }
    }
}

/// Repairs arbitrary bytes into valid UTF-8, replacing each ill-formed sequence with U+FFFD the way
/// Python's `errors="replace"` does, so code-point offsets agree with what Python readers see.
public func repairedUTF8(_ bytes: some Collection<UInt8>) -> [UInt8] {
    Array(String(decoding: bytes, as: UTF8.self).utf8)
}
