import Testing
@testable import GeoMap

@Suite struct WKTCodingTests {
    @Test func roundTripsEveryKind() throws {
        for geometry in try GeometryFixtures.allKinds() {
            #expect(try Geometry(wkt: geometry.wkt) == geometry, "\(geometry.wkt)")
        }
    }

    @Test func writesTheUsualForms() throws {
        #expect(Geometry.point(Point(x: 30, y: 10)).wkt == "POINT (30 10)")
        #expect(Geometry.polygon(try GeometryFixtures.square(minX: 0, minY: 0, size: 1)).wkt
            == "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))")
        #expect(Geometry.polygon(.empty).wkt == "POLYGON EMPTY")
        #expect(Geometry.multiPoint(MultiPoint(points: [Point(x: 1, y: 2)])).wkt == "MULTIPOINT ((1 2))")
        #expect(Geometry.geometryCollection(GeometryCollection(geometries: [])).wkt == "GEOMETRYCOLLECTION EMPTY")
        #expect(Geometry.point(Point(x: 0.1, y: -2.5e-10)).wkt == "POINT (0.1 -2.5e-10)")
    }

    @Test func readsVariantSpellings() throws {
        let expectedPoints = Geometry.multiPoint(MultiPoint(points: [Point(x: 1, y: 2), Point(x: 3, y: 4)]))
        #expect(try Geometry(wkt: "MULTIPOINT (1 2, 3 4)") == expectedPoints)
        #expect(try Geometry(wkt: "multipoint((1 2),(3 4))") == expectedPoints)
        #expect(try Geometry(wkt: "POINT Z (1 2 3)") == .point(Point(x: 1, y: 2)))
        #expect(try Geometry(wkt: "POINTZM (1 2 3 4)") == .point(Point(x: 1, y: 2)))
        #expect(try Geometry(wkt: "SRID=4326;POINT(1 2)") == .point(Point(x: 1, y: 2)))
        #expect(try Geometry(wkt: "LINESTRING (1 2 5, 3 4 6)") == .lineString(try LineString(points: [Point(x: 1, y: 2), Point(x: 3, y: 4)])))
        #expect(try Geometry(wkt: "  POINT EMPTY ") == .multiPoint(MultiPoint(points: [])))
    }

    @Test func rejectsMalformedText() {
        for text in [
            "", "POINT", "POINT (1)", "POINT (1 2", "POINT (1 2))", "CIRCLE (1 2)", "LINESTRING (1 2)",
            "POLYGON ((0 0, 1 0, 1 1, 0 0.5))", "POLYGON ((0 0, 1 1, 0 0))", "POINT (nan 1)", "POINT (1e999 1)",
            "MULTIPOINT (EMPTY)", String(repeating: "GEOMETRYCOLLECTION (", count: 500) + "POINT (1 2)",
        ] {
            #expect(throws: WKTError.self, "\(text.prefix(40))") { try Geometry(wkt: text) }
        }
    }
}
