import Foundation
import Testing
@testable import GeoMap

/// The whole pipeline on sentences with locations written as numbers: coordinates come out as
/// mentions of kind `coordinate` with the admin units holding them, and the anchor of a
/// relative phrase keeps its own place and gains an offset whose point lies at the stated
/// distance (within 2 %) and bearing from it.
@Suite(.enabled(if: TestSupport.bundledGazetteer != nil, "needs the bundled gazetteer"))
struct TextLocationTests {
    let gazetteer = TestSupport.bundledGazetteer!

    func parse(_ text: String) -> [ExtractedMention] {
        var parser = Geoparser(gazetteer: gazetteer)
        return parser.parse(text)
    }

    /// Sentence, anchor name as written, the place it must resolve to, distance in metres,
    /// azimuth (nil without a bearing).
    static let offsets: [(String, String, String, Double, Double?)] = [
        ("Russian forces shelled a village 30 km south of Zaporizhzhia on Monday.", "Zaporizhzhia", "Zaporizhzhya", 30_000, 180),
        ("The airfield lies 20 miles north-east of Kharkiv, officials said.", "Kharkiv", "Kharkiv", 32_186.88, 45),
        ("Troops dug in about 10 kilometres west of the city of Bakhmut.", "Bakhmut", "Bakhmut", 10_000, 270),
        ("A drone fell 15 km from Kramatorsk overnight.", "Kramatorsk", "Kramatorsk", 15_000, nil),
        ("The ferry sank 12 nautical miles south-southwest of Odesa.", "Odesa", "Odesa", 22_224, 202.5),
        ("Flooding reached 40 km NNE of Kherson by noon.", "Kherson", "Kherson", 40_000, 22.5),
        ("A convoy was hit 25 miles WNW of Mariupol.", "Mariupol", "Mariupol", 40_233.6, 292.5),
        ("Police closed roads 5 km east of Lviv.", "Lviv", "Lviv", 5_000, 90),
    ]

