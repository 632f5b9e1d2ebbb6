import Foundation
import Testing
@testable import GeoMap

/// A settlement known only by its hromada (KATOTTG, placed at the hromada's centre) carries its
/// `radius_km` in every output that writes its point; an exact place writes none. `near` leaves
/// such places out and counts them; `distance` states their radius as its uncertainty.
@Suite(.enabled(if: TestSupport.bundledGazetteer != nil, "needs the bundled gazetteer"))
struct ApproximatePlaceOutputTests {
    static let metolchyne: Int64 = 2009551469  // codifier only, at Siverskodonetsk's hromada centre, 24 km
    static let siverskodonetsk: Int64 = 691999
    static let lysychansk: Int64 = 702972
    let text = "Fighting continued near Metolchyne and Lysychansk in Luhansk Oblast."

    func render(_ format: OutputFormat) throws -> String {
        let gazetteer = try SpatialTestSupport.bundled()
        var parser = Geoparser(gazetteer: gazetteer)
        let mentions = parser.parse(text)
        #expect(mentions.contains { $0.entry.map(gazetteer.id) == Self.metolchyne }, "Metolchyne should resolve")
        #expect(mentions.contains { $0.entry.map(gazetteer.id) == Self.lysychansk }, "Lysychansk should resolve")
        let renderer = DocumentRenderer(format: format, gazetteer: gazetteer)
        var json = JSONBytes()
        json.bytes += renderer.prefix
        try renderer.render(Document(id: Array("story".utf8), text: Array(text.utf8), source: "story"), mentions: mentions, into: &json)
        json.bytes += renderer.suffix
        return String(decoding: json.bytes, as: UTF8.self)
    }

