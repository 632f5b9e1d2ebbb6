/// Walks the lines and tab-separated fields of a UTF-8 table held in memory, without copying.
struct TSVLines: Sequence, IteratorProtocol {
    let bytes: ByteView
    private var position = 0
    private(set) var lineNumber = 0

    init(_ bytes: ByteView) { self.bytes = bytes }

    /// The next line (without its `\n`) and the byte offset where it starts.
    mutating func next() -> (offset: Int, line: ByteView)? {
        guard position < bytes.count else { return nil }
        let start = position
        let end = bytes.firstIndex(of: 0x0A, from: start) ?? bytes.count
        position = end + 1
        lineNumber += 1
        var lineEnd = end
        if lineEnd > start && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        return (start, bytes.extracting(start..<lineEnd))
    }
}

/// Splits a byte range at a separator byte.
func splitFields(_ line: ByteView, separator: UInt8) -> [ByteView] {
    var fields: [ByteView] = []
    splitFields(line, separator: separator, into: &fields)
    return fields
}

extension ByteView {
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
