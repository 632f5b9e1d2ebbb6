import CPrefetch

/// Prefetches for the index's hash tables: a caller that knows the keys it will look up (every
/// capitalised token of a text) asks for their cache lines first, so that the misses overlap
/// instead of stalling the lookups one after another. A prefetch changes no result.
extension Gazetteer {
    /// The filter block that `mayBeNameKey`, `mayBeginLongerNameKey` and
    /// `mayBeginOrganisationName` read for `hash`.
    @inline(__always)
    func prefetchFilter(_ hash: UInt64) {
        let block = NameFilter.block(hash, blockCount: filter.blockCount)
        geomap_prefetch(filter.blocks.baseAddress! + block &* NameFilter.blockSize)
    }

    /// The first slot that `postings(forKeyHash:)` probes for `hash`.
    @inline(__always)
    func prefetchSlot(_ hash: UInt64) {
        let slot = IndexLayout.home(of: IndexLayout.stored(hash), bits: slotBits)
        geomap_prefetch(slots.baseAddress! + slot &* IndexLayout.slotSize)
    }

    /// The first slot that `lexiconFlags(forKeyHash:)` probes for `hash`.
    @inline(__always)
    func prefetchLexicon(_ hash: UInt64) {
        let slot = IndexLayout.home(of: IndexLayout.stored(hash), bits: lexiconBits)
        geomap_prefetch(lexicon.baseAddress! + slot &* IndexLayout.lexiconSlotSize)
    }

    /// The start of the entry's row in `places.tsv`, where every output format reads its name.
    @inline(__always)
    func prefetchRow(_ entry: Int32) {
        let offset = rowOffset(entry)
        if offset < places.bytes.count { geomap_prefetch(places.bytes.baseAddress! + offset) }
    }

    /// The record of `entry` (population, kind, point, …).
    @inline(__always)
    func prefetchEntry(_ entry: Int32) {
        geomap_prefetch(entries.baseAddress! + Int(entry) &* IndexLayout.entrySize)
    }
}
