import Foundation
@testable import GeoMap

/// Seeded random geometries on the globe for the geodesic tests, built with geodesic steps so
/// that they are valid wherever they land (across the antimeridian, near the poles).
struct GeodesicTestGeometries {
    var generator: SplitMix64
    let geodesic = Geodesic.wgs84

    init(seed: UInt64) {
        generator = SplitMix64(seed: seed)
    }

    mutating func uniform(_ range: ClosedRange<Double>) -> Double {
        Double.random(in: range, using: &generator)
    }

    mutating func chance(_ probability: Double) -> Bool {
        uniform(0...1) < probability
    }

    /// A point uniformly distributed over the sphere.
    mutating func anywhere() -> Point {
        Point(lon: uniform(-180...180), lat: asin(uniform(-1...1)) * 180 / .pi)
    }

    func step(_ from: Point, azimuth: Double, distance: Double) -> Point {
        (try? geodesic.direct(from: from, azimuth: azimuth, distance: distance).point) ?? from
    }

    /// A polygon that is star-shaped around `centre`, so it is simple and holds `centre`.
    mutating func starPolygon(around centre: Point, radius: Double, vertices: Int? = nil) -> Polygon {
        let count = vertices ?? Int(uniform(5...9))
        let azimuths = (0..<count).map { _ in uniform(0...360) }.sorted()
        var ring = azimuths.map { step(centre, azimuth: $0, distance: radius * uniform(0.4...1)) }
        ring.append(ring[0])
        return Polygon(uncheckedExterior: LinearRing(uncheckedPoints: ring), holes: [])
    }

    mutating func randomLine(from start: Point, length: Double, vertices: Int? = nil) -> LineString {
        let count = vertices ?? Int(uniform(2...6))
        var azimuth = uniform(0...360)
        var points = [start]
        for _ in 1..<count {
            points.append(step(points[points.count - 1], azimuth: azimuth, distance: length / Double(count - 1)))
            azimuth += uniform(-60...60)
        }
        return LineString(uncheckedPoints: points)
    }

    /// A random small geometry of any kind around `centre`, about `size` metres across.
    mutating func anyGeometry(around centre: Point, size: Double) -> Geometry {
        switch Int(uniform(0...5.999)) {
        case 0:
            return .point(centre)
        case 1:
            return .lineString(randomLine(from: centre, length: size))
        case 2, 3:
            return .polygon(starPolygon(around: centre, radius: size / 2))
        case 4:
            let second = step(centre, azimuth: uniform(0...360), distance: size * 1.6)
            return .multiPolygon(MultiPolygon(polygons: [
                starPolygon(around: centre, radius: size / 2), starPolygon(around: second, radius: size / 3),
            ]))
        default:
            let points = (0..<Int(uniform(2...4))).map { _ in step(centre, azimuth: uniform(0...360), distance: uniform(0...size)) }
            return .multiPoint(MultiPoint(points: points))
        }
    }

    /// Two islands split at the antimeridian, each with an edge along ±180°, as Natural Earth draws Fiji.
    mutating func splitAtAntimeridian(lat: Double, halfHeight: Double, width: Double) -> MultiPolygon {
        let east = [
            Point(lon: 180, lat: lat - halfHeight), Point(lon: 180, lat: lat + halfHeight),
            Point(lon: 180 - width * uniform(0.5...1), lat: lat + halfHeight * uniform(0.5...1)),
            Point(lon: 180 - width, lat: lat),
            Point(lon: 180 - width * uniform(0.5...1), lat: lat - halfHeight * uniform(0.5...1)),
            Point(lon: 180, lat: lat - halfHeight),
        ]
        let west = [
            Point(lon: -180, lat: lat + halfHeight), Point(lon: -180, lat: lat - halfHeight),
            Point(lon: -180 + width * uniform(0.5...1), lat: lat - halfHeight * uniform(0.5...1)),
            Point(lon: -180 + width, lat: lat),
            Point(lon: -180 + width * uniform(0.5...1), lat: lat + halfHeight * uniform(0.5...1)),
            Point(lon: -180, lat: lat + halfHeight),
        ]
        return MultiPolygon(polygons: [east, west].map {
            Polygon(uncheckedExterior: LinearRing(uncheckedPoints: $0), holes: [])
        })
    }
}
