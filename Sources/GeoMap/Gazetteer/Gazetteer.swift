/// The gazetteer, opened: the memory-mapped index plus the tables it points into. Immutable and
/// safe to share between threads. Open it once per process (`Gazetteer.open`), never per call.
public final class Gazetteer: @unchecked Sendable {
    public let files: GazetteerFiles
    private let index: IndexStorage
    let places: MappedFile
    let shapes: MappedFile?
    /// Whether `places.tsv` has the radius column (`radiusKm(of:)`).
    let hasRadius: Bool
    /// The analyst's own entries of a merged gazetteer (`UserGazetteer`); none for the bundled one.
    let userEntries: UserEntryTable
    /// The analyst's names never to tag (`--ignore`). Set by `Gazetteer.open` before the gazetteer
    /// is handed out, never after, so it is as immutable as the rest for every other thread.
    public internal(set) var ignoredNames = IgnoredNames()

    let entryCount: Int
    let slotBits: Int
    let slotMask: Int
    let lexiconBits: Int
    let lexiconMask: Int
    let keyCount: Int
    let postingCount: Int
    public let maxNameTokens: Int
    let entries: ByteView
    let slots: ByteView
    let postings: ByteView
    let lexicon: ByteView
    let keys: ByteView
    let countries: ByteView
    let pool: ByteView
    let filter: NameFilter

    // The fuzzy-key table (`FuzzyKeys`).
    let fuzzySlots: ByteView
    let fuzzyBits: Int
    let fuzzyMask: Int
    /// How many keys the fuzzy table holds.
    let fuzzyKeyCount: Int

    /// Reads the index header and maps its sections. Every count and offset is checked against
    /// the file (a bad one throws `IndexDamage`); the sections' contents are checked by
    /// `verifyIndexContents()`, which `IndexCache` runs once per index file.
    init(files: GazetteerFiles, index: IndexStorage) throws {
        self.files = files
        self.index = index
        places = try MappedFile(path: files.places)
        hasRadius = Gazetteer.hasRadiusColumn(places.view)
        shapes = GazetteerFiles.exists(files.shapes) ? try MappedFile(path: files.shapes) : nil
        userEntries = try UserEntryTable(directory: files.directory)
        let bytes = index.bytes
        guard bytes.count >= IndexLayout.headerSize else { throw IndexDamage("truncated index (\(bytes.count) bytes)") }
        guard Array(bytes[0..<8]) == IndexLayout.magic else {
            throw IndexDamage("not a GeoMap index of format \(IndexLayout.formatVersion)")
        }
        func u32(_ field: Int) -> Int { Int(bytes.load(at: field, as: UInt32.self)) }
        func section(_ name: String, _ offsetField: Int, count: Int, size: Int) throws -> ByteView {
            let offset = bytes.load(at: offsetField, as: UInt64.self)
            let (length, overflow) = count.multipliedReportingOverflow(by: size)
            guard !overflow, offset >= UInt64(IndexLayout.headerSize), offset % 8 == 0,
                  offset <= UInt64(bytes.count), UInt64(length) <= UInt64(bytes.count) - offset else {
                throw IndexDamage("truncated or corrupt index (the \(name) section lies outside the file)")
            }
            return bytes.extracting(Int(offset)..<(Int(offset) + length))
        }
        func tableSize(_ name: String, _ field: Int) throws -> Int {
            let count = u32(field)
            guard count.nonzeroBitCount == 1, count <= 1 << 30 else {
                throw IndexDamage("corrupt index (the \(name) table size \(count) is not a power of two)")
            }
            return count
        }
        entryCount = u32(IndexLayout.Header.entryCount)
        guard entryCount <= Int(Int32.max) else { throw IndexDamage("corrupt index (\(entryCount) entries)") }
        let slotCount = try tableSize("name", IndexLayout.Header.slotCount)
        let lexiconCount = try tableSize("lexicon", IndexLayout.Header.lexiconSlotCount)
        let fuzzyCount = try tableSize("fuzzy", IndexLayout.Header.fuzzySlotCount)
        slotBits = slotCount.trailingZeroBitCount
        slotMask = slotCount - 1
        lexiconBits = lexiconCount.trailingZeroBitCount
        lexiconMask = lexiconCount - 1
        fuzzyBits = fuzzyCount.trailingZeroBitCount
        fuzzyMask = fuzzyCount - 1
        keyCount = u32(IndexLayout.Header.keyCount)
        postingCount = u32(IndexLayout.Header.postingCount)
        fuzzyKeyCount = u32(IndexLayout.Header.fuzzyKeyCount)
        guard fuzzyKeyCount <= keyCount else { throw IndexDamage("corrupt index (\(fuzzyKeyCount) fuzzy keys of \(keyCount))") }
        maxNameTokens = u32(IndexLayout.Header.maxTokens)
        guard (1...Int(UInt8.max)).contains(maxNameTokens) else {
            throw IndexDamage("corrupt index (names of up to \(maxNameTokens) tokens)")
        }
        let poolSize = bytes.load(at: IndexLayout.Header.poolSize, as: UInt64.self)
        guard poolSize <= UInt64(bytes.count) else { throw IndexDamage("truncated or corrupt index (the string pool lies outside the file)") }
        let filterBlocks = u32(IndexLayout.Header.filterBlockCount)
        guard filterBlocks > 0 else { throw IndexDamage("corrupt index (an empty name filter)") }

        entries = try section("entry", IndexLayout.Header.entriesOffset, count: entryCount, size: IndexLayout.entrySize)
        slots = try section("name table", IndexLayout.Header.slotsOffset, count: slotCount, size: IndexLayout.slotSize)
        postings = try section("posting", IndexLayout.Header.postingsOffset, count: postingCount, size: IndexLayout.postingSize)
        lexicon = try section("lexicon", IndexLayout.Header.lexiconOffset, count: lexiconCount, size: IndexLayout.lexiconSlotSize)
        keys = try section("key list", IndexLayout.Header.keysOffset, count: keyCount, size: IndexLayout.keyRefSize)
        countries = try section("country", IndexLayout.Header.countriesOffset, count: IndexLayout.countryTableCount, size: 4)
        pool = try section("string pool", IndexLayout.Header.poolOffset, count: Int(poolSize), size: 1)
        filter = NameFilter(blocks: try section("name filter", IndexLayout.Header.filterOffset, count: filterBlocks, size: NameFilter.blockSize),
                            blockCount: filterBlocks)
        fuzzySlots = try section("fuzzy table", IndexLayout.Header.fuzzyOffset, count: fuzzyCount, size: IndexLayout.fuzzySlotSize)
    }

