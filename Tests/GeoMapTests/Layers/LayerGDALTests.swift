import Foundation
import Testing
@testable import GeoMap

/// Every layer file `geojson` and `distance` write, read back by GDAL. Kept apart from the other
/// layer tests because Foundation's `Process` leaks 32 bytes per launch (AddressSanitizer runs).
@Suite(.enabled(if: OGRInfo.isAvailable, "needs GDAL's ogrinfo (Debian package gdal-bin)"))
struct LayerGDALTests {
    /// A news-like article about three places.
    static func article(_ a: String, _ b: String, _ c: String) -> String {
        "Officials in \(a) said on Monday that talks with \(b) would resume next week. "
            + "Aid convoys left \(c) for \(a) overnight, and the governor thanked \(b) for its help."
    }

    static let names = [
        "Kyiv", "Lysychansk", "Severodonetsk", "Kharkiv", "Odesa", "Belarus", "Poland", "Lithuania", "Kaliningrad",
        "Russia", "Fiji", "New Zealand", "Canada", "Moldova", "Chisinau", "Romania", "Warsaw", "Vilnius", "Minsk",
        "Georgia", "Tbilisi", "Japan", "Alaska", "Chukotka", "Norway",
    ]

    /// Geoparses the documents the way `LayerExport` does, to know what the layers must hold.
    static func expectations(_ texts: [String], gazetteer: Gazetteer) -> (places: Set<Int32>, areas: Set<Int32>, mentions: Int) {
        var parser = Geoparser(gazetteer: gazetteer)
        var places = Set<Int32>(), mentions = 0
        for text in texts {
            for mention in parser.parse(text) {
                guard let entry = mention.entry else { continue }
                places.insert(entry)
                mentions += 1
            }
        }
        let areas = places.filter { entry in (try? gazetteer.shape(entry))??.polygons.isEmpty == false }
        return (places, areas, mentions)
    }

