import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        var lexicons = [Result<[UInt64], Error>?](repeating: nil, count: lexiconTasks.count)
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
        let parsed = chunks.map { $0! }
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
        for (entry, key) in pendingAdmin1 {
            if let parent = admin1Keys[key] { admin1Parents.append((entry, parent)) }
        }

        var demonymNames = NameSink(source: UInt8(parsed.count))
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
        for (k, result) in lexicons.enumerated() {
            for hash in try result!.get() { lexicon[hash, default: []].insert(lexiconTasks[k].flag) }
        }
        return assemble(entries: parsed.map(\.entries), admin1Parents: admin1Parents, postings: postings,
                        keyBytes: parsed.map(\.names.keyBytes) + [demonymNames.keyBytes], maxTokens: maxTokens,
                        lexicon: lexicon, countryEntries: countryEntries, fingerprint: fingerprint)
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

    /// The key hashes of a word list: one word per line with `#` comments, or a TSV with a header
    /// whose first column is the name.
    static func lexiconKeys(_ path: String, skipHeader: Bool) throws -> [UInt64] {
        guard GazetteerFiles.exists(path) else { return [] }
        let file = try MappedFile(path: path)
        var lines = TSVLines(file.bytes)
        if skipHeader { _ = lines.next() }
        var tokenizer = Tokenizer()
        var keys: [UInt64] = []
        while let (_, line) = lines.next() {
            guard !line.isEmpty else { continue }
            if !skipHeader && line[0] == UInt8(ascii: "#") { continue }
            let word = firstField(line, separator: 0x09)
            let utf8 = UnsafeBufferPointer(start: word.baseAddress?.assumingMemoryBound(to: UInt8.self), count: word.count)
            guard let key = NameKey.of(utf8: utf8, using: &tokenizer) else { continue }
            keys.append(IndexLayout.stored(key.hash))
        }
        return keys
    }

    // MARK: Assembling the index

    private static func assemble(entries: [[UInt8]], admin1Parents: [(entry: Int32, parent: Int32)],
                                 postings unsorted: [PendingPosting], keyBytes: [[UInt8]], maxTokens: Int,
                                 lexicon: [UInt64: LexiconFlags], countryEntries: [Int32], fingerprint: UInt64) -> [UInt8] {
        // Group postings by key; within a key by entry, then type, then the order they were added.
        var postings = sortedByKey(unsorted)

        // Within a key, one posting per entry and type (primary and alternate names count as one),
        // compacted in place.
        var keptCount = 0
        var distinctKeys = 0
        var writtenPostings = 0
        var poolSize = 0
        var groupSize = 0
        postings.withUnsafeMutableBufferPointer { postings in
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
                    groupSize = 1
                    distinctKeys += 1
                    poolSize += Int(posting.keyLength)
                }
                postings[keptCount] = posting
                keptCount += 1
            }
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
        var out = [UInt8](repeating: 0, count: poolOffset + poolSize)

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

                    @inline(__always) func write(_ posting: PendingPosting) {
                        let at = postingsOffset + postingIndex * IndexLayout.postingSize
                        put(posting.entry, at)
                        raw[at + 4] = posting.type.rawValue
                        raw[at + 5] = posting.flags.rawValue
                        put(posting.caseSignature, at + 6)
                        postingIndex += 1
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

                    let length = Int(first.keyLength)
                    keyBytes[Int(first.source)].withUnsafeBytes { source in
                        raw.baseAddress!.advanced(by: poolOffset + poolPosition)
                            .copyMemory(from: source.baseAddress!.advanced(by: Int(first.keyOffset)), byteCount: length)
                    }
                    keyRefs.append(UInt64(poolPosition) << 24 | UInt64(first.tokenCount) << 16 | UInt64(length))
                    poolPosition += length
                    start = end
                }
            }

            // Key references by length, then pool offset (the order they were appended in).
            var byLength = [Int](repeating: 0, count: Int(UInt16.max) + 2)
            for ref in keyRefs { byLength[Int(ref & 0xFFFF) + 1] += 1 }
            for k in 1..<byLength.count { byLength[k] += byLength[k - 1] }
            for ref in keyRefs {
                let length = Int(ref & 0xFFFF)
                let at = keysOffset + byLength[length] * IndexLayout.keyRefSize
                byLength[length] += 1
                put(UInt32(truncatingIfNeeded: ref >> 24), at)
                put(UInt16(length), at + 4)
                raw[at + 6] = UInt8(truncatingIfNeeded: ref >> 16)
            }

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
        }
        return out
    }

    /// The postings ordered by (hash, entry, type), postings that tie keeping their order: a stable
    /// scatter into buckets by the top bits of the hash, then a stable sort of each small bucket.
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

