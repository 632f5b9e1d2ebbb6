import Foundation
import Testing
@testable import GeoMap

/// The fuzzy-key table: name keys one edit from a query, for the text matcher.
@Suite struct FuzzyKeyTests {
    /// The keys `forEachFuzzyKey` reports for `name`'s key, in the order reported.
    static func fuzzyKeys(_ name: String, in gazetteer: Gazetteer) -> [String] {
        guard let key = NameKey.of(name) else { return [] }
        var found: [String] = []
        key.bytes.withUnsafeBufferPointer { folded in
            gazetteer.forEachFuzzyKey(near: folded) { hash, bytes in
                #expect(hash == Array(bytes).withUnsafeBufferPointer { NameHash.add($0, to: NameHash.seed) })
                found.append(String(decoding: bytes, as: UTF8.self))
            }
        }
        return found
    }

    @Test func miniGazetteerFindsKaliningradOneEditAway() {
        let gazetteer = TestSupport.miniGazetteer
        #expect(Self.fuzzyKeys("Kaliningrat", in: gazetteer) == ["kaliningrad"])
        #expect(Self.fuzzyKeys("Kaliningradd", in: gazetteer) == ["kaliningrad"])
        #expect(Self.fuzzyKeys("Kalinigrad", in: gazetteer) == ["kaliningrad"])
        #expect(Self.fuzzyKeys("Kaliningrad", in: gazetteer).isEmpty)
        #expect(Self.fuzzyKeys("Kalinjngrat", in: gazetteer).isEmpty)
    }

    /// The table holds every eligible key with a significant posting, counted by scanning the keys.
    @Test func miniGazetteerTableHoldsEveryEligibleSignificantKey() {
        let gazetteer = TestSupport.miniGazetteer
        var expected = 0
        gazetteer.forEachKey(lengths: FuzzyKeys.minimumLength...Int(UInt16.max)) { key in
            guard FuzzyKeys.isEligible(key) else { return }
            let hash = Array(key).withUnsafeBufferPointer { NameHash.add($0, to: NameHash.seed) }
            if gazetteer.postings(forKeyHash: hash).contains(where: { FuzzyKeys.isSignificant($0.type)
                && FuzzyKeys.isSignificant(kind: gazetteer.kind($0.entry), population: UInt32(gazetteer.population($0.entry))) }) {
                expected += 1
            }
        }
        #expect(expected >= 2)
        #expect(gazetteer.fuzzyKeyCount == expected)
    }

    /// A gazetteer without word lists or a significant long name (empty lexicon and fuzzy tables)
    /// still opens.
    @Test func anIndexWithoutFuzzyKeysOpens() throws {
        let directory = TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let mini = try String(contentsOfFile: TestSupport.fixtures + "/MiniGazetteer/places.tsv", encoding: .utf8)
        let header = mini.prefix { $0 != "\n" }
        try (header + "\n1\tplace\tWrongville\tUA\t\t1.0\t2.0\t12\t\t\tWrongville\t\n")
            .write(toFile: directory + "/places.tsv", atomically: true, encoding: .utf8)
        let gazetteer = try Gazetteer.open(GazetteerFiles(directory: directory), cacheDirectory: directory + "/cache")
        #expect(gazetteer.fuzzyKeyCount == 0)
        #expect(Self.fuzzyKeys("Wrongvilla", in: gazetteer).isEmpty)
        #expect(PlaceLookup(gazetteer: gazetteer).candidates(for: "Wrongvilla").map { gazetteer.id($0.entry) } == [1])
    }

    @Test func keyRulesAndSignificance() {
        func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }
        #expect(bytes("kaliningrad").withByteView(FuzzyKeys.isEligible))
        #expect(!bytes("luhansk").withByteView(FuzzyKeys.isEligible))
        #expect(!bytes("new york city").withByteView(FuzzyKeys.isEligible))
        #expect(!bytes("12345678").withByteView(FuzzyKeys.isEligible))
        #expect(bytes("a1234567").withByteView(FuzzyKeys.isEligible))
        #expect(FuzzyKeys.isSignificant(kind: .place, population: FuzzyKeys.minimumPopulation))
        #expect(!FuzzyKeys.isSignificant(kind: .place, population: FuzzyKeys.minimumPopulation - 1))
        #expect(FuzzyKeys.isSignificant(kind: .landform, population: 0))
        #expect(!FuzzyKeys.isSignificant(.abbreviation))
        #expect(FuzzyKeys.isSignificant(.demonym))
        // One hash per distinct deletion: "aab" loses an "a" (once) or the "b"; "éé" has no ASCII byte.
        var hashes: [UInt64] = []
        bytes("aab").withByteView { FuzzyKeys.forEachDeletionHash(of: $0) { hashes.append($0) } }
        #expect(hashes == [NameHash.of("ab"), NameHash.of("aa")])
        #expect(bytes("aab").withByteView(FuzzyKeys.deletionCount) == 2)
        #expect(bytes("xéé").withByteView(FuzzyKeys.deletionCount) == 1)
    }
}

/// The same against the bundled gazetteer.
@Suite(.enabled(if: TestSupport.bundledGazetteer != nil, "needs the bundled gazetteer"))
struct BundledFuzzyKeyTests {
    let gazetteer = TestSupport.bundledGazetteer!

    func keys(_ name: String) -> [String] { FuzzyKeyTests.fuzzyKeys(name, in: gazetteer) }

    @Test func severodonetskOneEditAway() {
        for typo in ["Severodonetsq", "Severodnetsk", "Sevverodonetsk", "Severodonetskk", "Severodonétsq"] {
            #expect(keys(typo).contains("severodonetsk"), "\(typo)")
        }
    }

