/// One gazetteer entry a mention may refer to, with what the resolver knows about it.
struct Candidate {
    var mention: Int32
    var entry: Int32
    var kind: PlaceKind
    var feature: FeatureCode
    var country: CountryCode
    var admin1: Int32
    var population: Int
    var nameType: NameType
    var nameFlags: NameFlags
    /// Unit vector of the entry's point, for fast great-circle comparisons.
    var x: Double
    var y: Double
    var z: Double
    /// The score of the features that do not depend on context.
    var prior: Double
    var score: Double
    var probability: Double
    /// Where the candidate adds its mass in `ContextMasses`, or -1.
    var countrySlot: Int32 = -1
    var admin1Slot: Int32 = -1
    /// For a country or admin-1 unit: its list in `ContainerMembers`, or -1.
    var containerList: Int32 = -1
}

/// Great-circle helpers on unit vectors.
enum Sphere {
    static let earthRadiusKm = Earth.meanRadiusKm

    @inline(__always)
    static func unitVector(lat: Double, lon: Double) -> (Double, Double, Double) {
        let phi = lat * .pi / 180, lambda = lon * .pi / 180
        let c = cos(phi)
        return (c * cos(lambda), c * sin(lambda), sin(phi))
    }

    /// The proximity feature, log(1 + km / 50). The angle comes from `angle(sine:cosine:)`, not
    /// libm's `atan2` (more than 100 instructions a call on the resolver's hottest path), and the
    /// log in single precision: the feature needs six digits, not sixteen.
    @inline(__always)
    static func proximity(_ a: (Double, Double, Double), _ b: (Double, Double, Double)) -> Double {
        let dot = a.0 * b.0 + a.1 * b.1 + a.2 * b.2
        let cx = a.1 * b.2 - a.2 * b.1, cy = a.2 * b.0 - a.0 * b.2, cz = a.0 * b.1 - a.1 * b.0
        let km = angle(sine: (cx * cx + cy * cy + cz * cz).squareRoot(), cosine: dot) * earthRadiusKm
        return Double(logf(Float(1 + km / 50)))
    }

    /// atan2(sine, cosine) for sine ≥ 0, within 2e-8 radians (0.13 m on the Earth): the arctangent
    /// of the smaller ratio by Abramowitz & Stegun 4.4.49, then the octant.
    @inline(__always)
    static func angle(sine s: Double, cosine c: Double) -> Double {
        let magnitude = abs(c)
        guard s > 0 || magnitude > 0 else { return 0 }
        let x = min(s, magnitude) / max(s, magnitude)
        let x2 = x * x
        var p = 0.0028662257
        p = p * x2 - 0.0161657367
        p = p * x2 + 0.0429096138
        p = p * x2 - 0.0752896400
        p = p * x2 + 0.1065626393
        p = p * x2 - 0.1420889944
        p = p * x2 + 0.1999355085
        p = p * x2 - 0.3333314528
        let small = x + x * x2 * p
        let firstQuadrant = s <= magnitude ? small : .pi / 2 - small
        return c >= 0 ? firstQuadrant : .pi - firstQuadrant
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
