import Testing
@testable import GeoMap

@Suite struct GazetteerIndexTests {
    let gazetteer = TestSupport.miniGazetteer

    func ids(_ name: String) -> [Int64] {
        gazetteer.postings(for: name).map { gazetteer.id($0.entry) }
    }

    @Test func findsNamesUnderTheirFoldedKeys() {
        #expect(Set(ids("Luhansk")) == [702657, 702658])
        #expect(Set(ids("LUHANS’K")) == [702657, 702658])
        #expect(Set(ids("Königsberg")) == [554234])
        #expect(Set(ids("koenigsberg")) == [554234])
        #expect(ids("Atlantis").isEmpty)
    }

    @Test func saintAndStAreOneKey() {
        #expect(Set(ids("St Petersburg")) == [498817, 4171563])
        #expect(Set(ids("Saint-Petersburg")) == [498817, 4171563])
    }

    @Test func primaryNamesComeFirst() {
        let postings = gazetteer.postings(for: "Saint Petersburg")
        #expect(postings.first?.type == .primary)
        #expect(gazetteer.id(postings.first!.entry) == 498817)
    }

    @Test func abbreviationsCarryTheirExactCase() {
        let postings = gazetteer.postings(for: "U.S.")
        #expect(postings.count == 1)
        #expect(postings.first?.type == .abbreviation)
        #expect(postings.first?.caseSignature == CaseSignature.of("US"))
        #expect(CaseSignature.of("Us") != CaseSignature.of("US"))
    }

    @Test func demonymsPointAtTheirCountry() {
        let postings = gazetteer.postings(for: "Ukrainians")
        #expect(postings.map { gazetteer.id($0.entry) } == [690791])
        #expect(postings.first?.type == .demonym)
    }

    @Test func nonLatinNamesAreFlagged() {
        let postings = gazetteer.postings(for: "Москва")
        #expect(postings.first?.flags.contains(.nonLatin) == true)
    }

    @Test func entryFieldsAndParents() throws {
        let city = try #require(gazetteer.entry(withID: 702658))
        #expect(gazetteer.kind(city) == .place)
        #expect(gazetteer.country(city).description == "UA")
        #expect(gazetteer.population(city) == 397677)
        #expect(gazetteer.feature(city) == .adminSeat1)
        #expect(gazetteer.name(city) == "Luhansk")
        let oblast = try #require(gazetteer.admin1Entry(city))
        #expect(gazetteer.id(oblast) == 702657)
        #expect(gazetteer.countryEntry(CountryCode("UA")!).map(gazetteer.id) == 690791)
        #expect(abs(gazetteer.point(city).lat - 48.56705) < 1e-9)
    }

    @Test func lexiconFlags() {
        #expect(gazetteer.lexiconFlags(forKeyHash: NameKey.of("Vladimir")!.hash).contains(.firstName))
        #expect(gazetteer.lexiconFlags(forKeyHash: NameKey.of("Police")!.hash).contains(.commonWord))
        #expect(gazetteer.lexiconFlags(forKeyHash: NameKey.of("Texas Instruments")!.hash).contains(.organisation))
        #expect(gazetteer.lexiconFlags(forKeyHash: NameKey.of("Moscow")!.hash).isEmpty)
    }

    @Test func indexBytesDoNotDependOnTheNumberOfWorkers() throws {
        let files = GazetteerFiles(directory: TestSupport.fixtures + "/MiniGazetteer")
        let single = try IndexBuilder.build(files: files, fingerprint: 42, workers: 1)
        for workers in [2, 3, 8] {
            #expect(try IndexBuilder.build(files: files, fingerprint: 42, workers: workers) == single)
        }
    }

    @Test func aMalformedRowNamesItsLineWhateverTheWorkers() throws {
        let directory = TestSupport.temporaryDirectory()
        let mini = TestSupport.fixtures + "/MiniGazetteer/places.tsv"
        var lines = try String(contentsOfFile: mini, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        // A blank line and a CRLF line before the bad row, so line counting is exercised.
        lines.insert("", at: 2)
        lines[3] += "\r"
        lines.insert("123\tplace\tNowhere\tUA\t\tnot-a-latitude\t1.0\t0\t\t\tNowhere\t", at: 5)
        try (lines.joined(separator: "\n") + "\n").write(toFile: directory + "/places.tsv", atomically: true, encoding: .utf8)
        let files = GazetteerFiles(directory: directory)
        for workers in [1, 2, 5] {
            #expect(throws: GeoMapError.badData(path: files.places, line: 6, reason: "malformed row")) {
                try IndexBuilder.build(files: files, fingerprint: 1, workers: workers)
            }
        }
        try? FileManager.default.removeItem(atPath: directory)
    }

    @Test func decimalsReadAsTheStandardParserReadsThem() {
        var samples = ["0", "-0", "-0.0", "180", "-180.00000", "48.56705", "0.1", "0.30000000000000004", "123456789012345",
                       "1234567890123456", "1.000000000000001", "9007199254740993", "1e5", "", "-", ".5", "5.", "+1.5",
                       "1.2.3", "nan", "inf", "0x10", " 1", "00012.50"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let decimals = Int.random(in: 0...15, using: &generator)
            let value = Double.random(in: -180...180, using: &generator)
            samples.append(String(format: "%.\(decimals)f", value))
        }
        for sample in samples {
            var text = sample
            let fast = Array(text.utf8).withByteView { $0.decimal }
            #expect(fast?.bitPattern == Double(sample)?.bitPattern, "\(sample)")
        }
    }

    @Test func reopeningUsesTheCachedIndex() throws {
        let cache = TestSupport.temporaryDirectory()
        let files = GazetteerFiles(directory: TestSupport.fixtures + "/MiniGazetteer")
        let first = try Gazetteer.open(files, cacheDirectory: cache)
        let second = try Gazetteer.open(files, cacheDirectory: cache)
        #expect(first.entryCount == second.entryCount)
        let cached = try FileManagerHelpers.files(in: cache).filter { $0.hasPrefix("index-") }
        #expect(cached.count == 1)
    }
}

import Foundation
enum FileManagerHelpers {
    static func files(in directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory)
    }
}
