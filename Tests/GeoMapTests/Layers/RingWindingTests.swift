import Testing
@testable import GeoMap

@Suite struct RingWindingTests {
    @Test func exteriorsTurnCounterClockwiseAndHolesClockwise() throws {
        let clockwise = try LinearRing(points: [
            Point(lon: 0, lat: 0), Point(lon: 0, lat: 10), Point(lon: 10, lat: 10), Point(lon: 10, lat: 0), Point(lon: 0, lat: 0),
        ])
        let counterClockwiseHole = try LinearRing(points: [
            Point(lon: 4, lat: 4), Point(lon: 6, lat: 4), Point(lon: 6, lat: 6), Point(lon: 4, lat: 6), Point(lon: 4, lat: 4),
        ])
        #expect(!clockwise.isCounterClockwise && counterClockwiseHole.isCounterClockwise)
        let polygon = try Polygon(exterior: clockwise, holes: [counterClockwiseHole])
        #expect(!polygon.followsRightHandRule)
        let wound = polygon.wound()
        #expect(wound.followsRightHandRule)
        #expect(wound.exterior.doubleSignedArea == 200 && wound.holes[0].doubleSignedArea == -8)
        #expect(wound.wound() == wound)
        #expect(try wound.isValid())
    }
}
