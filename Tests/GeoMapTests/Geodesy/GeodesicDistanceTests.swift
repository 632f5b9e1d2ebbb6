import Testing
@testable import GeoMap

@Suite struct GeodesicDistanceTests {
    let geodesic = Geodesic.wgs84

    func square(_ minLon: Double, _ minLat: Double, _ size: Double) throws -> Polygon {
        try Polygon(exterior: LinearRing(points: [
            Point(lon: minLon, lat: minLat), Point(lon: minLon + size, lat: minLat),
            Point(lon: minLon + size, lat: minLat + size), Point(lon: minLon, lat: minLat + size), Point(lon: minLon, lat: minLat),
        ]))
    }

    @Test func kyivToMoscow() throws {
        // Kyiv 50°27′N 30°31′E, Moscow 55°45′N 37°37′E.
        let kyiv = Point(lon: 30 + 31.0 / 60, lat: 50 + 27.0 / 60)
        let moscow = Point(lon: 37 + 37.0 / 60, lat: 55 + 45.0 / 60)
        let inverse = try geodesic.inverse(from: kyiv, to: moscow)
        #expect(abs(inverse.distance / 1000 - 756.87) < 0.005, "\(inverse.distance)")
        let shortest = try geodesic.shortestDistance(between: kyiv, and: moscow)
        #expect(abs(shortest.distance - inverse.distance) < 1e-6)
        #expect(shortest.relation == .disjoint)
    }

    @Test func directInvertsInverse() throws {
        let start = Point(lon: 20.5, lat: 54.7)
        let inverse = try geodesic.inverse(from: start, to: Point(lon: 27.56, lat: 53.9))
        let reached = try geodesic.direct(from: start, azimuth: inverse.initialAzimuth, distance: inverse.distance)
        #expect(abs(reached.point.lon - 27.56) < 1e-9 && abs(reached.point.lat - 53.9) < 1e-9)
        #expect(throws: GeodesyError.self) { try geodesic.inverse(from: Point(lon: 0, lat: 91), to: start) }
        #expect(throws: GeodesyError.self) { try geodesic.direct(from: start, azimuth: .nan, distance: 1) }
    }

    @Test func squaresOnTheEquatorMeetAtTheirPolewardCorners() throws {
        // One degree of longitude is shorter further from the equator, so the gap is narrowest at the top.
        let result = try geodesic.shortestDistance(between: square(0, 0, 1), and: square(2, 0, 1))
        let expected = try geodesic.distance(from: Point(lon: 1, lat: 1), to: Point(lon: 2, lat: 1))
        #expect(abs(result.distance - expected) < 1e-3, "\(result.distance) vs \(expected)")
        #expect(result.pointOnFirst == Point(lon: 1, lat: 1) && result.pointOnSecond == Point(lon: 2, lat: 1))
    }

    @Test func pointToAnEdgeInteriorUsesTheFootOfThePerpendicular() throws {
        let line = try LineString(points: [Point(lon: 10, lat: 40), Point(lon: 12, lat: 40.5)])
        let point = Point(lon: 11, lat: 41)
        let result = try geodesic.shortestDistance(between: point, and: line)
        #expect(result.relation == .disjoint)
        // The distance to the foot must be the distance reported, and no denser sample beats it.
        #expect(abs(try geodesic.distance(from: point, to: result.pointOnSecond) - result.distance) < 1e-6)
        let segment = GeodesicLine(from: line.points[0], to: line.points[1], on: geodesic)
        for step in 0...2000 {
            let sample = segment.position(at: segment.length * Double(step) / 2000).point
            #expect(try geodesic.distance(from: point, to: sample) >= result.distance - 1e-6)
        }
    }