// MARK: Parsing places.tsv

/// A name waiting for the index: its key's hash, its posting, and where its key bytes are (in the
/// key bytes of the chunk `source`).
struct PendingPosting {
    var hash: UInt64
    var entry: Int32
    var keyOffset: UInt32
    var keyLength: UInt16
    var caseSignature: UInt16
    var type: NameType
    var flags: NameFlags
    var tokenCount: UInt8
    var source: UInt8
}

/// Keys names and collects their postings and key bytes.
struct NameSink {
    let source: UInt8
    var postings: [PendingPosting] = []
    var keyBytes: [UInt8] = []
    var maxTokens = 1
    private var tokenizer = Tokenizer()
    private var alphabetic = AlphabeticMemo()

    init(source: UInt8) { self.source = source }

    mutating func add(_ name: UnsafeRawBufferPointer, entry: Int32, type: NameType) {
        let utf8 = UnsafeBufferPointer(start: name.baseAddress?.assumingMemoryBound(to: UInt8.self), count: name.count)
        guard let key = NameKey.of(utf8: utf8, using: &tokenizer) else { return }
        var flags: NameFlags = []
        var anyCapitalized = false, anyLetter = false, anyDigit = false, anyNonASCII = false
        for token in tokenizer.tokens {
            anyCapitalized = anyCapitalized || token.shape.contains(.capitalized)
            anyLetter = anyLetter || token.shape.contains(.hasLetter)
            anyDigit = anyDigit || token.shape.contains(.hasDigit)
            anyNonASCII = anyNonASCII || token.shape.contains(.nonASCII)
        }
        if !anyCapitalized && anyLetter { flags.insert(.lowercase) }
        if anyDigit { flags.insert(.digit) }
        if anyNonASCII && hasNonLatinLetter(utf8) { flags.insert(.nonLatin) }
        let length = min(key.bytes.count, Int(UInt16.max))
        maxTokens = max(maxTokens, key.tokenCount)
        postings.append(PendingPosting(hash: IndexLayout.stored(key.hash), entry: entry, keyOffset: UInt32(keyBytes.count),
                                       keyLength: UInt16(length), caseSignature: type == .abbreviation ? CaseSignature.of(utf8) : 0,
                                       type: type, flags: flags, tokenCount: UInt8(clamping: key.tokenCount), source: source))
        if length == key.bytes.count {
            keyBytes.append(contentsOf: key.bytes)
        } else {
            keyBytes.append(contentsOf: key.bytes[..<length])
        }
    }

    /// Whether the name has a letter outside the Latin script (Latin Extended Additional counts as Latin).
    private mutating func hasNonLatinLetter(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < utf8.count {
            let (scalar, length) = decodeScalar(utf8, at: index)
            index += length
            if scalar >= 0x0370 && !(0x1E00..<0x1F00).contains(scalar), alphabetic[scalar] {
                return true
            }
        }
        return false
    }
}

/// `Unicode.Scalar.Properties.isAlphabetic`, which is slow to look up, remembered per scalar value.
private struct AlphabeticMemo {
    private var known = [UInt64](repeating: 0, count: 0x110000 / 64)
    private var alphabetic = [UInt64](repeating: 0, count: 0x110000 / 64)

