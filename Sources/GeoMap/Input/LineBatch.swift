/// Consecutive lines of one JSON Lines file, copied out of the reader's buffer so that a worker
/// can decode them while the reader goes on.
struct LineBatch: Sendable {
    var path: String
    /// The number of the first line (1-based); the others follow without gaps.
    var firstLine: Int
    /// The lines back to back, without their `\n`.
    private(set) var bytes: [UInt8] = []
    private(set) var ends: [Int] = []

    init(path: String, firstLine: Int) {
        self.path = path
        self.firstLine = firstLine
    }

    var count: Int { ends.count }
    var isEmpty: Bool { ends.isEmpty }

    /// Makes room for `bytes` bytes in `lines` lines at once, so the batch does not grow line by line.
    mutating func reserve(bytes: Int, lines: Int) {
        self.bytes.reserveCapacity(bytes)
        ends.reserveCapacity(lines)
    }

    mutating func append(_ line: ArraySlice<UInt8>) {
        bytes.append(contentsOf: line)
        ends.append(bytes.count)
    }

    /// Calls `body` with line `k` of the batch.
    func withLine<R>(_ k: Int, _ body: (ByteView) -> R) -> R {
        let start = k == 0 ? 0 : ends[k - 1]
        return bytes.withByteView { body($0.extracting(start..<ends[k])) }
    }
}
