// Reading the fields of TSV rows in place, without allocating.

/// Splits a byte range at a separator byte into `fields`, reusing its storage.
func splitFields(_ line: ByteView, separator: UInt8, into fields: inout [ByteView]) {
    fields.removeAll(keepingCapacity: true)
    var start = 0
    for k in 0..<line.count where line[k] == separator {
        fields.append(line.extracting(start..<k))
        start = k + 1
    }
    fields.append(line.extracting(from: start))
}

/// Calls `body` with every non-empty field of `line`.
@inline(__always)
func forEachField(_ line: ByteView, separator: UInt8, _ body: (ByteView) -> Void) {
    var start = 0
    for k in 0...line.count where k == line.count || line[k] == separator {
        if k > start { body(line.extracting(start..<k)) }
        start = k + 1
    }
}

/// The bytes before the first separator (all of them if there is none).
func firstField(_ line: ByteView, separator: UInt8) -> ByteView {
    var end = 0
    while end < line.count && line[end] != separator { end += 1 }
    return line.extracting(0..<end)
}

extension TSVLines {
    /// The byte offset where the next line starts.
    var nextOffset: Int {
        var copy = self
        return copy.next()?.offset ?? bytes.count
    }
}

private let powersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { value, _ in value * 10 } }

extension ByteView {
    /// A decimal number, exactly as `Double(String)` reads it. Plain forms like `-12.345` with at
    /// most 15 digits take a fast path (the digits and the power of ten are exact doubles, so one
    /// IEEE division rounds correctly); anything else goes to the standard parser.
    var decimal: Double? {
        var k = 0
        var negative = false
        if k < count && self[k] == UInt8(ascii: "-") { negative = true; k += 1 }
        var mantissa: UInt64 = 0
        var integerDigits = 0
        var fractionDigits = 0
        var seenPoint = false
        while k < count {
            let byte = self[k]
            if byte >= 0x30 && byte <= 0x39 {
                mantissa = mantissa &* 10 &+ UInt64(byte - 0x30)
                if seenPoint { fractionDigits += 1 } else { integerDigits += 1 }
            } else if byte == UInt8(ascii: ".") && !seenPoint {
                seenPoint = true
            } else {
                return double
            }
            k += 1
        }
        guard integerDigits > 0, integerDigits + fractionDigits <= 15, !seenPoint || fractionDigits > 0 else { return double }
        let value = Double(mantissa) / powersOfTen[fractionDigits]
        return negative ? -value : value
    }
}
