import Foundation
import Testing
@testable import GeoMap

/// Issue 17, finding 3: a corrupted cache index was trusted — random overwrites after the header
/// crashed every run (SIGSEGV) or changed the output silently, and a truncated index was reported
/// on every command and never rebuilt. Now an index is checked (checksum, then every reference)
/// the first time a file is opened, and a bad one is rebuilt with one warning.
@Suite struct IndexCorruptionTests {
    @Test func randomOverwritesAfterTheHeaderAreRebuiltWithOneWarning() throws {
        var random = SplitMix64(seed: 17)
        for round in 0..<12 {
            let fixture = IndexFixture()
            defer { fixture.remove() }
            let (answers, firstWarnings) = try fixture.open { IndexFixture.answers($0) }
            #expect(firstWarnings.isEmpty)
            #expect(answers == IndexFixture.freshAnswers)
            let original = try fixture.indexBytes()
            // A few bytes, each changed for sure, anywhere after the header.
            for _ in 0..<(1 + round % 4) {
                let offset = Int.random(in: IndexLayout.headerSize..<original.count, using: &random)
                try fixture.overwrite(at: offset, with: [original[offset] ^ UInt8.random(in: 1...255, using: &random)])
            }
            let (reopened, warnings) = try fixture.open { IndexFixture.answers($0) }
            #expect(warnings.count == 1, "round \(round): \(warnings)")
            #expect(warnings.first?.hasSuffix("corrupt index (checksum mismatch); rebuilt it") == true, "\(warnings)")
            #expect(warnings.first?.hasPrefix(try fixture.indexPath) == true)
            #expect(reopened == IndexFixture.freshAnswers)
            #expect(try fixture.indexBytes() == original, "the rebuilt index is the one built first")
            #expect(try fixture.openWarnings().isEmpty, "a rebuilt index is not reported again")
        }
    }

    @Test func anOverwriteThatKeepsSizeAndModificationTimeIsCaught() throws {
        let fixture = IndexFixture()
        defer { fixture.remove() }
        try fixture.openWarnings()
        let path = try fixture.indexPath
        let modified = try #require(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
        let original = try fixture.indexBytes()
        let offset = original.count / 2
        try fixture.overwrite(at: offset, with: [original[offset] ^ 0x40])
        try fixture.setModificationDate(modified, of: path)
        #expect(try fixture.openWarnings().count == 1)
        #expect(try fixture.indexBytes() == original)
    }

    @Test func aTruncatedIndexIsRebuiltOnceWhateverItsLength() throws {
        let fixture = IndexFixture()
        defer { fixture.remove() }
        try fixture.openWarnings()
        let original = try fixture.indexBytes()
        for length in [0, 7, 8, IndexLayout.headerSize - 1, IndexLayout.headerSize, original.count / 3, original.count - 8, original.count - 1] {
            try fixture.truncate(to: length)
            let (answers, warnings) = try fixture.open { IndexFixture.answers($0) }
            #expect(warnings.count == 1, "length \(length): \(warnings)")
            #expect(warnings.first?.hasSuffix("; rebuilt it") == true, "length \(length): \(warnings)")
            #expect(answers == IndexFixture.freshAnswers)
            #expect(try fixture.indexBytes() == original)
            #expect(try fixture.openWarnings().isEmpty, "length \(length): reported twice")
        }
    }

    @Test func bytesAppendedToTheIndexAreCaught() throws {
        let fixture = IndexFixture()
        defer { fixture.remove() }
        try fixture.openWarnings()
        let original = try fixture.indexBytes()
        try fixture.overwrite(at: original.count, with: [0, 0, 0, 0, 0, 0, 0, 0])
        #expect(try fixture.openWarnings().count == 1)
        #expect(try fixture.indexBytes() == original)
    }

    @Test func aVerifiedIndexIsRecordedWithItsIdentity() throws {
        let fixture = IndexFixture()
        defer { fixture.remove() }
        try fixture.openWarnings()
        let records = fixture.names.filter { $0.hasPrefix("verified-") }
        try #require(records.count == 1, "\(fixture.names)")
        let record = try String(contentsOfFile: fixture.cache + "/" + records[0], encoding: .utf8)
        let mapped = try MappedFile(path: try fixture.indexPath)
        let checksum = mapped.view.load(at: IndexLayout.Header.checksum, as: UInt64.self)
        #expect(record == IndexCache.recordText(mapped.identity, checksum: checksum))
        #expect(checksum == IndexChecksum.of(mapped.view))
        // A record that does not match the file (here: another checksum) is not trusted: the file
        // is verified again, and recorded as it is.
        let recordURL = URL(fileURLWithPath: fixture.cache + "/" + records[0])
        try Data(IndexCache.recordText(mapped.identity, checksum: checksum ^ 1).utf8).write(to: recordURL)
        #expect(try fixture.openWarnings().isEmpty)
        #expect(try String(contentsOf: recordURL, encoding: .utf8) == record)
    }

