import Testing
@testable import GeoMap

/// The spherical first pass may drop a pairing only because of these bounds; check them.
@Suite struct SphereBoundsTests {
    let geodesic = Geodesic.wgs84

    func randomPairs(length: Double, count: Int, seed: UInt64) throws -> [(Point, Point)] {
        var generator = SplitMix64(seed: seed)
        return try (0..<count).map { _ in
            let start = Point(lon: Double.random(in: -180...180, using: &generator), lat: Double.random(in: -89.9...89.9, using: &generator))
            let end = try geodesic.direct(from: start, azimuth: Double.random(in: -180...180, using: &generator), distance: length).point
            return (start, end)
        }
    }

    @Test(arguments: [1_000.0, 50_000, 500_000, 2_000_000, 8_000_000, 15_000_000])
    func sphereAnglesBoundEllipsoidalDistances(length: Double) throws {
        for (start, end) in try randomPairs(length: length, count: 300, seed: UInt64(length)) {
            let angle = UnitSphere.angle(UnitSphere.vector(start), UnitSphere.vector(end))
            let exact = try geodesic.distance(from: start, to: end)
            #expect(exact <= angle * UnitSphere.radius * UnitSphere.largestScale * (1 + 1e-12))
            #expect(exact >= angle * UnitSphere.radius * UnitSphere.smallestScale * (1 - 1e-12))
            let estimate = UnitSphere.ellipsoidalLength(UnitSphere.vector(start), UnitSphere.vector(end))
            #expect(estimate >= exact * (1 - 1e-12) - 1e-6)
            #expect(estimate <= exact * (1 + 1e-5) + 1e-6, "\(estimate) vs \(exact)")
        }
    }

    @Test(arguments: [10_000.0, 200_000, 1_000_000, 5_000_000, 12_000_000, 15_500_000])
    func geodesicEdgesStayWithinTheirSlack(length: Double) throws {
        for (start, end) in try randomPairs(length: length, count: 100, seed: UInt64(length) + 1) {
            let a = UnitSphere.vector(start)
            let b = UnitSphere.vector(end)
            let slack = GeodesicShape.slack(forChord: UnitSphere.length(b - a))
            let line = GeodesicLine(from: start, to: end, on: geodesic)
            for step in 1..<32 {
                let point = UnitSphere.vector(line.position(at: line.length * Double(step) / 32).point)
                #expect(UnitSphere.nearestOnArc(point, a, b, normal: UnitSphere.arcNormal(a, b)).angle <= slack)
            }
        }
    }
}