    @Test func containmentAndOverlap() throws {
        let big = try square(0, 0, 10)
        let inside = Point(lon: 5, lat: 5)
        #expect(try geodesic.shortestDistance(between: inside, and: big).relation == .within)
        #expect(try geodesic.shortestDistance(between: big, and: inside).relation == .contains)
        #expect(try geodesic.shortestDistance(between: big, and: square(2, 2, 1)).relation == .contains)
        #expect(try geodesic.shortestDistance(between: square(2, 2, 1), and: big).relation == .within)
        let overlapping = try geodesic.shortestDistance(between: big, and: square(9, 9, 2))
        #expect(overlapping.relation == .intersecting && overlapping.distance == 0)
        let touching = try geodesic.shortestDistance(between: big, and: square(10, 0, 2))
        #expect(touching.relation == .intersecting && touching.distance == 0)
        // A line crossing a polygon without a vertex inside it.
        let crossingLine = try LineString(points: [Point(lon: -1, lat: 5), Point(lon: 11, lat: 5)])
        #expect(try geodesic.shortestDistance(between: crossingLine, and: big).relation == .intersecting)
        // A point in a hole is outside.
        let holed = try Polygon(exterior: big.exterior, holes: [square(4, 4, 2).exterior])
        let inHole = try geodesic.shortestDistance(between: holed, and: inside)
        #expect(inHole.relation == .disjoint)
        // Edges are geodesics: the hole's southern edge bows towards the pole, nearer to the point.
        let reference = BruteForceGeodesicReference(spacing: 100).distance(.polygon(holed), .point(inside))
        #expect(abs(inHole.distance - reference) < 0.01, "\(inHole.distance) vs \(reference)")
        #expect(inHole.distance < (try geodesic.distance(from: inside, to: Point(lon: 5, lat: 4))) - 50)
        // Part inside, part outside.
        let scattered = MultiPoint(points: [inside, Point(lon: 20, lat: 20)])
        #expect(try geodesic.shortestDistance(between: big, and: scattered).relation == .intersecting)
    }

    @Test func acrossTheAntimeridian() throws {
        let east = Point(lon: 179.9, lat: -17)
        let west = Point(lon: -179.9, lat: -17)
        let expected = try geodesic.distance(from: east, to: west)
        #expect(expected < 25_000)
        #expect(abs(try geodesic.shortestDistance(between: east, and: west).distance - expected) < 1e-6)
        // Fiji-like: one island on each side of 180°, split parts touching the meridian.
        let fiji = MultiPolygon(polygons: [try square(179, -17.5, 1), try square(-180, -17.5, 1)])
        let onTheSeam = try geodesic.shortestDistance(between: fiji, and: Point(lon: 180, lat: -17))
        #expect(onTheSeam.distance == 0 && onTheSeam.relation != .disjoint)
        let insideWest = try geodesic.shortestDistance(between: fiji, and: Point(lon: -179.5, lat: -17))
        #expect(insideWest.relation == .contains)
        let northPoint = Point(lon: 179.95, lat: -16)
        let north = try geodesic.shortestDistance(between: fiji, and: northPoint)
        let reference = BruteForceGeodesicReference(spacing: 50).distance(.multiPolygon(fiji), .point(northPoint))
        #expect(abs(north.distance - reference) < 0.01, "\(north.distance) vs \(reference)")
        #expect(abs(north.distance - 55_300) < 200)
        // A line drawn across 180° passes through the split polygon.
        let crossing = try LineString(points: [Point(lon: 178, lat: -17), Point(lon: -178, lat: -17)])
        #expect(try geodesic.shortestDistance(between: crossing, and: fiji).relation == .intersecting)
        // An unsplit polygon across 180° holds points on both sides.
        let unsplit = try Polygon(exterior: LinearRing(points: [
            Point(lon: 179, lat: 60), Point(lon: -179, lat: 60), Point(lon: -179, lat: 62), Point(lon: 179, lat: 62), Point(lon: 179, lat: 60),
        ]))
        #expect(try geodesic.shortestDistance(between: unsplit, and: Point(lon: -179.5, lat: 61)).relation == .contains)
        #expect(try geodesic.shortestDistance(between: unsplit, and: Point(lon: 179.5, lat: 61)).relation == .contains)
        #expect(try geodesic.shortestDistance(between: unsplit, and: Point(lon: 0, lat: 61)).relation == .disjoint)
    }

    @Test func rejectsEmptyAndInvalidInput() throws {
        #expect(throws: GeometryError.self) { try geodesic.shortestDistance(between: MultiPolygon(polygons: []), and: Point(lon: 0, lat: 0)) }
        #expect(throws: GeodesyError.self) { try geodesic.shortestDistance(between: Point(lon: 0, lat: 95), and: Point(lon: 0, lat: 0)) }
    }
}
