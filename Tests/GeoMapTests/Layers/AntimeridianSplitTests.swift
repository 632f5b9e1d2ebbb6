import Testing
@testable import GeoMap

@Suite struct AntimeridianSplitTests {
    @Test func aPolygonAcrossTheAntimeridianIsCutInTwo() throws {
        // 170°E to 170°W: the short way round crosses ±180°.
        let crossing = try Polygon(exterior: LinearRing(points: [
            Point(lon: 170, lat: -10), Point(lon: -170, lat: -10), Point(lon: -170, lat: 10),
            Point(lon: 170, lat: 10), Point(lon: 170, lat: -10),
        ]))
        let parts = try AntimeridianSplit.split(crossing)
        #expect(parts.count == 2)
        let boxes = parts.compactMap(\.boundingBox).sorted { $0.minX < $1.minX }
        #expect(boxes.map(\.minX) == [-180, 170] && boxes.map(\.maxX) == [-170, 180])
        let area = try parts.reduce(0) { try $0 + $1.planarArea() }
        #expect(abs(area - 400) < 1e-9)
        let prepared = try MapGeometry.prepare(.polygon(crossing), toleranceMetres: 0)
        #expect(try prepared.isValid())
        #expect(prepared.polygons.count == 2 && prepared.polygons.allSatisfy { $0.followsRightHandRule })
        let box = try #require(GeoJSONBoundingBox(of: [prepared]))
        #expect(box.crossesAntimeridian && box.west == 170 && box.east == -170 && box.south == -10 && box.north == 10)
    }

    @Test func longitudesPastOneEightyAreBroughtBack() throws {
        let past = SpatialTestSupport.square(175, 0, 185, 5)
        let parts = try AntimeridianSplit.split(past)
        #expect(parts.count == 2)
        #expect(parts.allSatisfy { polygon in polygon.exterior.points.allSatisfy { (-180...180).contains($0.lon) } })
        #expect(abs(try parts.reduce(0) { try $0 + $1.planarArea() } - 50) < 1e-9)
    }

    @Test func aRingAroundThePoleIsClosedOverIt() throws {
        let cap = try Polygon(exterior: LinearRing(points: [
            Point(lon: 0, lat: 80), Point(lon: 90, lat: 80), Point(lon: 180, lat: 80), Point(lon: -90, lat: 80), Point(lon: 0, lat: 80),
        ]))
        let parts = try AntimeridianSplit.split(cap)
        #expect(abs(try parts.reduce(0) { try $0 + $1.planarArea() } - 3600) < 1e-9)
        #expect(parts.allSatisfy { polygon in polygon.exterior.points.allSatisfy { (-180...180).contains($0.lon) && $0.lat >= 80 } })
    }

    @Test func otherPolygonsPassUntouched() throws {
        let square = SpatialTestSupport.square(20, 50, 25, 55)
        #expect(try AntimeridianSplit.split(square) == [square])
        let touching = SpatialTestSupport.square(170, 0, 180, 5)
        #expect(try AntimeridianSplit.split(touching) == [touching])
    }

    @Test func aLineAcrossTheAntimeridianIsCutWhereItCrosses() throws {
        let parts = AntimeridianSplit.split([Point(lon: 170, lat: 0), Point(lon: -170, lat: 10)])
        #expect(parts.count == 2)
        #expect(parts[0].points == [Point(lon: 170, lat: 0), Point(lon: 180, lat: 5)])
        #expect(parts[1].points == [Point(lon: -180, lat: 5), Point(lon: -170, lat: 10)])
        let straight = [Point(lon: 10, lat: 0), Point(lon: 20, lat: 10)]
        #expect(AntimeridianSplit.split(straight).map(\.points) == [straight])
    }

    @Test func russiaAndFijiComeOutCutAndValid() throws {
        let gazetteer = try SpatialTestSupport.bundled()
        for id: Int64 in [2017370, 2205218] {
            let shape = try #require(try gazetteer.shape(SpatialTestSupport.entry(id, in: gazetteer)))
            let prepared = try MapGeometry.prepare(shape)
            let reason = try prepared.validityReason()
            #expect(try prepared.isValid(), "\(id): \(reason)")
            #expect(prepared.polygons.allSatisfy { $0.followsRightHandRule })
            var inRange = true, onGrid = true
            prepared.forEachPoint { point in
                inRange = inRange && (-180...180).contains(point.lon) && (-90...90).contains(point.lat)
                onGrid = onGrid && CoordinateRounding.round(point) == point
            }
            #expect(inRange && onGrid)
            let box = try #require(GeoJSONBoundingBox(of: [prepared]))
            #expect(box.crossesAntimeridian, "\(id): \(box)")
        }
    }
}
