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
