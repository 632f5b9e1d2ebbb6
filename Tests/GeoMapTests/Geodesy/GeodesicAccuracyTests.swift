import Foundation
import Testing
@testable import GeoMap

/// Checks `Geodesic.shortestDistance` against the brute-force reference on a seeded test set.
@Suite struct GeodesicAccuracyTests {
    struct Case: Sendable {
        let label: String
        let first: Geometry
        let second: Geometry
        /// The reference's densification step, metres.
        let spacing: Double
    }

    /// 260 pairs of small geometries (reference densified to 300 m) and 24 large ones.
    static func cases() -> [Case] {
        var random = GeodesicTestGeometries(seed: 20_261_125)
        var cases = [Case]()
        func add(_ label: String, _ first: Geometry, _ second: Geometry, spacing: Double = 300) {
            cases.append(Case(label: label, first: first, second: second, spacing: spacing))
        }
        for _ in 0..<50 {
            let a = random.anyGeometry(around: random.anywhere(), size: random.uniform(500...8_000))
            let b = random.anyGeometry(around: random.anywhere(), size: random.uniform(500...8_000))
            add("global", a, b)
        }
        for _ in 0..<50 {
            let centre = random.anywhere()
            let other = random.step(centre, azimuth: random.uniform(0...360), distance: random.uniform(0...12_000))
            add("near", random.anyGeometry(around: centre, size: random.uniform(500...6_000)),
                random.anyGeometry(around: other, size: random.uniform(500...6_000)))
        }
        for _ in 0..<20 {
            // A point a few metres from the middle of a polygon edge, on either side.
            let polygon = random.starPolygon(around: random.anywhere(), radius: random.uniform(1_000...4_000))
            let edge = Int(random.uniform(0...Double(polygon.exterior.points.count - 2)))
            let line = GeodesicLine(from: polygon.exterior.points[edge], to: polygon.exterior.points[edge + 1], on: random.geodesic)
            let (middle, azimuth) = line.position(at: line.length / 2)
            let side = random.chance(0.5) ? 90.0 : -90.0
            let point = random.step(middle, azimuth: azimuth + side, distance: random.uniform(0.5...150))
            add("tiny", .polygon(polygon), .point(point))
        }
        for _ in 0..<20 {
            let centre = random.anywhere()
            let polygon = random.starPolygon(around: centre, radius: random.uniform(1_000...5_000))
            add("inside", .point(random.step(centre, azimuth: random.uniform(0...360), distance: random.uniform(0...300))), .polygon(polygon))
        }
        for _ in 0..<40 {
            let lat = random.uniform(-70...70)
            let east = Point(lon: random.uniform(179.9...180), lat: lat)
            let west = Point(lon: random.uniform(-180 ... -179.9), lat: lat + random.uniform(-0.05...0.05))
            switch Int(random.uniform(0...3.999)) {
            case 0:
                add("antimeridian", random.anyGeometry(around: east, size: random.uniform(500...5_000)),
                    random.anyGeometry(around: west, size: random.uniform(500...5_000)))
            case 1:
                let fiji = random.splitAtAntimeridian(lat: lat, halfHeight: random.uniform(0.01...0.03), width: random.uniform(0.01...0.04))
                let other = random.chance(0.5) ? east : west
                add("fiji", .multiPolygon(fiji), random.anyGeometry(around: other, size: random.uniform(300...3_000)))
            case 2:
                let crossing = LineString(uncheckedPoints: [
                    Point(lon: random.uniform(179.95...179.99), lat: lat), Point(lon: random.uniform(-179.99 ... -179.95), lat: lat + 0.01),
                ])
                add("line across 180", .lineString(crossing), random.anyGeometry(around: random.chance(0.5) ? east : west, size: 2_000))
            default:
                let fiji = random.splitAtAntimeridian(lat: lat, halfHeight: 0.02, width: 0.03)
                add("fiji-polygon", .multiPolygon(fiji),
                    .polygon(random.starPolygon(around: Point(lon: 179.99, lat: lat + random.uniform(-0.06...0.06)), radius: 1_500)))
            }
        }
        for _ in 0..<40 {
            let north = random.chance(0.5) ? 1.0 : -1.0
            let centre = Point(lon: random.uniform(-180...180), lat: north * random.uniform(80...89.9))
            let other: Point
            if random.chance(0.4) {
                // Across the pole.
                other = Point(lon: centre.lon + 180 - (centre.lon > 0 ? 360 : 0), lat: north * random.uniform(85...89.9))
            } else {
                other = Point(lon: random.uniform(-180...180), lat: north * random.uniform(80...89.9))
            }
            add("polar", random.anyGeometry(around: centre, size: random.uniform(500...5_000)),
                random.anyGeometry(around: other, size: random.uniform(500...5_000)))
        }
        for _ in 0..<20 {
            let centre = random.anywhere()
            let antipode = Point(lon: centre.lon > 0 ? centre.lon - 180 : centre.lon + 180, lat: -centre.lat)
            let near = random.step(antipode, azimuth: random.uniform(0...360), distance: random.uniform(0...60_000))
            add("antipodal", random.anyGeometry(around: centre, size: random.uniform(500...5_000)),
                random.anyGeometry(around: near, size: random.uniform(500...5_000)))
        }
        for _ in 0..<20 {
            // Polygon against polygon, close together.
            let centre = random.anywhere()
            let other = random.step(centre, azimuth: random.uniform(0...360), distance: random.uniform(3_000...9_000))
            add("polygon-polygon", .polygon(random.starPolygon(around: centre, radius: 3_000)),
                .polygon(random.starPolygon(around: other, radius: 3_000)))
        }
        for _ in 0..<24 {
            // Large shapes with long edges; the reference uses a coarser step (see its error bound).
            let centre = random.anywhere()
            let size = random.uniform(200_000...1_500_000)
            let first: Geometry = random.chance(0.5)
                ? .polygon(random.starPolygon(around: centre, radius: size / 2))
                : .lineString(random.randomLine(from: centre, length: size))
            let other = random.chance(0.5)
                ? random.step(centre, azimuth: random.uniform(0...360), distance: random.uniform(size / 2...size * 2))
                : random.anywhere()
            let second: Geometry = .polygon(random.starPolygon(around: other, radius: random.uniform(100_000...800_000)))
            add("large", first, second, spacing: 25_000)
        }
        return cases
    }

