import Testing
@testable import GeoMap

@Suite struct MapGeometryTests {
    @Test func coordinatesKeepSixDecimalsAndPolygonsStayValid() throws {
        // Two squares 3e-7° apart: rounding alone would make them overlap.
        let a = SpatialTestSupport.square(0.1234564, 0, 1.0000001, 1)
        let b = SpatialTestSupport.square(1.0000004, 0, 2, 1)
        let prepared = try MapGeometry.prepare(.multiPolygon(MultiPolygon(polygons: [a, b])), toleranceMetres: 0)
        #expect(try prepared.isValid())
        prepared.forEachPoint { #expect(CoordinateRounding.round($0) == $0) }
        #expect(prepared.typeName == "MultiPolygon")
        let point = try MapGeometry.prepare(.point(Point(lon: 20.5110249, lat: -0.00000004)))
        #expect(point == .point(Point(lon: 20.511025, lat: 0)))
        var writer = GeoJSONWriter()
        writer.write(point)
        #expect(String(decoding: writer.json.bytes, as: UTF8.self) == "{\"type\":\"Point\",\"coordinates\":[20.511025,0]}")
    }

    @Test func simplificationShrinksACountryAndKeepsItValid() throws {
        let gazetteer = try SpatialTestSupport.bundled()
        let shape = try #require(try gazetteer.shape(SpatialTestSupport.entry(630336, in: gazetteer)))  // Belarus
        var full = 0, simplified = 0
        shape.forEachPoint { _ in full += 1 }
        let prepared = try MapGeometry.prepare(shape, toleranceMetres: 1000)
        prepared.forEachPoint { _ in simplified += 1 }
        #expect(simplified < full / 2, "\(simplified) of \(full)")
        #expect(try prepared.isValid())
        #expect(prepared.polygons.allSatisfy { $0.followsRightHandRule })
    }
}
