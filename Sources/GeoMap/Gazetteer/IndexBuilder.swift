/// Builds the binary index from the gazetteer's text tables (see ARCHITECTURE.md).
struct IndexBuilder {
    let files: GazetteerFiles

    private struct PendingPosting {
        var hash: UInt64
        var entry: Int32
        var type: NameType
        var flags: NameFlags
        var caseSignature: UInt16
        var tokenCount: UInt8
        var keyOffset: UInt32
        var keyLength: UInt16
    }

    private var entries = ByteWriter()
    private var postings: [PendingPosting] = []
    private var keyBytes: [UInt8] = []
    private var lexicon: [UInt64: LexiconFlags] = [:]
    private var tokenizer = Tokenizer()
    private var maxTokens = 1

    init(files: GazetteerFiles) { self.files = files }

    static func build(files: GazetteerFiles, fingerprint: UInt64) throws -> [UInt8] {
        var builder = IndexBuilder(files: files)
        return try builder.build(fingerprint: fingerprint)
    }

    private mutating func build(fingerprint: UInt64) throws -> [UInt8] {
        let places = try MappedFile(path: files.places)
        let shapes = try GazetteerFiles.exists(files.shapes) ? ShapeDirectory(file: MappedFile(path: files.shapes)) : ShapeDirectory.empty
        var idToEntry: [Int64: Int32] = [:]
        var admin1Keys: [String: Int32] = [:]
        var countryEntries = [Int32](repeating: -1, count: IndexLayout.countryTableCount)
        var pendingAdmin1: [(entry: Int32, key: String)] = []

        var lines = TSVLines(places.bytes)
        _ = lines.next()  // header
        var entryCount: Int32 = 0
        while let (offset, line) = lines.next() {
            if line.isEmpty { continue }
            let fields = splitFields(line, separator: 0x09)
            guard fields.count >= 12,
                  let id = fields[0].int64,
                  let kind = PlaceKind(name: fields[1].string),
                  let lat = fields[5].double, let lon = fields[6].double,
                  lat.isFinite, lon.isFinite
            else {
                throw GeoMapError.badData(path: files.places, line: lines.lineNumber, reason: "malformed row")
            }
            let country = CountryCode(fields[3].string) ?? .none
            let admin1 = fields[4].string
            let population = UInt32(clamping: fields[7].int64 ?? 0)
            let feature = FeatureCode(code: fields[8].string)
            let entry = entryCount
            entryCount += 1
            idToEntry[id] = entry
            let shape = shapes.location(of: id)

            entries.append(id)
            entries.append(lat)
            entries.append(lon)
            entries.append(population)
            entries.append(UInt32(offset))
            entries.append(UInt32(shape?.offset ?? 0))
            entries.append(UInt32(shape?.length ?? 0))
            entries.append(Int32(-1))  // admin-1 entry, patched below
            entries.append(country.packed)
            entries.append(kind.rawValue)
            entries.append(feature.rawValue)

            if kind == .admin1 { admin1Keys[country.description + "." + admin1] = entry }
            if kind == .country, let index = IndexLayout.countryIndex(country.packed), countryEntries[index] < 0 {
                countryEntries[index] = entry
            }
            if !admin1.isEmpty && kind != .country { pendingAdmin1.append((entry, country.description + "." + admin1)) }

            var first = true
            for name in splitFields(fields[10], separator: UInt8(ascii: "|")) where !name.isEmpty {
                addName(name, entry: entry, type: first ? .primary : .alternate)
                first = false
            }
            for abbreviation in splitFields(fields[11], separator: UInt8(ascii: "|")) where !abbreviation.isEmpty {
                addName(abbreviation, entry: entry, type: .abbreviation)
            }
        }
        for (entry, key) in pendingAdmin1 {
            guard let parent = admin1Keys[key] else { continue }
            entries.set(parent, at: Int(entry) * IndexLayout.entrySize + IndexLayout.Entry.admin1Entry)
        }

        if GazetteerFiles.exists(files.demonyms) {
            let demonyms = try MappedFile(path: files.demonyms)
            var demonymLines = TSVLines(demonyms.bytes)
            _ = demonymLines.next()
            while let (_, line) = demonymLines.next() {
                if line.isEmpty { continue }
                let fields = splitFields(line, separator: 0x09)
                guard fields.count >= 2, let id = fields[1].int64 else {
                    throw GeoMapError.badData(path: files.demonyms, line: demonymLines.lineNumber, reason: "malformed row")
                }
                guard let entry = idToEntry[id] else { continue }
                addName(fields[0], entry: entry, type: .demonym)
            }
        }
        try loadLexicon(files.commonWords, flag: .commonWord, lowercaseOnly: true)
        try loadLexicon(files.firstNames, flag: .firstName, lowercaseOnly: false)
        try loadOrganisations()
        return assemble(entryCount: Int(entryCount), countryEntries: countryEntries, fingerprint: fingerprint)
    }

