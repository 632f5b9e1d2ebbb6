import Testing
@testable import GeoMap

@Suite struct DistanceTests {
    func answer(_ a: String, _ b: String, aKind: PlaceKind? = nil, bKind: PlaceKind? = nil) throws -> DistanceAnswer {
        let gazetteer = try SpatialTestSupport.bundled()
        return try DistanceAnswer(a, kind: aKind, b, kind: bKind, lookup: PlaceLookup(gazetteer: gazetteer))
    }

    @Test func kaliningradOblastToBelarusIsTheSuwalkiGap() throws {
        for query in [try answer("Kaliningrad Oblast", "Belarus"), try answer("Kaliningrad", "Belarus", aKind: .admin1)] {
            #expect(query.distances.count == 1)
            let distance = try #require(query.distances.first)
            #expect((64...67).contains(distance.kilometres), "\(distance.kilometres) km")
            #expect(distance.relation == .apart && distance.firstShape == "polygon" && distance.secondShape == "polygon")
            #expect(abs(distance.miles * 1.609344 - distance.kilometres) < 1e-9)
            // The gap runs from the Russia–Lithuania–Poland tripoint (54.36 N, 22.79 E) to the
            // Belarus–Lithuania–Poland tripoint (53.94 N, 23.50 E).
            let onOblast = distance.nearest.pointOnFirst, onBelarus = distance.nearest.pointOnSecond
            #expect(try Geodesic.wgs84.distance(from: onOblast, to: Point(lon: 22.79, lat: 54.36)) < 5_000)
            #expect(try Geodesic.wgs84.distance(from: onBelarus, to: Point(lon: 23.50, lat: 53.94)) < 5_000)
            #expect(abs(try Geodesic.wgs84.distance(from: onOblast, to: onBelarus) - distance.metres) < 1)
        }
    }

    @Test func kaliningradIsReadAsCityAndOblast() throws {
        let query = try answer("Kaliningrad", "Belarus")
        let gazetteer = try SpatialTestSupport.bundled()
        // Both readings, in the ranking's order, whichever comes first.
        #expect(Set(query.firstReadings.map { gazetteer.kind($0) }) == [.place, .admin1])
        #expect(query.secondReadings.count == 1)
        #expect(query.distances.map(\.first) == query.firstReadings)
        let city = try #require(query.distances.first { gazetteer.kind($0.first) == .place })
        let oblast = try #require(query.distances.first { gazetteer.kind($0.first) == .admin1 })
        #expect((205...217).contains(city.kilometres), "city: \(city.kilometres) km")
        #expect(city.firstShape == "point" && city.relation == .apart)
        #expect(city.nearest.pointOnFirst == gazetteer.location(city.first))
        #expect((64...67).contains(oblast.kilometres), "oblast: \(oblast.kilometres) km")
    }

    @Test func citiesNamedLikeTheirProvincesHaveTwoReadings() throws {
        let gazetteer = try SpatialTestSupport.bundled()
        let lookup = PlaceLookup(gazetteer: gazetteer)
        for name in ["Luhansk", "Moscow"] {
            let readings = try PlaceReadings.resolve(name, lookup: lookup)
            #expect(Set(readings.map { gazetteer.kind($0) }) == [.place, .admin1], "\(name)")
            #expect(Set(readings.map { gazetteer.country($0) }).count == 1, "\(name)")
        }
        for name in ["Belarus", "Lysychansk", "Kaliningrad Oblast"] {
            #expect(try PlaceReadings.resolve(name, lookup: lookup).count == 1, "\(name)")
        }
        #expect(try PlaceReadings.resolve("Luhansk", kind: .place, lookup: lookup).map { gazetteer.kind($0) } == [.place])
    }

    @Test func severodonetskToLysychansk() throws {
        let query = try answer("Severodonetsk", "Lysychansk")
        #expect(query.distances.count == 1)
        let distance = try #require(query.distances.first)
        #expect((5.5...6.5).contains(distance.kilometres), "\(distance.kilometres) km")
        #expect(distance.firstShape == "point" && distance.secondShape == "point")
    }

    @Test func aPlaceInsideTheOtherIsZeroAndReportedInside() throws {
        let inside = try answer("Kaliningrad", "Kaliningrad Oblast", aKind: .place)
        let distance = try #require(inside.distances.first)
        #expect(distance.metres == 0 && distance.relation == .inside)
        let reversed = try #require(try answer("Kaliningrad Oblast", "Kaliningrad", bKind: .place).distances.first)
        #expect(reversed.metres == 0 && reversed.relation == .contains)
        let gazetteer = try SpatialTestSupport.bundled()
        #expect(DistanceReport.table(inside, gazetteer: gazetteer).contains("0 km: Kaliningrad (place) lies inside Kaliningrad (admin1)"))
        let neighbours = try #require(try answer("Belarus", "Ukraine").distances.first)
        #expect(neighbours.metres == 0 && neighbours.relation == .touching)
    }

    @Test func unknownNamesThrowWithSuggestions() throws {
        #expect(throws: GeoMapError.noPlace(name: "Xyzzyqq", suggestions: [])) { try answer("Xyzzyqq", "Belarus") }
        do {
            _ = try answer("Belarus", "Kalinigradd")
            Issue.record("expected no place")
        } catch let error as GeoMapError {
            guard case .noPlace(let name, let suggestions) = error else { Issue.record("\(error)"); return }
            #expect(name == "Kalinigradd" && suggestions.contains("Kaliningrad"))
            #expect(error.description.hasPrefix("no place named \"Kalinigradd\"; did you mean \"Kaliningrad\""))
        }
    }

    @Test func reportsShowBothReadings() throws {
        let gazetteer = try SpatialTestSupport.bundled()
        let query = try answer("Kaliningrad", "Belarus")
        let table = DistanceReport.table(query, gazetteer: gazetteer)
        let kinds = query.firstReadings.map { gazetteer.kind($0).description }.joined(separator: " and as ")
        #expect(table.contains("\"Kaliningrad\" is read as \(kinds); each reading is measured."))
        let json = try JSONSerialization.jsonObject(with: Data(DistanceReport.json(query, gazetteer: gazetteer).utf8)) as? [String: Any]
        let distances = try #require(json?["distances"] as? [[String: Any]])
        #expect(distances.count == 2)
        #expect(distances.compactMap { $0["relation"] as? String } == ["apart", "apart"])
        let oblast = try #require(distances.first { ($0["from"] as? [String: Any])?["kind"] as? String == "admin1" })
        #expect((64...67).contains(oblast["km"] as? Double ?? 0))
    }

    @Test func geoJSONHoldsTheLinesAndBothGeometries() throws {
        let gazetteer = try SpatialTestSupport.bundled()
        let collection = try DistanceReport.geoJSON(try answer("Kaliningrad", "Belarus"), gazetteer: gazetteer)
        #expect(collection.features.count == 5)  // two lines, the city, the oblast, Belarus
        let lines = collection.features.filter { $0.properties["kind"] == .string("distance") }
        #expect(lines.count == 2)
        for line in lines {
            guard case .lineString(let path) = line.geometry else { Issue.record("not a line: \(line.geometry.typeName)"); continue }
            #expect(path.points.count >= 2)
        }
        let outlines = collection.features.filter { $0.properties["kind"] != .string("distance") }
        #expect(outlines.map { $0.geometry.typeName }.sorted() == ["MultiPolygon", "MultiPolygon", "Point"])
        #expect(outlines.first { $0.geometry.typeName == "Point" }?.properties["kind"] == .string("place"))
    }
}

import Foundation
