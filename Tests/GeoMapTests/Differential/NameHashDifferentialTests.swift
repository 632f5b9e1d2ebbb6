import Testing
@testable import GeoMap

/// `NameHash.add` over a buffer (eight bytes a round, then the rest by a jump into an unrolled
/// tail) against FNV-1a written out byte by byte from its published constants.
struct NameHashDifferentialTests {
    static func fnv1a(_ bytes: some Sequence<UInt8>, from start: UInt64 = 0xcbf29ce484222325) -> UInt64 {
        var hash = start
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    static func fast(_ bytes: [UInt8], from start: UInt64 = NameHash.seed) -> UInt64 {
        bytes.withUnsafeBufferPointer { NameHash.add($0, to: start) }
    }

    @Test func everyLengthFromEveryStart() {
        var generator = SplitMix64(seed: 19_201)
        var failures = 0
        for length in 0...300 {
            for round in 0..<20 {
                let bytes = DifferentialInputs.randomBytes(count: length, using: &generator)
                let start = round == 0 ? NameHash.seed : generator.next()
                if Self.fast(bytes, from: start) != Self.fnv1a(bytes, from: start) { failures += 1 }
            }
        }
        #expect(failures == 0)
        #expect(Self.fast([]) == NameHash.seed)
        // A published FNV-1a 64 test vector.
        #expect(Self.fast(Array("a".utf8)) == 0xAF63DC4C8601EC8C)
        #expect(Self.fnv1a("a".utf8) == 0xAF63DC4C8601EC8C)
    }

    /// An unaligned slice hashes like a copy: the rounds read at any address.
    @Test func slicesAtEveryOffset() {
        var generator = SplitMix64(seed: 19_202)
        let bytes = DifferentialInputs.randomBytes(count: 200, using: &generator)
        bytes.withUnsafeBufferPointer { all in
            for start in 0..<16 {
                for end in stride(from: start, through: 200, by: 7) {
                    let slice = UnsafeBufferPointer(rebasing: all[start..<end])
                    #expect(NameHash.add(slice, to: NameHash.seed) == Self.fnv1a(all[start..<end]))
                }
            }
        }
    }

    /// Names of the gazetteer (every eighth): `NameHash.of`, a span extended token by token
    /// (`NameHash.extend`) and the fuzzy table's hash all equal FNV-1a of the key bytes.
    @Test(.enabled(if: DifferentialInputs.gazetteerNames != nil, "needs the bundled gazetteer"))
    func gazetteerNameKeys() {
        var tokenizer = Tokenizer()
        var failures = 0, keys = 0
        for name in DifferentialInputs.gazetteerNames(every: 8) {
            guard let key = NameKey.of(name, using: &tokenizer) else { continue }
            keys += 1
            let expected = Self.fnv1a(key.bytes)
            let words = key.bytes.split(separator: 0x20, omittingEmptySubsequences: false).map(Array.init)
            var extended = Self.fast(words[0])
            for word in words.dropFirst() { extended = word.withUnsafeBufferPointer { NameHash.extend(extended, with: $0) } }
            let fuzzy = key.bytes.withByteView { FuzzyKeys.hash(of: $0) }
            if key.hash != expected || NameHash.of(key.string) != expected || extended != expected || fuzzy != expected {
                failures += 1
            }
        }
        #expect(failures == 0)
        #expect(keys > 90_000, "\(keys) keys")
    }
}
