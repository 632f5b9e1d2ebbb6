import Foundation
import Testing
@testable import GeoMap

/// The blocked Bloom filter (`NameFilter`) that lets the span matcher skip the key table, against
/// the tables it stands for, read plainly: it must never say "no" for a key the index holds, a
/// token prefix of one, or an organisation's name or prefix, and it must say "no" to most else.
@Suite(.enabled(if: TestSupport.bundledGazetteer != nil, "needs the bundled gazetteer"))
struct NameFilterDifferentialTests {
    let gazetteer = TestSupport.bundledGazetteer!

    /// The hashes of the proper token prefixes of a key (up to each space).
    static func prefixHashes(_ key: [UInt8]) -> [UInt64] {
        key.indices.filter { key[$0] == 0x20 }.map { NameHashDifferentialTests.fnv1a(key[..<$0]) }
    }

    static func organisationKeys() -> [[UInt8]] {
        let path = TestSupport.repositoryRoot + "/Gazetteer/curated/organisations.tsv"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").dropFirst().compactMap { line in
            NameKey.of(String(line.prefix { $0 != "\t" }))?.bytes
        }
    }

    @Test func neverNoForAKeyOrAPrefixTheIndexHolds() {
        var keys = 0, prefixes = 0, failures = 0
        gazetteer.forEachKey(lengths: 0...Int(UInt16.max)) { raw in
            let key = Array(raw)
            let hash = NameHashDifferentialTests.fnv1a(key)
            keys += 1
            if !gazetteer.mayBeNameKey(hash) || gazetteer.postings(forKeyHash: hash).isEmpty { failures += 1 }
            for prefix in Self.prefixHashes(key) {
                prefixes += 1
                if !gazetteer.mayBeginLongerNameKey(prefix) { failures += 1 }
            }
        }
        #expect(failures == 0)
        #expect(keys > 600_000 && prefixes > 50_000, "\(keys) keys, \(prefixes) prefixes")
    }

    @Test func neverNoForAnOrganisation() {
        let keys = Self.organisationKeys()
        #expect(keys.count > 1_000)
        for key in keys {
            let hash = NameHashDifferentialTests.fnv1a(key)
            #expect(gazetteer.mayBeginOrganisationName(hash), "\(String(decoding: key, as: UTF8.self))")
            #expect(gazetteer.lexiconFlags(forKeyHash: hash).contains(.organisation), "\(String(decoding: key, as: UTF8.self))")
            for prefix in Self.prefixHashes(key) { #expect(gazetteer.mayBeginOrganisationName(prefix)) }
        }
    }

    /// Spans of one to four tokens of real and random texts: where the key table holds the span,
    /// the filter says so; where it does not, the filter says "no" to all but about 1 %.
    @Test func textSpansAgainstTheKeyTable() {
        var generator = SplitMix64(seed: 19_701)
        var texts = DifferentialInputs.repositoryTexts
        texts += DifferentialInputs.gazetteerTexts(size: 1 << 12, every: 64)
        for _ in 0..<500 { texts.append(DifferentialInputs.randomText(pieceCount: 40, using: &generator)) }
        var tokenizer = Tokenizer()
        var held = 0, absent = 0, falseYes = 0, failures = 0
        for var text in texts {
            text.withUTF8 { tokenizer.tokenize($0) }
            let tokens = Array(tokenizer.tokens)
            for start in tokens.indices {
                var span: [UInt8] = []
                for end in start..<min(tokens.count, start + 4) {
                    if end > start { span.append(0x20) }
                    tokenizer.withFolded(tokens[end]) { span += $0 }
                    let hash = NameHashDifferentialTests.fnv1a(span)
                    if !gazetteer.postings(forKeyHash: hash).isEmpty {
                        held += 1
                        if !gazetteer.mayBeNameKey(hash) { failures += 1 }
                    } else {
                        absent += 1
                        if gazetteer.mayBeNameKey(hash) { falseYes += 1 }
                    }
                }
            }
        }
        #expect(failures == 0)
        #expect(held > 10_000 && absent > 10_000)
        #expect(Double(falseYes) / Double(absent) < 0.03, "\(falseYes) of \(absent)")
    }

    /// Random hashes: each question is answered "yes" for about one in a hundred.
    @Test func randomHashesAreMostlyNo() {
        var generator = SplitMix64(seed: 19_702)
        var yes = [0, 0, 0]
        let count = 200_000
        for _ in 0..<count {
            let hash = generator.next()
            if gazetteer.mayBeNameKey(hash) { yes[0] += 1 }
            if gazetteer.mayBeginLongerNameKey(hash) { yes[1] += 1 }
            if gazetteer.mayBeginOrganisationName(hash) { yes[2] += 1 }
        }
        for rate in yes.map({ Double($0) / Double(count) }) { #expect(rate < 0.03, "\(yes)") }
        #expect(yes[0] + yes[1] + yes[2] > 0)
    }
}
