/// Name keys one edit away, fast enough for the text matcher: a SymSpell-style table in the derived
/// index from the hash of each significant key, and of each of its one-byte deletions, to the
/// key's index in the key list. A query looks up its own hash (finding keys one byte longer) and
/// the hashes of its own deletions (keys one byte shorter, and substitutions), then checks every
/// hit against the key's bytes, so hash collisions never get through.
///
/// Edits are byte edits on folded UTF-8, as `withinOneEdit` counts them, and only ASCII bytes are
/// deleted, on both sides. Between two valid UTF-8 strings an inserted or deleted byte is always
/// ASCII, so the table misses only the pairs whose one differing byte is not: a letter replaced by
/// another inside a multi-byte character (`Москва` with one Cyrillic letter replaced). Folding
/// leaves Latin names in ASCII, and leaving those out halves the table. An adjacent transposition
/// is two edits for `withinOneEdit`, so here too.
enum FuzzyKeys {
    /// Keys and queries shorter than this, in bytes, are never matched fuzzily: a short word is too
    /// often one edit from a name.
    static let minimumLength = 8
    /// Longer keys are not in the table (the bundled gazetteer's longest single-token key has 78
    /// bytes), so a query more than a byte longer than this is answered at once: the deletions of
    /// a query cost time quadratic in its length.
    static let maximumLength = 128
    /// A populated place needs at least this many people for its names to be matched fuzzily.
    static let minimumPopulation: UInt32 = 1_000

    /// Whether an entry's names may be matched fuzzily: anything but a small populated place.
    @inline(__always)
    static func isSignificant(kind: PlaceKind, population: UInt32) -> Bool {
        switch kind {
        case .country, .admin1, .admin2, .region, .water, .landform, .landmark: return true
        case .place: return population >= minimumPopulation
        }
    }

    /// Whether a posting of a significant entry makes its key fuzzy-matchable: any name but an
    /// abbreviation (matched only in its exact letter case, so never fuzzily).
    @inline(__always)
    static func isSignificant(_ type: NameType) -> Bool { type != .abbreviation }

    /// Whether a key's bytes may go in the table: long enough, not too long, a single token, not a number.
    static func isEligible(_ key: ByteView) -> Bool {
        guard key.count >= minimumLength && key.count <= maximumLength else { return false }
        var allDigits = true
        for byte in key {
            if byte == 0x20 { return false }
            if byte < 0x30 || byte > 0x39 { allDigits = false }
        }
        return !allDigits
    }

    /// The hash of `bytes` without one ASCII byte, for each distinct result: deleting any byte of a
    /// run of equal bytes gives the same string, so only the first of a run is deleted.
    @inline(__always)
    static func forEachDeletionHash(of bytes: ByteView, _ body: (UInt64) -> Void) {
        var prefix = NameHash.seed
        var previous: UInt8? = nil
        for i in 0..<bytes.count {
            let byte = bytes[i]
            if byte < 0x80 && byte != previous {
                var hash = prefix
                var j = i + 1
                while j < bytes.count {
                    hash = NameHash.add(bytes[j], to: hash)
                    j += 1
                }
                body(hash)
            }
            prefix = NameHash.add(byte, to: prefix)
            previous = byte
        }
    }

    /// The key hash of raw bytes, as `NameHash` makes it.
    @inline(__always)
    static func hash(of bytes: ByteView) -> UInt64 {
        NameHash.add(bytes, to: NameHash.seed)
    }

    /// How many hashes `forEachDeletionHash` yields: one per run of equal ASCII bytes.
    static func deletionCount(of bytes: ByteView) -> Int {
        var runs = 0
        for i in 0..<bytes.count where bytes[i] < 0x80 && (i == 0 || bytes[i] != bytes[i - 1]) { runs += 1 }
        return runs
    }

    /// A slot's reference: the key's index in the key list plus one (0 marks an empty slot), then
    /// whether the slot holds the key's own hash rather than a deletion's.
    @inline(__always)
    static func reference(keyIndex: Int, isKey: Bool) -> UInt32 { UInt32(keyIndex + 1) << 1 | (isKey ? 1 : 0) }

    /// Slots for `count` hashes: a power of two, at most 70 % full, at least 16 (also for none).
    static func slotBits(forHashes count: Int) -> Int { max(4, (count * 10 / 7).bitWidthCeiling) }

