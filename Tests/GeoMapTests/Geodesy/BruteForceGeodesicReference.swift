import Foundation
@testable import GeoMap

/// An independent, brute-force geodesic distance for checking `Geodesic.shortestDistance`.
///
/// Every edge is densified along its geodesic to points at most `spacing` metres apart; the
/// distance is the minimum over all pairs of densified points of one geometry and densified
/// sub-segments of the other. Each point-to-sub-segment distance is taken in an azimuthal
/// equidistant frame centred on the point, built from `geod_inverse` (x = s·sin α, y = s·cos α),
/// where distances from the centre are exact and a short sub-segment is all but straight.
/// Containment is decided by ray casting in the same kind of frame centred on the tested vertex,
/// so no part of it depends on longitudes, the antimeridian or GEOS.
struct BruteForceGeodesicReference {
    let spacing: Double
    let geodesic = Geodesic.wgs84

    private struct Dense {
        var paths: [[Point]] = []
        var polygons: [[[Point]]] = []
        var representatives: [Point] = []
    }

    func distance(_ first: Geometry, _ second: Geometry) -> Double {
        let a = dense(first)
        let b = dense(second)
        if b.representatives.contains(where: { covers(a, $0) }) || a.representatives.contains(where: { covers(b, $0) }) {
            return 0
        }
        let aPoints = a.paths.flatMap { $0 }
        let bPoints = b.paths.flatMap { $0 }
        // One geod_inverse per pair gives both frames: centred on a (azimuth α1) and on b (α2 + 180°).
        var lengths = [Double](repeating: 0, count: aPoints.count * bPoints.count)
        var fromA = [SIMD2<Double>](repeating: .zero, count: lengths.count)
        var fromB = [SIMD2<Double>](repeating: .zero, count: lengths.count)
        for (i, p) in aPoints.enumerated() {
            for (j, q) in bPoints.enumerated() {
                let inverse = geodesic.uncheckedInverse(from: p, to: q)
                let index = i * bPoints.count + j
                lengths[index] = inverse.distance
                fromA[index] = frame(inverse.distance, inverse.initialAzimuth)
                fromB[index] = frame(inverse.distance, inverse.finalAzimuth + 180)
            }
        }
        var best = lengths.min() ?? .infinity
        let far = 10_000_000.0  // beyond this the frame is too distorted near the antipode; points suffice there
        // Points of a against sub-segments of b, then the other way round.
        var bStart = 0
        for path in b.paths {
            for i in 0..<aPoints.count {
                for j in bStart..<(bStart + path.count - 1) {
                    let index = i * bPoints.count + j
                    guard lengths[index] < far else { continue }
                    best = min(best, originToSegment(fromA[index], fromA[index + 1]))
                }
            }
            bStart += path.count
        }
        var aStart = 0
        for path in a.paths {
            for j in 0..<bPoints.count {
                for i in aStart..<(aStart + path.count - 1) {
                    let index = i * bPoints.count + j
                    guard lengths[index] < far else { continue }
                    best = min(best, originToSegment(fromB[index], fromB[index + bPoints.count]))
                }
            }
            aStart += path.count
        }
        // Sub-segments that cross each other.
        if best < 4 * spacing && crosses(a, b) { return 0 }
        return best
    }

    private func frame(_ distance: Double, _ azimuth: Double) -> SIMD2<Double> {
        let radians = azimuth * .pi / 180
        return SIMD2(distance * sin(radians), distance * cos(radians))
    }

    private func originToSegment(_ start: SIMD2<Double>, _ end: SIMD2<Double>) -> Double {
        let direction = end - start
        let lengthSquared = (direction * direction).sum()
        let t = lengthSquared > 0 ? min(1, max(0, -(start * direction).sum() / lengthSquared)) : 0
        let nearest = start + t * direction
        return (nearest * nearest).sum().squareRoot()
    }