    @Test func anExactKeyIsNotReturned() {
        #expect(!gazetteer.postings(for: "Severodonetsk").isEmpty)
        #expect(!keys("Severodonetsk").contains("severodonetsk"))
        #expect(!keys("Lysychansk").contains("lysychansk"))
    }

    /// `withinOneEdit` counts a swap of neighbours as two edits, and so does the table.
    @Test func anAdjacentTranspositionIsTwoEdits() {
        #expect(!keys("Lysychanks").contains("lysychansk"))
        #expect(keys("Lysychansc").contains("lysychansk"))
    }

    @Test func queriesUnderEightBytesFindNothing() {
        #expect(keys("Lysycha").isEmpty)  // 7 bytes
        #expect(keys("Luhansq").isEmpty)  // 7 bytes, one edit from "luhansk"
        #expect(!gazetteer.postings(for: "Luhansk").isEmpty)
    }

    /// Butrimonys (Lithuania) has 941 people and no other entry goes by that name: one edit from it,
    /// the table has nothing, but `lookup` still finds it by scanning every key.
    @Test func aSmallPlaceIsLeftOutOfTheTableButNotOutOfLookup() throws {
        let postings = gazetteer.postings(for: "Butrimonys")
        #expect(postings.map { gazetteer.id($0.entry) } == [600213])
        let entry = try #require(postings.first?.entry)
        #expect(gazetteer.population(entry) < Int(FuzzyKeys.minimumPopulation))
        #expect(!keys("Butrimonyz").contains("butrimonys"))
        let candidates = PlaceLookup(gazetteer: gazetteer).candidates(for: "Butrimonyz")
        #expect(candidates.contains { gazetteer.id($0.entry) == 600213 && $0.match == .fuzzy })
    }

    /// Makiyivka (Donetsk, 339k people) and Mokiyivka (Poltava, 503) are both one edit from
    /// "Mukiyivka"; since KATOTTG, "Mukiyivka" is also an exact name (Mukiivka, Sumy, codifier
    /// only), and an exact name leaves every fuzzy match out.
    @Test func lookupTakesFuzzyMatchesFromTheTableFirst() throws {
        let lookup = PlaceLookup(gazetteer: gazetteer)
        #expect(lookup.candidates(for: "Mukiyivka").map { gazetteer.id($0.entry) } == [2072840356])
        let village = try #require(gazetteer.postings(for: "Mokiyivka").first?.entry)
        #expect(gazetteer.id(village) == 702316)
        let candidates = lookup.candidates(for: "Sevverodonetsk")
        #expect(candidates.first.map { gazetteer.id($0.entry) } == 691999)
        #expect(candidates.first?.match == .fuzzy)
    }

    /// Every key the table reports, and no other, is what scanning the whole key list finds: one
    /// ASCII byte edit away, eligible, with a name of a significant entry; each reported once.
    @Test func agreesWithAScanOfEveryKey() {
        var queries: [[UInt8]] = []
        let letters = Array("aeiouknsz".utf8)
        for name in ["Severodonetsk", "Lysychansk", "Kaliningrad", "Zaporizhzhia", "Mariupol'", "Kramatorsk",
                     "Suwalki Gap", "Mediterranean", "Lithuania", "Bakhmutka"] {
            let key = NameKey.of(name)!.bytes
            queries.append(key)
            for i in stride(from: 0, to: key.count, by: 4) {
                var substituted = key
                substituted[i] = letters[i % letters.count]
                var deleted = key
                deleted.remove(at: i)
                var inserted = key
                inserted.insert(letters[(i + 4) % letters.count], at: i)
                queries += [substituted, deleted, inserted]
            }
        }
        var matched = 0
        for query in queries {
            var reported: [[UInt8]] = []
            query.withUnsafeBufferPointer { folded in
                gazetteer.forEachFuzzyKey(near: folded) { _, key in reported.append(Array(key)) }
            }
            #expect(Set(reported).count == reported.count, "\(String(decoding: query, as: UTF8.self)) reports a key twice")
            #expect(Set(reported) == scan(query), "\(String(decoding: query, as: UTF8.self))")
            matched += reported.count
        }
        #expect(matched > queries.count / 2)
    }

    private func scan(_ query: [UInt8]) -> Set<[UInt8]> {
        guard query.count >= FuzzyKeys.minimumLength else { return [] }
        var found: Set<[UInt8]> = []
        query.withByteView { query in
            gazetteer.forEachKey(lengths: (query.count - 1)...(query.count + 1)) { key in
                // One edit leaves the first or the last byte in place (a quick test first).
                guard key[0] == query[0] || key[key.count - 1] == query[query.count - 1],
                      key.count >= FuzzyKeys.minimumLength, !key.elementsEqual(query), withinOneEdit(query, key),
                      FuzzyKeys.isEligible(key), editedByteIsASCII(query, key) else { return }
                let hash = Array(key).withUnsafeBufferPointer { NameHash.add($0, to: NameHash.seed) }
                let significant = gazetteer.postings(forKeyHash: hash)
                    .contains { FuzzyKeys.isSignificant($0.type)
                        && FuzzyKeys.isSignificant(kind: gazetteer.kind($0.entry), population: UInt32(gazetteer.population($0.entry))) }
                if significant { found.insert(Array(key)) }
            }
        }
        return found
    }

    /// For two strings one edit apart: whether the byte replaced, inserted or deleted is ASCII.
    private func editedByteIsASCII(_ a: ByteView, _ b: ByteView) -> Bool {
        let (long, short) = a.count >= b.count ? (a, b) : (b, a)
        var i = 0
        while i < short.count && long[i] == short[i] { i += 1 }
        if long.count == short.count { return long[i] < 0x80 && short[i] < 0x80 }
        return long[i] < 0x80
    }
}
