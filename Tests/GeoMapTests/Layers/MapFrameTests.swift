import Testing
@testable import GeoMap

/// Where a project's map opens (`MapFrame`).
@Suite struct MapFrameTests {
    @Test func countriesAndWideAreasDoNotFrameTheMap() {
        #expect(!MapFrame.frames(kind: .country, outline: nil))
        #expect(MapFrame.frames(kind: .place, outline: nil))
        // Donbas-sized: frames; continent-sized: does not.
        #expect(MapFrame.frames(kind: .region, outline: BoundingBox(minX: 36, minY: 46.5, maxX: 41, maxY: 50.5)))
        #expect(!MapFrame.frames(kind: .region, outline: BoundingBox(minX: -25, minY: 34, maxX: 45, maxY: 71)))
    }

    @Test func theFrameHoldsEveryFramingPointWithAMargin() throws {
        let points = [Point(lon: 38.44, lat: 48.91), Point(lon: 37.99, lat: 48.59)]
        let box = try #require(MapFrame.extent(framing: points, all: points + [Point(lon: -98.5, lat: 39.76)]))
        #expect(box.west < 37.99 && box.east > 38.44 && box.south < 48.59 && box.north > 48.91)
        #expect(box.east - box.west < 1 && box.north - box.south >= MapFrame.smallestSpan)
    }

    /// A project's longitude/latitude map does not wrap: places on both sides of the antimeridian,
    /// or half a world apart, are framed west to east, never by a box over ±180°.
    @Test func theFrameNeverCrossesTheAntimeridian() throws {
        let points = [Point(lon: 97.87, lat: 15.76), Point(lon: -81.63, lat: 38.35), Point(lon: -120.55, lat: 43.94)]
        let box = try #require(MapFrame.extent(framing: points, all: points))
        #expect(!box.crossesAntimeridian)
        for point in points { #expect(box.west <= point.lon && point.lon <= box.east, "\(point)") }
        let fijiSamoa = [Point(lon: 178.44, lat: -18.14), Point(lon: -171.76, lat: -13.83)]
        let wide = try #require(MapFrame.extent(framing: fijiSamoa, all: fijiSamoa))
        #expect(wide.west >= -180 && wide.east <= 180 && wide.west < -171.76 && wide.east > 178.44)
    }

    @Test func anArticleOfCountriesAloneIsFramedByTheirPoints() throws {
        let countries = [Point(lon: 19.4, lat: 52.1), Point(lon: 23.9, lat: 55.3)]
        let box = try #require(MapFrame.extent(framing: [], all: countries))
        #expect(box.west < 19.4 && box.east > 23.9 && box.east - box.west < 6)
        #expect(MapFrame.extent(framing: [], all: []) == nil)
    }
}
