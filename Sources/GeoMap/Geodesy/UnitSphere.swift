import Foundation

/// Great-circle geometry on the unit sphere, used as a fast, conservative first pass before the
/// exact ellipsoidal computations.
///
/// A point is placed by its parametric (reduced) latitude β, tan β = (1 − f) tan φ, and its
/// longitude. In these coordinates the WGS84 metric is never longer than the sphere of radius a
/// and never shorter than b/a of it, so sphere angles bound ellipsoidal distances tightly from
/// both sides (a ratio of 1.0034, against 1.0101 for geodetic latitude on a mean-radius sphere).
enum UnitSphere {
    typealias Vector = SIMD3<Double>

    static let flattening = Earth.flattening
    /// WGS84 equatorial radius: a sphere angle times this is never shorter than the ellipsoidal distance.
    static let radius = Earth.equatorialRadius
    /// A sphere angle times `radius` times this is never longer than the ellipsoidal distance (b/a).
    static let smallestScale = 1 - flattening
    static let largestScale = 1.0
    static let eccentricitySquared = flattening * (2 - flattening)

    static func vector(_ point: Point) -> Vector {
        let lat = point.lat * .pi / 180
        let lon = point.lon * .pi / 180
        // cos β and sin β from tan β = (1 − f) tan φ, without an arctangent.
        let cosLat = cos(lat)
        let scaledSinLat = (1 - flattening) * sin(lat)
        let norm = (cosLat * cosLat + scaledSinLat * scaledSinLat).squareRoot()
        let cosReduced = cosLat / norm
        return Vector(cosReduced * cos(lon), cosReduced * sin(lon), scaledSinLat / norm)
    }

    /// An upper bound of the angle between two unit vectors from the chord between them; exact
    /// to the first order, cheaper than `angle`. Only for chords up to 1.9 (angles up to 2.5 rad).
    static func angleBound(chord: Double) -> Double {
        chord * (1 + chord * chord / 8)
    }

    static func point(_ vector: Vector) -> Point {
        let reduced = atan2(vector.z, (vector.x * vector.x + vector.y * vector.y).squareRoot())
        let lat = atan2(sin(reduced), (1 - flattening) * cos(reduced)) * 180 / .pi
        let lon = atan2(vector.y, vector.x) * 180 / .pi
        return Point(lon: lon, lat: lat)
    }

    /// The length on the ellipsoid (metres) of the great circle from `a` to `b` on this sphere: an
    /// upper bound of the geodesic distance that exceeds it only by a term of order f²·distance.
    ///
    /// Along a unit-speed great circle with unit tangent T the ellipsoidal line element is
    /// a·√(1 − e²·T_z²), and T_z = k·cos(s + s₀) varies sinusoidally, so the integral is expanded in
    /// e² and integrated term by term.
    static func ellipsoidalLength(_ a: Vector, _ b: Vector) -> Double {
        let sigma = angle(a, b)
        guard sigma > 0 else { return 0 }
        // Unit tangent at a, towards b.
        let towards = b - dot(a, b) * a
        let towardsLength = length(towards)
        guard towardsLength > 0 else { return radius * sigma }
        let tangentZ = towards.z / towardsLength
        // T_z(s) = tangentZ·cos s − a.z·sin s = k·cos(s + s₀)
        let k2 = tangentZ * tangentZ + a.z * a.z
        let s0 = atan2(a.z, tangentZ)
        func cos2Integral(_ x: Double) -> Double { x / 2 + sin(2 * x) / 4 }
        func cos4Integral(_ x: Double) -> Double { 3 * x / 8 + sin(2 * x) / 4 + sin(4 * x) / 32 }
        let i2 = cos2Integral(sigma + s0) - cos2Integral(s0)
        let i4 = cos4Integral(sigma + s0) - cos4Integral(s0)
        let e2 = eccentricitySquared
        return radius * (sigma - e2 / 2 * k2 * i2 - e2 * e2 / 8 * k2 * k2 * i4)
    }

    static func cross(_ a: Vector, _ b: Vector) -> Vector {
        Vector(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x)
    }

    static func dot(_ a: Vector, _ b: Vector) -> Double {
        (a * b).sum()
    }

    static func length(_ a: Vector) -> Double {
        dot(a, a).squareRoot()
    }

    /// The angle between two unit vectors, accurate at every size.
    static func angle(_ a: Vector, _ b: Vector) -> Double {
        atan2(length(cross(a, b)), dot(a, b))
    }

    /// The angle from `p` to the great-circle arc from `a` to `b` (shorter than a half circle), and
    /// the arc's point nearest to `p`. `normal` is the arc's unit normal, nil for a zero-length arc.
    static func nearestOnArc(_ p: Vector, _ a: Vector, _ b: Vector, normal: Vector?) -> (angle: Double, foot: Vector) {
        if let normal {
            let offPlane = dot(p, normal)
            let inPlane = p - offPlane * normal
            let inPlaneLength = length(inPlane)
            // The perpendicular's foot lies on the arc when it is on the inner side of both ends.
            if inPlaneLength > 0 && dot(cross(a, inPlane), normal) >= 0 && dot(cross(inPlane, b), normal) >= 0 {
                return (atan2(abs(offPlane), inPlaneLength), inPlane / inPlaneLength)
            }
        }
        let toA = angle(p, a)
        let toB = angle(p, b)
        return toA <= toB ? (toA, a) : (toB, b)
    }

    /// The unit normal of the arc's great circle, or nil when the arc has no direction.
    static func arcNormal(_ a: Vector, _ b: Vector) -> Vector? {
        let normal = cross(a, b)
        let size = length(normal)
        guard size > 1e-15 else { return nil }
        return normal / size
    }

    /// Where two arcs (each shorter than a half circle) cross, or nil.
    static func crossing(_ a1: Vector, _ a2: Vector, _ b1: Vector, _ b2: Vector) -> Vector? {
        let normalA = cross(a1, a2)
        let sideB1 = dot(normalA, b1)
        let sideB2 = dot(normalA, b2)
        guard sideB1 * sideB2 <= 0 else { return nil }
        let normalB = cross(b1, b2)
        let sideA1 = dot(normalB, a1)
        let sideA2 = dot(normalB, a2)
        guard sideA1 * sideA2 <= 0 else { return nil }
        var direction = cross(normalA, normalB)
        let size = length(direction)
        // Arcs on one great circle: any contact is found as a vertex lying on the other arc.
        guard size > 1e-15 else { return nil }
        direction /= size
        if dot(direction, a1 + a2) < 0 { direction = -direction }
        guard dot(direction, b1 + b2) > 0 else { return nil }
        return direction
    }
}
