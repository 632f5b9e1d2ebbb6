import Foundation
import Testing
@testable import GeoMap

/// Issue 17, finding 6b: a fuzzy `lookup` of a 300 KB line took 54 s: the one-byte deletions of
/// the query (`forEachFuzzyKey`) cost time quadratic in its length. Keys longer than
/// `FuzzyKeys.maximumLength` are not in the fuzzy table, so longer queries are answered at once;
/// names longer than `PlaceLookup.maximumNameLength` are refused with a one-line error.
@Suite struct LongNameLookupTests {
    /// A gazetteer with long single-token names: 128 bytes (the longest fuzzy key), 129 bytes.
    static func longNameGazetteer(in directory: String) throws -> Gazetteer {
        let mini = try String(contentsOfFile: TestSupport.fixtures + "/MiniGazetteer/places.tsv", encoding: .utf8)
        let header = mini.prefix { $0 != "\n" }
        let long128 = "Long" + String(repeating: "a", count: 124), long129 = "Longer" + String(repeating: "b", count: 123)
        try (header + "\n1\tregion\t\(long128)\tUA\t\t1.0\t2.0\t0\t\t\t\(long128)\t\n2\tregion\t\(long129)\tUA\t\t1.0\t2.0\t0\t\t\t\(long129)\t\n")
            .write(toFile: directory + "/places.tsv", atomically: true, encoding: .utf8)
        return try Gazetteer.open(GazetteerFiles(directory: directory), cacheDirectory: directory + "/cache")
    }

    @Test func theFuzzyTableHoldsKeysUpToTheMaximumLengthOnly() throws {
        let directory = TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let gazetteer = try Self.longNameGazetteer(in: directory)
        #expect(gazetteer.fuzzyKeyCount == 1)
        let long128 = "long" + String(repeating: "a", count: 124)
        // One insertion (129 bytes), one deletion (127), one substitution (128) away: found.
        #expect(FuzzyKeyTests.fuzzyKeys(long128 + "x", in: gazetteer) == [long128])
        #expect(FuzzyKeyTests.fuzzyKeys(String(long128.dropLast()), in: gazetteer) == [long128])
        #expect(FuzzyKeyTests.fuzzyKeys(String(long128.dropLast()) + "x", in: gazetteer) == [long128])
        // The 129-byte key is matched exactly but not fuzzily.
        let lookup = PlaceLookup(gazetteer: gazetteer)
        #expect(lookup.candidates(for: "Longer" + String(repeating: "b", count: 123)).map { gazetteer.id($0.entry) } == [2])
        #expect(FuzzyKeyTests.fuzzyKeys("longer" + String(repeating: "b", count: 122) + "c", in: gazetteer).isEmpty)
        // A query two bytes longer than any fuzzy key finds nothing, as it cannot.
        #expect(FuzzyKeyTests.fuzzyKeys(long128 + "xy", in: gazetteer).isEmpty)
    }

    @Test(.enabled(if: TestSupport.bundledGazetteer != nil, "needs the bundled gazetteer"))
    func theBundledGazetteerHasNoFuzzyEligibleKeyBeyondTheMaximum() throws {
        let gazetteer = try #require(TestSupport.bundledGazetteer)
        var longest = 0
        gazetteer.forEachKey(lengths: FuzzyKeys.minimumLength...Int(UInt16.max)) { key in
            var single = key.count >= FuzzyKeys.minimumLength
            for byte in key where byte == 0x20 { single = false }
            if single { longest = max(longest, key.count) }
        }
        // The limit changes no index: every single-token key fits under it.
        #expect(longest > 0 && longest <= FuzzyKeys.maximumLength)
    }

    @Test func aVeryLongNameFindsNothingAndIsRefusedInOneLine() throws {
        let lookup = PlaceLookup(gazetteer: TestSupport.miniGazetteer)
        let huge = String(repeating: "Kaliningradx", count: 25_000)  // 300,000 bytes, one token
        #expect(lookup.candidates(for: huge).isEmpty)
        #expect(lookup.suggestions(for: huge).isEmpty)
        #expect(throws: GeoMapError.usage("the name is 300000 bytes long; a place name has at most 1000 bytes")) {
            try PlaceLookup.checkLength(of: huge)
        }
        #expect(throws: GeoMapError.usage("the name is 300000 bytes long; a place name has at most 1000 bytes")) {
            _ = try PlaceReadings.resolve(huge, lookup: lookup)
        }
        // At the limit, a name is looked up as usual (fuzzily too).
        let padded = "Kaliningrat" + String(repeating: " ", count: PlaceLookup.maximumNameLength - 11)
        #expect(throws: Never.self) { try PlaceLookup.checkLength(of: padded) }
        #expect(lookup.candidates(for: padded).first?.match == .fuzzy)
        #expect(lookup.candidates(for: padded + " ").isEmpty)
    }

    /// Just under the limit, a single-token name of 999 bytes: the fuzzy table is not searched
    /// (the name is far longer than any key), the fallback scan finds no key of that length.
    @Test func aLongSingleTokenNameUnderTheLimitFindsNothing() {
        let lookup = PlaceLookup(gazetteer: TestSupport.miniGazetteer)
        #expect(lookup.candidates(for: "K" + String(repeating: "a", count: 998)).isEmpty)
    }

    @Test(.enabled(if: BadInput.executable != nil, "needs the geomap binary beside the test bundle"))
    func theCommandsRefuseALongNameInOneLine() throws {
        let huge = String(repeating: "Kaliningradx", count: 10_000)  // 120,000 bytes: under the argument limit
        let lookup = try BadInput.geomap(["lookup", huge])
        #expect(lookup.status == 64)
        #expect(lookup.stdout.isEmpty)
        #expect(lookup.stderrLines == ["geomap: the name is 120000 bytes long; a place name has at most 1000 bytes"])
        let distance = try BadInput.geomap(["distance", "Moscow", huge])
        #expect(distance.status == 64)
        #expect(distance.stderrLines == ["geomap: the name is 120000 bytes long; a place name has at most 1000 bytes"])
    }

    @Test(.enabled(if: BadInput.executable != nil, "needs the geomap binary beside the test bundle"))
    func aBatchLineTooLongIsAMissWithAWarningNamingTheLine() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let huge = String(repeating: "Kaliningradx", count: 25_000)
        BadInput.write("Moscow\n\(huge)\nKaliningrat\n", to: directory + "/names.txt")
        let run = try BadInput.geomap(["lookup", "--batch", directory + "/names.txt"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("Moscow\t") && lines[0].hasSuffix("\texact"))
        #expect(lines[1] == huge + "\t-")
        #expect(lines[2].hasPrefix("Kaliningrat\t") && lines[2].hasSuffix("\tfuzzy"))
        #expect(run.stderrLines == ["geomap: warning: \(directory)/names.txt:2: the name is 300000 bytes long; a place name has at most 1000 bytes"])
    }
}
