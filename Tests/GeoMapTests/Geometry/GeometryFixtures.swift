@testable import GeoMap

/// Small hand-made geometries shared by the geometry tests.
enum GeometryFixtures {
    static func ring(_ coordinates: [(Double, Double)]) throws -> LinearRing {
        try LinearRing(points: coordinates.map { Point(x: $0.0, y: $0.1) })
    }

    static func square(minX: Double, minY: Double, size: Double) throws -> Polygon {
        try Polygon(exterior: ring([
            (minX, minY), (minX + size, minY), (minX + size, minY + size), (minX, minY + size), (minX, minY),
        ]))
    }

    static func squareWithHole() throws -> Polygon {
        try Polygon(
            exterior: ring([(0, 0), (10, 0), (10, 10), (0, 10), (0, 0)]),
            holes: [ring([(4, 4), (6, 4), (6, 6), (4, 6), (4, 4)])])
    }

    /// One geometry of every kind, including empty and nested ones.
    static func allKinds() throws -> [Geometry] {
        let line = try LineString(points: [Point(x: 1.5, y: -2.25), Point(x: 3, y: 4), Point(x: -179.999999, y: 89.5)])
        let square = try square(minX: 0, minY: 0, size: 1)
        let holed = try squareWithHole()
        let nested = Geometry.geometryCollection(GeometryCollection(geometries: [
            .point(Point(x: 1, y: 2)),
            .geometryCollection(GeometryCollection(geometries: [.lineString(line), .geometryCollection(GeometryCollection(geometries: []))])),
            .multiPolygon(MultiPolygon(polygons: [square, holed])),
        ]))
        return [
            .point(Point(x: 30.5234, y: 50.4501)),
            .point(Point(x: -0.1, y: 1e-7)),
            .lineString(line),
            .lineString(LineString(uncheckedPoints: [])),
            .polygon(square),
            .polygon(holed),
            .polygon(.empty),
            .multiPoint(MultiPoint(points: [Point(x: 1, y: 2), Point(x: 3, y: 4)])),
            .multiPoint(MultiPoint(points: [])),
            .multiLineString(MultiLineString(lineStrings: [line, line])),
            .multiLineString(MultiLineString(lineStrings: [])),
            .multiPolygon(MultiPolygon(polygons: [square, holed])),
            .multiPolygon(MultiPolygon(polygons: [])),
            .geometryCollection(GeometryCollection(geometries: [])),
            nested,
        ]
    }
}