    @Test func theChecksumCoversEveryByteButItsOwnField() throws {
        let bytes = try IndexBuilder.build(files: GazetteerFiles(directory: TestSupport.fixtures + "/MiniGazetteer"), fingerprint: 7, workers: 1)
        let checksum = bytes.read(UInt64.self, at: IndexLayout.Header.checksum)
        #expect(bytes.withByteView { IndexChecksum.of($0) } == checksum)
        var random = SplitMix64(seed: 3)
        for offset in Array(0..<IndexLayout.headerSize) + (0..<200).map({ _ in Int.random(in: 0..<bytes.count, using: &random) }) {
            var edited = bytes
            edited[offset] ^= 0x01 << UInt8(offset % 8)
            let changed = edited.withByteView { IndexChecksum.of($0) }
            let inField = (IndexLayout.Header.checksum..<(IndexLayout.Header.checksum + 8)).contains(offset)
            #expect((changed == checksum) == inField, "offset \(offset)")
        }
        // Length counts too: the same bytes with zeros after them.
        #expect((bytes + [0, 0, 0, 0, 0, 0, 0, 0]).withByteView { IndexChecksum.of($0) } != checksum)
    }
}

/// The checks of the index structure that hold even when the checksum is right (an index written
/// by a buggy builder, or bytes the fuzz target reseals): every header count and offset against
/// the file, and every reference inside the sections.
@Suite struct IndexStructureTests {
    let files = GazetteerFiles(directory: TestSupport.fixtures + "/MiniGazetteer")
    var bytes: [UInt8] { get throws { try IndexBuilder.build(files: files, fingerprint: 7, workers: 1) } }

    func rejected(_ bytes: [UInt8]) -> IndexDamage? {
        do {
            _ = try IndexFixture.openAndVerify(bytes, files: files)
            return nil
        } catch let damage as IndexDamage {
            return damage
        } catch {
            Issue.record("not an IndexDamage: \(error)")
            return nil
        }
    }

    @Test func theBuiltIndexPassesEveryCheck() throws {
        let gazetteer = try IndexFixture.openAndVerify(try bytes, files: files)
        #expect(IndexFixture.answers(gazetteer) == IndexFixture.freshAnswers)
    }

