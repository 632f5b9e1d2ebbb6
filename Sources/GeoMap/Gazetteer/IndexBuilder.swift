import Dispatch

/// Builds the binary index from the gazetteer's text tables (layout in IndexLayout, formats in
/// ARCHITECTURE.md).
///
/// Keying names is most of the work, so the rows of `places.tsv` are parsed in line-aligned chunks
/// on all cores, the word lists alongside; the chunks are then joined in file order, so the index
/// bytes do not depend on the number of workers.
struct IndexBuilder {
    static func build(files: GazetteerFiles, fingerprint: UInt64, workers: Int = ProcessorCount.online) throws -> [UInt8] {
        let places = try MappedFile(path: files.places)
        let shapes = try GazetteerFiles.exists(files.shapes) ? ShapeDirectory(file: MappedFile(path: files.shapes)) : ShapeDirectory.empty

        var header = TSVLines(places.bytes)
        _ = header.next()
        let bodyStart = header.nextOffset
        // A few chunks per worker balance the load; a posting names its chunk in one byte.
        let chunkRanges = lineAlignedChunks(places.bytes, from: bodyStart, count: workers > 1 ? min(workers * 4, 200) : 1)
        let lexiconTasks: [(path: String, flag: LexiconFlags, header: Bool)] = [
            (files.commonWords, .commonWord, false),
            (files.firstNames, .firstName, false),
            (files.organisations, .organisation, true),
        ]

        // Every task writes only its own result slot.
        var chunks = [PlaceChunk?](repeating: nil, count: chunkRanges.count)
        var lexicons = [Result<LexiconWords, Error>?](repeating: nil, count: lexiconTasks.count)
        chunks.withUnsafeMutableBufferPointer { chunkSlots in
            lexicons.withUnsafeMutableBufferPointer { lexiconSlots in
                let chunkResults = UncheckedSendable(chunkSlots.baseAddress!)
                let lexiconResults = UncheckedSendable(lexiconSlots.baseAddress!)
                let inputs = UncheckedSendable((places, shapes))
                let task: @Sendable (Int) -> Void = { k in
                    if k < chunkRanges.count {
                        chunkResults.value[k] = PlaceChunk(parsing: inputs.value.0.bytes, range: chunkRanges[k],
                                                           shapes: inputs.value.1, source: UInt8(k))
                    } else {
                        let job = lexiconTasks[k - chunkRanges.count]
                        lexiconResults.value[k - chunkRanges.count] = Result { try lexiconKeys(job.path, skipHeader: job.header) }
                    }
                }
                let taskCount = chunkRanges.count + lexiconTasks.count
                if workers > 1 {
                    DispatchQueue.concurrentPerform(iterations: taskCount, execute: task)
                } else {
                    for k in 0..<taskCount { task(k) }
                }
            }
        }
        var parsed = chunks.map { $0! }
        chunks = []

        // Join the chunks in file order; the first malformed row (by line) fails the build.
        var linesBefore = 1  // the header
        var entryCount = 0
        var postingCount = 0
        for chunk in parsed {
            if let failure = chunk.failure {
                throw GeoMapError.badData(path: files.places, line: linesBefore + failure, reason: "malformed row")
            }
            linesBefore += chunk.lineCount
            entryCount += chunk.rows.count
            postingCount += chunk.names.postings.count
        }
        var postings: [PendingPosting] = []
        postings.reserveCapacity(postingCount + 4096)
        var ids: [Int64] = []
        ids.reserveCapacity(entryCount)
        var admin1Keys: [Admin1Key: Int32] = [:]
        var countryEntries = [Int32](repeating: -1, count: IndexLayout.countryTableCount)
        var admin1Parents: [(entry: Int32, parent: Int32)] = []
        var pendingAdmin1: [(entry: Int32, key: Admin1Key)] = []
        var maxTokens = 1
        for chunk in parsed {
            let entryBase = Int32(ids.count)
            for (k, row) in chunk.rows.enumerated() {
                let entry = entryBase + Int32(k)
                ids.append(row.id)
                if row.kind == .admin1 { admin1Keys[row.admin1] = entry }
                if row.kind == .country, let index = IndexLayout.countryIndex(row.admin1.country), countryEntries[index] < 0 {
                    countryEntries[index] = entry
                }
                if !row.admin1.isEmpty && row.kind != .country { pendingAdmin1.append((entry, row.admin1)) }
            }
            for var posting in chunk.names.postings {
                posting.entry += entryBase
                postings.append(posting)
            }
            maxTokens = max(maxTokens, chunk.names.maxTokens)
        }
        // Only the entry records and key bytes of the chunks are still needed (memory: the first
        // use should not hold every posting twice).
        let entryChunks = parsed.map(\.entries)
        var keyChunks = parsed.map(\.names.keyBytes)
        let demonymSource = UInt8(parsed.count)
        parsed = []
        for (entry, key) in pendingAdmin1 {
            if let parent = admin1Keys[key] { admin1Parents.append((entry, parent)) }
        }

        var demonymNames = NameSink(source: demonymSource)
        if GazetteerFiles.exists(files.demonyms) {
            let entryOfID = EntryFinder(ids: ids)
            let demonyms = try MappedFile(path: files.demonyms)
            var lines = TSVLines(demonyms.bytes)
            _ = lines.next()
            var fields: [UnsafeRawBufferPointer] = []
            while let (_, line) = lines.next() {
                if line.isEmpty { continue }
                splitFields(line, separator: 0x09, into: &fields)
                guard fields.count >= 2, let id = fields[1].int64 else {
                    throw GeoMapError.badData(path: files.demonyms, line: lines.lineNumber, reason: "malformed row")
                }
                guard let entry = entryOfID[id] else { continue }
                demonymNames.add(fields[0], entry: entry, type: .demonym)
            }
        }
        postings.append(contentsOf: demonymNames.postings)
        maxTokens = max(maxTokens, demonymNames.maxTokens)

        var lexicon: [UInt64: LexiconFlags] = [:]
        var organisationPrefixes: [UInt64] = []
        for (k, result) in lexicons.enumerated() {
            let words = try result!.get()
            for hash in words.keys { lexicon[hash, default: []].insert(lexiconTasks[k].flag) }
            if lexiconTasks[k].flag == .organisation { organisationPrefixes = words.prefixes }
        }
        keyChunks.append(demonymNames.keyBytes)
        demonymNames = NameSink(source: demonymSource)
        var sorted = sortedByKey(postings)
        postings = []
        return assemble(entries: entryChunks, admin1Parents: admin1Parents, postings: &sorted, keyBytes: keyChunks, maxTokens: maxTokens,
                        lexicon: lexicon, organisationPrefixes: organisationPrefixes, countryEntries: countryEntries,
                        fingerprint: fingerprint)
    }

