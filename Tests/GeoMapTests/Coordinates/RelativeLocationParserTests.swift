import Testing
@testable import GeoMap

/// The phrase parser alone: each sentence has its anchor (the place name) marked by `[` `]`;
/// the phrase read before it must give the written distance, unit, bearing and hedge, and start
/// where the phrase starts. Sentences that only look like offsets must give nothing.
@Suite struct RelativeLocationParserTests {
    /// Sentence with `[anchor]`, phrase start text, distance in metres, bearing abbreviation (or
    /// nil), hedged.
    static let phrases: [(String, String, Double, String?, Bool)] = [
        ("Shelling hit a village 30 km south of [Zaporizhzhia] on Monday.", "30 km south of", 30_000, "S", false),
        ("The base lies 20 miles north-east of [Kharkiv].", "20 miles north-east of", 32_186.88, "NE", false),
        ("The base lies 20 miles northeast of [Kharkiv].", "20 miles northeast of", 32_186.88, "NE", false),
        ("The base lies 20 miles north east of [Kharkiv].", "20 miles north east of", 32_186.88, "NE", false),
        ("The base lies 20 mi NE of [Kharkiv].", "20 mi NE of", 32_186.88, "NE", false),
        ("Troops gathered about 10 kilometres west of the city of [Bakhmut].", "about 10 kilometres west of the city of", 10_000, "W", true),
        ("Troops gathered some 10 kilometers west of the town of [Bakhmut].", "some 10 kilometers west of the town of", 10_000, "W", true),
        ("The crash site is 5 km from [Kramatorsk].", "5 km from", 5_000, nil, false),
        ("The crash site is 5 km away from [Kramatorsk].", "5 km away from", 5_000, nil, false),
        ("A ship sank 12 nautical miles south-southwest of [Odesa].", "12 nautical miles south-southwest of", 22_224, "SSW", false),
        ("A ship sank 12 nmi SSW of [Odesa].", "12 nmi SSW of", 22_224, "SSW", false),
        ("Fighting near 30km north of [Kherson] continued.", "30km north of", 30_000, "N", false),
        ("Roughly 1,200 m east of [Avdiivka] the trench line runs.", "Roughly 1,200 m east of", 1_200, "E", true),
        ("An outpost 2.5 km to the north of [Vuhledar] fell.", "2.5 km to the north of", 2_500, "N", false),
        ("An outpost 2.5 km due north of [Vuhledar] fell.", "2.5 km due north of", 2_500, "N", false),
        ("The front is twenty kilometres east of [Siversk].", "twenty kilometres east of", 20_000, "E", false),
        ("The front is twenty-five kilometres east of [Siversk].", "twenty-five kilometres east of", 25_000, "E", false),
        ("A village a mile west of [Chasiv Yar] burned.", "a mile west of", 1_609.344, "W", false),
        ("Strikes were reported 20-30 km west of [Pokrovsk].", "20-30 km west of", 25_000, "W", false),
        ("Strikes were reported up to 15 km southwest of [Pokrovsk].", "up to 15 km southwest of", 15_000, "SW", true),
        ("It lies nearly 100 miles WNW of [Kyiv].", "nearly 100 miles WNW of", 160_934.4, "WNW", true),
        ("The dam is 3 km east-northeast of [Nova Kakhovka].", "3 km east-northeast of", 3_000, "ENE", false),
        ("The dam is ~3 km ESE of [Nova Kakhovka].", "~3 km ESE of", 3_000, "ESE", true),
        ("Police found it 500 metres north of the [Dnipro].", "500 metres north of the", 500, "N", false),
    ]

    static func split(_ marked: String) -> (text: [UInt8], anchor: Int) {
        let open = marked.utf8.firstIndex(of: UInt8(ascii: "["))!
        let anchor = marked.utf8.distance(from: marked.utf8.startIndex, to: open)
        let text = Array(marked.utf8).filter { $0 != UInt8(ascii: "[") && $0 != UInt8(ascii: "]") }
        return (text, anchor)
    }

