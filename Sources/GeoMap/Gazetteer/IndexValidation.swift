/// Why an index cannot be used: truncated, overwritten, or of another format. `IndexCache`
/// rebuilds such an index (with one warning); the reason names what was wrong.
struct IndexDamage: Error, CustomStringConvertible, Equatable {
    let reason: String
    init(_ reason: String) { self.reason = reason }
    var description: String { reason }
}

extension Gazetteer {
    /// Checks the index against its checksum, then every reference inside it, so that no read
    /// of a verified index leaves its section (the header's counts and offsets are checked on
    /// every open, by `init`): posting ranges and entries, admin-1 parents, country entries,
    /// rows of `places.tsv` and shapes, key references into the string pool, fuzzy-table
    /// references, and an empty slot in every open-addressing table (else a miss would probe
    /// forever). Reads the whole index once; `IndexCache` records that a file passed.
    func verifyIndexContents() throws {
        let bytes = indexBytes
        let stored = bytes.load(at: IndexLayout.Header.checksum, as: UInt64.self)
        guard IndexChecksum.of(bytes) == stored else { throw IndexDamage("corrupt index (checksum mismatch)") }
        try verifyReferences()
    }

    /// The reference checks of `verifyIndexContents`, without the checksum (the fuzz target
    /// runs them on bytes whose checksum it has recomputed).
    func verifyReferences() throws {
        func damaged(_ what: String) -> IndexDamage { IndexDamage("corrupt index (\(what))") }
        let placesSize = places.view.count
        let shapesSize = shapes?.view.count ?? 0
        for entry in 0..<entryCount {
            let base = entry * IndexLayout.entrySize
            guard Int(entries.load(at: base + IndexLayout.Entry.rowOffset, as: UInt32.self)) < max(1, placesSize) else {
                throw damaged("entry \(entry) has no row in places.tsv")
            }
            let parent = Int(entries.load(at: base + IndexLayout.Entry.admin1Entry, as: Int32.self))
            guard parent >= -1, parent < entryCount else { throw damaged("entry \(entry) has parent \(parent)") }
            let shapeLength = Int(entries.load(at: base + IndexLayout.Entry.shapeLength, as: UInt32.self))
            let shapeOffset = Int(entries.load(at: base + IndexLayout.Entry.shapeOffset, as: UInt32.self))
            guard shapeLength == 0 || shapeOffset + shapeLength <= shapesSize else {
                throw damaged("entry \(entry) has a shape outside shapes.wkb")
            }
        }
        var emptySlots = 0
        for slot in 0...slotMask {
            let base = slot * IndexLayout.slotSize
            if slots.load(at: base, as: UInt64.self) == 0 { emptySlots += 1; continue }
            let start = Int(slots.load(at: base + IndexLayout.Slot.postingStart, as: UInt32.self))
            let count = Int(slots.load(at: base + IndexLayout.Slot.postingCount, as: UInt16.self))
            guard start + count <= postingCount else { throw damaged("name slot \(slot) has postings past the end") }
        }
        guard emptySlots > 0 else { throw damaged("the name table has no empty slot") }
        for posting in 0..<postingCount {
            let entry = Int(postings.load(at: posting * IndexLayout.postingSize, as: Int32.self))
            guard entry >= 0, entry < entryCount else { throw damaged("posting \(posting) names entry \(entry)") }
        }
        emptySlots = 0
        for slot in 0...lexiconMask where lexicon.load(at: slot * IndexLayout.lexiconSlotSize, as: UInt64.self) == 0 {
            emptySlots += 1
        }
        guard emptySlots > 0 else { throw damaged("the lexicon table has no empty slot") }
        for key in 0..<keyCount {
            let base = key * IndexLayout.keyRefSize
            let offset = Int(keys.load(at: base, as: UInt32.self))
            let length = Int(keys.load(at: base + 4, as: UInt16.self))
            guard offset + length <= pool.count else { throw damaged("key \(key) lies outside the string pool") }
        }
        for country in 0..<IndexLayout.countryTableCount {
            let entry = Int(countries.load(at: country * 4, as: Int32.self))
            guard entry >= -1, entry < entryCount else { throw damaged("country \(country) names entry \(entry)") }
        }
        emptySlots = 0
        for slot in 0...fuzzyMask {
            let reference = fuzzySlots.load(at: slot * IndexLayout.fuzzySlotSize + IndexLayout.FuzzySlot.reference, as: UInt32.self)
            if reference == 0 { emptySlots += 1; continue }
            let keyIndex = Int(reference >> 1) - 1
            guard keyIndex >= 0, keyIndex < keyCount else { throw damaged("fuzzy slot \(slot) names key \(keyIndex)") }
        }
        guard emptySlots > 0 else { throw damaged("the fuzzy table has no empty slot") }
    }
}
