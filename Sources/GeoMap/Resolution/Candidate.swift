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
    static let earthRadiusKm = 6371.0088

    @inline(__always)
    static func unitVector(lat: Double, lon: Double) -> (Double, Double, Double) {
        let phi = lat * .pi / 180, lambda = lon * .pi / 180
        let c = cos(phi)
        return (c * cos(lambda), c * sin(lambda), sin(phi))
    }

    /// Kilometres between two unit vectors.
    @inline(__always)
    static func distanceKm(_ a: (Double, Double, Double), _ b: (Double, Double, Double)) -> Double {
        let dot = max(-1, min(1, a.0 * b.0 + a.1 * b.1 + a.2 * b.2))
        let cx = a.1 * b.2 - a.2 * b.1, cy = a.2 * b.0 - a.0 * b.2, cz = a.0 * b.1 - a.1 * b.0
        return atan2((cx * cx + cy * cy + cz * cz).squareRoot(), dot) * earthRadiusKm
    }

    /// The proximity feature, log(1 + km / 50), in single precision: the feature needs no more
    /// than six digits, and glibc's `atan2f` and `logf` cost a fraction of `atan2` and `log1p`
    /// on the resolver's hottest path.
    @inline(__always)
    static func proximity(_ a: (Double, Double, Double), _ b: (Double, Double, Double)) -> Double {
        let dot = Float(max(-1, min(1, a.0 * b.0 + a.1 * b.1 + a.2 * b.2)))
        let cx = a.1 * b.2 - a.2 * b.1, cy = a.2 * b.0 - a.0 * b.2, cz = a.0 * b.1 - a.1 * b.0
        let km = atan2f(Float((cx * cx + cy * cy + cz * cz).squareRoot()), dot) * Float(earthRadiusKm)
        return Double(logf(1 + km / 50))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