    /// Splits `bytes[start...]` into about `count` ranges that end at line ends (at most 255).
    static func lineAlignedChunks(_ bytes: UnsafeRawBufferPointer, from start: Int, count: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var lower = start
        let step = max(1, (bytes.count - start) / max(1, count))
        while lower < bytes.count {
            var upper = ranges.count == count - 1 ? bytes.count : min(bytes.count, lower + step)
            while upper < bytes.count && bytes[upper - 1] != 0x0A { upper += 1 }
            ranges.append(lower..<upper)
            lower = upper
        }
        precondition(ranges.count <= Int(UInt8.max))
        return ranges
    }

    /// The key hashes of a word list, and the hashes of every token prefix of its keys (the keys
    /// included): one word per line with `#` comments, or a TSV with a header whose first column is
    /// the name.
    static func lexiconKeys(_ path: String, skipHeader: Bool) throws -> LexiconWords {
        guard GazetteerFiles.exists(path) else { return LexiconWords() }
        let file = try MappedFile(path: path)
        var lines = TSVLines(file.bytes)
        if skipHeader { _ = lines.next() }
        var tokenizer = Tokenizer()
        var words = LexiconWords()
        while let (_, line) = lines.next() {
            guard !line.isEmpty else { continue }
            if !skipHeader && line[0] == UInt8(ascii: "#") { continue }
            let word = firstField(line, separator: 0x09)
            let utf8 = UnsafeBufferPointer(start: word.baseAddress?.assumingMemoryBound(to: UInt8.self), count: word.count)
            guard let key = NameKey.of(utf8: utf8, using: &tokenizer) else { continue }
            words.keys.append(IndexLayout.stored(key.hash))
            key.bytes.withUnsafeBufferPointer { bytes in
                NameFilter.prefixHashes(of: bytes) { words.prefixes.append($0) }
            }
            words.prefixes.append(key.hash)
        }
        return words
    }