    subscript(scalar: UInt32) -> Bool {
        mutating get {
            guard scalar < 0x110000 else { return false }
            let word = Int(scalar >> 6), bit = UInt64(1) << UInt64(scalar & 63)
            if known[word] & bit == 0 {
                known[word] |= bit
                if Unicode.Scalar(scalar)?.properties.isAlphabetic == true { alphabetic[word] |= bit }
            }
            return alphabetic[word] & bit != 0
        }
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

/// A country and admin-1 code (`UA` + `14`): what links an entry to its admin-1 unit.
struct Admin1Key: Hashable {
    var country: UInt16
    /// The code's bytes, when it has 8 or fewer.
    var packed: UInt64
    var length: Int
    /// The code, when it is longer.
    var long: String?

    init(country: UInt16, code: UnsafeRawBufferPointer) {
        self.country = country
        length = code.count
        var packed: UInt64 = 0
        if code.count <= 8 {
            for (k, byte) in code.enumerated() { packed |= UInt64(byte) << UInt64(8 * k) }
            long = nil
        } else {
            long = code.string
        }
        self.packed = packed
    }

    var isEmpty: Bool { length == 0 }

    func hash(into hasher: inout Hasher) {
        hasher.combine(packed ^ UInt64(country) << 48 ^ UInt64(length) << 40)
        if let long { hasher.combine(long) }
    }
}

/// The rows of one line-aligned range of places.tsv: entry records (numbered from 0 in the chunk,
/// admin-1 parents still unset) and the postings of their names.
struct PlaceChunk {
    struct Row {
        var id: Int64
        var kind: PlaceKind
        var admin1: Admin1Key
    }

    var entries: [UInt8] = []
    var rows: [Row] = []
    var names: NameSink
    /// Lines read, blank ones included.
    var lineCount = 0
    /// The chunk-relative line number of the first malformed row; parsing stops there.
    var failure: Int?

    private static let blankEntry = [UInt8](repeating: 0, count: IndexLayout.entrySize)

    init(parsing file: UnsafeRawBufferPointer, range: Range<Int>, shapes: ShapeDirectory, source: UInt8) {
        names = NameSink(source: source)
        let estimatedRows = range.count / 90 + 16
        entries.reserveCapacity(estimatedRows * IndexLayout.entrySize)
        rows.reserveCapacity(estimatedRows)
        names.postings.reserveCapacity(estimatedRows * 3)
        names.keyBytes.reserveCapacity(range.count / 2)
        var fields: [UnsafeRawBufferPointer] = []
        fields.reserveCapacity(16)
        var position = range.lowerBound
        while position < range.upperBound {
            // A line, as TSVLines reads it: up to `\n`, without a trailing `\r`.
            let start = position
            var end = range.upperBound
            if let newline = memchr(file.baseAddress! + start, 0x0A, range.upperBound - start) {
                end = file.baseAddress!.distance(to: UnsafeRawPointer(newline))
            }
            position = end + 1
            lineCount += 1
            if end > start && file[end - 1] == 0x0D { end -= 1 }
            if end == start { continue }
            splitFields(UnsafeRawBufferPointer(rebasing: file[start..<end]), separator: 0x09, into: &fields)
            guard fields.count >= 12,
                  let id = fields[0].int64,
                  let kind = PlaceKind(bytes: fields[1]),
                  let lat = fields[5].decimal, let lon = fields[6].decimal,
                  lat.isFinite, lon.isFinite
            else {
                failure = lineCount
                return
            }
            let country = CountryCode(bytes: fields[3]) ?? .none
            let population = UInt32(clamping: fields[7].int64 ?? 0)
            let feature = FeatureCode(bytes: fields[8])
            let entry = Int32(rows.count)
            let shape = shapes.location(of: id)
            rows.append(Row(id: id, kind: kind, admin1: Admin1Key(country: country.packed, code: fields[4])))

            let base = entries.count
            entries.append(contentsOf: PlaceChunk.blankEntry)
            entries.withUnsafeMutableBytes { raw in
                @inline(__always) func put<T: FixedWidthInteger>(_ value: T, _ field: Int) {
                    raw.storeBytes(of: value.littleEndian, toByteOffset: base + field, as: T.self)
                }
                put(id, IndexLayout.Entry.id)
                put(lat.bitPattern, IndexLayout.Entry.lat)
                put(lon.bitPattern, IndexLayout.Entry.lon)
                put(population, IndexLayout.Entry.population)
                put(UInt32(start), IndexLayout.Entry.rowOffset)
                put(UInt32(shape?.offset ?? 0), IndexLayout.Entry.shapeOffset)
                put(UInt32(shape?.length ?? 0), IndexLayout.Entry.shapeLength)
                put(Int32(-1), IndexLayout.Entry.admin1Entry)
                put(country.packed, IndexLayout.Entry.country)
                put(kind.rawValue, IndexLayout.Entry.kind)
                put(feature.rawValue, IndexLayout.Entry.feature)
            }

            var type = NameType.primary
            forEachField(fields[10], separator: UInt8(ascii: "|")) { name in
                names.add(name, entry: entry, type: type)
                type = .alternate
            }
            forEachField(fields[11], separator: UInt8(ascii: "|")) { abbreviation in
                names.add(abbreviation, entry: entry, type: .abbreviation)
            }
        }
    }
}

// MARK: Field helpers

/// Splits a byte range at a separator byte into `fields`, reusing its storage.
func splitFields(_ line: UnsafeRawBufferPointer, separator: UInt8, into fields: inout [UnsafeRawBufferPointer]) {
    fields.removeAll(keepingCapacity: true)
    var start = 0
    for k in 0..<line.count where line[k] == separator {
        fields.append(UnsafeRawBufferPointer(rebasing: line[start..<k]))
        start = k + 1
    }
    fields.append(UnsafeRawBufferPointer(rebasing: line[start..<line.count]))
}

/// Calls `body` with every non-empty field of `line`.
@inline(__always)
func forEachField(_ line: UnsafeRawBufferPointer, separator: UInt8, _ body: (UnsafeRawBufferPointer) -> Void) {
    var start = 0
    for k in 0...line.count where k == line.count || line[k] == separator {
        if k > start { body(UnsafeRawBufferPointer(rebasing: line[start..<k])) }
        start = k + 1
    }
}

/// The bytes before the first separator (all of them if there is none).
func firstField(_ line: UnsafeRawBufferPointer, separator: UInt8) -> UnsafeRawBufferPointer {
    var end = 0
    while end < line.count && line[end] != separator { end += 1 }
    return UnsafeRawBufferPointer(rebasing: line[0..<end])
}

extension TSVLines {
    /// The byte offset where the next line starts.
    var nextOffset: Int {
        var copy = self
        return copy.next()?.offset ?? bytes.count
    }
}

private let powersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { value, _ in value * 10 } }

extension UnsafeRawBufferPointer {
    /// A decimal number, exactly as `Double(String)` reads it. Plain forms like `-12.345` with at
    /// most 15 digits take a fast path (the digits and the power of ten are exact doubles, so one
    /// IEEE division rounds correctly); anything else goes to the standard parser.
    var decimal: Double? {
        var k = 0
        var negative = false
        if k < count && self[k] == UInt8(ascii: "-") { negative = true; k += 1 }
        var mantissa: UInt64 = 0
        var integerDigits = 0
        var fractionDigits = 0
        var seenPoint = false
        while k < count {
            let byte = self[k]
            if byte >= 0x30 && byte <= 0x39 {
                mantissa = mantissa &* 10 &+ UInt64(byte - 0x30)
                if seenPoint { fractionDigits += 1 } else { integerDigits += 1 }
            } else if byte == UInt8(ascii: ".") && !seenPoint {
                seenPoint = true
            } else {
                return double
            }
            k += 1
        }
        guard integerDigits > 0, integerDigits + fractionDigits <= 15, !seenPoint || fractionDigits > 0 else { return double }
        let value = Double(mantissa) / powersOfTen[fractionDigits]
        return negative ? -value : value
    }
}

extension PlaceKind {
    private static let names: [([UInt8], PlaceKind)] = PlaceKind.allCases.map { (Array($0.description.utf8), $0) }

