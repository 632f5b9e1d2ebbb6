import Dispatch
import Synchronization

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

        var header = TSVLines(places.view)
        _ = header.next()
        let bodyStart = header.nextOffset
        let hasRadius = Gazetteer.hasRadiusColumn(places.view)
        // A few chunks per worker balance the load; a posting names its chunk in one byte.
        let chunkRanges = lineAlignedChunks(places.view, from: bodyStart, count: workers > 1 ? min(workers * 4, 200) : 1)
        let lexiconTasks: [(path: String, flag: LexiconFlags, header: Bool)] = [
            (files.commonWords, .commonWord, false),
            (files.firstNames, .firstName, false),
            (files.organisations, .organisation, true),
        ]

        // Every task hands its result over once, under the lock.
        let chunkResults = TaskResults<PlaceChunk>(count: chunkRanges.count)
        let lexiconResults = TaskResults<Result<LexiconWords, Error>>(count: lexiconTasks.count)
        let inputs = UncheckedSendable((places, shapes))
        let task: @Sendable (Int) -> Void = { k in
            if k < chunkRanges.count {
                chunkResults.store(PlaceChunk(parsing: inputs.value.0.view, range: chunkRanges[k], shapes: inputs.value.1, source: UInt8(k),
                                                   hasRadius: hasRadius), at: k)
            } else {
                let job = lexiconTasks[k - chunkRanges.count]
                lexiconResults.store(Result { try lexiconKeys(job.path, skipHeader: job.header) }, at: k - chunkRanges.count)
            }
        }
        let taskCount = chunkRanges.count + lexiconTasks.count
        if workers > 1 {
            DispatchQueue.concurrentPerform(iterations: taskCount, execute: task)
        } else {
            for k in 0..<taskCount { task(k) }
        }
        let lexicons = lexiconResults.taken()

        var parsed = chunkResults.taken().map { $0! }

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
            var lines = TSVLines(demonyms.view)
            _ = lines.next()
            var fields: [ByteView] = []
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
    static func lineAlignedChunks(_ bytes: ByteView, from start: Int, count: Int) -> [Range<Int>] {
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
}

/// The results of tasks run at once, each stored once by its own task and taken after all ran.
final class TaskResults<Value>: @unchecked Sendable {
    // Unchecked-Sendable: a value moves from its task's thread to the taker, under `lock`.
    private let lock = Mutex<[UncheckedSendable<Value>?]>([])

    init(count: Int) { lock.withLock { $0 = [UncheckedSendable<Value>?](repeating: nil, count: count) } }

    func store(_ value: Value, at k: Int) {
        let handed = UncheckedSendable(value)
        lock.withLock { $0[k] = handed }
    }

    func taken() -> [Value?] { lock.withLock { slots in slots.map { $0?.value } } }
}