    @Test func matchesTheBruteForceReference() async throws {
        let cases = Self.cases()
        #expect(cases.count >= 200)
        let outcomes = try await withThrowingTaskGroup(of: (Int, Double, Double, GeodesicNearestPoints).self) { group in
            for (index, testCase) in cases.enumerated() {
                group.addTask {
                    let result = try Geodesic.wgs84.shortestDistance(between: testCase.first, and: testCase.second)
                    let reference = BruteForceGeodesicReference(spacing: testCase.spacing).distance(testCase.first, testCase.second)
                    return (index, result.distance, reference, result)
                }
            }
            return try await group.reduce(into: [(Int, Double, Double, GeodesicNearestPoints)]()) { $0.append($1) }
        }.sorted { $0.0 < $1.0 }

        var relativeErrors = [Double]()
        var maxAbsolute = 0.0
        var longest = 0.0
        for (index, distance, reference, result) in outcomes {
            let testCase = cases[index]
            let error = abs(distance - reference)
            maxAbsolute = max(maxAbsolute, error)
            longest = max(longest, reference)
            if reference > 0 { relativeErrors.append(error / reference) }
            #expect(error <= max(0.001 * reference, 100),
                    "\(testCase.label) #\(index): \(distance) m vs reference \(reference) m\n\(testCase.first.wkt)\n\(testCase.second.wkt)")
            if result.relation == .disjoint {
                let between = try Geodesic.wgs84.distance(from: result.pointOnFirst, to: result.pointOnSecond)
                #expect(abs(between - distance) < 1e-3, "\(testCase.label) #\(index): nearest points \(between) m apart, distance \(distance) m")
            } else {
                #expect(distance == 0)
            }
        }
        let maximum = relativeErrors.max() ?? 0
        let mean = relativeErrors.reduce(0, +) / Double(max(1, relativeErrors.count))
        print(String(format: "geodesic accuracy: %d pairs (%d at distance 0, longest %.0f km): max relative error %.3g, mean %.3g, max absolute %.3f m",
                     outcomes.count, outcomes.count - relativeErrors.count, longest / 1000, maximum, mean, maxAbsolute))
        for label in Set(cases.map(\.label)).sorted() {
            let errors = outcomes.filter { cases[$0.0].label == label }.map { abs($0.1 - $0.2) }
            let name = label.padding(toLength: 16, withPad: " ", startingAt: 0)
            print(name + String(format: " %3d pairs, max absolute error %.3f m", errors.count, errors.max() ?? 0))
        }
    }
}
