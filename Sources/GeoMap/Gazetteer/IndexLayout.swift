/// The binary layout of the derived gazetteer index: a header, fixed-size entry records, an
/// open-addressing table from name-key hashes to posting lists, the postings, a second table for
/// the lexicon, a list of keys for fuzzy suggestions, a country table, a string pool, a
/// `NameFilter` and the fuzzy-key table (`FuzzyKeys`). All integers little-endian, every section
/// 8-byte aligned (the filter 64-byte). The header ends with a checksum of the whole file
/// (`IndexChecksum`).
enum IndexLayout {
    /// The version of the index bytes: of this layout and of what `IndexBuilder` writes into it.
    /// It is in the magic, in the cache file names and in the cache key, so an index of another
    /// version is never read. Bump it with any change to the bytes the builder writes (the test
    /// `IndexCacheKeyTests.theMiniIndexBytesAreThoseOfThisVersion` fails until then).
    static let formatVersion = 9
    static let magic: [UInt8] = Array("GMIDX".utf8) + String(formatVersion).leftPadded(to: 3).utf8
    static let headerSize = 160
    static let entrySize = 48
    static let slotSize = 16
    static let postingSize = 8
    static let lexiconSlotSize = 16
    static let keyRefSize = 8
    static let fuzzySlotSize = 8
    static let countryTableCount = 26 * 26

    /// Header field offsets.
    enum Header {
        static let fingerprint = 8
        static let entryCount = 16
        static let slotCount = 20
        static let postingCount = 24
        static let lexiconSlotCount = 28
        static let keyCount = 32
        static let entriesOffset = 40
        static let slotsOffset = 48
        static let postingsOffset = 56
        static let lexiconOffset = 64
        static let keysOffset = 72
        static let countriesOffset = 80
        static let poolOffset = 88
        static let poolSize = 96
        static let maxTokens = 104
        static let filterOffset = 112
        static let filterBlockCount = 120
        static let fuzzySlotCount = 124
        static let fuzzyOffset = 128
        static let fuzzyKeyCount = 136
        /// `IndexChecksum` of the file with these 8 bytes read as zero.
        static let checksum = 144
    }

    /// Entry record field offsets.
    enum Entry {
        static let id = 0
        static let lat = 8
        static let lon = 16
        static let population = 24
        static let rowOffset = 28
        static let shapeOffset = 32
        static let shapeLength = 36
        static let admin1Entry = 40
        static let country = 44
        static let kind = 46
        static let feature = 47
    }

    /// Slot field offsets: hash u64, first posting u32, posting count u16, token count u8, and
    /// the name types of the postings (`PostingList.Types`) u8.
    enum Slot {
        static let hash = 0
        static let postingStart = 8
        static let postingCount = 12
        static let tokenCount = 14
        static let types = 15
    }

    /// Fuzzy-table slot fields: the low 32 bits of a variant's hash, then the key's reference
    /// (`FuzzyKeys.reference`); an empty slot's reference is 0.
    enum FuzzySlot {
        static let fingerprint = 0
        static let reference = 4
    }

    /// Where a hash starts probing in a table of `1 << bits` slots.
    @inline(__always)
    static func home(of hash: UInt64, bits: Int) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
    }

    /// Hash 0 marks an empty slot, so no key may hash to it.
    @inline(__always)
    static func stored(_ hash: UInt64) -> UInt64 { hash == 0 ? 1 : hash }

    static func countryIndex(_ code: UInt16) -> Int? {
        let first = Int(code >> 8) - 0x41, second = Int(code & 0xFF) - 0x41
        guard (0..<26).contains(first), (0..<26).contains(second) else { return nil }
        return first * 26 + second
    }
}

/// Two ASCII letters packed into 16 bits (`UA` = 0x5541); 0 for none.
public struct CountryCode: Hashable, Sendable, Comparable, CustomStringConvertible, BitwiseCopyable {
    public let packed: UInt16
    public init(packed: UInt16) { self.packed = packed }

    public init?(_ code: some StringProtocol) {
        let bytes = Array(code.utf8)
        guard bytes.count == 2 else { return nil }
        let upper = bytes.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }
        guard upper.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else { return nil }
        packed = UInt16(upper[0]) << 8 | UInt16(upper[1])
    }

    public static let none = CountryCode(packed: 0)
    public var isNone: Bool { packed == 0 }
    public var description: String {
        isNone ? "" : String(decoding: [UInt8(packed >> 8), UInt8(packed & 0xFF)], as: UTF8.self)
    }
    public static func < (a: CountryCode, b: CountryCode) -> Bool { a.packed < b.packed }
}

extension String {
    /// The string with leading zeros up to `width` characters.
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