    private mutating func addName(_ name: UnsafeRawBufferPointer, entry: Int32, type: NameType) {
        let utf8 = UnsafeBufferPointer(start: name.baseAddress?.assumingMemoryBound(to: UInt8.self), count: name.count)
        guard let key = NameKey.of(utf8: utf8, using: &tokenizer) else { return }
        var flags: NameFlags = []
        let tokens = tokenizer.tokens
        if tokens.allSatisfy({ !$0.shape.contains(.capitalized) }) && tokens.contains(where: { $0.shape.contains(.hasLetter) }) {
            flags.insert(.lowercase)
        }
        if tokens.contains(where: { $0.shape.contains(.hasDigit) }) { flags.insert(.digit) }
        if tokens.contains(where: { $0.shape.contains(.nonASCII) }) && hasNonLatinLetter(utf8) { flags.insert(.nonLatin) }
        let signature = type == .abbreviation ? CaseSignature.of(utf8) : 0
        maxTokens = max(maxTokens, key.tokenCount)
        postings.append(PendingPosting(hash: IndexLayout.stored(key.hash), entry: entry, type: type, flags: flags,
                                       caseSignature: signature, tokenCount: UInt8(clamping: key.tokenCount),
                                       keyOffset: UInt32(keyBytes.count), keyLength: UInt16(clamping: key.bytes.count)))
        keyBytes.append(contentsOf: key.bytes.prefix(Int(UInt16.max)))
    }

    private func hasNonLatinLetter(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < utf8.count {
            let (scalar, length) = decodeScalar(utf8, at: index)
            index += length
            if scalar >= 0x0370 && !(0x1E00..<0x1F00).contains(scalar),
               Unicode.Scalar(scalar)?.properties.isAlphabetic == true {
                return true
            }
        }
        return false
    }

    private mutating func loadLexicon(_ path: String, flag: LexiconFlags, lowercaseOnly: Bool) throws {
        guard GazetteerFiles.exists(path) else { return }
        let file = try MappedFile(path: path)
        var lines = TSVLines(file.bytes)
        while let (_, line) = lines.next() {
            guard !line.isEmpty, line[0] != UInt8(ascii: "#") else { continue }
            let word = splitFields(line, separator: 0x09)[0]
            let utf8 = UnsafeBufferPointer(start: word.baseAddress?.assumingMemoryBound(to: UInt8.self), count: word.count)
            guard let key = NameKey.of(utf8: utf8, using: &tokenizer) else { continue }
            lexicon[IndexLayout.stored(key.hash), default: []].insert(flag)
        }
    }

    private mutating func loadOrganisations() throws {
        guard GazetteerFiles.exists(files.organisations) else { return }
        let file = try MappedFile(path: files.organisations)
        var lines = TSVLines(file.bytes)
        _ = lines.next()
        while let (_, line) = lines.next() {
            guard !line.isEmpty else { continue }
            let name = splitFields(line, separator: 0x09)[0]
            let utf8 = UnsafeBufferPointer(start: name.baseAddress?.assumingMemoryBound(to: UInt8.self), count: name.count)
            guard let key = NameKey.of(utf8: utf8, using: &tokenizer) else { continue }
            lexicon[IndexLayout.stored(key.hash), default: []].insert(.organisation)
        }
    }

