import Foundation
import Testing
@testable import GeoMap

/// Issue 19: the index cache key ignored the code — after a change to a word list or to the index
/// format an old cached index was used. The key now covers the format version, the code that
/// makes name keys, and the contents of every input file; the memo that spares hashing the
/// contents is keyed by file identities that an in-place edit cannot keep.
@Suite struct IndexCacheKeyTests {
    /// A copy of the mini gazetteer in a temporary directory, to edit.
    func copyOfMiniGazetteer() throws -> GazetteerFiles {
        let directory = TestSupport.temporaryDirectory() + "/gazetteer"
        try FileManager.default.copyItem(atPath: TestSupport.fixtures + "/MiniGazetteer", toPath: directory)
        return GazetteerFiles(directory: directory)
    }

    /// Rewrites a file in place (same inode, same size) with one byte changed and its
    /// modification time put back, as `cp -p` or `rsync -t --inplace` over an old copy leaves it.
    func editInPlace(_ path: String, _ edit: (inout [UInt8]) -> Void) throws {
        let modified = try #require(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let count = bytes.count
        edit(&bytes)
        try #require(bytes.count == count)
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.write(contentsOf: Data(bytes))
        try handle.close()
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: path)
    }

    func replace(_ old: String, with new: String, in bytes: inout [UInt8]) {
        precondition(old.utf8.count == new.utf8.count)
        let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: old, with: new)
        bytes = Array(text.utf8)
    }

    func flags(_ gazetteer: Gazetteer, _ word: String) -> LexiconFlags {
        gazetteer.lexiconFlags(forKeyHash: NameKey.of(word)!.hash)
    }

    @Test func editingAWordListInPlaceIsSeen() throws {
        let files = try copyOfMiniGazetteer()
        let fixture = IndexFixture(files: files)
        defer { fixture.remove(); try? FileManager.default.removeItem(atPath: files.directory) }
        try fixture.open { g in
            #expect(flags(g, "Vladimir").contains(.firstName))
            #expect(!flags(g, "Vladimar").contains(.firstName))
        }
        let before = try fixture.indexPath
        try editInPlace(files.firstNames) { replace("vladimir", with: "vladimar", in: &$0) }
        let (_, warnings) = try fixture.open { g in
            #expect(!flags(g, "Vladimir").contains(.firstName))
            #expect(flags(g, "Vladimar").contains(.firstName))
        }
        #expect(warnings.isEmpty)
        #expect(fixture.names.contains(URL(fileURLWithPath: before).lastPathComponent))
        #expect(fixture.names.filter { $0.hasPrefix("index-") }.count == 2, "a new index beside the old one")
    }

    @Test func editingAnyInputInPlaceChangesTheKey() throws {
        let files = try copyOfMiniGazetteer()
        let fixture = IndexFixture(files: files)
        defer { fixture.remove(); try? FileManager.default.removeItem(atPath: files.directory) }
        var keys: Set<UInt64> = [try IndexCache.cacheKey(files, directory: fixture.cache, recordMemo: true)]
        let edits: [(String, String, String)] = [
            (files.places, "Kaliningrad|Koenigsberg", "Kaliningrad|Koenigsbarg"),
            (files.demonyms, "Russian", "Rushian"),
            (files.commonWords, "police", "polite"),
            (files.firstNames, "alexander", "alexandar"),
            (files.organisations, "Reuters", "Reuterz"),
        ]
        for (path, old, new) in edits {
            try #require(files.indexInputs.contains(path))
            try editInPlace(path) { replace(old, with: new, in: &$0) }
            let key = try IndexCache.cacheKey(files, directory: fixture.cache, recordMemo: true)
            #expect(!keys.contains(key), "\(path)")
            keys.insert(key)
        }
        // Each edit shows in what the gazetteer answers.
        try fixture.open { g in
            #expect(PlaceLookup(gazetteer: g).candidates(for: "Koenigsbarg").map { g.id($0.entry) } == [554234])
            #expect(!g.postings(for: "Rushian").isEmpty)
            #expect(flags(g, "polite").contains(.commonWord))
            #expect(flags(g, "Reuterz").contains(.organisation))
        }
    }

    @Test func aMissingOptionalInputChangesTheKey() throws {
        let files = try copyOfMiniGazetteer()
        let fixture = IndexFixture(files: files)
        defer { fixture.remove(); try? FileManager.default.removeItem(atPath: files.directory) }
        let before = try IndexCache.cacheKey(files, directory: fixture.cache, recordMemo: true)
        try FileManager.default.removeItem(atPath: files.commonWords)
        let after = try IndexCache.cacheKey(files, directory: fixture.cache, recordMemo: true)
        #expect(before != after)
        try fixture.open { g in #expect(!flags(g, "police").contains(.commonWord)) }
    }

    @Test func theKeyAndTheFileNamesCarryTheFormatVersion() throws {
        let fixture = IndexFixture()
        defer { fixture.remove() }
        try fixture.openWarnings()
        let version = "-v\(IndexLayout.formatVersion)"
        #expect(try fixture.indexPath.hasSuffix(version + ".bin"))
        #expect(fixture.names.allSatisfy { $0.hasSuffix(version) || $0.hasSuffix(version + ".bin") }, "\(fixture.names)")
        #expect(String(decoding: IndexLayout.magic, as: UTF8.self) == "GMIDX" + String(IndexLayout.formatVersion).leftPadded(to: 3))
        #expect(IndexCache.codeFingerprint == IndexCache.codeFingerprint(version: IndexLayout.formatVersion, probes: IndexCache.foldingProbes))
        #expect(IndexCache.codeFingerprint != IndexCache.codeFingerprint(version: IndexLayout.formatVersion + 1, probes: IndexCache.foldingProbes))
    }

    @Test func theKeyFollowsWhatTheCodeMakesOfNames() {
        // The fingerprint hashes the name keys this build makes of the probes: a change to folding
        // that alters any probe's key alters it. Every probe has a key of its own here.
        let version = IndexLayout.formatVersion
        let base = IndexCache.codeFingerprint(version: version, probes: IndexCache.foldingProbes)
        var keys = Set<[UInt8]>()
        for (k, probe) in IndexCache.foldingProbes.enumerated() {
            if let key = NameKey.of(probe) { keys.insert(key.bytes) }
            var changed = IndexCache.foldingProbes
            changed[k] = probe + "x"
            #expect(IndexCache.codeFingerprint(version: version, probes: changed) != base, "probe \(k)")
        }
        #expect(keys.count >= IndexCache.foldingProbes.count - 3)
        // The Latin, Greek and Cyrillic letters are probed one by one.
        let letters = IndexCache.foldingProbes.joined()
        for scalar in ["ł", "ß", "Ж", "ω", "ǆ", "ẞ"] { #expect(letters.contains(scalar), "\(scalar)") }
    }

    /// The bytes the builder writes for the mini gazetteer, recorded for this format version: a
    /// change to the builder (or to name keys) that changes index bytes without a new
    /// `IndexLayout.formatVersion` would let old caches be read as if they were new.
    @Test func theMiniIndexBytesAreThoseOfThisVersion() throws {
        let recorded: [Int: UInt64] = [9: 0x84E0_0BCE_D1B4_348D]
        let bytes = try IndexBuilder.build(files: GazetteerFiles(directory: TestSupport.fixtures + "/MiniGazetteer"), fingerprint: 42, workers: 1)
        let checksum = bytes.withByteView { IndexChecksum.of($0) }
        #expect(recorded[IndexLayout.formatVersion] == checksum,
                "the index bytes changed (checksum 0x\(IndexCache.hex(checksum))): bump IndexLayout.formatVersion and record the new checksum here")
    }

    @Test func anIndexOfAnotherFormatAtTheCachedPathIsRebuilt() throws {
        let fixture = IndexFixture()
        defer { fixture.remove() }
        try fixture.openWarnings()
        let original = try fixture.indexBytes()
        let old = Array("GMIDX".utf8) + String(IndexLayout.formatVersion - 1).leftPadded(to: 3).utf8
        try fixture.overwrite(at: 0, with: old)
        let warnings = try fixture.openWarnings()
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("not a GeoMap index of format \(IndexLayout.formatVersion); rebuilt it") == true, "\(warnings)")
        #expect(try fixture.indexBytes() == original)
    }
}
