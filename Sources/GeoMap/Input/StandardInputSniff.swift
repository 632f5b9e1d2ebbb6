/// Whether standard input, read under `--input auto`, is JSON Lines: its first byte that is not
/// white space (after a UTF-8 byte-order mark) is `{`, and its first non-blank line decodes as a
/// record with a string `text` (or is longer than `lineLimit`, too long to wait for). Anything
/// else is one text, as before. The bytes read to decide are handed back, to be read first.
struct StandardInputSniff {
    /// The longest first line read to decide; a longer one that starts with `{` is JSON Lines.
    static let lineLimit = 1 << 22

    var head: [UInt8] = []
    var isJSONLines = false

    /// Reads from `source` (standard input) as far as the decision needs.
    init(reading source: ByteSource) throws {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var scanned = 0
        var lineStart: Int?
        while true {
            if lineStart == nil {
                var k = scanned
                if k == 0 && head.starts(with: DocumentReader.utf8BOM) { k = 3 }
                while k < head.count, [0x20, 0x09, 0x0A, 0x0D].contains(head[k]) { k += 1 }
                if k < head.count {
                    guard head[k] == UInt8(ascii: "{") else { return }
                    lineStart = k
                }
                scanned = max(scanned, k)
            }
            if let start = lineStart {
                let from = max(start, scanned)
                if let newline = head[from...].firstIndex(of: 0x0A) {
                    isJSONLines = StandardInputSniff.decodes(Array(head[start..<newline]))
                    return
                }
                scanned = head.count
                if head.count - start > StandardInputSniff.lineLimit {
                    isJSONLines = true
                    return
                }
            }
            let count = try source.read(into: &chunk, 0..<chunk.count)
            if count == 0 {
                if let start = lineStart { isJSONLines = StandardInputSniff.decodes(Array(head[start...])) }
                return
            }
            head.append(contentsOf: chunk[0..<count])
        }
    }

    private static func decodes(_ line: [UInt8]) -> Bool {
        var decoder = JSONLineDecoder()
        let outcome = line.withByteView { decoder.decode($0, lineNumber: 2, path: "-") }
        if case .record = outcome { return true }
        return false
    }
}
