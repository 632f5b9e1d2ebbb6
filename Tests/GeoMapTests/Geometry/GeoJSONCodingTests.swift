import Foundation
import Testing
@testable import GeoMap

@Suite struct GeoJSONCodingTests {
    @Test func roundTripsEveryKind() throws {
        for geometry in try GeometryFixtures.allKinds() {
            let data = try JSONEncoder().encode(geometry)
            #expect(try JSONDecoder().decode(Geometry.self, from: data) == geometry, "\(String(decoding: data, as: UTF8.self))")
        }
    }

    @Test func writesRFC7946Objects() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let polygon = Geometry.polygon(try GeometryFixtures.square(minX: 0, minY: 0, size: 1))
        #expect(String(decoding: try encoder.encode(polygon), as: UTF8.self)
            == #"{"coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]],"type":"Polygon"}"#)
        let collection = Geometry.geometryCollection(GeometryCollection(geometries: [.point(Point(lon: 30.5, lat: 50.25))]))
        #expect(String(decoding: try encoder.encode(collection), as: UTF8.self)
            == #"{"geometries":[{"coordinates":[30.5,50.25],"type":"Point"}],"type":"GeometryCollection"}"#)
    }

    @Test func readsPositionsWithAltitude() throws {
        let json = #"{"type":"LineString","coordinates":[[30,50,120.5],[31,51,0]]}"#
        #expect(try JSONDecoder().decode(Geometry.self, from: Data(json.utf8))
            == .lineString(try LineString(points: [Point(lon: 30, lat: 50), Point(lon: 31, lat: 51)])))
    }

    @Test func concreteTypesCheckTheType() throws {
        let json = Data(#"{"type":"Point","coordinates":[1,2]}"#.utf8)
        #expect(try JSONDecoder().decode(Point.self, from: json) == Point(lon: 1, lat: 2))
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Polygon.self, from: json) }
    }

    @Test func rejectsInvalidGeoJSONWithAClearMessage() throws {
        let cases: [(String, String)] = [
            (#"{"type":"Circle","coordinates":[1,2]}"#, "unknown GeoJSON geometry type 'Circle'"),
            (#"{"type":"Point","coordinates":[1]}"#, "at least two numbers"),
            (#"{"type":"LineString","coordinates":[[1,2]]}"#, "at least 2 points"),
            (#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}"#, "must end at its first point"),
            (#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}"#, "at least 4 points"),
            (#"{"coordinates":[1,2]}"#, "type"),
            (#"{"type":"Point","coordinates":"1,2"}"#, "found a string"),
        ]
        for (json, expected) in cases {
            do {
                _ = try JSONDecoder().decode(Geometry.self, from: Data(json.utf8))
                Issue.record("accepted \(json)")
            } catch let error as DecodingError {
                #expect("\(error)".contains(expected), "\(json): \(error)")
            }
        }
    }
}
