#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One piece of a document too large to geoparse at once, as valid UTF-8, with where it starts in
/// the whole (repaired) document: its UTF-8 byte offset and its code-point offset.
public struct TextPiece: Sendable {
    public var text: [UInt8]
    public var byteOffset: Int
    public var charOffset: Int
}

/// A document read and geoparsed in pieces, so that a text of any size needs memory for a few
/// pieces only. Pieces of about `TextPieces.size` bytes are cut after white space (after a line
/// break when there is one in the second half of the piece), or, in a run of more than
/// `TextPieces.size` bytes without white space, before a byte that starts a UTF-8 sequence. Either
/// cut leaves the repaired text the same as repairing the whole, so offsets in pieces add up to
/// offsets in the whole document.
public final class LargeDocument {
    public let id: [UInt8]
    public let source: String
    private var stream: TextPieces

    init(id: [UInt8], source: String, stream: TextPieces) {
        self.id = id
        self.source = source
        self.stream = stream
    }

    deinit { stream.close() }

    /// The next piece, or nil after the last one. Throws if the file cannot be read.
    public func nextPiece() throws -> TextPiece? { try stream.next() }
}

/// Cuts a byte stream (a `ByteSource`, or bytes already in memory) into pieces. Each piece is
/// taken from where the last one ended, so the cost of a document is linear in its size.
struct TextPieces {
    /// Documents up to this many bytes are geoparsed whole, larger ones in pieces.
    static let wholeLimit = 1 << 18
    /// The size of a piece: about a dozen long articles. Smaller pieces would cut more sentences;
    /// larger ones would make the per-article context (one sense per name, nearness of places)
    /// span text that has nothing to do with itself, and slow it down.
    static let size = 1 << 16

    let path: String
    private var source: ByteSource?
    /// The bytes read and not yet handed out are `pending[start...]`.
    private var pending: [UInt8]
    private var start = 0
    private var atEOF: Bool
    private var byteOffset = 0
    private var charOffset = 0

    /// Pieces of `bytes`, then of whatever `source` (if any) still holds.
    init(path: String, bytes: [UInt8], source: ByteSource? = nil) {
        self.path = path
        self.pending = bytes
        self.source = source
        atEOF = source == nil
    }

    func close() { source?.close() }

    mutating func next() throws -> TextPiece? {
        while !atEOF && pending.count - start < TextPieces.size { try fill() }
        let available = pending.count - start
        guard available > 0 else {
            close()
            source = nil
            return nil
        }
        let cut = atEOF && available <= TextPieces.size ? available
            : pending.withByteView { TextPieces.cut($0.extracting(from: start), limit: TextPieces.size) }
        var text = Array(pending[start..<(start + cut)])
        start += cut
        if !isValidUTF8(text) { text = repairedUTF8(text) }
        let piece = TextPiece(text: text, byteOffset: byteOffset, charOffset: charOffset)
        byteOffset += text.count
        for byte in text where isScalarStart(byte) { charOffset += 1 }
        return piece
    }

    /// Reads about a piece more; first drops what was handed out (less than a piece is left).
    private mutating func fill() throws {
        guard let source else { atEOF = true; return }
        if start > 0 {
            pending.removeFirst(start)
            start = 0
        }
        if try source.read(upTo: pending.count + TextPieces.size, into: &pending) { atEOF = true }
    }

    /// Where to end a piece of `bytes` (more than `limit` of them): after the last line break in
    /// the second half of the first `limit` bytes, else after the last white space, else before the
    /// last byte that starts a UTF-8 sequence, else at `limit`. Never 0.
    static func cut(_ bytes: ByteView, limit: Int) -> Int {
        let end = min(limit, bytes.count)
        var k = end - 1
        while k >= end / 2 {
            if bytes[k] == 0x0A { return k + 1 }
            k -= 1
        }
        k = end - 1
        while k >= 0 {
            let byte = bytes[k]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { return k + 1 }
            k -= 1
        }
        // A cut before a lead or ASCII byte cannot split a well-formed sequence, and an ill-formed
        // one ends there whether cut or not.
        k = end - 1
        while k > 0 {
            if isScalarStart(bytes[k]) { return k }
            k -= 1
        }
        return end
    }
}
