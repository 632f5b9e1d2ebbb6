import Foundation
import Testing
@testable import GeoMap

/// The resolver's own arctangent (`Sphere.angle`) against libm's `atan2`.
struct SphereAngleTests {
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
}