    @Test func readsEveryForm() {
        for (marked, start, metres, bearing, hedged) in Self.phrases where metres > 0 {
            let (text, anchor) = Self.split(marked)
            let phrase = text.withUnsafeBufferPointer { buffer in
                RelativeLocationParser.mayEnd(buffer, before: anchor) ? RelativeLocationParser.parse(buffer, anchorStart: anchor) : nil
            }
            #expect(phrase != nil, "\(marked)")
            guard let phrase else { continue }
            let written = String(decoding: text[phrase.byteStart..<anchor], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            #expect(written == start, "\(marked)")
            #expect(abs(phrase.distanceMetres - metres) < 0.01, "\(marked): \(phrase.distanceMetres) m")
            #expect(phrase.bearing?.abbreviation == bearing, "\(marked)")
            #expect(phrase.hedged == hedged, "\(marked)")
        }
    }

    /// Sentences with a number, a unit or a compass word before a place that state no offset.
    static let notPhrases: [String] = [
        "A 40-km stretch east of [Izium] was mined.",       // the number qualifies "stretch"
        "They built 30 km of roads in [Donetsk].",          // "of" without a bearing
        "Within 30 km of [Kherson] no power.",               // a radius, not an offset
        "The army moved 30 km south, toward [Kherson].",   // punctuation breaks the phrase
        "30 people north of [Kharkiv] were evacuated.",    // no unit
        "It raised £3m from [London] donors.",              // money, glued to the m
        "It raised $3 m from [London] donors.",             // money
        "In 2014 south of [Donetsk] fighting began.",      // a year, no unit
        "The north of [Ukraine] is cold.",                   // a compass word, no distance
        "Flights from [Kyiv] resumed.",                      // nothing before "from"
        "He ran 5 km\nfrom [Lviv].",                          // a line break
        "Sales of 30 km north of [Kyiv]",                   // fine phrase: kept as a control below
    ]

    @Test func leavesLookAlikesAlone() {
        for marked in Self.notPhrases.dropLast() {
            let (text, anchor) = Self.split(marked)
            let phrase = text.withUnsafeBufferPointer { RelativeLocationParser.parse($0, anchorStart: anchor) }
            #expect(phrase == nil, "\(marked): read as \(String(describing: phrase))")
        }
        let (text, anchor) = Self.split(Self.notPhrases.last!)
        #expect(text.withUnsafeBufferPointer { RelativeLocationParser.parse($0, anchorStart: anchor) }?.distanceMetres == 30_000)
    }

    @Test func compassPoints() {
        #expect(CompassBearing(joinedWords: "northnortheast")?.azimuth == 22.5)
        #expect(CompassBearing(joinedWords: "southwest")?.azimuth == 225)
        #expect(CompassBearing(joinedWords: "westnorthwest")?.abbreviation == "WNW")
        #expect(CompassBearing(joinedWords: "northsouth") == nil)
        #expect(CompassBearing(joinedWords: "northern") == nil)
        #expect(CompassBearing(abbreviation: "ne") == nil)
        #expect(CompassBearing(abbreviation: "NNW")?.azimuth == 337.5)
        #expect(CompassBearing(abbreviation: "NNW")?.halfSectorDegrees == 11.25)
        #expect(CompassBearing(abbreviation: "NW")?.halfSectorDegrees == 22.5)
    }

    @Test func uncertaintyGrowsWithTheSectorAndTheHedge() {
        let plain = RelativePhrase(byteStart: 0, distance: 30, unit: .kilometres, bearing: CompassBearing(abbreviation: "S"), hedged: false, rangeHalfWidth: 0)
        // 30 km across ±22.5°: 30 sin 22.5° = 11.48 km, with 1.5 km along: 11.58 km.
        #expect(abs(plain.uncertaintyMetres - 11_578) < 5)
        var hedged = plain
        hedged.hedged = true
        #expect(hedged.uncertaintyMetres > plain.uncertaintyMetres)
        var fine = plain
        fine.bearing = CompassBearing(abbreviation: "SSW")
        #expect(fine.uncertaintyMetres < plain.uncertaintyMetres)
        var none = plain
        none.bearing = nil
        #expect(none.uncertaintyMetres == 31_500)
    }
}