    @Test func offsetsNameThePointAtTheStatedDistanceAndBearing() throws {
        for (sentence, written, place, metres, azimuth) in Self.offsets {
            let mentions = parse(sentence)
            let anchor = try #require(mentions.first { m in
                String(decoding: Array(sentence.utf8)[m.byteStart..<m.byteEnd], as: UTF8.self) == written
            }, "\(sentence)")
            let entry = try #require(anchor.entry, "\(sentence): anchor unresolved")
            #expect(gazetteer.name(entry).contains(place), "\(sentence): anchor is \(gazetteer.name(entry))")
            let offset = try #require(anchor.offset, "\(sentence): no offset")
            #expect(abs(offset.phrase.distanceMetres - metres) <= 0.02 * metres, "\(sentence)")
            // The phrase runs from the number (or hedge) to the end of the anchor.
            let phraseText = Array(sentence.unicodeScalars)[(anchor.start - offset.charsBefore)..<anchor.end]
            #expect(String(String.UnicodeScalarView(phraseText)).hasSuffix(written))
            guard let azimuth else {
                #expect(offset.point == nil)
                #expect(offset.phrase.uncertaintyMetres >= metres)
                continue
            }
            let point = try #require(offset.point, "\(sentence): no derived point")
            let origin = gazetteer.location(entry)
            let measured = try Geodesic.wgs84.inverse(from: origin, to: point)
            #expect(abs(measured.distance - metres) <= 0.02 * metres, "\(sentence): \(measured.distance) m")
            let turn = abs((measured.initialAzimuth - azimuth + 540).truncatingRemainder(dividingBy: 360) - 180)
            #expect(turn < 0.5, "\(sentence): azimuth \(measured.initialAzimuth)")
            // An independent check on the sphere (haversine destination), to 2 % of the distance.
            let sphere = Self.sphericalDestination(origin, azimuth: azimuth, metres: metres)
            #expect(try Geodesic.wgs84.distance(from: sphere, to: point) <= 0.02 * metres, "\(sentence)")
        }
    }

    static func sphericalDestination(_ origin: Point, azimuth: Double, metres: Double) -> Point {
        let r = 6_371_008.8, d = metres / r, θ = azimuth * .pi / 180
        let φ1 = origin.lat * .pi / 180, λ1 = origin.lon * .pi / 180
        let φ2 = asin(sin(φ1) * cos(d) + cos(φ1) * sin(d) * cos(θ))
        let λ2 = λ1 + atan2(sin(θ) * sin(d) * cos(φ1), cos(d) - sin(φ1) * sin(φ2))
        return Point(lon: λ2 * 180 / .pi, lat: φ2 * 180 / .pi)
    }

    @Test func areasGiveNoDerivedPoint() throws {
        // The distance to a country or a province runs to its edge, not to its centre.
        for (sentence, written) in [("The camp is 40 km west of Ukraine.", "Ukraine"),
                                    ("A village 30 km south of Donetsk Oblast burned.", "Donetsk Oblast")] {
            let anchor = try #require(parse(sentence).first { m in
                String(decoding: Array(sentence.utf8)[m.byteStart..<m.byteEnd], as: UTF8.self) == written
            }, "\(sentence)")
            #expect(anchor.offset != nil, "\(sentence)")
            #expect(anchor.offset?.point == nil, "\(sentence)")
        }
    }

    @Test func plainMentionsGainNoOffset() {
        for sentence in ["Kharkiv and Kherson were shelled.", "In 2014 south of Donetsk fighting began.",
                         "They built 30 km of roads in Donetsk.", "The north of Ukraine is cold."] {
            #expect(parse(sentence).allSatisfy { $0.offset == nil }, "\(sentence)")
        }
    }

    @Test func coordinatesAreMentionsWithTheirAdminUnits() throws {
        let sentence = "Strikes hit Kramatorsk (48.7305, 37.5563) and a depot at 37U DQ 12345 67890 near Kharkiv."
        let mentions = parse(sentence)
        let coordinates = mentions.filter { $0.role == .coordinate }
        #expect(coordinates.count == 2)
        #expect(mentions.map(\.start) == mentions.map(\.start).sorted())
        #expect(mentions.contains { $0.role == .place && $0.entry.map(gazetteer.name) == "Kramatorsk" })
        let first = try #require(coordinates.first?.coordinate)
        #expect(try Geodesic.wgs84.distance(from: first.point, to: Point(lon: 37.5563, lat: 48.7305)) < 1000)
        let scalars = Array(sentence.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[coordinates[0].start..<coordinates[0].end])) == "48.7305, 37.5563")
        #expect(String(String.UnicodeScalarView(scalars[coordinates[1].start..<coordinates[1].end])) == "37U DQ 12345 67890")
        // Kramatorsk lies in Donetsk Oblast, the MGRS point (49.357 N, 37.793 E) in Kharkiv Oblast.
        let fields = LocationFields(gazetteer: gazetteer)
        let units = try coordinates.map { ContainmentFields(try fields.containment(of: $0.coordinate!.point), in: gazetteer) }
        #expect(units.map(\.country) == ["UA", "UA"])
        #expect(units[0].admin1.contains("Donetsk"), "\(units[0].admin1)")
        #expect(units[1].admin1.contains("Kharkiv"), "\(units[1].admin1)")
    }

    @Test func coordinateLettersAreNoPlaceMentions() {
        // The E, N, S and W of a coordinate never stay as place mentions of their own.
        let sentence = "The position 48°30′N 37°54′E and 47.5N 35.2E were hit."
        let mentions = parse(sentence)
        #expect(mentions.filter { $0.role == .coordinate }.count == 2)
        #expect(mentions.allSatisfy { $0.role == .coordinate || $0.byteEnd <= 13 })
    }

    @Test func jsonAndCSVCarryTheLocationFields() throws {
        let text = "A depot 30 km south of Zaporizhzhia and a post at 47.5N 35.2E burned."
        var parser = Geoparser(gazetteer: gazetteer)
        let mentions = parser.parse(text)
        let document = Document(id: Array("doc".utf8), text: Array(text.utf8), source: "test")
        func render(_ format: OutputFormat) throws -> String {
            var bytes = JSONBytes(capacity: 0)
            try DocumentRenderer(format: format, gazetteer: gazetteer).render(document, mentions: mentions, into: &bytes)
            return String(decoding: bytes.bytes, as: UTF8.self)
        }
        for format in [OutputFormat.json, .jsonl] {
            let output = try render(format)
            let object = try? JSONSerialization.jsonObject(with: Data(output.utf8))
            #expect(object != nil, "\(format): not JSON")
            #expect(output.contains("\"kind\":\"coordinate\""), "\(format)")
            #expect(output.contains("\"offset\":{\"start\":8,\"end\":35,\"text\":\"30 km south of Zaporizhzhia\""), "\(format): \(output)")
        }
        let csv = try render(.csv).split(separator: "\n")
        let columns = CSVFormat.header.split(separator: ",").count
        #expect(csv.count == mentions.count)
        // Every row has the header's column count (no field here holds a quoted comma but the sentence).
        for row in csv { #expect(Self.csvFieldCount(String(row)) == columns, "\(row)") }
        #expect(csv.contains { $0.contains(",30 km south of Zaporizhzhia,30,km,S,") })
    }

    static func csvFieldCount(_ row: String) -> Int {
        var count = 1, quoted = false
        for c in row {
            if c == "\"" { quoted.toggle() } else if c == ",", !quoted { count += 1 }
        }
        return count
    }
}
