import Dispatch
import Testing
@testable import GeoMap

@Suite struct ContainmentTests {
    let world = SpatialTestSupport.squareWorld

    func containment(_ id: Int64, in index: ContainmentIndex) throws -> PlaceContainment {
        try index.containment(of: SpatialTestSupport.entry(id, in: index.gazetteer))
    }

    func id(_ entry: Int32?) -> Int64? { entry.map(world.id) }

    @Test func agreeingCodesAreNotFlagged() throws {
        let found = try containment(101, in: ContainmentIndex(gazetteer: world))
        #expect(id(found.country) == 1 && id(found.admin1) == 11)
        #expect(!found.disagrees)
    }

    @Test func aPlaceInAnotherCountrysPolygonIsFlagged() throws {
        let found = try containment(102, in: ContainmentIndex(gazetteer: world))
        #expect(id(found.country) == 2 && id(found.admin1) == 21)
        #expect(found.countryDisagrees && found.admin1Disagrees)
    }

    @Test func aPlaceInAnotherProvinceIsFlagged() throws {
        let found = try containment(103, in: ContainmentIndex(gazetteer: world))
        #expect(id(found.country) == 1 && id(found.admin1) == 11)
        #expect(!found.countryDisagrees && found.admin1Disagrees)
    }

    @Test func aPointInNoPolygonHasNoUnitsAndNoFlag() throws {
        let found = try containment(104, in: ContainmentIndex(gazetteer: world))
        #expect(found.country == nil && found.admin1 == nil && !found.disagrees)
    }

    @Test func countriesAndProvincesFindThemselves() throws {
        let index = ContainmentIndex(gazetteer: world)
        let country = try containment(2, in: index)
        #expect(id(country.country) == 2 && country.admin1 == nil && !country.disagrees)
        let province = try containment(12, in: index)
        #expect(id(province.country) == 1 && id(province.admin1) == 12 && !province.disagrees)
    }

    @Test func concurrentQueriesAgreeWithSequentialOnes() throws {
        let index = ContainmentIndex(gazetteer: world)
        let entries = Array(world.allEntries)
        let expected = try entries.map { try ContainmentIndex(gazetteer: world).containment(of: $0) }
        let results = UnsafeMutableBufferPointer<PlaceContainment?>.allocate(capacity: entries.count * 16)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let shared = UncheckedSendable(results)
        DispatchQueue.concurrentPerform(iterations: entries.count * 16) { k in
            shared.value[k] = try? index.containment(of: entries[k % entries.count])
        }
        for k in 0..<(entries.count * 16) { #expect(results[k] == expected[k % entries.count]) }
    }

    @Test func bundledCitiesLieInTheirProvinces() throws {
        let gazetteer = try SpatialTestSupport.bundled()
        let index = ContainmentIndex.shared(for: gazetteer)
        // Lysychansk in Luhansk oblast (UA), Kaliningrad in Kaliningrad oblast (RU).
        for (place, country, province) in [(Int64(702972), "UA", Int64(702657)), (554234, "RU", 554230)] {
            let found = try index.containment(of: SpatialTestSupport.entry(place, in: gazetteer))
            #expect(found.country.map { gazetteer.country($0).description } == country)
            #expect(found.admin1.map(gazetteer.id) == province)
            #expect(!found.disagrees)
        }
        #expect(ContainmentIndex.shared(for: gazetteer) === index)
    }

    @Test func bundledPointsOutsideEveryCountry() throws {
        let gazetteer = try SpatialTestSupport.bundled()
        let index = ContainmentIndex.shared(for: gazetteer)
        #expect(try index.country(containing: Point(lon: -30, lat: 40)) == nil)  // mid-Atlantic
        let suva = try #require(try index.country(containing: Point(lon: 178.44, lat: -18.14)))  // Fiji, near the antimeridian
        #expect(gazetteer.country(suva).description == "FJ")
        let chukotka = try #require(try index.country(containing: Point(lon: -172.5, lat: 65.5)))  // Russia east of ±180°
        #expect(gazetteer.country(chukotka).description == "RU")
    }
}