    /// Fills the table in `slots` (zeroed, `1 << bits` slots) with each key's own hash and the
    /// hashes of its deletions, in the order given (so the table is deterministic).
    static func fill(_ slots: inout [UInt8], at offset: Int, bits: Int, keys: [(index: Int, bytes: ByteView)]) {
        let mask = (1 << bits) - 1
        func put(_ hash: UInt64, _ reference: UInt32) {
            var slot = IndexLayout.home(of: hash, bits: bits)
            while slots.loadLittleEndian(at: offset + slot * IndexLayout.fuzzySlotSize + IndexLayout.FuzzySlot.reference, as: UInt32.self) != 0 {
                slot = (slot + 1) & mask
            }
            let base = offset + slot * IndexLayout.fuzzySlotSize
            slots.storeLittleEndian(UInt32(truncatingIfNeeded: hash), at: base + IndexLayout.FuzzySlot.fingerprint)
            slots.storeLittleEndian(reference, at: base + IndexLayout.FuzzySlot.reference)
        }
        for key in keys {
            put(hash(of: key.bytes), reference(keyIndex: key.index, isKey: true))
            let deletion = reference(keyIndex: key.index, isKey: false)
            forEachDeletionHash(of: key.bytes) { put($0, deletion) }
        }
    }
}

extension Gazetteer {
    /// Calls `body` once for each distinct name key exactly one edit of an ASCII byte (insertion,
    /// deletion or substitution, as `withinOneEdit` counts them) from `folded`, key bytes of at least
    /// `FuzzyKeys.minimumLength` bytes. Only keys of one token, that long (and at most
    /// `FuzzyKeys.maximumLength`), not all digits, with a
    /// name (not an abbreviation) of a significant entry are found (see `FuzzyKeys`); the query's
    /// own key never is. `body` gets the key's hash (for `postings(forKeyHash:)`) and its bytes.
    /// Allocates nothing unless more than 32 keys are found.
    public func forEachFuzzyKey(near query: ByteView, _ body: (_ keyHash: UInt64, _ key: ByteView) -> Void) {
        guard query.count >= FuzzyKeys.minimumLength && query.count <= FuzzyKeys.maximumLength + 1 else { return }
        var seen = SeenKeys()
        // Keys one byte longer, whose deletions include the query; the query's own key is not wanted.
        forEachFuzzyReference(NameHash.add(query, to: NameHash.seed)) { reference in
            if reference & 1 == 0 { consider(reference, query, &seen, body) }
        }
        // Keys one byte shorter (a key's own hash) and substitutions (a deletion's hash).
        FuzzyKeys.forEachDeletionHash(of: query) { hash in
            forEachFuzzyReference(hash) { consider($0, query, &seen, body) }
        }
    }

    @inline(__always)
    private func forEachFuzzyReference(_ hash: UInt64, _ visit: (UInt32) -> Void) {
        let fingerprint = UInt32(truncatingIfNeeded: hash)
        var slot = IndexLayout.home(of: hash, bits: fuzzyBits)
        while true {
            let word = fuzzySlots.load(at: slot &* IndexLayout.fuzzySlotSize, as: UInt64.self)
            let reference = UInt32(truncatingIfNeeded: word >> 32)
            if reference == 0 { return }
            if UInt32(truncatingIfNeeded: word) == fingerprint { visit(reference) }
            slot = (slot &+ 1) & fuzzyMask
        }
    }

    private func consider(_ reference: UInt32, _ query: ByteView, _ seen: inout SeenKeys,
                          _ body: (UInt64, ByteView) -> Void) {
        let keyIndex = Int32(reference >> 1) - 1
        guard !seen.contains(keyIndex) else { return }
        let key = nameKey(at: Int(keyIndex))
        guard abs(key.count - query.count) <= 1 else { return }
        if key.bytesEqual(query) { return }
        guard withinOneEdit(query, key) else { return }
        seen.insert(keyIndex)
        body(FuzzyKeys.hash(of: key), key)
    }
}

/// The key indexes a fuzzy query has reported: a few on the stack, more on the heap.
private struct SeenKeys {
    var inline = InlineArray<32, Int32>(repeating: 0)
    var count = 0
    var spilled: [Int32] = []

    func contains(_ key: Int32) -> Bool {
        for k in 0..<min(count, inline.count) where inline[k] == key { return true }
        return count > inline.count && spilled.contains(key)
    }

    mutating func insert(_ key: Int32) {
        if count < inline.count { inline[count] = key } else { spilled.append(key) }
        count += 1
    }
}