    /// The index's bytes, for its checksum.
    var indexBytes: ByteView { index.bytes }

    /// The mapped file of the index; nil for an index held in memory.
    var indexFile: MappedFile? { index.mappedFile }

    // MARK: Entries

    @inline(__always) private func field<T: FixedWidthInteger>(_ entry: Int32, _ offset: Int, _ type: T.Type) -> T {
        entries.load(at: Int(entry) * IndexLayout.entrySize + offset, as: T.self)
    }

    public func id(_ entry: Int32) -> Int64 { field(entry, IndexLayout.Entry.id, Int64.self) }
    public func point(_ entry: Int32) -> (lat: Double, lon: Double) {
        let base = Int(entry) * IndexLayout.entrySize
        return (entries.loadDouble(at: base + IndexLayout.Entry.lat), entries.loadDouble(at: base + IndexLayout.Entry.lon))
    }
    public func population(_ entry: Int32) -> Int { Int(field(entry, IndexLayout.Entry.population, UInt32.self)) }
    public func kind(_ entry: Int32) -> PlaceKind {
        PlaceKind(rawValue: field(entry, IndexLayout.Entry.kind, UInt8.self)) ?? .place
    }
    public func feature(_ entry: Int32) -> FeatureCode {
        FeatureCode(rawValue: field(entry, IndexLayout.Entry.feature, UInt8.self)) ?? .other
    }
    public func country(_ entry: Int32) -> CountryCode { CountryCode(packed: field(entry, IndexLayout.Entry.country, UInt16.self)) }
    /// The admin-1 entry this entry lies in, by the gazetteer's codes.
    public func admin1Entry(_ entry: Int32) -> Int32? {
        let parent = field(entry, IndexLayout.Entry.admin1Entry, Int32.self)
        return parent >= 0 ? parent : nil
    }
    public func countryEntry(_ code: CountryCode) -> Int32? {
        guard let index = IndexLayout.countryIndex(code.packed) else { return nil }
        let entry = countries.load(at: index * 4, as: Int32.self)
        return entry >= 0 ? entry : nil
    }
    public func hasShape(_ entry: Int32) -> Bool { field(entry, IndexLayout.Entry.shapeLength, UInt32.self) > 0 }