    /// The kind named by these bytes (as `init(name:)`).
    init?(bytes: UnsafeRawBufferPointer) {
        guard let match = PlaceKind.names.first(where: { $0.0.elementsEqual(bytes) }) else { return nil }
        self = match.1
    }
}

extension FeatureCode {
    private static let byteCodes: [([UInt8], FeatureCode)] = FeatureCode.codes.map { (Array($0.0.utf8), $0.1) }

    /// The feature named by these bytes (as `init(code:)`).
    init(bytes: UnsafeRawBufferPointer) {
        if bytes.isEmpty { self = .none; return }
        self = FeatureCode.byteCodes.first(where: { $0.0.elementsEqual(bytes) })?.1 ?? .other
    }
}

extension CountryCode {
    /// As `init(_:)`, from bytes.
    init?(bytes: UnsafeRawBufferPointer) {
        guard bytes.count == 2 else { return nil }
        func upper(_ byte: UInt8) -> UInt8 { byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte }
        let first = upper(bytes[0]), second = upper(bytes[1])
        guard (0x41...0x5A).contains(first), (0x41...0x5A).contains(second) else { return nil }
        self.init(packed: UInt16(first) << 8 | UInt16(second))
    }
}

extension Int {
    /// The number of bits needed to hold `self` (at least 1).
    var bitWidthCeiling: Int { Swift.max(1, Int.bitWidth - (self - 1).leadingZeroBitCount) }
}
