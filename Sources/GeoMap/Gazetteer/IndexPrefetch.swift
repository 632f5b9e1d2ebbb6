import CPrefetch

/// Prefetches for the index's hash tables: a caller that knows the keys it will look up (every
/// capitalised token of a text) asks for their cache lines first, so that the misses overlap
/// instead of stalling the lookups one after another. A prefetch changes no result.
extension Gazetteer {
    /// The filter block that `mayBeNameKey` and `mayBeginLongerNameKey` read for `hash`.
    @inline(__always)
    func prefetchFilter(_ hash: UInt64, _ kind: NameFilter.Kind) {
        let block = NameFilter.position(hash, kind, blockCount: filter.blockCount).block
        geomap_prefetch(filter.blocks.baseAddress! + block &* NameFilter.blockSize)
    }

    /// The first slot that `lexiconFlags(forKeyHash:)` probes for `hash`.
    @inline(__always)
    func prefetchLexicon(_ hash: UInt64) {
        let slot = IndexLayout.home(of: IndexLayout.stored(hash), bits: lexiconBits)
        geomap_prefetch(lexicon.baseAddress! + slot &* IndexLayout.lexiconSlotSize)
    }

    /// The record of `entry` (population, kind, point, …).
    @inline(__always)
    func prefetchEntry(_ entry: Int32) {
        geomap_prefetch(entries.baseAddress! + Int(entry) &* IndexLayout.entrySize)
    }
}
