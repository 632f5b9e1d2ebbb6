import Testing
@testable import GeoMap

/// Recognition and resolution on short texts written for the tests, against the bundled gazetteer.
@Suite(.enabled(if: TestSupport.bundledGazetteer != nil, "needs the bundled gazetteer"))
struct RecognitionRulesTests {
    func parse(_ text: String) -> [(surface: String, id: Int64?, kind: PlaceKind?, country: String?, role: MentionRole)] {
        let gazetteer = TestSupport.bundledGazetteer!
        var parser = Geoparser(gazetteer: gazetteer)
        let bytes = Array(text.utf8)
        return parser.parse(text).map { mention in
            (String(decoding: bytes[mention.byteStart..<mention.byteEnd], as: UTF8.self),
             mention.entry.map(gazetteer.id), mention.entry.map(gazetteer.kind),
             mention.entry.map { gazetteer.country($0).description }, mention.role)
        }
    }

    @Test func misspeltNamesAreFoundOnlyWherePlacesAreNamed() {
        // One letter off Severodonetsk (GeoNames 691999): found after "in", not at a sentence start.
        let after = parse("Heavy fighting continued in Severodonetk on Tuesday.")
        #expect(after.map(\.surface) == ["Severodonetk"])
        #expect(after.first?.id == 691999)
        #expect(parse("Severodonetk fell on Tuesday.").isEmpty)
        // Dictionary words are never read as misspelt names.
        #expect(parse("The vote took place in Parliament on Tuesday.").isEmpty)
    }

    @Test func personsAreNotPlaces() {
        let found = parse("Vladimir Putin met Alexander Lukashenko and George Washington's biographer in Minsk on Friday.")
        #expect(found.map(\.surface) == ["Minsk"])
    }

    @Test func agenciesAndNetworksAreNotPlaces() {
        let found = parse("Reuters and AFP reported from Kyiv, citing posts on Twitter and Telegram.")
        #expect(found.map(\.surface) == ["Kyiv"])
    }

    @Test func companiesNamedAfterPlacesAreNotPlaces() {
        let found = parse("Shares of Texas Instruments rose in New York on Monday.")
        #expect(!found.contains { $0.surface.hasPrefix("Texas") })
        #expect(found.contains { $0.surface == "New York" })
    }

    @Test func qualifiersChooseTheHomonym() {
        let florida = parse("The storm hit St. Petersburg, Florida, late on Sunday.")
        #expect(florida.first?.surface == "St. Petersburg")
        #expect(florida.first?.country == "US")
        let russia = parse("The summit took place in Saint Petersburg, Russia, last June.")
        #expect(russia.first?.country == "RU")
        let texas = parse("Police in Paris, Texas, arrested two men.")
        #expect(texas.first?.surface == "Paris")
        #expect(texas.first?.country == "US")
    }

    @Test func adminPhrasesChooseTheProvince() {
        let found = parse("Shelling continued in the Donetsk region and in the region of Kharkiv.")
        let donetsk = found.first { $0.surface.hasPrefix("Donetsk") }
        #expect(donetsk?.kind == .admin1)
        #expect(donetsk?.surface == "Donetsk region")
        let kharkiv = found.first { $0.surface == "Kharkiv" }
        #expect(kharkiv?.kind == .admin1)
    }

    @Test func demonymsAreTheirOwnKind() {
        let found = parse("Ukrainian officials said Russian troops had left the town of Izium.")
        let roles = Dictionary(found.map { ($0.surface, $0.role) }, uniquingKeysWith: { a, _ in a })
        #expect(roles["Ukrainian"] == .demonym)
        #expect(roles["Russian"] == .demonym)
        #expect(roles["Izium"] == .place)
        #expect(found.first { $0.surface == "Ukrainian" }?.id == 690791)
    }

    @Test func commonWordsAtSentenceStartAreNotPlaces() {
        let found = parse("Police said the man was taken to hospital. Most of the roads were closed in Denver.")
        #expect(found.map(\.surface) == ["Denver"])
    }

    @Test func wholeNamesWin() {
        let found = parse("Barges moved down the Mississippi River past the French Quarter.")
        #expect(found.contains { $0.surface == "Mississippi River" })
        #expect(!found.contains { $0.surface == "Mississippi" })
    }
}
