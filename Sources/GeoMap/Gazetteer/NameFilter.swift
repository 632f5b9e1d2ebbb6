/// A blocked Bloom filter over name-key hashes, stored in the derived index: whether a text span
/// may be a name key, may begin a longer name key, or may begin (or be) an organisation's name.
/// A "no" is certain, so the recognizer skips the hash-table probes — cache misses in a table of
/// tens of megabytes — of spans that cannot lead to a name, and stops extending a span as soon as
/// no name starts with it. A "yes" is wrong for about one span in a hundred.
///
/// Each hash sets `bitsPerHash` bits in one 64-byte block, so a query reads one cache line — the
/// same line for the three kinds of question about one span.
struct NameFilter {
    enum Kind: UInt64 {
        /// A whole name key.
        case key = 0x243F_6A88_85A3_08D3
        /// The first tokens (not all) of a name key.
        case keyPrefix = 0x1319_8A2E_0370_7344
        /// The first tokens, or all, of an organisation's name key.
        case organisationPrefix = 0xA409_3822_299F_31D0
    }

    static let blockSize = 64
    static let bitsPerHash = 6
    /// About 1 % false positives at this density.
    static let bitsPerElement = 10

    let blocks: ByteView
    let blockCount: Int

    static func blockCount(forElements count: Int) -> Int {
        max(1, (count * bitsPerElement + blockSize * 8 - 1) / (blockSize * 8))
    }

    /// Where a hash's bits are: its block, from the hash alone, so that the three questions about
    /// one span read one cache line; and the six bit numbers within it, from the hash mixed with
    /// the kind.
    @inline(__always)
    static func position(_ hash: UInt64, _ kind: Kind, blockCount: Int) -> (block: Int, bits: UInt64) {
        (block(hash, blockCount: blockCount), mix(IndexLayout.stored(hash) ^ kind.rawValue) &* 0x94D0_49BB_1331_11EB)
    }

    @inline(__always)
    static func block(_ hash: UInt64, blockCount: Int) -> Int {
        Int(truncatingIfNeeded: ((mix(IndexLayout.stored(hash)) >> 32) &* UInt64(blockCount)) >> 32)
    }

    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        var mixed = value &* 0x9E37_79B9_7F4A_7C15
        mixed ^= mixed >> 29
        mixed = mixed &* 0xBF58_476D_1CE4_E5B9
        return mixed ^ (mixed >> 32)
    }

    @inline(__always)
    func mayContain(_ hash: UInt64, _ kind: Kind) -> Bool {
        let (block, bits) = NameFilter.position(hash, kind, blockCount: blockCount)
        let base = block &* NameFilter.blockSize
        var rest = bits
        for _ in 0..<NameFilter.bitsPerHash {
            let bit = Int(truncatingIfNeeded: rest & 511)
            let word = blocks.load(at: base &+ (bit >> 6) &* 8, as: UInt64.self)
            if word & (1 << UInt64(bit & 63)) == 0 { return false }
            rest >>= 9
        }
        return true
    }

    /// Sets the bits of `hash` in `words`, the filter's blocks as 64-bit words.
    static func insert(_ hash: UInt64, _ kind: Kind, into words: inout [UInt64], blockCount: Int) {
        let (block, bits) = position(hash, kind, blockCount: blockCount)
        var rest = bits
        for _ in 0..<bitsPerHash {
            let bit = Int(truncatingIfNeeded: rest & 511)
            words[block * (blockSize / 8) + (bit >> 6)] |= 1 << UInt64(bit & 63)
            rest >>= 9
        }
    }

    /// The hash of each proper token prefix of a key (its bytes up to each space).
    static func prefixHashes(of key: ByteView, _ body: (UInt64) -> Void) {
        var hash = NameHash.seed
        for byte in key {
            if byte == 0x20 { body(hash) }
            hash = NameHash.add(byte, to: hash)
        }
    }
}
