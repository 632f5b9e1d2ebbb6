import Foundation
import Testing
@testable import GeoMap

/// `extract --format json|csv` show what the polygons say beside the gazetteer's codes.
@Suite struct ContainmentOutputTests {
    let text = "Shelling hit Lysychansk on Monday, and officials in Kaliningrad said the border stayed open."

    func render(_ format: OutputFormat) throws -> (String, Gazetteer) {
        let gazetteer = try SpatialTestSupport.bundled()
        var parser = Geoparser(gazetteer: gazetteer)
        let mentions = parser.parse(text)
        #expect(mentions.contains { $0.entry.map(gazetteer.id) == 702972 }, "Lysychansk should resolve")
        var json = JSONBytes()
        json.bytes += DocumentRenderer(format: format, gazetteer: gazetteer).prefix
        try DocumentRenderer(format: format, gazetteer: gazetteer)
            .render(Document(id: Array("story".utf8), text: Array(text.utf8), source: "story"), mentions: mentions, into: &json)
        json.bytes += DocumentRenderer(format: format, gazetteer: gazetteer).suffix
        return (String(decoding: json.bytes, as: UTF8.self), gazetteer)
    }

    @Test func jsonShowsTheContainingUnits() throws {
        let (output, _) = try render(.json)
        let documents = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]])
        let mentions = try #require(documents.first?["mentions"] as? [[String: Any]])
        let lysychansk = try #require(mentions.first { ($0["place"] as? [String: Any])?["id"] as? Int == 702972 })
        let containment = try #require(lysychansk["containment"] as? [String: Any])
        #expect(containment["country"] as? String == "UA")
        #expect(containment["admin1"] as? String == "Luhansk")
        #expect(containment["admin1_id"] as? Int == 702657)
        #expect(containment["disagrees"] as? Bool == false)
        let places = try #require(documents.first?["places"] as? [[String: Any]])
        #expect(places.allSatisfy { $0["containment"] is [String: Any] })
    }

    @Test func csvHasTheContainmentColumns() throws {
        let (output, _) = try render(.csv)
        let lines = output.split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        // The containment columns, then the location columns (empty for a place without an offset),
        // then radius_km (empty for an exact point).
        let locationColumns = LocationFields.csvHeader.split(separator: ",").count + 1
        #expect(header.last == "radius_km")
        #expect(Array(header.dropLast(locationColumns).suffix(3)) == ["country_by_polygon", "admin1_by_polygon", "admin_disagrees"])
        let row = try #require(lines.first { $0.contains(",702972,") })
        #expect(row.hasSuffix(",UA,Luhansk,false" + String(repeating: ",", count: locationColumns)), "\(row)")
    }
}
