/// Writing the index bytes: every section laid out from the sizes known after the postings are
/// compacted, then filled in place (layout in `IndexLayout`).
extension IndexBuilder {
    /// The index bytes, from the entry records of the chunks in order and the postings sorted by key.
    static func assemble(entries: [[UInt8]], admin1Parents: [(entry: Int32, parent: Int32)],
                                 postings: inout [PendingPosting], keyBytes: [[UInt8]], maxTokens: Int,
                                 lexicon: [UInt64: LexiconFlags], organisationPrefixes: [UInt64], countryEntries: [Int32],
                                 fingerprint: UInt64) -> [UInt8] {
        // Within a key, one posting per entry and type (primary and alternate names count as one),
        // compacted in place.
        var keptCount = 0
        var distinctKeys = 0
        var writtenPostings = 0
        var poolSize = 0
        var keyPrefixCount = 0
        var groupSize = 0
        // Keys for the fuzzy table: those of one long token with a significant posting, by their
        // ordinal among the distinct keys (the order the key list is written in).
        let significantEntries = significantEntryFlags(entries)
        var fuzzyKeyOrdinals: [Int] = []
        var fuzzyHashCount = 0
        var groupStart = 0
        var groupSignificant = false
        do {
            func closeGroup() {
                let first = postings[groupStart]
                guard groupSignificant, first.tokenCount == 1, Int(first.keyLength) >= FuzzyKeys.minimumLength else { return }
                keyBytes[Int(first.source)].withByteView { chunk in
                    let key = chunk.extracting(Int(first.keyOffset)..<(Int(first.keyOffset) + Int(first.keyLength)))
                    guard FuzzyKeys.isEligible(key) else { return }
                    fuzzyKeyOrdinals.append(distinctKeys - 1)
                    fuzzyHashCount += 1 + FuzzyKeys.deletionCount(of: key)
                }
            }
            for k in 0..<postings.count {
                let posting = postings[k]
                if keptCount > 0, postings[keptCount - 1].hash == posting.hash {
                    let last = postings[keptCount - 1]
                    if last.entry == posting.entry {
                        let sameFamily = (last.type.rawValue <= 1 && posting.type.rawValue <= 1) || last.type == posting.type
                        if sameFamily && (posting.type != .abbreviation || last.caseSignature == posting.caseSignature) {
                            // Keep the flags that hold for every written form of the key.
                            postings[keptCount - 1].flags.formIntersection(posting.flags)
                            continue
                        }
                    }
                    groupSize += 1
                } else {
                    // A key's posting count is 16 bits: a key with more postings keeps its first 65,535.
                    writtenPostings += min(groupSize, Int(UInt16.max))
                    if distinctKeys > 0 { closeGroup() }
                    groupStart = keptCount
                    groupSignificant = false
                    groupSize = 1
                    distinctKeys += 1
                    poolSize += Int(posting.keyLength)
                    keyPrefixCount += Int(posting.tokenCount) - 1
                }
                postings[keptCount] = posting
                keptCount += 1
                if !groupSignificant && FuzzyKeys.isSignificant(posting.type) && significantEntries[Int(posting.entry)] {
                    groupSignificant = true
                }
            }
            if distinctKeys > 0 { closeGroup() }
        }
        writtenPostings += min(groupSize, Int(UInt16.max))
        postings.removeLast(postings.count - keptCount)

        let slotBits = max(4, (distinctKeys * 10 / 7).bitWidthCeiling)
        let slotCount = 1 << slotBits
        let lexiconBits = max(4, (lexicon.count * 10 / 7).bitWidthCeiling)
        let lexiconCount = 1 << lexiconBits
        let entryCount = entries.reduce(0) { $0 + $1.count } / IndexLayout.entrySize

        // Every section's size is known now: lay out the file and fill it in place.
        func aligned(_ offset: Int) -> Int { (offset + 7) & ~7 }
        let entriesOffset = IndexLayout.headerSize
        let slotsOffset = aligned(entriesOffset + entryCount * IndexLayout.entrySize)
        let postingsOffset = aligned(slotsOffset + slotCount * IndexLayout.slotSize)
        let lexiconOffset = aligned(postingsOffset + writtenPostings * IndexLayout.postingSize)
        let keysOffset = aligned(lexiconOffset + lexiconCount * IndexLayout.lexiconSlotSize)
        let countriesOffset = aligned(keysOffset + distinctKeys * IndexLayout.keyRefSize)
        let poolOffset = aligned(countriesOffset + countryEntries.count * 4)
        let filterOffset = (poolOffset + poolSize + NameFilter.blockSize - 1) / NameFilter.blockSize * NameFilter.blockSize
        let filterBlocks = NameFilter.blockCount(forElements: distinctKeys + keyPrefixCount + organisationPrefixes.count)
        let fuzzyOffset = filterOffset + filterBlocks * NameFilter.blockSize
        let fuzzyBits = FuzzyKeys.slotBits(forHashes: fuzzyHashCount)
        var out = [UInt8](repeating: 0, count: fuzzyOffset + (1 << fuzzyBits) * IndexLayout.fuzzySlotSize)

        do {
            @inline(__always) func put<T: FixedWidthInteger & BitwiseCopyable>(_ value: T, _ offset: Int) {
                out.storeLittleEndian(value, at: offset)
            }
            for (k, byte) in IndexLayout.magic.enumerated() { out[k] = byte }
            put(fingerprint, IndexLayout.Header.fingerprint)
            put(UInt32(entryCount), IndexLayout.Header.entryCount)
            put(UInt32(slotCount), IndexLayout.Header.slotCount)
            put(UInt32(writtenPostings), IndexLayout.Header.postingCount)
            put(UInt32(lexiconCount), IndexLayout.Header.lexiconSlotCount)
            put(UInt32(distinctKeys), IndexLayout.Header.keyCount)
            put(UInt32(maxTokens), IndexLayout.Header.maxTokens)
            put(UInt64(entriesOffset), IndexLayout.Header.entriesOffset)
            put(UInt64(slotsOffset), IndexLayout.Header.slotsOffset)
            put(UInt64(postingsOffset), IndexLayout.Header.postingsOffset)
            put(UInt64(lexiconOffset), IndexLayout.Header.lexiconOffset)
            put(UInt64(keysOffset), IndexLayout.Header.keysOffset)
            put(UInt64(countriesOffset), IndexLayout.Header.countriesOffset)
            put(UInt64(poolOffset), IndexLayout.Header.poolOffset)
            put(UInt64(poolSize), IndexLayout.Header.poolSize)
            put(UInt64(filterOffset), IndexLayout.Header.filterOffset)
            put(UInt32(filterBlocks), IndexLayout.Header.filterBlockCount)
            put(UInt32(1 << fuzzyBits), IndexLayout.Header.fuzzySlotCount)
            put(UInt64(fuzzyOffset), IndexLayout.Header.fuzzyOffset)
            put(UInt32(fuzzyKeyOrdinals.count), IndexLayout.Header.fuzzyKeyCount)
            var filterWords = [UInt64](repeating: 0, count: filterBlocks * NameFilter.blockSize / 8)

            var at = entriesOffset
            for chunk in entries {
                out.replaceSubrange(at..<(at + chunk.count), with: chunk)
                at += chunk.count
            }
            for (entry, parent) in admin1Parents {
                put(parent, entriesOffset + Int(entry) * IndexLayout.entrySize + IndexLayout.Entry.admin1Entry)
            }

            // Key groups in hash order: a slot each, their postings most specific first (primary
            // names, then by entry), their key bytes appended to the pool.
            var keyRefs = [UInt64]()  // pool offset << 24 | token count << 16 | key length
            keyRefs.reserveCapacity(distinctKeys)
            var group: [(posting: PendingPosting, position: Int)] = []
            var postingIndex = 0
            var poolPosition = 0
            var start = 0
            do {
                while start < postings.count {
                    var end = start + 1
                    while end < postings.count && postings[end].hash == postings[start].hash { end += 1 }
                    let first = postings[start]
                    var slot = IndexLayout.home(of: first.hash, bits: slotBits)
                    while out.loadLittleEndian(at: slotsOffset + slot * IndexLayout.slotSize, as: UInt64.self) != 0 {
                        slot = (slot + 1) & (slotCount - 1)
                    }
                    let base = slotsOffset + slot * IndexLayout.slotSize
                    put(first.hash, base + IndexLayout.Slot.hash)
                    put(UInt32(postingIndex), base + IndexLayout.Slot.postingStart)
                    put(UInt16(clamping: end - start), base + IndexLayout.Slot.postingCount)
                    out[base + IndexLayout.Slot.tokenCount] = first.tokenCount
                    var types = PostingList.Types()

                    @inline(__always) func write(_ posting: PendingPosting) {
                        let at = postingsOffset + postingIndex * IndexLayout.postingSize
                        put(posting.entry, at)
                        out[at + 4] = posting.type.rawValue
                        out[at + 5] = posting.flags.rawValue
                        put(posting.caseSignature, at + 6)
                        postingIndex += 1
                        types.insert(PostingList.Types(posting.type))
                    }
                    if end - start == 1 {
                        write(first)
                    } else {
                        group.removeAll(keepingCapacity: true)
                        for k in start..<end { group.append((postings[k], k)) }
                        group.sort { a, b in
                            if a.posting.type != b.posting.type { return a.posting.type.rawValue < b.posting.type.rawValue }
                            if a.posting.entry != b.posting.entry { return a.posting.entry < b.posting.entry }
                            return a.position < b.position
                        }
                        for (posting, _) in group.prefix(Int(UInt16.max)) { write(posting) }
                    }
                    out[base + IndexLayout.Slot.types] = types.rawValue

                    let length = Int(first.keyLength)
                    let keyRange = Int(first.keyOffset)..<(Int(first.keyOffset) + length)
                    out.replaceSubrange((poolOffset + poolPosition)..<(poolOffset + poolPosition + length), with: keyBytes[Int(first.source)][keyRange])
                    keyRefs.append(UInt64(poolPosition) << 24 | UInt64(first.tokenCount) << 16 | UInt64(length))
                    NameFilter.insert(first.hash, .key, into: &filterWords, blockCount: filterBlocks)
                    keyBytes[Int(first.source)].withByteView { chunk in
                        NameFilter.prefixHashes(of: chunk.extracting(keyRange)) {
                            NameFilter.insert($0, .keyPrefix, into: &filterWords, blockCount: filterBlocks)
                        }
                    }
                    poolPosition += length
                    start = end
                }
            }

            // Key references by length, then pool offset (the order they were appended in).
            var byLength = [Int](repeating: 0, count: Int(UInt16.max) + 2)
            for ref in keyRefs { byLength[Int(ref & 0xFFFF) + 1] += 1 }
            for k in 1..<byLength.count { byLength[k] += byLength[k - 1] }
            // The fuzzy keys' bytes, copied out of the pool (the table is written beside it).
            var fuzzyKeys: [(index: Int, range: Range<Int>)] = []
            var fuzzyPool: [UInt8] = []
            fuzzyKeys.reserveCapacity(fuzzyKeyOrdinals.count)
            var nextFuzzy = 0
            for (ordinal, ref) in keyRefs.enumerated() {
                let length = Int(ref & 0xFFFF)
                let index = byLength[length]
                let at = keysOffset + index * IndexLayout.keyRefSize
                byLength[length] += 1
                put(UInt32(truncatingIfNeeded: ref >> 24), at)
                put(UInt16(length), at + 4)
                out[at + 6] = UInt8(truncatingIfNeeded: ref >> 16)
                if nextFuzzy < fuzzyKeyOrdinals.count && fuzzyKeyOrdinals[nextFuzzy] == ordinal {
                    let pooled = poolOffset + Int(truncatingIfNeeded: ref >> 24)
                    fuzzyKeys.append((index, fuzzyPool.count..<(fuzzyPool.count + length)))
                    fuzzyPool.append(contentsOf: out[pooled..<(pooled + length)])
                    nextFuzzy += 1
                }
            }

            fuzzyPool.withByteView { pool in
                FuzzyKeys.fill(&out, at: fuzzyOffset, bits: fuzzyBits, keys: fuzzyKeys.map { ($0.index, pool.extracting($0.range)) })
            }

            for (hash, flags) in lexicon.sorted(by: { $0.key < $1.key }) {
                var slot = IndexLayout.home(of: hash, bits: lexiconBits)
                while out.loadLittleEndian(at: lexiconOffset + slot * IndexLayout.lexiconSlotSize, as: UInt64.self) != 0 {
                    slot = (slot + 1) & (lexiconCount - 1)
                }
                let base = lexiconOffset + slot * IndexLayout.lexiconSlotSize
                put(hash, base)
                put(flags.rawValue, base + 8)
            }

            for (k, entry) in countryEntries.enumerated() { put(entry, countriesOffset + k * 4) }
            for hash in organisationPrefixes {
                NameFilter.insert(hash, .organisationPrefix, into: &filterWords, blockCount: filterBlocks)
            }
            for (k, word) in filterWords.enumerated() { put(word, filterOffset + k * 8) }
        }
        let checksum = out.withByteView { IndexChecksum.of($0) }
        out.storeLittleEndian(checksum, at: IndexLayout.Header.checksum)
        return out
    }

    /// For each entry (numbered across the chunks of entry records), whether its names may be
    /// matched fuzzily.
    static func significantEntryFlags(_ entries: [[UInt8]]) -> [Bool] {
        var flags: [Bool] = []
        flags.reserveCapacity(entries.reduce(0) { $0 + $1.count } / IndexLayout.entrySize)
        for chunk in entries {
            chunk.withByteView { records in
                for base in stride(from: 0, to: records.count, by: IndexLayout.entrySize) {
                    let kind = PlaceKind(rawValue: records[base + IndexLayout.Entry.kind]) ?? .place
                    let population = records.load(at: base + IndexLayout.Entry.population, as: UInt32.self)
                    flags.append(FuzzyKeys.isSignificant(kind: kind, population: population))
                }
            }
        }
        return flags
    }
}
