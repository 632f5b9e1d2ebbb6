import Foundation
import Testing
@testable import GeoMap

/// Issue 4's acceptance test on a real article (read from ../shared/examples, which the project
/// may not copy; the test is skipped where that folder is absent).
@Suite struct UkraineArticleTests {
    static let articlePath = TestSupport.repositoryRoot + "/../shared/examples/ukraine-belarus-suwalki.txt"
    static let text: String? = try? String(contentsOfFile: articlePath, encoding: .utf8)

    struct Found {
        let surface: String
        let id: Int64?
        let kind: PlaceKind?
        let name: String?
    }

    static let mentions: [Found] = {
        guard let text, let gazetteer = TestSupport.bundledGazetteer else { return [] }
        var parser = Geoparser(gazetteer: gazetteer)
        let bytes = Array(text.utf8)
        return parser.parse(text).map { mention in
            Found(surface: String(decoding: bytes[mention.byteStart..<mention.byteEnd], as: UTF8.self),
                  id: mention.entry.map(gazetteer.id), kind: mention.entry.map(gazetteer.kind),
                  name: mention.entry.map(gazetteer.name))
        }
    }()

    func ids(of surface: String) -> Set<Int64> {
        Set(Self.mentions.filter { $0.surface == surface }.compactMap(\.id))
    }

    @Test(.enabled(if: text != nil && TestSupport.bundledGazetteer != nil, "needs ../shared/examples and the bundled gazetteer"))
    func resolvesEveryPlaceTheArticleNames() throws {
        #expect(ids(of: "Ukraine") == [690791])
        #expect(ids(of: "Russia") == [2017370])
        #expect(ids(of: "Belarus") == [630336])
        #expect(ids(of: "Lithuania") == [597427])
        #expect(ids(of: "Poland") == [798544])
        #expect(ids(of: "Moscow") == [524901])
        #expect(ids(of: "Severodonetsk") == [691999])
        #expect(ids(of: "Lysychansk") == [702972])
        // The villages taken with Severodonetsk, not their namesakes elsewhere.
        #expect(ids(of: "Borivske") == [711597])
        #expect(ids(of: "Voronove") == [689006])
        #expect(ids(of: "Syrotyne") == [693755])
        // Lugansk where the text means the region: "the Lugansk region", "Governor of Lugansk".
        #expect(ids(of: "Lugansk region") == [702657])
        // Kaliningrad: "the Russian region of Kaliningrad", "the Kaliningrad region".
        #expect(ids(of: "Kaliningrad") == [554230])
        #expect(ids(of: "Kaliningrad region") == [554230])
        // Saint Petersburg, Russia (the city or its federal city), not Florida.
        #expect(!ids(of: "Saint Petersburg").isEmpty)
        #expect(ids(of: "Saint Petersburg").isSubset(of: [498817, 536203]))
        let donbass = Self.mentions.filter { $0.surface.hasPrefix("Donbass") }
        #expect(!donbass.isEmpty)
        #expect(donbass.allSatisfy { $0.name == "Donbas" && $0.kind == .region })
        let gap = Self.mentions.filter { $0.surface == "Suwalki Gap" }
        #expect(gap.count == 1)
        #expect(gap.first?.name == "Suwałki Gap")
    }

    @Test(.enabled(if: text != nil && TestSupport.bundledGazetteer != nil, "needs ../shared/examples and the bundled gazetteer"))
    func findsNoPlaceInPeopleAgenciesOrNetworks() {
        let notPlaces = ["Volodymyr", "Zelensky", "Mikhailo", "Podolyak", "Vladimir", "Putin", "Alexander",
                         "Lukashenko", "Igor", "Konashénkov", "Sergei", "Surovkin", "Serghiy", "Gaidai",
                         "EFE", "Reuters", "AP", "AFP", "REUTERS", "SPUTNIK", "Twitter", "Telegram", "NATO"]
        for mention in Self.mentions {
            let words = mention.surface.split(whereSeparator: { !$0.isLetter }).map(String.init)
            #expect(!words.contains(where: notPlaces.contains), "\(mention.surface) is not a place")
        }
        #expect(Self.mentions.count > 40)
    }
}
