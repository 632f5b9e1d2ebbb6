import Foundation
import Testing
@testable import GeoMap

/// The recognizer's prefetches (`IndexPrefetch`) against the lookups they prepare, read plainly:
/// the slot prefetched for a key is where `postings(forKeyHash:)` starts the probe that reaches
/// the key (found by scanning the whole table), and likewise for the lexicon; the filter line
/// is the block every question about the hash reads; the entry and row prefetched are the entry's
/// record and its row of places.tsv. A prefetch of the wrong line changes no result, so only a
/// test like this one sees it.
@Suite(.enabled(if: TestSupport.bundledGazetteer != nil, "needs the bundled gazetteer"))
struct IndexPrefetchDifferentialTests {
    let gazetteer = TestSupport.bundledGazetteer!

    /// Where each stored hash of a table sits, by a scan of every slot.
    static func scan(_ table: ByteView, slotSize: Int) -> [UInt64: Int] {
        var slots: [UInt64: Int] = [:]
        for slot in 0..<(table.count / slotSize) {
            let stored = table.load(at: slot * slotSize, as: UInt64.self)
            if stored != 0 { slots[stored] = slot }
        }
        return slots
    }

    /// Whether a linear probe from `first` reaches `target` without meeting an empty slot.
    static func probeReaches(_ table: ByteView, slotSize: Int, from first: Int, to target: Int) -> Bool {
        let count = table.count / slotSize
        var slot = first
        while slot != target {
            if table.load(at: slot * slotSize, as: UInt64.self) == 0 { return false }
            slot = (slot + 1) % count
        }
        return true
    }

    @Test func slotLinesStartTheProbesThatReachTheKeys() {
        let table = gazetteer.slots
        let holder = Self.scan(table, slotSize: IndexLayout.slotSize)
        var checked = 0, failures = 0, index = 0
        gazetteer.forEachKey(lengths: 0...Int(UInt16.max)) { key in
            index += 1
            guard index % 4 == 0 else { return }
            let hash = NameHashDifferentialTests.fnv1a(key)
            let line = gazetteer.slotLine(hash)
            guard line % IndexLayout.slotSize == 0, let target = holder[IndexLayout.stored(hash)],
                  Self.probeReaches(table, slotSize: IndexLayout.slotSize, from: line / IndexLayout.slotSize, to: target) else {
                failures += 1
                return
            }
            checked += 1
        }
        #expect(failures == 0)
        #expect(checked > 150_000, "\(checked) keys")
    }

    @Test func lexiconLinesStartTheProbesThatReachTheWords() throws {
        let table = gazetteer.lexicon
        let holder = Self.scan(table, slotSize: IndexLayout.lexiconSlotSize)
        var words: [String] = []
        for file in ["lexicon/first-names.txt", "lexicon/common-words.txt"] {
            let text = try String(contentsOfFile: TestSupport.repositoryRoot + "/Gazetteer/" + file, encoding: .utf8)
            words += text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
        }
        var failures = 0, checked = 0
        for word in words {
            guard let key = NameKey.of(word) else { continue }
            let line = gazetteer.lexiconLine(key.hash)
            guard line % IndexLayout.lexiconSlotSize == 0, let target = holder[IndexLayout.stored(key.hash)],
                  Self.probeReaches(table, slotSize: IndexLayout.lexiconSlotSize, from: line / IndexLayout.lexiconSlotSize, to: target) else {
                failures += 1
                continue
            }
            checked += 1
        }
        #expect(failures == 0)
        #expect(checked > 10_000)
    }

    @Test func filterLinesAreTheBlocksTheQuestionsRead() {
        var generator = SplitMix64(seed: 19_801)
        for _ in 0..<100_000 {
            let hash = generator.next()
            let line = gazetteer.filterLine(hash)
            for kind in [NameFilter.Kind.key, .keyPrefix, .organisationPrefix] {
                let block = NameFilter.position(hash, kind, blockCount: gazetteer.filter.blockCount).block
                if line != block * NameFilter.blockSize { Issue.record("hash \(hash), \(kind)"); return }
            }
        }
    }

    /// Every entry's record line holds its id; every 16th entry's row line starts the row of
    /// places.tsv with its id (found by reading the file line by line).
    @Test func entryAndRowLinesAreTheEntrysRecordAndRow() throws {
        let places = try Data(contentsOf: URL(fileURLWithPath: TestSupport.repositoryRoot + "/Gazetteer/places.tsv"))
        var rows: [Int64: ArraySlice<UInt8>] = [:]
        let bytes = [UInt8](places)
        var start = 0
        for (k, byte) in bytes.enumerated() where byte == 0x0A {
            let line = bytes[start..<k]
            if let id = Int64(String(decoding: line.prefix { $0 != 0x09 }, as: UTF8.self)) { rows[id] = line }
            start = k + 1
        }
        var failures = 0
        for entry in gazetteer.allEntries {
            let id = gazetteer.id(entry)
            if gazetteer.entries.load(at: gazetteer.entryLine(entry), as: Int64.self) != id { failures += 1 }
            guard entry % 16 == 0, let row = rows[id] else { continue }
            guard let line = gazetteer.rowLine(entry) else { failures += 1; continue }
            let prefetched = gazetteer.places.view.extracting(line..<(line + row.count))
            if !prefetched.elementsEqual(row) { failures += 1 }
        }
        #expect(failures == 0)
        #expect(rows.count > 200_000)
    }
}
