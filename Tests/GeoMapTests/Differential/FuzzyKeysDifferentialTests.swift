import Testing
@testable import GeoMap

/// The fuzzy-key table (hashes of each key and of its one-byte deletions) against a plain scan of
/// every key with a plain one-edit test, on edits of real keys and random queries; and
/// `withinOneEdit` (one pass) against the edit distance computed by the full table.
struct FuzzyKeysDifferentialTests {
    /// Whether `a` and `b` are one edit of one ASCII byte apart: one byte replaced (both bytes
    /// ASCII), or one ASCII byte more in one of them: what is left of the longer around its
    /// common prefix and suffix with the shorter is that one byte.
    static func oneASCIIEdit(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        let (long, short) = a.count >= b.count ? (a, b) : (b, a)
        guard long.count - short.count <= 1, !short.isEmpty,
              long[0] == short[0] || long[long.count - 1] == short[short.count - 1] else { return false }
        var prefix = 0
        while prefix < short.count && long[prefix] == short[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < short.count - prefix && long[long.count - 1 - suffix] == short[short.count - 1 - suffix] { suffix += 1 }
        if long.count == short.count {
            return prefix + suffix == short.count - 1 && long[prefix] < 0x80 && short[prefix] < 0x80
        }
        return prefix + suffix == short.count && long[prefix] < 0x80
    }

    /// Levenshtein distance by the full table.
    static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }

    @Test func withinOneEditAgreesWithTheEditDistance() {
        var generator = SplitMix64(seed: 19_901)
        let alphabet: [UInt8] = [0x61, 0x62, 0x63, 0xC3, 0xA9]
        var failures = 0, close = 0
        for _ in 0..<50_000 {
            let a = (0..<Int.random(in: 0...9, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            var b = a
            for _ in 0..<Int.random(in: 0...2, using: &generator) {
                b = DifferentialInputs.mutated(b, edits: 1, using: &generator).map { alphabet[Int($0) % alphabet.count] }
            }
            let expected = Self.editDistance(a, b) <= 1
            if expected { close += 1 }
            let fast = a.withByteView { a in b.withByteView { b in withinOneEdit(a, b) } }
            var rows: [Int] = []
            let bounded = a.withByteView { a in b.withByteView { b in boundedEditDistance(a, b, limit: 1, rows: &rows) } }
            if fast != expected || (bounded <= 1) != expected { failures += 1 }
        }
        #expect(failures == 0)
        #expect(close > 10_000 && close < 45_000)
    }

    /// The plain scan: every key one ASCII edit from the query, fuzzy-matchable (one token, long
    /// enough, not all digits, a name of a significant entry).
    static func scan(_ query: [UInt8], keysByLength: [Int: [[UInt8]]], in gazetteer: Gazetteer) -> Set<[UInt8]> {
        guard query.count >= FuzzyKeys.minimumLength else { return [] }
        var found: Set<[UInt8]> = []
        for length in (query.count - 1)...(query.count + 1) {
            for key in keysByLength[length] ?? [] where oneASCIIEdit(query, key) {
                guard key.count >= 8, !key.contains(0x20), !key.allSatisfy({ (0x30...0x39).contains($0) }) else { continue }
                let significant = gazetteer.postings(forKeyHash: NameHashDifferentialTests.fnv1a(key)).contains { posting in
                    let kind = gazetteer.kind(posting.entry)
                    return posting.type != .abbreviation && (kind != .place || gazetteer.population(posting.entry) >= 1_000)
                }
                if significant { found.insert(key) }
            }
        }
        return found
    }

    static func compare(_ queries: [[UInt8]], in gazetteer: Gazetteer) -> (queries: Int, found: Int) {
        var keysByLength: [Int: [[UInt8]]] = [:]
        gazetteer.forEachKey(lengths: 7...Int(UInt16.max)) { keysByLength[$0.count, default: []].append(Array($0)) }
        var failures = 0, found = 0
        for query in queries {
            var reported: [[UInt8]] = []
            query.withUnsafeBufferPointer { folded in
                gazetteer.forEachFuzzyKey(near: folded) { hash, key in
                    reported.append(Array(key))
                    if hash != NameHashDifferentialTests.fnv1a(key) { failures += 1 }
                }
            }
            let expected = scan(query, keysByLength: keysByLength, in: gazetteer)
            if Set(reported) != expected || reported.count != expected.count {
                failures += 1
                if failures <= 3 {
                    Issue.record("\(String(decoding: query, as: UTF8.self)): table \(reported.map { String(decoding: $0, as: UTF8.self) }), scan \(expected.map { String(decoding: $0, as: UTF8.self) })")
                }
            }
            found += reported.count
        }
        #expect(failures == 0)
        return (queries.count, found)
    }

    /// Random one- and two-byte edits (ASCII and not) of keys the table holds, of other keys, and
    /// random queries.
    static func queries(from keys: [[UInt8]], count: Int, seed: UInt64) -> [[UInt8]] {
        var generator = SplitMix64(seed: seed)
        let letters = Array("abcdefghijklmnopqrstuvwxyz-'1".utf8) + [0xC3, 0xA9, 0xD0]
        var queries: [[UInt8]] = []
        for _ in 0..<count {
            var query = keys.randomElement(using: &generator)!
            for _ in 0..<Int.random(in: 0...2, using: &generator) where !query.isEmpty {
                let position = Int.random(in: 0..<query.count, using: &generator)
                switch UInt8.random(in: 0..<3, using: &generator) {
                case 0: query[position] = letters.randomElement(using: &generator)!
                case 1: query.insert(letters.randomElement(using: &generator)!, at: position)
                default: query.remove(at: position)
                }
            }
            queries.append(query)
        }
        for length in 7...14 {
            for _ in 0..<20 {
                queries.append((0..<length).map { _ in letters[Int.random(in: 0..<26, using: &generator)] })
            }
        }
        return queries
    }

    @Test func miniGazetteerAgreesWithAScan() {
        let gazetteer = TestSupport.miniGazetteer
        var keys: [[UInt8]] = []
        gazetteer.forEachKey(lengths: 8...Int(UInt16.max)) { keys.append(Array($0)) }
        let (queries, found) = Self.compare(Self.queries(from: keys, count: 3_000, seed: 19_902), in: gazetteer)
        #expect(queries > 3_000 && found > 500, "\(found) keys found")
    }

    @Test(.enabled(if: TestSupport.bundledGazetteer != nil, "needs the bundled gazetteer"))
    func bundledGazetteerAgreesWithAScan() {
        let gazetteer = TestSupport.bundledGazetteer!
        var keys: [[UInt8]] = []
        gazetteer.forEachKey(lengths: 8...40) { key in if !key.contains(0x20) { keys.append(Array(key)) } }
        let (queries, found) = Self.compare(Self.queries(from: keys, count: 150, seed: 19_903), in: gazetteer)
        #expect(queries > 150 && found > 25, "\(found) keys found")
    }
}
