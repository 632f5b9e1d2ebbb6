import Foundation
import Testing
@testable import GeoMap

/// The resolver's polynomial arctangent (`Sphere.angle`) against libm's `atan2`, and the
/// proximity feature built on it against the same feature computed plainly (atan2, log1p, double
/// precision).
struct ArctangentDifferentialTests {
    @Test func angleAgreesWithAtan2EverywhereOnTheHalfCircle() {
        var generator = SplitMix64(seed: 2026)
        var worst = 0.0
        for _ in 0..<200_000 {
            let theta = Double.random(in: 0...Double.pi, using: &generator)
            let scale = Double.random(in: 0.5...2, using: &generator)
            let s = sin(theta) * scale, c = cos(theta) * scale
            worst = max(worst, abs(Sphere.angle(sine: s, cosine: c) - atan2(s, c)))
        }
        #expect(worst < 5e-8)
        #expect(Sphere.angle(sine: 0, cosine: 1) == 0)
        #expect(Sphere.angle(sine: 0, cosine: 0) == 0)
        #expect(abs(Sphere.angle(sine: 0, cosine: -1) - Double.pi) < 1e-12)
        #expect(abs(Sphere.angle(sine: 1, cosine: 0) - Double.pi / 2) < 1e-12)
    }

    /// Near the ends and the middle of the half circle, at the octant boundaries (sine equal to
    /// the cosine's magnitude) and over magnitudes from 1e-300 to 1e300.
    @Test func edgesOctantsAndMagnitudes() {
        var generator = SplitMix64(seed: 19_301)
        var worst = 0.0
        let thetas: [Double] = [0, 1e-300, 1e-12, 1e-8, 1e-4, .pi / 4, .pi / 2, 3 * .pi / 4, .pi - 1e-4, .pi - 1e-8, .pi]
        for theta in thetas {
            for _ in 0..<200 {
                let nudged = min(.pi, max(0, theta + Double.random(in: -1e-9...1e-9, using: &generator)))
                let scale = pow(10, Double.random(in: -300...300, using: &generator))
                let s = sin(nudged) * scale, c = cos(nudged) * scale
                worst = max(worst, abs(Sphere.angle(sine: s, cosine: c) - atan2(s, c)))
            }
        }
        for s in [1.0, 1e-200, 1e200] {
            worst = max(worst, abs(Sphere.angle(sine: s, cosine: s) - .pi / 4))
            worst = max(worst, abs(Sphere.angle(sine: s, cosine: -s) - 3 * .pi / 4))
            worst = max(worst, abs(Sphere.angle(sine: s, cosine: s.nextUp) - atan2(s, s.nextUp)))
            worst = max(worst, abs(Sphere.angle(sine: s.nextUp, cosine: s) - atan2(s.nextUp, s)))
        }
        #expect(worst < 5e-8)
        #expect(Sphere.angle(sine: 0, cosine: -0.0) == 0)
    }

    /// The proximity feature between random points, and between points a few metres to half the
    /// Earth apart: within single precision of log1p(atan2 distance / 50 km).
    @Test func proximityAgreesWithAPlainGreatCircleDistance() {
        var generator = SplitMix64(seed: 19_302)
        var worst = 0.0
        func reference(_ a: (Double, Double, Double), _ b: (Double, Double, Double)) -> Double {
            let dot = a.0 * b.0 + a.1 * b.1 + a.2 * b.2
            let cross = (a.1 * b.2 - a.2 * b.1, a.2 * b.0 - a.0 * b.2, a.0 * b.1 - a.1 * b.0)
            let sine = (cross.0 * cross.0 + cross.1 * cross.1 + cross.2 * cross.2).squareRoot()
            return log1p(atan2(sine, dot) * 6371.0088 / 50)
        }
        for round in 0..<100_000 {
            let lat = Double.random(in: -90...90, using: &generator), lon = Double.random(in: -180...180, using: &generator)
            let reach = [1e-5, 1e-3, 0.1, 1, 10, 180][round % 6]
            let lat2 = max(-90, min(90, lat + Double.random(in: -reach...reach, using: &generator)))
            let lon2 = lon + Double.random(in: -reach...reach, using: &generator)
            let a = Sphere.unitVector(lat: lat, lon: lon), b = Sphere.unitVector(lat: lat2, lon: lon2)
            worst = max(worst, abs(Sphere.proximity(a, b) - reference(a, b)))
        }
        #expect(worst < 2e-6)
        let kyiv = Sphere.unitVector(lat: 50.45466, lon: 30.5238)
        #expect(Sphere.proximity(kyiv, kyiv) == 0)
    }
}