    private func crosses(_ a: Dense, _ b: Dense) -> Bool {
        for pathA in a.paths where pathA.count > 1 {
            for i in 0..<(pathA.count - 1) {
                let centre = pathA[i]
                let next = frame(geodesic.uncheckedDistance(from: centre, to: pathA[i + 1]),
                                 geodesic.uncheckedInverse(from: centre, to: pathA[i + 1]).initialAzimuth)
                for pathB in b.paths where pathB.count > 1 {
                    var previous: SIMD2<Double>?
                    for q in pathB {
                        let inverse = geodesic.uncheckedInverse(from: centre, to: q)
                        let current = frame(inverse.distance, inverse.initialAzimuth)
                        if let previous, inverse.distance < 4 * spacing, segmentsIntersect(.zero, next, previous, current) {
                            return true
                        }
                        previous = current
                    }
                }
            }
        }
        return false
    }

    private func segmentsIntersect(_ p1: SIMD2<Double>, _ p2: SIMD2<Double>, _ q1: SIMD2<Double>, _ q2: SIMD2<Double>) -> Bool {
        func orientation(_ a: SIMD2<Double>, _ b: SIMD2<Double>, _ c: SIMD2<Double>) -> Double {
            (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
        }
        let d1 = orientation(q1, q2, p1)
        let d2 = orientation(q1, q2, p2)
        let d3 = orientation(p1, p2, q1)
        let d4 = orientation(p1, p2, q2)
        return d1 * d2 <= 0 && d3 * d4 <= 0
    }

    /// Even-odd ray casting along +x in a frame centred on `point`.
    private func covers(_ shape: Dense, _ point: Point) -> Bool {
        for polygon in shape.polygons {
            var inside = false
            for ring in polygon {
                let projected = ring.map { q -> SIMD2<Double> in
                    let inverse = geodesic.uncheckedInverse(from: point, to: q)
                    return frame(inverse.distance, inverse.initialAzimuth)
                }
                for k in 0..<(projected.count - 1) {
                    let u = projected[k]
                    let v = projected[k + 1]
                    if (u.y > 0) != (v.y > 0) {
                        let x = u.x + (0 - u.y) * (v.x - u.x) / (v.y - u.y)
                        if x > 0 { inside.toggle() }
                    }
                }
            }
            if inside { return true }
        }
        return false
    }

    private func dense(_ geometry: Geometry) -> Dense {
        var result = Dense()
        add(geometry, to: &result)
        return result
    }

    private func add(_ geometry: Geometry, to result: inout Dense) {
        switch geometry {
        case .point(let point):
            result.paths.append([point])
            result.representatives.append(point)
        case .lineString(let line):
            guard let first = line.points.first else { return }
            result.paths.append(densify(line.points))
            result.representatives.append(first)
        case .polygon(let polygon):
            guard let first = polygon.exterior.points.first else { return }
            let rings = polygon.rings.map { densify($0.points) }
            result.paths.append(contentsOf: rings)
            result.polygons.append(rings)
            result.representatives.append(first)
        case .multiPoint(let multi):
            for point in multi.points { add(.point(point), to: &result) }
        case .multiLineString(let multi):
            for line in multi.lineStrings { add(.lineString(line), to: &result) }
        case .multiPolygon(let multi):
            for polygon in multi.polygons { add(.polygon(polygon), to: &result) }
        case .geometryCollection(let collection):
            for member in collection.geometries { add(member, to: &result) }
        }
    }

    private func densify(_ points: [Point]) -> [Point] {
        guard points.count > 1 else { return points }
        var dense = [Point]()
        for index in 0..<(points.count - 1) {
            let line = GeodesicLine(from: points[index], to: points[index + 1], on: geodesic)
            let pieces = max(1, Int((line.length / spacing).rounded(.up)))
            dense.append(points[index])
            for piece in 1..<pieces {
                dense.append(line.position(at: line.length * Double(piece) / Double(pieces)).point)
            }
        }
        dense.append(points[points.count - 1])
        return dense
    }
}
