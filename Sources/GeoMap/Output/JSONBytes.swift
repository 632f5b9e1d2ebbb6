/// Writes JSON tokens straight into a byte buffer: strings escaped per RFC 8259 (control
/// characters, quotes, backslashes, and U+2028/U+2029 for JavaScript readers), numbers without
/// going through `String`.
public struct JSONBytes: Sendable {
    public var bytes: [UInt8] = []

    public init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    public mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    public mutating func raw(_ byte: UInt8) { bytes.append(byte) }

    public mutating func string(_ value: String) {
        var copy = value
        copy.withUTF8 { string(UnsafeRawBufferPointer($0)) }
    }

    public mutating func string(_ value: UnsafeBufferPointer<UInt8>) { string(UnsafeRawBufferPointer(value)) }

    public mutating func string(_ value: UnsafeRawBufferPointer) {
        bytes.append(0x22)
        var k = 0
        let count = value.count
        while k < count {
            let byte = value[k]
            switch byte {
            case 0x22: bytes.append(0x5C); bytes.append(0x22)
            case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
            case 0x0A: bytes.append(0x5C); bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(0x5C); bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(0x5C); bytes.append(UInt8(ascii: "t"))
            case 0..<0x20, 0x7F:
                raw("\\u00")
                bytes.append(JSONBytes.hexDigits[Int(byte >> 4)])
                bytes.append(JSONBytes.hexDigits[Int(byte & 0xF)])
            case 0xE2 where k + 2 < count && value[k + 1] == 0x80 && (value[k + 2] == 0xA8 || value[k + 2] == 0xA9):
                raw(value[k + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                k += 2
            default: bytes.append(byte)
            }
            k += 1
        }
        bytes.append(0x22)
    }

    static let hexDigits = Array("0123456789abcdef".utf8)

    public mutating func integer<T: BinaryInteger>(_ value: T) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = UInt64(value.magnitude)
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(magnitude % 10) + 0x30
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for k in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[k]) }
        }
    }

    /// A decimal with at most `places` fraction digits, trailing zeros dropped; `null` if not finite.
    public mutating func decimal(_ value: Double, places: Int) {
        guard value.isFinite else { raw("null"); return }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else { raw("null"); return }
        var units = UInt64(scaled)
        if value < 0 && units > 0 { bytes.append(UInt8(ascii: "-")) }
        let divisor = UInt64(scale)
        integer(units / divisor)
        units %= divisor
        guard units > 0 else { return }
        bytes.append(UInt8(ascii: "."))
        var digits = places
        while units % 10 == 0 { units /= 10; digits -= 1 }
        var fraction = [UInt8](repeating: 0x30, count: digits)
        var k = digits - 1
        while units > 0 { fraction[k] = UInt8(units % 10) + 0x30; units /= 10; k -= 1 }
        bytes.append(contentsOf: fraction)
    }
}
