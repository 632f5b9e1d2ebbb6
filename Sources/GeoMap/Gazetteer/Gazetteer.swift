/// The gazetteer, opened: the memory-mapped index plus the tables it points into. Immutable and
/// safe to share between threads. Open it once per process (`Gazetteer.open`), never per call.
public final class Gazetteer: @unchecked Sendable {
    public let files: GazetteerFiles
    private let index: IndexStorage
    let places: MappedFile
    private let shapes: MappedFile?

    let entryCount: Int
    let slotBits: Int
    private let slotMask: Int
    let lexiconBits: Int
    private let lexiconMask: Int
    private let keyCount: Int
    public let maxNameTokens: Int
    let entries: UnsafeRawBufferPointer
    let slots: UnsafeRawBufferPointer
    private let postings: UnsafeRawBufferPointer
    let lexicon: UnsafeRawBufferPointer
    private let keys: UnsafeRawBufferPointer
    private let countries: UnsafeRawBufferPointer
    private let pool: UnsafeRawBufferPointer
    let filter: NameFilter

    // The fuzzy-key table (`FuzzyKeys`).
    let fuzzySlots: UnsafeRawBufferPointer
    let fuzzyBits: Int
    let fuzzyMask: Int
    /// How many keys the fuzzy table holds.
    let fuzzyKeyCount: Int

