/// Prefetches for the index's hash tables: a caller that knows the keys it will look up (every
/// capitalised token of a text) asks for their cache lines first, so that the misses overlap
/// instead of stalling the lookups one after another. A prefetch changes no result. Each place
/// has its own function, the byte offset in its section, so that a test can check it is the one
/// the lookup reads.
extension Gazetteer {
    /// The filter block that `mayBeNameKey`, `mayBeginLongerNameKey` and
    /// `mayBeginOrganisationName` read for `hash`.
    @inline(__always)
    func prefetchFilter(_ hash: UInt64) { filter.blocks.prefetch(at: filterLine(hash)) }

    @inline(__always)
    func filterLine(_ hash: UInt64) -> Int {
        NameFilter.block(hash, blockCount: filter.blockCount) &* NameFilter.blockSize
    }

    /// The first slot that `postings(forKeyHash:)` probes for `hash`.
    @inline(__always)
    func prefetchSlot(_ hash: UInt64) { slots.prefetch(at: slotLine(hash)) }

    @inline(__always)
    func slotLine(_ hash: UInt64) -> Int {
        IndexLayout.home(of: IndexLayout.stored(hash), bits: slotBits) &* IndexLayout.slotSize
    }

    /// The first slot that `lexiconFlags(forKeyHash:)` probes for `hash`.
    @inline(__always)
    func prefetchLexicon(_ hash: UInt64) { lexicon.prefetch(at: lexiconLine(hash)) }

    @inline(__always)
    func lexiconLine(_ hash: UInt64) -> Int {
        IndexLayout.home(of: IndexLayout.stored(hash), bits: lexiconBits) &* IndexLayout.lexiconSlotSize
    }

    /// The start of the entry's row in `places.tsv`, where every output format reads its name.
    @inline(__always)
    func prefetchRow(_ entry: Int32) {
        if let line = rowLine(entry) { places.view.prefetch(at: line) }
    }

    @inline(__always)
    func rowLine(_ entry: Int32) -> Int? {
        let offset = rowOffset(entry)
        return offset < places.view.count ? offset : nil
    }

    /// The record of `entry` (population, kind, point, …).
    @inline(__always)
    func prefetchEntry(_ entry: Int32) { entries.prefetch(at: entryLine(entry)) }

    @inline(__always)
    func entryLine(_ entry: Int32) -> Int { Int(entry) &* IndexLayout.entrySize }
}