    private mutating func assemble(entryCount: Int, countryEntries: [Int32], fingerprint: UInt64) -> [UInt8] {
        // Group postings by key; within a key, one posting per entry and type, primary before alternate.
        postings.sort { a, b in
            if a.hash != b.hash { return a.hash < b.hash }
            if a.entry != b.entry { return a.entry < b.entry }
            return a.type.rawValue < b.type.rawValue
        }
        var kept: [PendingPosting] = []
        kept.reserveCapacity(postings.count)
        for posting in postings {
            if var last = kept.last, last.hash == posting.hash, last.entry == posting.entry {
                let sameFamily = (last.type.rawValue <= 1 && posting.type.rawValue <= 1) || last.type == posting.type
                if sameFamily && (posting.type != .abbreviation || last.caseSignature == posting.caseSignature) {
                    // Keep the flags that hold for every written form of the key.
                    last.flags.formIntersection(posting.flags)
                    kept[kept.count - 1] = last
                    continue
                }
            }
            kept.append(posting)
        }
        postings = []

        var distinctKeys = 0
        var previous: UInt64 = 0
        for posting in kept where posting.hash != previous {
            distinctKeys += 1
            previous = posting.hash
        }
        let slotBits = max(4, (distinctKeys * 10 / 7).bitWidthCeiling)
        let slotCount = 1 << slotBits
        let lexiconBits = max(4, (lexicon.count * 10 / 7).bitWidthCeiling)
        let lexiconCount = 1 << lexiconBits

        var slots = [UInt8](repeating: 0, count: slotCount * IndexLayout.slotSize)
        var postingBytes = ByteWriter()
        var pool = ByteWriter()
        var keyRefs: [(offset: UInt32, length: UInt16, tokens: UInt8)] = []
        var start = 0
        while start < kept.count {
            var end = start + 1
            while end < kept.count && kept[end].hash == kept[start].hash { end += 1 }
            // Most specific first: primary names, then by entry order.
            let group = kept[start..<end].sorted { a, b in
                a.type.rawValue != b.type.rawValue ? a.type.rawValue < b.type.rawValue : a.entry < b.entry
            }
            let first = kept[start]
            var slot = IndexLayout.home(of: first.hash, bits: slotBits)
            while slots.withUnsafeBytes({ $0.load(at: slot * IndexLayout.slotSize, as: UInt64.self) }) != 0 {
                slot = (slot + 1) & (slotCount - 1)
            }
            let base = slot * IndexLayout.slotSize
            let postingStart = UInt32(postingBytes.bytes.count / IndexLayout.postingSize)
            withUnsafeBytes(of: first.hash.littleEndian) { for k in 0..<8 { slots[base + k] = $0[k] } }
            withUnsafeBytes(of: postingStart.littleEndian) { for k in 0..<4 { slots[base + 8 + k] = $0[k] } }
            withUnsafeBytes(of: UInt16(clamping: group.count).littleEndian) { for k in 0..<2 { slots[base + 12 + k] = $0[k] } }
            slots[base + IndexLayout.Slot.tokenCount] = first.tokenCount
            for posting in group.prefix(Int(UInt16.max)) {
                postingBytes.append(posting.entry)
                postingBytes.append(posting.type.rawValue)
                postingBytes.append(posting.flags.rawValue)
                postingBytes.append(posting.caseSignature)
            }
            keyRefs.append((UInt32(pool.bytes.count), first.keyLength, first.tokenCount))
            pool.append(contentsOf: keyBytes[Int(first.keyOffset)..<Int(first.keyOffset) + Int(first.keyLength)])
            start = end
        }
        keyBytes = []
        keyRefs.sort { a, b in a.length != b.length ? a.length < b.length : a.offset < b.offset }

        var lexiconSlots = [UInt8](repeating: 0, count: lexiconCount * IndexLayout.lexiconSlotSize)
        for (hash, flags) in lexicon.sorted(by: { $0.key < $1.key }) {
            var slot = IndexLayout.home(of: hash, bits: lexiconBits)
            while lexiconSlots.withUnsafeBytes({ $0.load(at: slot * IndexLayout.lexiconSlotSize, as: UInt64.self) }) != 0 {
                slot = (slot + 1) & (lexiconCount - 1)
            }
            let base = slot * IndexLayout.lexiconSlotSize
            withUnsafeBytes(of: hash.littleEndian) { for k in 0..<8 { lexiconSlots[base + k] = $0[k] } }
            withUnsafeBytes(of: flags.rawValue.littleEndian) { for k in 0..<4 { lexiconSlots[base + 8 + k] = $0[k] } }
        }

        var out = ByteWriter()
        out.append(contentsOf: IndexLayout.magic)
        out.append(contentsOf: [UInt8](repeating: 0, count: IndexLayout.headerSize - 8))
        out.set(fingerprint, at: IndexLayout.Header.fingerprint)
        out.set(UInt32(entryCount), at: IndexLayout.Header.entryCount)
        out.set(UInt32(slotCount), at: IndexLayout.Header.slotCount)
        out.set(UInt32(postingBytes.bytes.count / IndexLayout.postingSize), at: IndexLayout.Header.postingCount)
        out.set(UInt32(lexiconCount), at: IndexLayout.Header.lexiconSlotCount)
        out.set(UInt32(keyRefs.count), at: IndexLayout.Header.keyCount)
        out.set(UInt32(maxTokens), at: IndexLayout.Header.maxTokens)

        func section(_ field: Int, _ body: (inout ByteWriter) -> Void) {
            out.pad(toMultipleOf: 8)
            out.set(UInt64(out.bytes.count), at: field)
            body(&out)
        }
        section(IndexLayout.Header.entriesOffset) { $0.append(contentsOf: entries.bytes) }
        section(IndexLayout.Header.slotsOffset) { $0.append(contentsOf: slots) }
        section(IndexLayout.Header.postingsOffset) { $0.append(contentsOf: postingBytes.bytes) }
        section(IndexLayout.Header.lexiconOffset) { $0.append(contentsOf: lexiconSlots) }
        section(IndexLayout.Header.keysOffset) { writer in
            for ref in keyRefs {
                writer.append(ref.offset)
                writer.append(ref.length)
                writer.append(ref.tokens)
                writer.append(UInt8(0))
            }
        }
        section(IndexLayout.Header.countriesOffset) { writer in
            for entry in countryEntries { writer.append(entry) }
        }
        section(IndexLayout.Header.poolOffset) { $0.append(contentsOf: pool.bytes) }
        out.set(UInt64(pool.bytes.count), at: IndexLayout.Header.poolSize)
        entries = ByteWriter()
        return out.bytes
    }
}

extension Int {
    /// The number of bits needed to hold `self` (at least 1).
    var bitWidthCeiling: Int { Swift.max(1, Int.bitWidth - (self - 1).leadingZeroBitCount) }
}