    @Test func everyHeaderCountAndOffsetIsCheckedAgainstTheFile() throws {
        let bytes = try self.bytes
        let offsets = [IndexLayout.Header.entriesOffset, IndexLayout.Header.slotsOffset, IndexLayout.Header.postingsOffset,
                       IndexLayout.Header.lexiconOffset, IndexLayout.Header.keysOffset, IndexLayout.Header.countriesOffset,
                       IndexLayout.Header.poolOffset, IndexLayout.Header.filterOffset, IndexLayout.Header.fuzzyOffset]
        for field in offsets {
            for value in [UInt64.max, UInt64(bytes.count), UInt64(bytes.count) + 8, UInt64(1) << 62, 3, 0] {
                let edited = IndexFixture.resealed(bytes) { $0.put(value, at: field) }
                #expect(rejected(edited) != nil, "offset field \(field) = \(value)")
            }
        }
        let counts = [IndexLayout.Header.entryCount, IndexLayout.Header.slotCount, IndexLayout.Header.postingCount,
                      IndexLayout.Header.lexiconSlotCount, IndexLayout.Header.keyCount, IndexLayout.Header.filterBlockCount,
                      IndexLayout.Header.fuzzySlotCount, IndexLayout.Header.maxTokens]
        for field in counts {
            for value in [UInt32.max, UInt32(Int32.max), UInt32(1) << 30, UInt32(bytes.count)] {
                let edited = IndexFixture.resealed(bytes) { $0.put(value, at: field) }
                #expect(rejected(edited) != nil, "count field \(field) = \(value)")
            }
        }
        #expect(rejected(IndexFixture.resealed(bytes) { $0.put(UInt64.max, at: IndexLayout.Header.poolSize) }) != nil)
        #expect(rejected(IndexFixture.resealed(bytes) { $0.put(UInt32(0), at: IndexLayout.Header.filterBlockCount) }) != nil)
        #expect(rejected(IndexFixture.resealed(bytes) { $0.put(UInt32(0), at: IndexLayout.Header.maxTokens) }) != nil)
        #expect(rejected(IndexFixture.resealed(bytes) { $0.put(UInt32(24), at: IndexLayout.Header.slotCount) }) != nil)
        #expect(rejected(IndexFixture.resealed(bytes) { $0[0] = UInt8(ascii: "X") }) != nil)
        let otherVersion = Array("GMIDX".utf8) + String(IndexLayout.formatVersion - 1).leftPadded(to: 3).utf8
        #expect(rejected(IndexFixture.resealed(bytes) { $0.replaceSubrange(0..<8, with: otherVersion) })
                == IndexDamage("not a GeoMap index of format \(IndexLayout.formatVersion)"))
    }

    @Test func everyReferenceInsideTheSectionsIsChecked() throws {
        let bytes = try self.bytes
        let gazetteer = try IndexFixture.openAndVerify(bytes, files: files)
        func offset(_ field: Int) -> Int { Int(bytes.read(UInt64.self, at: field)) }
        let entries = offset(IndexLayout.Header.entriesOffset), slots = offset(IndexLayout.Header.slotsOffset)
        let postings = offset(IndexLayout.Header.postingsOffset), keys = offset(IndexLayout.Header.keysOffset)
        let countries = offset(IndexLayout.Header.countriesOffset), fuzzy = offset(IndexLayout.Header.fuzzyOffset)
        let lexicon = offset(IndexLayout.Header.lexiconOffset)
        let entryCount = Int32(gazetteer.entryCount)
        let usedSlot = try #require((0...gazetteer.slotMask).first { bytes.read(UInt64.self, at: slots + $0 * IndexLayout.slotSize) != 0 })
        let usedFuzzySlot = try #require((0...gazetteer.fuzzyMask).first {
            bytes.read(UInt32.self, at: fuzzy + $0 * IndexLayout.fuzzySlotSize + IndexLayout.FuzzySlot.reference) != 0
        })
        let edits: [(String, (inout [UInt8]) -> Void)] = [
            ("entry 0 has no row in places.tsv", { $0.put(UInt32.max, at: entries + IndexLayout.Entry.rowOffset) }),
            ("entry 1 has parent \(entryCount)", { $0.put(entryCount, at: entries + IndexLayout.entrySize + IndexLayout.Entry.admin1Entry) }),
            ("entry 1 has parent -2", { $0.put(Int32(-2), at: entries + IndexLayout.entrySize + IndexLayout.Entry.admin1Entry) }),
            ("entry 0 has a shape outside shapes.wkb", { $0.put(UInt32(10), at: entries + IndexLayout.Entry.shapeLength) }),
            ("name slot \(usedSlot) has postings past the end", {
                $0.put(UInt32(gazetteer.postingCount), at: slots + usedSlot * IndexLayout.slotSize + IndexLayout.Slot.postingStart)
            }),
            ("posting 0 names entry \(entryCount)", { $0.put(entryCount, at: postings) }),
            ("posting 0 names entry -1", { $0.put(Int32(-1), at: postings) }),
            ("key 0 lies outside the string pool", { $0.put(UInt32.max, at: keys) }),
            ("country 0 names entry \(entryCount)", { $0.put(entryCount, at: countries) }),
            ("fuzzy slot \(usedFuzzySlot) names key \(gazetteer.keyCount)", {
                $0.put(UInt32(gazetteer.keyCount + 1) << 1, at: fuzzy + usedFuzzySlot * IndexLayout.fuzzySlotSize + IndexLayout.FuzzySlot.reference)
            }),
            ("the name table has no empty slot", { bytes in
                for slot in 0...gazetteer.slotMask where bytes.read(UInt64.self, at: slots + slot * IndexLayout.slotSize) == 0 {
                    bytes.put(UInt64(slot + 1) << 20, at: slots + slot * IndexLayout.slotSize)
                }
            }),
            ("the lexicon table has no empty slot", { bytes in
                for slot in 0...gazetteer.lexiconMask { bytes.put(UInt64(slot + 1), at: lexicon + slot * IndexLayout.lexiconSlotSize) }
            }),
            ("the fuzzy table has no empty slot", { bytes in
                for slot in 0...gazetteer.fuzzyMask {
                    bytes.put(UInt32(2), at: fuzzy + slot * IndexLayout.fuzzySlotSize + IndexLayout.FuzzySlot.reference)
                }
            }),
        ]
        for (reason, edit) in edits {
            #expect(rejected(IndexFixture.resealed(bytes, edit)) == IndexDamage("corrupt index (\(reason))"))
        }
    }

    @Test func aBadIndexFromTheCacheNeverEscapesAsACrashOrAStrayError() throws {
        // Every byte of the header (where a single change is most likely to mislead the reader),
        // changed and resealed, through the cache: rebuilt with one warning or, if harmless, used.
        let fixture = IndexFixture()
        defer { fixture.remove() }
        try fixture.openWarnings()
        let original = try fixture.indexBytes()
        let path = try fixture.indexPath
        for offset in 8..<IndexLayout.Header.checksum {
            let edited = IndexFixture.resealed(original) { $0[offset] ^= 0xA5 }
            try Data(edited).write(to: URL(fileURLWithPath: path))
            let (answers, warnings) = try fixture.open { IndexFixture.answers($0) }
            #expect(warnings.count <= 1, "offset \(offset)")
            #expect(answers == IndexFixture.freshAnswers || warnings.isEmpty, "offset \(offset)")
            if !warnings.isEmpty { #expect(try fixture.indexBytes() == original) }
        }
    }
}