    init(files: GazetteerFiles, index: IndexStorage) throws {
        self.files = files
        self.index = index
        places = try MappedFile(path: files.places)
        shapes = GazetteerFiles.exists(files.shapes) ? try MappedFile(path: files.shapes) : nil
        let bytes = index.bytes
        guard bytes.count >= IndexLayout.headerSize, Array(bytes[0..<8]) == IndexLayout.magic else {
            throw GeoMapError.badData(path: index.path, line: nil, reason: "not a GeoMap index")
        }
        func u32(_ field: Int) -> Int { Int(bytes.load(at: field, as: UInt32.self)) }
        func u64(_ field: Int) -> Int { Int(truncatingIfNeeded: bytes.load(at: field, as: UInt64.self)) }
        func section(_ offsetField: Int, _ length: Int) throws -> UnsafeRawBufferPointer {
            let offset = u64(offsetField)
            guard offset >= 0, length >= 0, offset + length <= bytes.count else {
                throw GeoMapError.badData(path: index.path, line: nil, reason: "truncated index")
            }
            return UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)])
        }
        entryCount = u32(IndexLayout.Header.entryCount)
        let slotCount = u32(IndexLayout.Header.slotCount)
        let lexiconCount = u32(IndexLayout.Header.lexiconSlotCount)
        guard slotCount.nonzeroBitCount == 1, lexiconCount.nonzeroBitCount == 1 else {
            throw GeoMapError.badData(path: index.path, line: nil, reason: "corrupt index")
        }
        slotBits = slotCount.trailingZeroBitCount
        slotMask = slotCount - 1
        lexiconBits = lexiconCount.trailingZeroBitCount
        lexiconMask = lexiconCount - 1
        keyCount = u32(IndexLayout.Header.keyCount)
        maxNameTokens = max(1, u32(IndexLayout.Header.maxTokens))
        entries = try section(IndexLayout.Header.entriesOffset, entryCount * IndexLayout.entrySize)
        slots = try section(IndexLayout.Header.slotsOffset, slotCount * IndexLayout.slotSize)
        postings = try section(IndexLayout.Header.postingsOffset, u32(IndexLayout.Header.postingCount) * IndexLayout.postingSize)
        lexicon = try section(IndexLayout.Header.lexiconOffset, lexiconCount * IndexLayout.lexiconSlotSize)
        keys = try section(IndexLayout.Header.keysOffset, keyCount * IndexLayout.keyRefSize)
        countries = try section(IndexLayout.Header.countriesOffset, IndexLayout.countryTableCount * 4)
        pool = try section(IndexLayout.Header.poolOffset, u64(IndexLayout.Header.poolSize))
        let filterBlocks = u32(IndexLayout.Header.filterBlockCount)
        guard filterBlocks > 0 else { throw GeoMapError.badData(path: index.path, line: nil, reason: "corrupt index") }
        filter = NameFilter(blocks: try section(IndexLayout.Header.filterOffset, filterBlocks * NameFilter.blockSize),
                            blockCount: filterBlocks)
        let fuzzyCount = u32(IndexLayout.Header.fuzzySlotCount)
        guard fuzzyCount.nonzeroBitCount == 1 else { throw GeoMapError.badData(path: index.path, line: nil, reason: "corrupt index") }
        fuzzyBits = fuzzyCount.trailingZeroBitCount
        fuzzyMask = fuzzyCount - 1
        fuzzyKeyCount = u32(IndexLayout.Header.fuzzyKeyCount)
        fuzzySlots = try section(IndexLayout.Header.fuzzyOffset, fuzzyCount * IndexLayout.fuzzySlotSize)
    }

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
    public func shapeWKB(_ entry: Int32) -> UnsafeRawBufferPointer? {
        let length = Int(field(entry, IndexLayout.Entry.shapeLength, UInt32.self))
        guard length > 0, let shapes else { return nil }
        let offset = Int(field(entry, IndexLayout.Entry.shapeOffset, UInt32.self))
        guard offset + length <= shapes.bytes.count else { return nil }
        return UnsafeRawBufferPointer(rebasing: shapes.bytes[offset..<(offset + length)])
    }

    /// Where the entry's row starts in `places.tsv`.
    @inline(__always)
    func rowOffset(_ entry: Int32) -> Int { Int(field(entry, IndexLayout.Entry.rowOffset, UInt32.self)) }

    /// The entry's row of `places.tsv`, split into fields.
    func row(_ entry: Int32) -> [String] {
        let start = rowOffset(entry)
        var end = start
        let bytes = places.bytes
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        return splitFields(UnsafeRawBufferPointer(rebasing: bytes[start..<end]), separator: 0x09).map(\.string)
    }

    public func name(_ entry: Int32) -> String { primaryNameBytes(entry).string }

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
    public func primaryNameBytes(_ entry: Int32) -> UnsafeRawBufferPointer {
        var position = rowOffset(entry)
        let bytes = places.bytes
        var tabs = 0
        while position < bytes.count && tabs < 2 {
            if bytes[position] == 0x09 { tabs += 1 }
            position += 1
        }
        var end = position
        while end < bytes.count && bytes[end] != 0x09 && bytes[end] != 0x0A { end += 1 }
        return UnsafeRawBufferPointer(rebasing: bytes[position..<end])
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
        let hash = IndexLayout.stored(rawHash)
        var slot = IndexLayout.home(of: hash, bits: slotBits)
        while true {
            let base = slot &* IndexLayout.slotSize
            let stored = slots.load(at: base, as: UInt64.self)
            if stored == hash {
                return PostingList(storage: postings,
                                   start: Int(slots.load(at: base + IndexLayout.Slot.postingStart, as: UInt32.self)),
                                   count: Int(slots.load(at: base + IndexLayout.Slot.postingCount, as: UInt16.self)),
                                   types: PostingList.Types(rawValue: slots[base + IndexLayout.Slot.types]))
            }
            if stored == 0 { return PostingList(storage: postings, start: 0, count: 0) }
            slot = (slot &+ 1) & slotMask
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
        let hash = IndexLayout.stored(rawHash)
        var slot = IndexLayout.home(of: hash, bits: lexiconBits)
        while true {
            let base = slot &* IndexLayout.lexiconSlotSize
            let stored = lexicon.load(at: base, as: UInt64.self)
            if stored == hash { return LexiconFlags(rawValue: lexicon.load(at: base + 8, as: UInt32.self)) }
            if stored == 0 { return [] }
            slot = (slot &+ 1) & lexiconMask
        }
    }

    /// The bytes of the key at `index` in the key list (ordered by length).
    @inline(__always)
    func nameKey(at index: Int) -> UnsafeRawBufferPointer {
        let base = index * IndexLayout.keyRefSize
        let offset = Int(keys.load(at: base, as: UInt32.self))
        let length = Int(keys.load(at: base + 4, as: UInt16.self))
        return UnsafeRawBufferPointer(rebasing: pool[offset..<(offset + length)])
    }

    /// Every distinct name key whose length in bytes is within `lengths`, for fuzzy suggestions.
    func forEachKey(lengths: ClosedRange<Int>, _ body: (UnsafeRawBufferPointer) -> Void) {
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
            body(UnsafeRawBufferPointer(rebasing: pool[offset..<(offset + length)]))
            k += 1
        }
    }
}

/// The postings of one key, read in place.
public struct PostingList: RandomAccessCollection, @unchecked Sendable {
    let storage: UnsafeRawBufferPointer
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

    init(storage: UnsafeRawBufferPointer, start: Int, count: Int, types: Types = []) {
        self.storage = storage
        self.start = start
        self.count = count
        self.types = types
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> NamePosting {
        let base = (start + position) * IndexLayout.postingSize
        return NamePosting(entry: storage.load(at: base, as: Int32.self),
                           type: NameType(rawValue: storage[base + 4]) ?? .alternate,
                           flags: NameFlags(rawValue: storage[base + 5]),
                           caseSignature: storage.load(at: base + 6, as: UInt16.self))
    }
}