    func object(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test func jsonlToponymsCarryTheRadiusOfApproximatePlacesOnly() throws {
        let record = try #require(try object(render(.jsonl)) as? [String: Any])
        let toponyms = try #require(record["toponyms"] as? [[String: Any]])
        let village = try #require(toponyms.first { $0["id_gazetteer"] as? Int64 == Self.metolchyne })
        #expect(village["radius_km"] as? Double == 24)
        let town = try #require(toponyms.first { $0["id_gazetteer"] as? Int64 == Self.lysychansk })
        #expect(town["radius_km"] == nil)
        #expect(town["lat"] is Double)
    }

    @Test func jsonPlacesCarryTheRadiusOfApproximatePlacesOnly() throws {
        let documents = try #require(try object(render(.json)) as? [[String: Any]])
        let mentions = try #require(documents.first?["mentions"] as? [[String: Any]])
        let places = mentions.compactMap { $0["place"] as? [String: Any] }
        #expect(places.first { $0["id"] as? Int64 == Self.metolchyne }?["radius_km"] as? Double == 24)
        #expect(places.contains { $0["id"] as? Int64 == Self.lysychansk && $0["radius_km"] == nil })
        let distinct = try #require(documents.first?["places"] as? [[String: Any]]).compactMap { $0["place"] as? [String: Any] }
        #expect(distinct.first { $0["id"] as? Int64 == Self.metolchyne }?["radius_km"] as? Double == 24)
    }

    @Test func csvHasARadiusColumnEmptyForExactPoints() throws {
        let lines = try render(.csv).split(separator: "\n").map(String.init)
        #expect(lines[0].hasSuffix(",radius_km"))
        let village = try #require(lines.first { $0.contains(",\(Self.metolchyne),") })
        #expect(village.hasSuffix(",24"), "\(village)")
        let town = try #require(lines.first { $0.contains(",\(Self.lysychansk),") })
        #expect(town.hasSuffix(","), "\(town)")
    }

    @Test func tablesShowTheRadiusBesideThePoint() throws {
        let table = try render(.table)
        let village = try #require(table.split(separator: "\n").first { $0.hasPrefix("Metolchyne") })
        #expect(village.contains("±24 km"))
        let town = try #require(table.split(separator: "\n").first { $0.hasPrefix("Lysychansk") })
        #expect(!town.contains("±"))
    }

    @Test func geoJSONPlaceFeaturesCarryTheRadius() throws {
        let gazetteer = try SpatialTestSupport.bundled()
        var parser = Geoparser(gazetteer: gazetteer)
        let builder = LayerBuilder(gazetteer: gazetteer)
        try builder.add(article: "story", text: Array(text.utf8), mentions: parser.parse(text))
        let places = try #require(try builder.layers()[.places])
        let collection = try #require(try object(String(decoding: places.encoded(), as: UTF8.self)) as? [String: Any])
        let properties = try #require(collection["features"] as? [[String: Any]]).compactMap { $0["properties"] as? [String: Any] }
        #expect(properties.first { $0["place_id"] as? Int64 == Self.metolchyne }?["radius_km"] as? Double == 24)
        #expect(properties.contains { $0["place_id"] as? Int64 == Self.lysychansk && $0["radius_km"] == nil })
    }

    @Test func lookupShowsTheRadius() throws {
        let gazetteer = try SpatialTestSupport.bundled()
        let candidates = PlaceLookup(gazetteer: gazetteer).candidates(for: "Metolchyne")
        #expect(candidates.first.map { gazetteer.id($0.entry) } == Self.metolchyne)
        let entries = try #require(try object(LookupRendering.json(candidates, gazetteer: gazetteer)) as? [[String: Any]])
        #expect(entries.first?["radius_km"] as? Double == 24)
        #expect(LookupRendering.table(candidates, gazetteer: gazetteer).contains("±24 km"))
        let town = PlaceLookup(gazetteer: gazetteer).candidates(for: "Lysychansk").filter { gazetteer.id($0.entry) == Self.lysychansk }
        #expect(!LookupRendering.json(town, gazetteer: gazetteer).contains("radius_km"))
    }

    @Test func nearLeavesApproximatePlacesOutAndCountsThem() throws {
        let gazetteer = try SpatialTestSupport.bundled()
        let origin = try SpatialTestSupport.entry(Self.siverskodonetsk, in: gazetteer)
        let answer = try NearSearch(gazetteer: gazetteer).search(around: origin, within: 10_000, limit: 1000)
        // The hromada's codifier-only villages sit on Siverskodonetsk's own point: none is listed at 0 km.
        #expect(!answer.neighbours.isEmpty)
        #expect(answer.neighbours.allSatisfy { !gazetteer.isApproximate($0.entry) })
        #expect(!answer.neighbours.contains { gazetteer.id($0.entry) == Self.metolchyne })
        #expect(answer.approximateLeftOut >= 5)
        #expect(answer.neighbours.contains { gazetteer.id($0.entry) == Self.lysychansk })
        let table = NearReport.table(origin: origin, answer, gazetteer: gazetteer)
        #expect(table.contains("(\(answer.approximateLeftOut) places known only by their hromada, placed at its centre, left out)"))
        #expect(!table.contains("Metolchyne"))
        let json = try #require(try object(NearReport.json(origin: origin, answer, gazetteer: gazetteer)) as? [String: Any])
        #expect(json["approximate_left_out"] as? Int == answer.approximateLeftOut)
        // A kind filter applies before the count: no country is approximate.
        let all = try NearSearch(gazetteer: gazetteer).search(around: origin, within: 10_000, limit: 1000, kinds: [.country])
        #expect(all.neighbours.isEmpty && all.approximateLeftOut == 0)
    }

    @Test func nearFromAnApproximatePlaceSaysItsDistancesAreUncertain() throws {
        let gazetteer = try SpatialTestSupport.bundled()
        let origin = try NearSearch.origin(for: "Metolchyne", lookup: PlaceLookup(gazetteer: gazetteer))
        #expect(gazetteer.id(origin) == Self.metolchyne)
        let answer = try NearSearch(gazetteer: gazetteer).search(around: origin, within: 10_000, limit: 5)
        #expect(NearReport.table(origin: origin, answer, gazetteer: gazetteer).contains("uncertain by up to 24 km"))
        let json = try #require(try object(NearReport.json(origin: origin, answer, gazetteer: gazetteer)) as? [String: Any])
        #expect((json["origin"] as? [String: Any])?["radius_km"] as? Double == 24)
    }

    @Test func distanceToAnApproximatePlaceIsUncertainByItsRadius() throws {
        let gazetteer = try SpatialTestSupport.bundled()
        let lookup = PlaceLookup(gazetteer: gazetteer)
        let uncertain = try DistanceAnswer("Metolchyne", "Lysychansk", lookup: lookup)
        let distance = try #require(uncertain.distances.first)
        #expect(distance.uncertaintyKm == 24)
        #expect(DistanceReport.table(uncertain, gazetteer: gazetteer)
            .contains("uncertain by up to 24 km: Metolchyne is placed at its hromada's centre (±24 km)"))
        let json = try #require(try object(DistanceReport.json(uncertain, gazetteer: gazetteer)) as? [String: Any])
        let first = try #require((json["distances"] as? [[String: Any]])?.first)
        #expect(first["uncertainty_km"] as? Double == 24)
        #expect((first["from"] as? [String: Any])?["radius_km"] as? Double == 24)
        let line = try #require(try DistanceReport.geoJSON(uncertain, gazetteer: gazetteer).features.first)
        #expect(String(decoding: GeoJSONFeatureCollection(features: [line]).encoded(), as: UTF8.self).contains("\"uncertainty_km\":24"))

        let exact = try DistanceAnswer("Siverskodonetsk", "Lysychansk", lookup: lookup)
        #expect(exact.distances.allSatisfy { $0.uncertaintyKm == nil })
        #expect(!DistanceReport.json(exact, gazetteer: gazetteer).contains("uncertainty_km"))
        #expect(!DistanceReport.table(exact, gazetteer: gazetteer).contains("uncertain"))
    }
}