    /// The entry's geometry as WKB, straight from the mapped shapes file.
    public func shapeWKB(_ entry: Int32) -> ByteView? {
        let length = Int(field(entry, IndexLayout.Entry.shapeLength, UInt32.self))
        guard length > 0, let shapes else { return nil }
        let offset = Int(field(entry, IndexLayout.Entry.shapeOffset, UInt32.self))
        guard offset + length <= shapes.view.count else { return nil }
        return shapes.view.extracting(offset..<(offset + length))
    }

    /// Where the entry's row starts in `places.tsv`.
    @inline(__always)
    func rowOffset(_ entry: Int32) -> Int { Int(field(entry, IndexLayout.Entry.rowOffset, UInt32.self)) }

    /// The entry's row of `places.tsv`, split into fields.
    func row(_ entry: Int32) -> [String] {
        let start = rowOffset(entry)
        let bytes = places.view
        let end = bytes.firstIndex(of: 0x0A, from: min(start, bytes.count)) ?? bytes.count
        return splitFields(bytes.extracting(start..<end), separator: 0x09).map(\.string)
    }

    public func name(_ entry: Int32) -> String { primaryName(entry).string }

    /// Every name of the entry, primary first, then its abbreviations.
    public func allNames(_ entry: Int32) -> (names: [String], abbreviations: [String]) {
        let fields = row(entry)
        func split(_ index: Int) -> [String] {
            guard index < fields.count, !fields[index].isEmpty else { return [] }
            return fields[index].split(separator: "|").map(String.init)
        }
        return (split(10), split(11))
    }

    /// The primary name's bytes in place (the third field of the entry's row), without copying.
    public func primaryName(_ entry: Int32) -> ByteView {
        let bytes = places.view
        // Every row has more than three fields (the index checks that), so the name's end is a tab.
        var position = min(rowOffset(entry), bytes.count)
        for _ in 0..<2 { position = min((bytes.firstIndex(of: 0x09, from: position) ?? bytes.count) + 1, bytes.count) }
        return bytes.extracting(position..<(bytes.firstIndex(of: 0x09, from: position) ?? bytes.count))
    }

    /// The entry's id when it is a GeoNames id (curated and derived entries have none).
    public func geonameID(_ entry: Int32) -> Int64? {
        let value = id(entry)
        return value > 0 && value < 1_000_000_000 ? value : nil
    }

    /// Every entry index, in id order.
    public var allEntries: Range<Int32> { 0..<Int32(entryCount) }

    public func entry(withID id: Int64) -> Int32? {
        var low = 0, high = entryCount
        while low < high {
            let mid = (low + high) / 2
            if self.id(Int32(mid)) < id { low = mid + 1 } else { high = mid }
        }
        return low < entryCount && self.id(Int32(low)) == id ? Int32(low) : nil
    }

    // MARK: Names

    /// The postings under a key hash: a range into the posting table, and the key's token count.
    @inline(__always)
    public func postings(forKeyHash rawHash: UInt64) -> PostingList {
        guard let base = Self.slot(of: rawHash, in: slots, bits: slotBits, mask: slotMask, size: IndexLayout.slotSize) else {
            return PostingList(storage: postings, start: 0, count: 0)
        }
        return PostingList(storage: postings,
                           start: Int(slots.load(at: base + IndexLayout.Slot.postingStart, as: UInt32.self)),
                           count: Int(slots.load(at: base + IndexLayout.Slot.postingCount, as: UInt16.self)),
                           types: PostingList.Types(rawValue: slots[base + IndexLayout.Slot.types]))
    }