    func featureCount(_ file: String) throws -> Int {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any]
        return (object?["features"] as? [Any])?.count ?? -1
    }

    @Test func aBatchOfAHundredArticlesMakesValidMergedLayers() throws {
        let gazetteer = try SpatialTestSupport.bundled()
        let directory = TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let n = Self.names.count
        let texts = (0..<100).map { Self.article(Self.names[$0 % n], Self.names[($0 * 7 + 3) % n], Self.names[($0 * 11 + 5) % n]) }
        var lines = ""
        for (k, text) in texts.enumerated() {
            let record = try JSONSerialization.data(withJSONObject: ["id": "article-\(k)", "text": text])
            lines += String(decoding: record, as: UTF8.self) + "\n"
        }
        try lines.write(toFile: directory + "/batch.jsonl", atomically: true, encoding: .utf8)

        var options = LayerExport.Options()
        options.merge = true
        options.includeMentions = true
        let reader = try DocumentReader(inputs: [directory + "/batch.jsonl"], format: .auto) { Issue.record("warning: \($0)") }
        let summary = try LayerExport(gazetteer: gazetteer, options: options).run(reader: reader, into: directory + "/layers")
        #expect(summary.articles == 100)

        let expected = Self.expectations(texts, gazetteer: gazetteer)
        #expect(expected.places.count >= 20 && expected.areas.count >= 8)
        let layers = directory + "/layers/"
        try OGRInfo.checkLayer(layers + "places.geojson", layer: "places", geometry: "Point", features: expected.places.count)
        try OGRInfo.checkLayer(layers + "areas.geojson", layer: "areas", geometry: "Multi Polygon", features: expected.areas.count)
        try OGRInfo.checkLayer(layers + "mentions.geojson", layer: "mentions", geometry: "Point", features: expected.mentions)
        for layer in ["places", "areas", "mentions"] {
            #expect(FileManager.default.fileExists(atPath: layers + layer + ".qml"), "\(layer).qml")
        }

        // Longitude first: GDAL's x is the gazetteer longitude.
        let lysychansk = try #require(try OGRInfo.position(layers + "places.geojson", layer: "places", name: "Lysychansk"))
        #expect(abs(lysychansk.x - 38.42) < 0.05 && abs(lysychansk.y - 48.91) < 0.05)

        // Russia and Fiji straddle ±180°: cut, within range, bbox over the antimeridian.
        let crossing = try OGRInfo.query(layers + "areas.geojson",
                                         "SELECT name AS v FROM areas WHERE ST_MinX(geometry) <= -179.9 AND ST_MaxX(geometry) >= 179.9",
                                         column: "v")
        #expect(Set(crossing).isSuperset(of: ["Russia", "Fiji"]), "\(crossing)")
        let areas = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: layers + "areas.geojson"))) as? [String: Any]
        let russia = try #require((areas?["features"] as? [[String: Any]])?.first { ($0["properties"] as? [String: Any])?["name"] as? String == "Russia" })
        let bbox = try #require(russia["bbox"] as? [Double])
        #expect(bbox.count == 4 && bbox[0] > bbox[2], "\(bbox)")

        // Every place carries its articles and what the polygons say.
        let places = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: layers + "places.geojson"))) as? [String: Any]
        let features = try #require(places?["features"] as? [[String: Any]])
        for feature in features {
            let properties = try #require(feature["properties"] as? [String: Any])
            let articles = try #require(properties["articles"] as? String).components(separatedBy: LayerBuilder.articleSeparator)
            #expect(!articles.isEmpty && (properties["article_count"] as? Int) == articles.count)
            #expect((properties["mentions"] as? Int ?? 0) >= articles.count)
            for key in ["name", "kind", "country", "admin1", "place_id", "confidence", "sentence", "country_by_polygon", "admin1_by_polygon", "admin_disagrees"] {
                #expect(properties.keys.contains(key), "\(key)")
            }
        }
    }

    @Test func perArticleLayersGoInTheirOwnDirectories() throws {
        let gazetteer = try SpatialTestSupport.bundled()
        let directory = TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let texts = [Self.article("Lysychansk", "Belarus", "Kyiv"), Self.article("Fiji", "New Zealand", "Canada"), "No places here at all."]
        for (k, text) in texts.enumerated() {
            try text.write(toFile: directory + "/story-\(k).txt", atomically: true, encoding: .utf8)
        }
        let reader = try DocumentReader(inputs: (0..<texts.count).map { directory + "/story-\($0).txt" }, format: .auto) { Issue.record("\($0)") }
        var options = LayerExport.Options()
        options.includeMentions = true
        let summary = try LayerExport(gazetteer: gazetteer, options: options).run(reader: reader, into: directory + "/out")
        #expect(summary.articles == 3)
        for k in 0..<2 {
            let expected = Self.expectations([texts[k]], gazetteer: gazetteer)
            let layers = directory + "/out/story-\(k)/"
            try OGRInfo.checkLayer(layers + "places.geojson", layer: "places", geometry: "Point", features: expected.places.count)
            try OGRInfo.checkLayer(layers + "areas.geojson", layer: "areas", geometry: "Multi Polygon", features: expected.areas.count)
            try OGRInfo.checkLayer(layers + "mentions.geojson", layer: "mentions", geometry: "Point", features: expected.mentions)
            #expect(try featureCount(layers + "places.geojson") == expected.places.count)
        }
        // An article without places gets no layers.
        #expect(!FileManager.default.fileExists(atPath: directory + "/out/story-2"))

        // A second run refuses to overwrite, and leaves the files alone.
        let before = try Data(contentsOf: URL(fileURLWithPath: directory + "/out/story-0/places.geojson"))
        let again = try DocumentReader(inputs: [directory + "/story-0.txt"], format: .auto) { Issue.record("\($0)") }
        #expect(throws: GeoMapError.self) { try LayerExport(gazetteer: gazetteer, options: options).run(reader: again, into: directory + "/out") }
        #expect(try Data(contentsOf: URL(fileURLWithPath: directory + "/out/story-0/places.geojson")) == before)
        var forced = options
        forced.overwrite = true
        let third = try DocumentReader(inputs: [directory + "/story-0.txt"], format: .auto) { Issue.record("\($0)") }
        _ = try LayerExport(gazetteer: gazetteer, options: forced).run(reader: third, into: directory + "/out")
        #expect(try Data(contentsOf: URL(fileURLWithPath: directory + "/out/story-0/places.geojson")) == before)
    }

    @Test func theDistanceCollectionOpensInGDAL() throws {
        let gazetteer = try SpatialTestSupport.bundled()
        let directory = TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for (a, b, count) in [("Kaliningrad", "Belarus", 5), ("Fiji", "Russia", 3), ("Kaliningrad Oblast", "Kaliningrad", 4)] {
            let answer = try DistanceAnswer(a, b, lookup: PlaceLookup(gazetteer: gazetteer))
            let file = directory + "/distance.geojson"
            try writeAtomically(try DistanceReport.geoJSON(answer, gazetteer: gazetteer).encoded(), to: file)
            let summary = try OGRInfo.run(["-ro", "-al", "-so", file])
            #expect(summary.contains("Feature Count: \(count)\n"), "\(a)–\(b): \(summary)")
            let invalid = try OGRInfo.query(file, "SELECT COUNT(*) AS n FROM distances WHERE NOT ST_IsValid(geometry)", column: "n")
            #expect(invalid == ["0"], "\(a)–\(b)")
            let lines = try OGRInfo.query(file, "SELECT ST_GeometryType(geometry) AS t FROM distances WHERE kind = 'distance'", column: "t")
            #expect(lines.count == answer.distances.count)
        }
    }
}
