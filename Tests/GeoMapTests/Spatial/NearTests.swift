import Testing
@testable import GeoMap

@Suite struct NearTests {
    @Test func lysychanskIsNearSeverodonetsk() throws {
        let gazetteer = try SpatialTestSupport.bundled()
        let origin = try SpatialTestSupport.entry(691999, in: gazetteer)
        let near = try NearSearch(gazetteer: gazetteer).neighbours(of: origin, within: 10_000, limit: 1000)
        #expect(!near.contains { $0.entry == origin })
        #expect(near.allSatisfy { $0.metres <= 10_000 })
        #expect(zip(near, near.dropFirst()).allSatisfy { $0.metres <= $1.metres })
        let lysychansk = try #require(near.first { gazetteer.id($0.entry) == 702972 })
        #expect((5.5...6.5).contains(lysychansk.kilometres))
        let places = try NearSearch(gazetteer: gazetteer).neighbours(of: origin, within: 10_000, limit: 3, kinds: [.place])
        #expect(places.count == 3 && places.allSatisfy { gazetteer.kind($0.entry) == .place })
    }

    @Test func aCityNamedLikeItsProvinceMeansTheCity() throws {
        let gazetteer = try SpatialTestSupport.bundled()
        let lookup = PlaceLookup(gazetteer: gazetteer)
        #expect(gazetteer.id(try NearSearch.origin(for: "Kaliningrad", lookup: lookup)) == 554234)
        #expect(gazetteer.id(try NearSearch.origin(for: "Kaliningrad Oblast", lookup: lookup)) == 554230)
        #expect(throws: GeoMapError.self) { try NearSearch.origin(for: "Xyzzyqq", lookup: lookup) }
    }

    /// The grid must find exactly what measuring every entry finds: at mid latitudes, in the
    /// Arctic, and across the antimeridian.
    @Test(arguments: [(38.49, 48.94, 25.0), (15.65, 78.22, 400.0), (178.44, -18.14, 600.0), (-179.9, 65.0, 800.0), (0.0, 89.9, 300.0)])
    func gridFindsWhatBruteForceFinds(lon: Double, lat: Double, km: Double) throws {
        let gazetteer = try SpatialTestSupport.bundled()
        let grid = PointGrid(gazetteer: gazetteer)
        let centre = Point(lon: lon, lat: lat)
        let candidates = Set(grid.candidates(near: centre, within: km * 1000))
        var expected = Set<Int32>()
        for entry in gazetteer.allEntries where try Geodesic.wgs84.distance(from: centre, to: gazetteer.location(entry)) <= km * 1000 {
            expected.insert(entry)
        }
        #expect(expected.isSubset(of: candidates), "missed \(expected.subtracting(candidates).count)")
        #expect(candidates.count < gazetteer.allEntries.count / 2)
    }
}