    struct LexiconWords {
        var keys: [UInt64] = []
        var prefixes: [UInt64] = []
    }

    // MARK: Assembling the index

    /// The index bytes, from the entry records of the chunks in order and the postings sorted by key.
    private static func assemble(entries: [[UInt8]], admin1Parents: [(entry: Int32, parent: Int32)],
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
        postings.withUnsafeMutableBufferPointer { postings in
            func closeGroup() {
                let first = postings[groupStart]
                guard groupSignificant, first.tokenCount == 1, Int(first.keyLength) >= FuzzyKeys.minimumLength else { return }
                keyBytes[Int(first.source)].withUnsafeBytes { chunk in
                    let key = UnsafeRawBufferPointer(rebasing: chunk[Int(first.keyOffset)..<(Int(first.keyOffset) + Int(first.keyLength))])
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

        out.withUnsafeMutableBytes { raw in
            @inline(__always) func put<T: FixedWidthInteger>(_ value: T, _ offset: Int) {
                raw.storeBytes(of: value.littleEndian, toByteOffset: offset, as: T.self)
            }
            for (k, byte) in IndexLayout.magic.enumerated() { raw[k] = byte }
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
            let filterWords = UnsafeMutableBufferPointer(
                start: (raw.baseAddress! + filterOffset).bindMemory(to: UInt64.self, capacity: filterBlocks * NameFilter.blockSize / 8),
                count: filterBlocks * NameFilter.blockSize / 8)

            var at = entriesOffset
            for chunk in entries {
                chunk.withUnsafeBytes { raw.baseAddress!.advanced(by: at).copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
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
            postings.withUnsafeBufferPointer { postings in
                while start < postings.count {
                    var end = start + 1
                    while end < postings.count && postings[end].hash == postings[start].hash { end += 1 }
                    let first = postings[start]
                    var slot = IndexLayout.home(of: first.hash, bits: slotBits)
                    while raw.load(fromByteOffset: slotsOffset + slot * IndexLayout.slotSize, as: UInt64.self) != 0 {
                        slot = (slot + 1) & (slotCount - 1)
                    }
                    let base = slotsOffset + slot * IndexLayout.slotSize
                    put(first.hash, base + IndexLayout.Slot.hash)
                    put(UInt32(postingIndex), base + IndexLayout.Slot.postingStart)
                    put(UInt16(clamping: end - start), base + IndexLayout.Slot.postingCount)
                    raw[base + IndexLayout.Slot.tokenCount] = first.tokenCount
                    var types = PostingList.Types()

                    @inline(__always) func write(_ posting: PendingPosting) {
                        let at = postingsOffset + postingIndex * IndexLayout.postingSize
                        put(posting.entry, at)
                        raw[at + 4] = posting.type.rawValue
                        raw[at + 5] = posting.flags.rawValue
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
                    raw[base + IndexLayout.Slot.types] = types.rawValue

                    let length = Int(first.keyLength)
                    keyBytes[Int(first.source)].withUnsafeBytes { source in
                        raw.baseAddress!.advanced(by: poolOffset + poolPosition)
                            .copyMemory(from: source.baseAddress!.advanced(by: Int(first.keyOffset)), byteCount: length)
                    }
                    keyRefs.append(UInt64(poolPosition) << 24 | UInt64(first.tokenCount) << 16 | UInt64(length))
                    NameFilter.insert(first.hash, .key, into: filterWords, blockCount: filterBlocks)
                    NameFilter.prefixHashes(of: UnsafeBufferPointer(start: (raw.baseAddress! + poolOffset + poolPosition)
                                                                        .assumingMemoryBound(to: UInt8.self), count: length)) {
                        NameFilter.insert($0, .keyPrefix, into: filterWords, blockCount: filterBlocks)
                    }
                    poolPosition += length
                    start = end
                }
            }

            // Key references by length, then pool offset (the order they were appended in).
            var byLength = [Int](repeating: 0, count: Int(UInt16.max) + 2)
            for ref in keyRefs { byLength[Int(ref & 0xFFFF) + 1] += 1 }
            for k in 1..<byLength.count { byLength[k] += byLength[k - 1] }
            var fuzzyKeys: [(index: Int, bytes: UnsafeRawBufferPointer)] = []
            fuzzyKeys.reserveCapacity(fuzzyKeyOrdinals.count)
            var nextFuzzy = 0
            for (ordinal, ref) in keyRefs.enumerated() {
                let length = Int(ref & 0xFFFF)
                let index = byLength[length]
                let at = keysOffset + index * IndexLayout.keyRefSize
                byLength[length] += 1
                put(UInt32(truncatingIfNeeded: ref >> 24), at)
                put(UInt16(length), at + 4)
                raw[at + 6] = UInt8(truncatingIfNeeded: ref >> 16)
                if nextFuzzy < fuzzyKeyOrdinals.count && fuzzyKeyOrdinals[nextFuzzy] == ordinal {
                    let pooled = poolOffset + Int(truncatingIfNeeded: ref >> 24)
                    fuzzyKeys.append((index, UnsafeRawBufferPointer(rebasing: raw[pooled..<(pooled + length)])))
                    nextFuzzy += 1
                }
            }

            FuzzyKeys.fill(UnsafeMutableRawBufferPointer(rebasing: raw[fuzzyOffset..<(fuzzyOffset + (1 << fuzzyBits) * IndexLayout.fuzzySlotSize)]),
                           bits: fuzzyBits, keys: fuzzyKeys)

            for (hash, flags) in lexicon.sorted(by: { $0.key < $1.key }) {
                var slot = IndexLayout.home(of: hash, bits: lexiconBits)
                while raw.load(fromByteOffset: lexiconOffset + slot * IndexLayout.lexiconSlotSize, as: UInt64.self) != 0 {
                    slot = (slot + 1) & (lexiconCount - 1)
                }
                let base = lexiconOffset + slot * IndexLayout.lexiconSlotSize
                put(hash, base)
                put(flags.rawValue, base + 8)
            }

            for (k, entry) in countryEntries.enumerated() { put(entry, countriesOffset + k * 4) }
            for hash in organisationPrefixes {
                NameFilter.insert(hash, .organisationPrefix, into: filterWords, blockCount: filterBlocks)
            }
            for k in filterWords.indices { filterWords[k] = filterWords[k].littleEndian }
        }
        let checksum = out.withUnsafeBytes { IndexChecksum.of($0) }
        out.withUnsafeMutableBytes { $0.storeBytes(of: checksum.littleEndian, toByteOffset: IndexLayout.Header.checksum, as: UInt64.self) }
        return out
    }

    /// For each entry (numbered across the chunks of entry records), whether its names may be
    /// matched fuzzily.
    static func significantEntryFlags(_ entries: [[UInt8]]) -> [Bool] {
        var flags: [Bool] = []
        flags.reserveCapacity(entries.reduce(0) { $0 + $1.count } / IndexLayout.entrySize)
        for chunk in entries {
            chunk.withUnsafeBytes { records in
                for base in stride(from: 0, to: records.count, by: IndexLayout.entrySize) {
                    let kind = PlaceKind(rawValue: records[base + IndexLayout.Entry.kind]) ?? .place
                    let population = records.load(at: base + IndexLayout.Entry.population, as: UInt32.self)
                    flags.append(FuzzyKeys.isSignificant(kind: kind, population: population))
                }
            }
        }
        return flags
    }

    /// The postings grouped by key and ordered by (hash, entry, type), postings that tie keeping
    /// the order they were added in: a stable scatter into buckets by the top bits of the hash,
    /// then a stable sort of each small bucket.
    static func sortedByKey(_ postings: [PendingPosting]) -> [PendingPosting] {
        var bits = 1
        while bits < 20 && (1 << bits) * 4 < postings.count { bits += 1 }
        let shift = UInt64(64 - bits)
        var bucketStarts = [Int](repeating: 0, count: (1 << bits) + 1)
        for posting in postings { bucketStarts[Int(truncatingIfNeeded: posting.hash >> shift) + 1] += 1 }
        for k in 1..<bucketStarts.count { bucketStarts[k] += bucketStarts[k - 1] }
        var next = bucketStarts
        var sorted = [PendingPosting](unsafeUninitializedCapacity: postings.count) { buffer, count in
            for posting in postings {
                let bucket = Int(truncatingIfNeeded: posting.hash >> shift)
                (buffer.baseAddress! + next[bucket]).initialize(to: posting)
                next[bucket] += 1
            }
            count = postings.count
        }
        @inline(__always) func before(_ a: PendingPosting, _ b: PendingPosting) -> Bool {
            if a.hash != b.hash { return a.hash < b.hash }
            if a.entry != b.entry { return a.entry < b.entry }
            return a.type.rawValue < b.type.rawValue
        }
        sorted.withUnsafeMutableBufferPointer { sorted in
            for bucket in 0..<(1 << bits) {
                let range = bucketStarts[bucket]..<bucketStarts[bucket + 1]
                if range.count < 2 { continue }
                if range.count <= 32 {
                    // Insertion sort, moving a posting only past ones strictly after it: stable.
                    for k in range.dropFirst() {
                        let posting = sorted[k]
                        var j = k
                        while j > range.lowerBound && before(posting, sorted[j - 1]) {
                            sorted[j] = sorted[j - 1]
                            j -= 1
                        }
                        sorted[j] = posting
                    }
                } else {
                    let ordered = range.sorted { a, b in
                        before(sorted[a], sorted[b]) || (!before(sorted[b], sorted[a]) && a < b)
                    }.map { sorted[$0] }
                    for (k, posting) in zip(range, ordered) { sorted[k] = posting }
                }
            }
        }
        return sorted
    }
}

/// The entry with an id (the last one, should ids repeat): a binary search when the ids ascend,
/// as places.tsv is sorted by id, else a dictionary.
struct EntryFinder {
    private let ids: [Int64]
    private let byID: [Int64: Int32]?

    init(ids: [Int64]) {
        self.ids = ids
        if ids.indices.dropFirst().allSatisfy({ ids[$0 - 1] < ids[$0] }) {
            byID = nil
        } else {
            var byID: [Int64: Int32] = [:]
            for (entry, id) in ids.enumerated() { byID[id] = Int32(entry) }
            self.byID = byID
        }
    }

    subscript(id: Int64) -> Int32? {
        if let byID { return byID[id] }
        var low = 0, high = ids.count
        while low < high {
            let mid = (low + high) / 2
            if ids[mid] < id { low = mid + 1 } else { high = mid }
        }
        return low < ids.count && ids[low] == id ? Int32(low) : nil
    }
}

extension Int {
    /// The number of bits needed to hold `self` (at least 1, also for 0).
    var bitWidthCeiling: Int { Swift.max(1, Int.bitWidth - (Swift.max(1, self) - 1).leadingZeroBitCount) }
}
