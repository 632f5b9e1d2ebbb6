/// Walks the lines and tab-separated fields of a UTF-8 table held in memory, without copying.
struct TSVLines: Sequence, IteratorProtocol {
    let bytes: UnsafeRawBufferPointer
    private var position = 0
    private(set) var lineNumber = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// The next line (without its `\n`) and the byte offset where it starts.
    mutating func next() -> (offset: Int, line: UnsafeRawBufferPointer)? {
        guard position < bytes.count else { return nil }
        let start = position
        var end = start
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        position = end + 1
        lineNumber += 1
        var lineEnd = end
        if lineEnd > start && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        return (start, UnsafeRawBufferPointer(rebasing: bytes[start..<lineEnd]))
    }
}

/// Splits a byte range at a separator byte.
func splitFields(_ line: UnsafeRawBufferPointer, separator: UInt8) -> [UnsafeRawBufferPointer] {
    var fields: [UnsafeRawBufferPointer] = []
    var start = 0
    for k in 0..<line.count where line[k] == separator {
        fields.append(UnsafeRawBufferPointer(rebasing: line[start..<k]))
        start = k + 1
    }
    fields.append(UnsafeRawBufferPointer(rebasing: line[start..<line.count]))
    return fields
}

extension UnsafeRawBufferPointer {
    var string: String { String(decoding: self, as: UTF8.self) }

    var int64: Int64? {
        guard !isEmpty else { return nil }
        var value: Int64 = 0
        var negative = false
        for (k, byte) in enumerated() {
            if k == 0 && byte == UInt8(ascii: "-") { negative = true; continue }
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            let (product, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = product.addingReportingOverflow(Int64(byte - 0x30))
            if overflow1 || overflow2 { return nil }
            value = sum
        }
        return negative ? -value : value
    }

    var double: Double? { Double(string) }
}