    /// Where the slot holding `rawHash` starts in an open-addressing table of the index (linear
    /// probing from the hash's home slot; a zero hash marks an empty slot), or nil.
    @inline(__always)
    static func slot(of rawHash: UInt64, in table: ByteView, bits: Int, mask: Int, size: Int) -> Int? {
        let hash = IndexLayout.stored(rawHash)
        var slot = IndexLayout.home(of: hash, bits: bits)
        while true {
            let base = slot &* size
            let stored = table.load(at: base, as: UInt64.self)
            if stored == hash { return base }
            if stored == 0 { return nil }
            slot = (slot &+ 1) & mask
        }
    }

    /// False when no name key has this hash (then `postings(forKeyHash:)` is empty), without
    /// touching the key table.
    @inline(__always)
    public func mayBeNameKey(_ rawHash: UInt64) -> Bool { filter.mayContain(rawHash, .key) }

    /// False when no name key begins with the span of this hash and goes on with more tokens.
    @inline(__always)
    public func mayBeginLongerNameKey(_ rawHash: UInt64) -> Bool { filter.mayContain(rawHash, .keyPrefix) }

    /// False when no organisation's name key begins with (or is) the span of this hash.
    @inline(__always)
    public func mayBeginOrganisationName(_ rawHash: UInt64) -> Bool { filter.mayContain(rawHash, .organisationPrefix) }

    public func postings(for name: String) -> PostingList {
        guard let key = NameKey.of(name) else { return PostingList(storage: postings, start: 0, count: 0) }
        return postings(forKeyHash: key.hash)
    }

    @inline(__always)
    public func lexiconFlags(forKeyHash rawHash: UInt64) -> LexiconFlags {
        guard let base = Self.slot(of: rawHash, in: lexicon, bits: lexiconBits, mask: lexiconMask, size: IndexLayout.lexiconSlotSize) else {
            return []
        }
        return LexiconFlags(rawValue: lexicon.load(at: base + 8, as: UInt32.self))
    }

    /// The bytes of the key at `index` in the key list (ordered by length).
    @inline(__always)
    func nameKey(at index: Int) -> ByteView {
        let base = index * IndexLayout.keyRefSize
        let offset = Int(keys.load(at: base, as: UInt32.self))
        let length = Int(keys.load(at: base + 4, as: UInt16.self))
        return pool.extracting(offset..<(offset + length))
    }

    /// Every distinct name key whose length in bytes is within `lengths`, for fuzzy suggestions.
    func forEachKey(lengths: ClosedRange<Int>, _ body: (ByteView) -> Void) {
        var low = 0, high = keyCount
        while low < high {
            let mid = (low + high) / 2
            if Int(keys.load(at: mid * IndexLayout.keyRefSize + 4, as: UInt16.self)) < lengths.lowerBound { low = mid + 1 } else { high = mid }
        }
        var k = low
        while k < keyCount {
            let base = k * IndexLayout.keyRefSize
            let length = Int(keys.load(at: base + 4, as: UInt16.self))
            if length > lengths.upperBound { break }
            let offset = Int(keys.load(at: base, as: UInt32.self))
            body(pool.extracting(offset..<(offset + length)))
            k += 1
        }
    }
}

/// The postings of one key, read in place.
public struct PostingList: RandomAccessCollection, @unchecked Sendable {
    let storage: ByteView
    let start: Int
    public let count: Int
    /// The name types among the postings, from the key's slot: what the recognizer asks of a
    /// list first, answered without reading the postings.
    public let types: Types

    /// A set of `NameType`s.
    public struct Types: OptionSet, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public init(_ type: NameType) { rawValue = 1 << type.rawValue }
    }

    init(storage: ByteView, start: Int, count: Int, types: Types = []) {
        self.storage = storage
        self.start = start
        self.count = count
        self.types = types
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    /// One load per posting (entry: 4 bytes, type, flags, case signature: 2), so one bounds check.
    @inline(__always)
    public subscript(position: Int) -> NamePosting {
        let packed = storage.load(at: (start + position) * IndexLayout.postingSize, as: UInt64.self)
        return NamePosting(entry: Int32(truncatingIfNeeded: packed),
                           type: NameType(rawValue: UInt8(truncatingIfNeeded: packed >> 32)) ?? .alternate,
                           flags: NameFlags(rawValue: UInt8(truncatingIfNeeded: packed >> 40)),
                           caseSignature: UInt16(truncatingIfNeeded: packed >> 48))
    }
}
